// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: SMB3.1.1 POSIX extension encoders (vfs/posix.h): the create
 * context response, FilePosixInformation, its directory entry and
 * FileFsPosixInformation, field by field and at buffer limits.
 */
#include <kunit/test.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "posix.h"
#include "info.h"
#include "dirent.h"
#include "name.h"
#include "../../common/smb2pdu.h"
#include "../ntstatus.h"

static void posix_stat(struct ksmbd_stat *ks, bool dir, u32 uid, u32 gid)
{
	memset(ks, 0, sizeof(*ks));
	ks->st.mode = dir ? S_IFDIR | 02750 : S_IFREG | 0640;
	ks->st.size = 5000;
	ks->st.blocks = 16;
	ks->st.blksize = 4096;
	ks->st.ino = 0x0102030405060708ULL;
	ks->st.nlink = 3;
	ks->st.uid = KUIDT_INIT(uid);
	ks->st.gid = KGIDT_INIT(gid);
	ks->st.atime.tv_sec = 1;
	ks->st.mtime.tv_sec = 2;
	ks->st.ctime.tv_sec = 3;
	ks->create_time = 77;
	ks->attrs = dir ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_ARCHIVE;
}

/* S-1-22-<kind>-<id> as 16 wire bytes */
static void expect_unix_sid(struct kunit *test, const u8 *p, u32 kind, u32 id)
{
	static const u8 hdr[8] = { 1, 2, 0, 0, 0, 0, 0, 22 };

	KUNIT_EXPECT_EQ(test, memcmp(p, hdr, 8), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(p + 8), kind);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(p + 12), id);
}

static void posix_cc_fields(struct kunit *test)
{
	struct ksmbd_stat ks;
	u8 buf[64];

	posix_stat(&ks, false, 1000, 100);
	KUNIT_ASSERT_EQ(test, ksmbd_posix_cc_encode(&ks, buf, sizeof(buf)),
			12 + 16 + 16);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 3u);	/* nlink */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 4), 0u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 8), 0640u);
	expect_unix_sid(test, buf + 12, 1, 1000);
	expect_unix_sid(test, buf + 28, 2, 100);

	/* type bits never reach the wire; setgid and friends do */
	posix_stat(&ks, true, 0, 0);
	KUNIT_ASSERT_GT(test, ksmbd_posix_cc_encode(&ks, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 8), 02750u);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_wire_mode(S_IFLNK | 04777), 04777u);
}

static void posix_cc_limits(struct kunit *test)
{
	struct ksmbd_stat ks;
	u8 buf[44];
	u32 max;

	posix_stat(&ks, false, 1, 2);
	for (max = 0; max < 44; max++)
		KUNIT_EXPECT_EQ(test, ksmbd_posix_cc_encode(&ks, buf, max),
				-ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_cc_encode(&ks, buf, 44), 44);
}

static void posix_info_fields(struct kunit *test)
{
	struct ksmbd_stat ks;
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	posix_stat(&ks, false, 1000, 100);
	ks.st.dev = MKDEV(8, 1);
	KUNIT_ASSERT_EQ(test, ksmbd_posix_info_encode(&ks, buf, 256), 68 + 44);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf), 77ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8),
			KSMBD_NT_EPOCH_DELTA + 10000000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 16),
			KSMBD_NT_EPOCH_DELTA + 20000000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 24),
			KSMBD_NT_EPOCH_DELTA + 30000000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 32), 5000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 40), 8192ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 48),
			(u32)FILE_ATTRIBUTE_ARCHIVE);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 52),
			0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 60),
			(u32)new_encode_dev(MKDEV(8, 1)));
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 64), 0u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 68), 3u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 76), 0640u);
	expect_unix_sid(test, buf + 80, 1, 1000);
	expect_unix_sid(test, buf + 96, 2, 100);

	/* a directory has no data: EOF and allocation are 0 */
	posix_stat(&ks, true, 0, 0);
	KUNIT_ASSERT_EQ(test, ksmbd_posix_info_encode(&ks, buf, 256), 112);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 32), 0ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 40), 0ULL);

	/* no partial record */
	KUNIT_EXPECT_EQ(test, ksmbd_posix_info_encode(&ks, buf, 111), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_info_encode(&ks, buf, 67), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_info_encode(&ks, buf, 0), -E2BIG);
}

