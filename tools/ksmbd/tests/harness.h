/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A tiny test harness: CHECK() records a failure and goes on. */
#ifndef KSMBD_TEST_HARNESS_H
#define KSMBD_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int t_failed, t_checks;

#define CHECK(cond) do {						\
	t_checks++;							\
	if (!(cond)) {							\
		t_failed++;						\
		fprintf(stderr, "%s:%d: CHECK(%s) failed\n",		\
			__FILE__, __LINE__, #cond);			\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *_a = (a), *_b = (b);				\
	t_checks++;							\
	if (!_a || !_b || strcmp(_a, _b)) {				\
		t_failed++;						\
		fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__,	\
			__LINE__, _a ? _a : "(null)", _b ? _b : "(null)"); \
	}								\
} while (0)

#define RUN(fn) do { fprintf(stderr, "  %s\n", #fn); fn(); } while (0)

static inline int t_report(const char *name)
{
	fprintf(stderr, "%s: %d checks, %d failed\n", name, t_checks, t_failed);
	return t_failed ? 1 : 0;
}

static inline void hex(const unsigned char *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

#endif
