// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: the FILE_NOTIFY_INFORMATION encoder (vfs/notify.h) - alignment,
 * chaining, coalescing and the buffer limit - and the names of tree
 * watches.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "notify.h"
#include "../../common/smb2pdu.h"

/* Queue action on an ASCII name (stored as UTF-16LE). */
static void add(struct kunit *test, struct list_head *l, u32 action,
		const char *name)
{
	size_t i, len = strlen(name);
	struct ksmbd_notify_change *c;

	c = kunit_kzalloc(test, sizeof(*c) + 2 * len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	c->action = action;
	c->len = 2 * len;
	for (i = 0; i < len; i++)
		c->name[i] = cpu_to_le16(name[i]);
	list_add_tail(&c->node, l);
}

static void expect_entry(struct kunit *test, const u8 *p, u32 next,
			 u32 action, const char *name)
{
	size_t i, len = strlen(name);

	KUNIT_EXPECT_EQ(test, get_unaligned_le32(p), next);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(p + 4), action);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(p + 8), (u32)(2 * len));
	for (i = 0; i < len; i++)
		KUNIT_EXPECT_EQ(test, get_unaligned_le16(p + 12 + 2 * i),
				(u16)name[i]);
}

/* Entries are padded to 4 bytes, chained, the last one ends the chain. */
static void notify_pack_chain(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	LIST_HEAD(l);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 128, &l), 0);

	add(test, &l, FILE_ACTION_ADDED, "a");		/* 12 + 2 -> 16 */
	add(test, &l, FILE_ACTION_RENAMED_OLD_NAME, "bb"); /* 12 + 4 -> 16 */
	add(test, &l, FILE_ACTION_RENAMED_NEW_NAME, "ccc"); /* 18 -> 20 */
	memset(buf, 0xff, 128);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(NULL, 128, &l), 52);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 128, &l), 52);
	expect_entry(test, buf, 16, FILE_ACTION_ADDED, "a");
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 14), 0); /* padding */
	expect_entry(test, buf + 16, 16, FILE_ACTION_RENAMED_OLD_NAME, "bb");
	expect_entry(test, buf + 32, 0, FILE_ACTION_RENAMED_NEW_NAME, "ccc");
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 50), 0);
	KUNIT_EXPECT_EQ(test, buf[52], 0xff);	/* nothing written past */
}

/* Exactly the size fits; one byte less is -ENOSPC, whatever the offset. */
static void notify_pack_limit(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	LIST_HEAD(l);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	add(test, &l, FILE_ACTION_ADDED, "abcd");	/* 20 */
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 0, &l), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 1, &l), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 19, &l), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 20, &l), 20);
	add(test, &l, FILE_ACTION_REMOVED, "x");	/* 16 */
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 35, &l), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 36, &l), 36);
	expect_entry(test, buf, 20, FILE_ACTION_ADDED, "abcd");
	expect_entry(test, buf + 20, 0, FILE_ACTION_REMOVED, "x");
}

/* Consecutive identical changes are sent once; others are kept. */
static void notify_pack_coalesce(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	LIST_HEAD(l);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	add(test, &l, FILE_ACTION_MODIFIED, "f");
	add(test, &l, FILE_ACTION_MODIFIED, "f");
	add(test, &l, FILE_ACTION_MODIFIED, "g");
	add(test, &l, FILE_ACTION_MODIFIED, "f");
	add(test, &l, FILE_ACTION_REMOVED, "f");
	add(test, &l, FILE_ACTION_REMOVED, "f");
	KUNIT_EXPECT_EQ(test, ksmbd_notify_pack(buf, 128, &l), 4 * 16);
	expect_entry(test, buf, 16, FILE_ACTION_MODIFIED, "f");
	expect_entry(test, buf + 16, 16, FILE_ACTION_MODIFIED, "g");
	expect_entry(test, buf + 32, 16, FILE_ACTION_MODIFIED, "f");
	expect_entry(test, buf + 48, 0, FILE_ACTION_REMOVED, "f");
}

static void expect_tree_name(struct kunit *test, const char *root,
			     const char *dir, const char *name, int ret,
			     const char *want)
{
	char out[32];

	memset(out, 'x', sizeof(out));
	KUNIT_EXPECT_EQ_MSG(test, ksmbd_notify_tree_name(root, dir, name,
							 strlen(name), out,
							 sizeof(out)),
			    ret, "root %s dir %s", root, dir);
	if (ret >= 0)
		KUNIT_EXPECT_STREQ(test, out, want);
}

/* Tree names: relative to the watched directory, with backslashes. */
static void notify_tree_name(struct kunit *test)
{
	expect_tree_name(test, "/w", "/w", "f", 1, "f");
	expect_tree_name(test, "/w", "/w/a", "f", 3, "a\\f");
	expect_tree_name(test, "/w", "/w/a/bc", "f.txt", 10, "a\\bc\\f.txt");
	expect_tree_name(test, "/s/w", "/s/w/a", "f", 3, "a\\f");
	/* the filesystem's root watched */
	expect_tree_name(test, "/", "/", "f", 1, "f");
	expect_tree_name(test, "/", "/a/b", "f", 5, "a\\b\\f");
	/* not beneath: a sibling sharing a prefix, a parent, elsewhere */
	expect_tree_name(test, "/w", "/wx", "f", -ENOENT, NULL);
	expect_tree_name(test, "/w", "/wx/a", "f", -ENOENT, NULL);
	expect_tree_name(test, "/w/a", "/w", "f", -ENOENT, NULL);
	expect_tree_name(test, "/w", "/v/w", "f", -ENOENT, NULL);
	/* 31 characters and the NUL fit 32 bytes, 32 do not */
	expect_tree_name(test, "/w", "/w/0123456789012345678901234",
			 "abcd", 30, "0123456789012345678901234\\abcd");
	expect_tree_name(test, "/w", "/w/0123456789012345678901234",
			 "abcde", 31, "0123456789012345678901234\\abcde");
	expect_tree_name(test, "/w", "/w/0123456789012345678901234",
			 "abcdef", -ENAMETOOLONG, NULL);
}

static struct kunit_case ksmbd_vfs_notify_cases[] = {
	KUNIT_CASE(notify_pack_chain),
	KUNIT_CASE(notify_pack_limit),
	KUNIT_CASE(notify_pack_coalesce),
	KUNIT_CASE(notify_tree_name),
	{}
};

static struct kunit_suite ksmbd_vfs_notify_suite = {
	.name = "ksmbd_vfs_notify",
	.test_cases = ksmbd_vfs_notify_cases,
};

kunit_test_suite(ksmbd_vfs_notify_suite);