static const __le16 name3[] = { cpu_to_le16('a'), cpu_to_le16(':'),
				cpu_to_le16('A') };

/* Entries chain 8-aligned through the generic packer; a full one is refused. */
static void posix_dirent_pack(struct kunit *test)
{
	struct ksmbd_dirent e = { .name = name3, .name_len = 6 };
	struct ksmbd_dirent_buf b = {};
	struct ksmbd_stat ks;
	u32 one = KSMBD_POSIX_DIRENT_MIN + 6;	/* 124 + 6 */
	u8 *buf = kunit_kzalloc(test, 512, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	posix_stat(&ks, false, 1000, 100);
	e.ks = &ks;
	KUNIT_EXPECT_EQ(test, ksmbd_dirent_fixed(KSMBD_FIND_POSIX_INFO), 124u);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_dirent_fixed(&ks), 124u);

	b.buf = buf;
	b.max = ALIGN(one, 8) + one;	/* exactly two */
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b, KSMBD_FIND_POSIX_INFO, &e),
			0);
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b, KSMBD_FIND_POSIX_INFO, &e),
			0);
	KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, KSMBD_FIND_POSIX_INFO, &e),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, b.count, 2u);
	KUNIT_EXPECT_EQ(test, b.used, ALIGN(one, 8) + one);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), ALIGN(one, 8));
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + ALIGN(one, 8)), 0u);

	/* the record as the client parses it */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 4), 0u);	/* index */
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 77ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 60),
			0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 76), 3u);	/* links */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 84), 0640u);
	expect_unix_sid(test, buf + 88, 1, 1000);
	expect_unix_sid(test, buf + 104, 2, 100);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 120), 6u);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 124, name3, 6), 0);
	/* the padding between the entries is zero */
	KUNIT_EXPECT_EQ(test, buf[130], 0);
	KUNIT_EXPECT_EQ(test, buf[135], 0);

	/* one byte short of the first entry: nothing is written */
	memset(&b, 0, sizeof(b));
	memset(buf, 0xee, 512);
	b.buf = buf;
	b.max = one - 1;
	KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, KSMBD_FIND_POSIX_INFO, &e),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, b.count, 0u);
	KUNIT_EXPECT_EQ(test, buf[0], 0xee);
}

/* Larger ids still make 16-byte SIDs: the entry size does not move. */
static void posix_dirent_ids(struct kunit *test)
{
	struct ksmbd_stat ks;

	posix_stat(&ks, false, 0xfffffffe, 0xfffffffe);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_dirent_fixed(&ks), 124u);
}

static void posix_cctx(struct kunit *test)
{
	struct ksmbd_stat ks;
	u8 buf[KSMBD_POSIX_CCTX_MAX];
	int n;

	posix_stat(&ks, false, 5, 6);
	n = ksmbd_posix_cctx_put(buf, sizeof(buf), &ks);
	KUNIT_ASSERT_EQ(test, n, 32 + 48);	/* 44 bytes of data, padded */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 0u);	/* Next */
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 4), 16);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 6), 16);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 10), 32);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 12), 44u);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 16, ksmbd_posix_tag, 16), 0);
	KUNIT_EXPECT_EQ(test, buf[16], 0x93);
	KUNIT_EXPECT_EQ(test, buf[31], 0x7c);
	expect_unix_sid(test, buf + 32 + 12, 1, 5);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 76), 0u);	/* pad */
	KUNIT_EXPECT_EQ(test, ksmbd_posix_cctx_put(buf, 79, &ks), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_cctx_put(buf, 31, &ks), -ENOSPC);
}

static void posix_fs(struct kunit *test)
{
	struct kstatfs sfs = {
		.f_bsize = 1024, .f_blocks = 100, .f_bfree = 50,
		.f_bavail = 40, .f_files = 30, .f_ffree = 20,
		.f_fsid = { .val = { 0x11, 0x22 } },
	};
	u8 buf[56];

	KUNIT_ASSERT_EQ(test, ksmbd_posix_fs_encode(&sfs, buf, 56), 56);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 1024u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 4), 1024u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 100ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 16), 50ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 24), 40ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 32), 30ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 40), 20ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 48), 0x2200000011ULL);
	KUNIT_EXPECT_EQ(test, ksmbd_posix_fs_encode(&sfs, buf, 55), -E2BIG);
}

