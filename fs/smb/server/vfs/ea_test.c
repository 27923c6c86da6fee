// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: FILE_FULL_EA_INFORMATION / FILE_GET_EA_INFORMATION walkers and
 * the EA entry encoder (vfs/ea.h).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "ea.h"

/* Write one FILE_FULL_EA_INFORMATION entry at off; returns its size. */
static u32 put_full(u8 *buf, u32 off, u32 next, const char *name,
		    const char *val)
{
	u32 nl = strlen(name), vl = strlen(val);

	put_unaligned_le32(next, buf + off);
	buf[off + 4] = 0;
	buf[off + 5] = nl;
	put_unaligned_le16(vl, buf + off + 6);
	memcpy(buf + off + 8, name, nl + 1);
	memcpy(buf + off + 9 + nl, val, vl);
	return 9 + nl + vl;
}

struct seen {
	unsigned int n;
	char names[4][16];
	u16 vlen[4];
};

static int record(void *arg, const struct ksmbd_ea *ea)
{
	struct seen *s = arg;

	if (s->n < 4) {
		memcpy(s->names[s->n], ea->name, min_t(u8, ea->name_len, 15));
		s->vlen[s->n] = ea->value_len;
	}
	s->n++;
	return 0;
}

static void ea_walk_lists(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	struct seen s = {};
	u32 a;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	a = put_full(buf, 0, 0, "color", "blue");	/* 18 bytes */
	put_unaligned_le32(ALIGN(a, 4), buf);
	a = put_full(buf, ALIGN(a, 4), 0, "X", "");
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 20 + a, record, &s), 0);
	KUNIT_EXPECT_EQ(test, s.n, 2u);
	KUNIT_EXPECT_STREQ(test, s.names[0], "color");
	KUNIT_EXPECT_EQ(test, s.vlen[0], 4);
	KUNIT_EXPECT_STREQ(test, s.names[1], "X");
	KUNIT_EXPECT_EQ(test, s.vlen[1], 0);

	/* the last entry cut short by one byte */
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 20 + a - 1, record, &s),
			-EINVAL);
	/* Next pointing past the buffer, or not 4-aligned, or backwards */
	put_unaligned_le32(200, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 40, record, &s), -EINVAL);
	put_unaligned_le32(18, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 40, record, &s), -EINVAL);
	put_unaligned_le32(4, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 40, record, &s), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 0, record, &s), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 7, record, &s), -EINVAL);

	/* a name without its NUL, and a name with a forbidden character */
	memset(buf, 0, 128);
	put_full(buf, 0, 0, "ab", "v");
	buf[10] = 'c';
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 12, record, &s), -EILSEQ);
	put_full(buf, 0, 0, "a:b", "v");
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 13, record, &s), -EILSEQ);
	/* unknown flag bits */
	put_full(buf, 0, 0, "ab", "v");
	buf[4] = 0x01;
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk(buf, 12, record, &s), -EILSEQ);

	/* FILE_GET_EA_INFORMATION: Next, NameLength, Name + NUL */
	memset(buf, 0, 128);
	memset(&s, 0, sizeof(s));
	put_unaligned_le32(12, buf);
	buf[4] = 3;
	memcpy(buf + 5, "abc", 4);
	buf[16] = 1;
	memcpy(buf + 17, "Z", 2);
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk_names(buf, 19, record, &s), 0);
	KUNIT_EXPECT_EQ(test, s.n, 2u);
	KUNIT_EXPECT_STREQ(test, s.names[1], "Z");
	KUNIT_EXPECT_EQ(test, ksmbd_ea_walk_names(buf, 18, record, &s),
			-EINVAL);
}

static void ea_put_chain(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	u32 used = 0, last = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0xee, 64);
	KUNIT_ASSERT_EQ(test, ksmbd_ea_put(buf, 64, &used, &last, "color", 5,
					   "blue", 4), 0);
	KUNIT_EXPECT_EQ(test, used, 18u);
	KUNIT_EXPECT_EQ(test, buf[5], 5);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 6), 4);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 8, "color\0blue", 10), 0);
	/* does not fit: refused whole, nothing linked */
	KUNIT_EXPECT_EQ(test, ksmbd_ea_put(buf, 36, &used, &last, "abcdef", 6,
					   "xy", 2), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 0u);
	KUNIT_ASSERT_EQ(test, ksmbd_ea_put(buf, 37, &used, &last, "abcdef", 6,
					   "xy", 2), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 20u);
	KUNIT_EXPECT_EQ(test, buf[18], 0);	/* padding zeroed */
	KUNIT_EXPECT_EQ(test, buf[19], 0);
	KUNIT_EXPECT_EQ(test, used, 37u);
}

static void ea_names(struct kunit *test)
{
	char *x;

	KUNIT_EXPECT_TRUE(test, ksmbd_ea_name_valid("color", 5));
	KUNIT_EXPECT_FALSE(test, ksmbd_ea_name_valid("", 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_ea_name_valid("a*b", 3));
	KUNIT_EXPECT_FALSE(test, ksmbd_ea_name_valid("a\x01", 2));
	x = ksmbd_ea_xattr("color", 5);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_EXPECT_STREQ(test, x, "user.color");
	kfree(x);
	/* the server's own xattrs are not EAs */
	KUNIT_EXPECT_NULL(test, ksmbd_ea_xattr("DOSATTRIB", 9));
	KUNIT_EXPECT_NULL(test, ksmbd_ea_xattr("DosStream.x:$DATA", 17));
	KUNIT_EXPECT_NULL(test, ksmbd_ea_xattr("DosStream.y", 11));
}

static struct kunit_case ksmbd_vfs_ea_cases[] = {
	KUNIT_CASE(ea_walk_lists),
	KUNIT_CASE(ea_put_chain),
	KUNIT_CASE(ea_names),
	{}
};

static struct kunit_suite ksmbd_vfs_ea_suite = {
	.name = "ksmbd_vfs_ea",
	.test_cases = ksmbd_vfs_ea_cases,
};

kunit_test_suite(ksmbd_vfs_ea_suite);
