/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the auth/ KUnit suites (6.1 has no KUNIT_EXPECT_MEMEQ).
 */
#ifndef _KSMBD_AUTH_TEST_H
#define _KSMBD_AUTH_TEST_H

#include <kunit/test.h>
#include <linux/string.h>

#define AUTH_HEX_MAX	64

/* got and want agree on len bytes; prints both (first 64 bytes) if not */
#define EXPECT_BYTES(test, got, want, len) do {				\
	const void *__g = (got), *__w = (want);				\
	size_t __n = (len);						\
	int __p = min_t(size_t, __n, AUTH_HEX_MAX);			\
	KUNIT_EXPECT_TRUE_MSG(test, !memcmp(__g, __w, __n),		\
			      "%s != %s\n got  %*phN\n want %*phN",	\
			      #got, #want, __p, __g, __p, __w);		\
} while (0)

#define EXPECT_BYTES_NE(test, got, want, len)				\
	KUNIT_EXPECT_TRUE_MSG(test, memcmp(got, want, len),		\
			      "%s == %s", #got, #want)

#endif /* _KSMBD_AUTH_TEST_H */