/* ASCII s as UTF-16LE into buf; its length in bytes. */
static u32 utf16(__le16 *buf, const char *s)
{
	u32 i;

	for (i = 0; s[i]; i++)
		buf[i] = cpu_to_le16((u8)s[i]);
	return i * 2;
}

/* The parsers' NTSTATUS in CPU order, for KUnit's comparisons. */
static u32 pparse(const __le16 *buf, u32 len, struct ksmbd_name *n)
{
	return le32_to_cpu(ksmbd_name_parse_posix(buf, len, n));
}

#define ST(s)	le32_to_cpu(s)

/* POSIX names: ':' and Windows' forbidden characters are characters. */
static void posix_name_parse(struct kunit *test)
{
	static const char * const ok[] = {
		"a:b", "d\\x:y:z", "w*?<>|\"", "::$DATA", "tab\tname",
		"d/e\\f:g",
	};
	static const char * const ok_path[] = {
		"a:b", "d/x:y:z", "w*?<>|\"", "::$DATA", "tab\tname",
		"d/e/f:g",
	};
	static const struct {
		const char *name;
		__le32 st;
	} bad[] = {
		{ "a//b", STATUS_OBJECT_NAME_INVALID },
		{ "a\\\\b", STATUS_OBJECT_NAME_INVALID },
		{ "/a", STATUS_INVALID_PARAMETER },
		{ "\\a", STATUS_INVALID_PARAMETER },
		{ "..", STATUS_OBJECT_PATH_SYNTAX_BAD },
	};
	__le16 buf[32];
	struct ksmbd_name n;
	unsigned int i;
	u32 len;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		len = utf16(buf, ok[i]);
		KUNIT_ASSERT_EQ(test, pparse(buf, len, &n),
				ST(STATUS_SUCCESS));
		KUNIT_EXPECT_STREQ(test, n.path, ok_path[i]);
		KUNIT_EXPECT_NULL(test, n.stream);
		KUNIT_EXPECT_FALSE(test, n.stream_sep);
		ksmbd_name_free(&n);
	}
	/* the same names are streams or invalid without POSIX */
	len = utf16(buf, "a:b");
	KUNIT_ASSERT_EQ(test, ST(ksmbd_name_parse(buf, len, true, &n)),
			ST(STATUS_SUCCESS));
	KUNIT_EXPECT_STREQ(test, n.stream, "b");
	ksmbd_name_free(&n);
	len = utf16(buf, "w*");
	KUNIT_EXPECT_EQ(test, ST(ksmbd_name_parse(buf, len, true, &n)),
			ST(STATUS_OBJECT_NAME_INVALID));

	/* what a Linux name cannot hold, and the usual structure rules */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		len = utf16(buf, bad[i].name);
		KUNIT_EXPECT_EQ_MSG(test, pparse(buf, len, &n), ST(bad[i].st),
				    "%s", bad[i].name);
	}
	len = utf16(buf, "ab");
	buf[1] = 0;
	KUNIT_EXPECT_EQ(test, pparse(buf, len, &n),
			ST(STATUS_OBJECT_NAME_INVALID));
	len = utf16(buf, "a/..");	/* takes back "a": the root */
	KUNIT_ASSERT_EQ(test, pparse(buf, len, &n), ST(STATUS_SUCCESS));
	KUNIT_EXPECT_STREQ(test, n.path, "");
	ksmbd_name_free(&n);
	len = utf16(buf, "d\\");
	KUNIT_ASSERT_EQ(test, pparse(buf, len, &n),
			ST(STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, n.trailing_sep);
	ksmbd_name_free(&n);
}

static struct kunit_case ksmbd_posix_cases[] = {
	KUNIT_CASE(posix_name_parse),
	KUNIT_CASE(posix_cc_fields),
	KUNIT_CASE(posix_cc_limits),
	KUNIT_CASE(posix_info_fields),
	KUNIT_CASE(posix_dirent_pack),
	KUNIT_CASE(posix_dirent_ids),
	KUNIT_CASE(posix_cctx),
	KUNIT_CASE(posix_fs),
	{}
};

static struct kunit_suite ksmbd_posix_suite = {
	.name = "ksmbd_posix",
	.test_cases = ksmbd_posix_cases,
};

kunit_test_suite(ksmbd_posix_suite);
