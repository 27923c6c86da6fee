// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: named-stream xattr names and the FileStreamInformation encoder
 * (vfs/stream.h).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "stream.h"

/* Samba's streams_xattr spelling, both ways. */
static void stream_xattr_names(struct kunit *test)
{
	const char *s = NULL;
	char *x;

	x = ksmbd_stream_xattr("Zone.Identifier");
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_EXPECT_STREQ(test, x, "user.DosStream.Zone.Identifier:$DATA");
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name(x, &s), strlen("Zone.Identifier"));
	KUNIT_EXPECT_EQ(test, strncmp(s, "Zone.Identifier", 15), 0);
	kfree(x);

	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("user.DOSATTRIB", &s), 0u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("user.DosStream.:$DATA", &s),
			0u);	/* no name */
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("user.DosStream.a", &s), 0u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("user.DosStream.a:$DATA", &s),
			1u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("user.DosStreamX.a:$DATA", &s),
			0u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_name("", &s), 0u);
}

static void expect_utf16(struct kunit *test, const u8 *p, const char *s)
{
	size_t i;

	for (i = 0; i < strlen(s); i++)
		KUNIT_EXPECT_EQ(test, get_unaligned_le16(p + 2 * i), (u16)s[i]);
}

/* Entries: 24-byte header + ":name:$DATA", chained 8-aligned. */
static void stream_info_chain(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	u32 used = 0, last = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, ksmbd_stream_info_put(buf, 256, &used, &last, "",
						    0, 1000, 4096), 0);
	/* "::$DATA" is 7 units */
	KUNIT_EXPECT_EQ(test, used, 24u + 14);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 0u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 4), 14u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 1000ull);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 16), 4096ull);
	expect_utf16(test, buf + 24, "::$DATA");

	KUNIT_ASSERT_EQ(test, ksmbd_stream_info_put(buf, 256, &used, &last,
						    "ab", 2, 3, 4096), 0);
	/* second entry at ALIGN(38, 8) = 40, linked from the first */
	KUNIT_EXPECT_EQ(test, last, 40u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 40u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 40), 0u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 44), 18u);
	expect_utf16(test, buf + 64, ":ab:$DATA");
	KUNIT_EXPECT_EQ(test, used, 40u + 24 + 18);
}

/* An entry that does not fit is refused whole; the chain stays intact. */
static void stream_info_limits(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	u32 used = 0, last = 0, max;
	char *longname;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_info_put(buf, 37, &used, &last, "",
						    0, 0, 0), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, used, 0u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_info_put(buf, 38, &used, &last, "",
						    0, 0, 0), 0);
	max = 40 + 24 + 18 - 1;	/* one byte short for ":ab:$DATA" */
	KUNIT_EXPECT_EQ(test, ksmbd_stream_info_put(buf, max, &used, &last,
						    "ab", 2, 0, 0), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, used, 38u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 0u);
	KUNIT_EXPECT_EQ(test, ksmbd_stream_info_put(buf, max + 1, &used, &last,
						    "ab", 2, 0, 0), 0);

	/* names longer than a component are skipped, not truncated */
	longname = kunit_kzalloc(test, 300, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, longname);
	memset(longname, 'x', 256);
	used = 0;
	last = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_stream_info_put(buf, 128, &used, &last,
						    longname, 256, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, used, 0u);
}

static struct kunit_case ksmbd_vfs_stream_cases[] = {
	KUNIT_CASE(stream_xattr_names),
	KUNIT_CASE(stream_info_chain),
	KUNIT_CASE(stream_info_limits),
	{}
};

static struct kunit_suite ksmbd_vfs_stream_suite = {
	.name = "ksmbd_vfs_stream",
	.test_cases = ksmbd_vfs_stream_cases,
};

kunit_test_suite(ksmbd_vfs_stream_suite);
