// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: directory entry packing at buffer limits, information-class
 * encoders, user.DOSATTRIB layout, CREATE context walk (vfs/dirent.h,
 * vfs/info.h, vfs/dosattr.h, vfs/cctx.h).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "dirent.h"
#include "info.h"
#include "info_wire.h"
#include "dosattr.h"
#include "cctx.h"
#include "../../common/smb2pdu.h"

static void fake_stat(struct ksmbd_stat *ks, bool dir)
{
	memset(ks, 0, sizeof(*ks));
	ks->st.mode = dir ? S_IFDIR | 0755 : S_IFREG | 0644;
	ks->st.size = 1000;
	ks->st.blocks = 8;
	ks->st.ino = 0x1122334455667788ULL;
	ks->st.nlink = 1;
	ks->st.mtime.tv_sec = 0;	/* 1970 */
	ks->create_time = 42;
	ks->attrs = dir ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_ARCHIVE;
}

static const __le16 name5[] = { cpu_to_le16('a'), cpu_to_le16('b'),
				cpu_to_le16('c'), cpu_to_le16('d'),
				cpu_to_le16('e') };

/* Entries chain 8-aligned; the one that does not fit is refused whole. */
static void dirent_pack_limits(struct kunit *test)
{
	static const u8 classes[] = {
		FILE_DIRECTORY_INFORMATION, FILE_FULL_DIRECTORY_INFORMATION,
		FILEID_FULL_DIRECTORY_INFORMATION,
		FILE_BOTH_DIRECTORY_INFORMATION,
		FILEID_BOTH_DIRECTORY_INFORMATION, FILE_NAMES_INFORMATION,
		FILE_ID_EXTD_DIRECTORY_INFORMATION,
	};
	static const u32 sizes[] = { 64, 68, 80, 94, 104, 12, 88 };
	struct ksmbd_dirent e = { .name = name5, .name_len = 10 };
	struct ksmbd_stat ks;
	unsigned int i;
	u8 *buf = kunit_kzalloc(test, 1024, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fake_stat(&ks, false);
	e.ks = &ks;
	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		u32 one = sizes[i] + 10, two = ALIGN(one, 8) + one;
		struct ksmbd_dirent_buf b = { .buf = buf, .max = two };

		KUNIT_EXPECT_EQ(test, ksmbd_dirent_fixed(classes[i]), sizes[i]);
		/* exactly two fit, the third does not */
		KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, classes[i], &e), 0);
		KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, classes[i], &e), 0);
		KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, classes[i], &e),
				-ENOSPC);
		KUNIT_EXPECT_EQ(test, b.count, 2u);
		KUNIT_EXPECT_EQ(test, b.used, two);
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), ALIGN(one, 8));
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + ALIGN(one, 8)),
				0u);
		/* the name is at the end of the fixed part */
		KUNIT_EXPECT_EQ(test, memcmp(buf + sizes[i], name5, 10), 0);

		/* one byte short of a single entry: nothing written */
		b = (struct ksmbd_dirent_buf){ .buf = buf, .max = one - 1 };
		KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b, classes[i], &e),
				-ENOSPC);
		KUNIT_EXPECT_EQ(test, b.count, 0u);
	}
	KUNIT_EXPECT_EQ(test, ksmbd_dirent_fixed(FILE_BASIC_INFORMATION), 0u);
}

static void dirent_fields(struct kunit *test)
{
	struct ksmbd_dirent e = { .name = name5, .name_len = 10 };
	struct ksmbd_dirent_buf b = {};
	struct ksmbd_stat ks;
	u8 buf[128];

	fake_stat(&ks, false);
	e.ks = &ks;
	b.buf = buf;
	b.max = sizeof(buf);
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b,
					       FILEID_BOTH_DIRECTORY_INFORMATION,
					       &e), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 42ULL);
	/* LastWriteTime: the Unix epoch in NT time */
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 24),
			KSMBD_NT_EPOCH_DELTA);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 40), 1000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 48), 4096ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 56),
			(u32)FILE_ATTRIBUTE_ARCHIVE);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 60), 10u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 96),
			0x1122334455667788ULL);
}

/* EaSize, and the 8.3 name of the "both" classes, land where they go */
static void dirent_short_ea(struct kunit *test)
{
	static const __le16 sn[] = { cpu_to_le16('A'), cpu_to_le16('~'),
				     cpu_to_le16('1') };
	struct ksmbd_dirent e = { .name = name5, .name_len = 10,
				  .short_name = sn, .short_len = sizeof(sn),
				  .ea_size = 77 };
	struct ksmbd_dirent_buf b = {};
	struct ksmbd_stat ks;
	u8 buf[256];

	fake_stat(&ks, false);
	e.ks = &ks;
	b.buf = buf;
	b.max = sizeof(buf);
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b,
					       FILE_BOTH_DIRECTORY_INFORMATION,
					       &e), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 64), 77u);
	KUNIT_EXPECT_EQ(test, buf[68], (u8)sizeof(sn));
	KUNIT_EXPECT_EQ(test, memcmp(buf + 70, sn, sizeof(sn)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 94, name5, 10), 0);

	b = (struct ksmbd_dirent_buf){ .buf = buf, .max = sizeof(buf) };
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b,
					       FILEID_BOTH_DIRECTORY_INFORMATION,
					       &e), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 64), 77u);
	KUNIT_EXPECT_EQ(test, buf[68], (u8)sizeof(sn));
	KUNIT_EXPECT_EQ(test, memcmp(buf + 70, sn, sizeof(sn)), 0);

	b = (struct ksmbd_dirent_buf){ .buf = buf, .max = sizeof(buf) };
	KUNIT_ASSERT_EQ(test, ksmbd_dirent_put(&b,
					       FILE_FULL_DIRECTORY_INFORMATION,
					       &e), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 64), 77u);

	/* a short name longer than the field is refused, nothing written */
	e.short_len = KSMBD_DIRENT_SHORT_MAX + 2;
	b = (struct ksmbd_dirent_buf){ .buf = buf, .max = sizeof(buf) };
	KUNIT_EXPECT_EQ(test, ksmbd_dirent_put(&b,
					       FILE_BOTH_DIRECTORY_INFORMATION,
					       &e), -EINVAL);
	KUNIT_EXPECT_EQ(test, b.count, 0u);
}

static void info_file_classes(struct kunit *test)
{
	struct ksmbd_info_ctx c = { .name = "dir/f", .access = 0x12019f,
				    .pos = 7 };
	struct ksmbd_stat ks;
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fake_stat(&ks, false);
	c.ks = &ks;
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_BASIC_INFORMATION,
						     &c, buf, 40), 40);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_BASIC_INFORMATION,
						     &c, buf, 39), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_STANDARD_INFORMATION,
						     &c, buf, 24), 24);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 1000ULL);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_NETWORK_OPEN_INFORMATION,
						     &c, buf, 56), 56);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_INTERNAL_INFORMATION,
						     &c, buf, 8), 8);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf), 0x1122334455667788ULL);
	/* all: 100 fixed + "\dir\f" (6 units) */
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_ALL_INFORMATION,
						     &c, buf, 256), 112);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 96), 12u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 100), '\\');
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 108), '\\');
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 80), 7ULL);
	/* name cut: overflow with the buffer full */
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_ALL_INFORMATION,
						     &c, buf, 104), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_ALL_INFORMATION,
						     &c, buf, 99), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_STREAM_INFORMATION,
						     &c, buf, 256), 24 + 14);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(200, &c, buf, 256),
			-EOPNOTSUPP);
	fake_stat(&ks, true);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_STREAM_INFORMATION,
						     &c, buf, 256), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_STANDARD_INFORMATION,
						     &c, buf, 24), 24);
	KUNIT_EXPECT_EQ(test, buf[21], 1);		/* Directory */
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 0ULL);
}

/* AllocationSize: the data's blocks, not the xattr block; reservations */
static void info_alloc_size(struct kunit *test)
{
	struct kstat st = { .mode = S_IFREG | 0644, .blksize = 4096 };

	st.blocks = 8;		/* an empty file with an external xattr block */
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 0ULL);
	st.blocks = 16;		/* and 4 KiB reserved beyond its end */
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_hinted(&st, 4096), 4096ULL);
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 0ULL);
	st.blocks = 8;		/* a reservation the blocks do not show */
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_hinted(&st, 1 << 20), 4096ULL);
	st.size = 5000;		/* two blocks of data and the xattr block */
	st.blocks = 24;
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 8192ULL);
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_hinted(&st, 4096), 8192ULL);
	st.size = 1 << 20;	/* sparse: 1 MiB holding one block */
	st.blocks = 8;
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 4096ULL);
	st.blksize = 0;		/* no block size: 4 KiB */
	st.size = 1;
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 4096ULL);
	st.mode = S_IFDIR | 0755;
	KUNIT_EXPECT_EQ(test, ksmbd_alloc_size(&st), 0ULL);
}

/* FileNormalizedNameInformation names a stream open "dir\file:stream". */
static void info_normalized_stream(struct kunit *test)
{
	static const char want[] = "d\\f:sTr";
	struct ksmbd_info_ctx c = { .name = "d/f", .stream = "sTr" };
	struct ksmbd_stat ks;
	u8 *buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fake_stat(&ks, false);
	c.ks = &ks;
	KUNIT_EXPECT_EQ(test,
			ksmbd_encode_file_info(FILE_NORMALIZED_NAME_INFORMATION,
					       &c, buf, 64), 4 + 14);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf), 14u);
	for (i = 0; i < 7; i++)
		KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 4 + 2 * i),
				(u16)want[i]);
	/* FileNameInformation keeps the file's name */
	KUNIT_EXPECT_EQ(test, ksmbd_encode_file_info(FILE_NAME_INFORMATION,
						     &c, buf, 64), 4 + 8);
	c.stream = NULL;
	KUNIT_EXPECT_EQ(test,
			ksmbd_encode_file_info(FILE_NORMALIZED_NAME_INFORMATION,
					       &c, buf, 64), 4 + 6);
}

static void info_fs_classes(struct kunit *test)
{
	struct kstatfs sfs = { .f_bsize = 4096, .f_blocks = 100,
			       .f_bavail = 10, .f_bfree = 20,
			       .f_namelen = 255 };
	struct ksmbd_fs_ctx c = { .sfs = &sfs, .label = "share",
				  .fs_name = "NTFS", .fs_attrs = 3 };
	u8 buf[128];

	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_FULL_SIZE_INFORMATION,
						   &c, buf, sizeof(buf)), 32);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf), 100ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 8), 10ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 16), 20ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 24), 8u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 28), 512u);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_ATTRIBUTE_INFORMATION,
						   &c, buf, sizeof(buf)), 20);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 8), 8u);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_VOLUME_INFORMATION,
						   &c, buf, sizeof(buf)), 28);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_VOLUME_INFORMATION,
						   &c, buf, 17), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_SECTOR_SIZE_INFORMATION,
						   &c, buf, sizeof(buf)), 28);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_DEVICE_INFORMATION,
						   &c, buf, sizeof(buf)), 8);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_OBJECT_ID_INFORMATION,
						   &c, buf, sizeof(buf)), 64);
	/* no quotas: thresholds 0, default quota threshold/limit -1 */
	memset(buf, 0xee, sizeof(buf));
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_CONTROL_INFORMATION,
						   &c, buf, sizeof(buf)), 48);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf), 0ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 16), 0ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 24), U64_MAX);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(buf + 32), U64_MAX);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 40), 0u);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(FS_CONTROL_INFORMATION,
						   &c, buf, 47), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_encode_fs_info(99, &c, buf, sizeof(buf)),
			-EOPNOTSUPP);
}

static void info_nt_time(struct kunit *test)
{
	struct timespec64 ts = { .tv_sec = 1, .tv_nsec = 500 };

	KUNIT_EXPECT_EQ(test, ksmbd_time_to_nt(ts),
			KSMBD_NT_EPOCH_DELTA + 10000005ULL);
	ts = ksmbd_nt_to_time(KSMBD_NT_EPOCH_DELTA + 10000005ULL);
	KUNIT_EXPECT_EQ(test, ts.tv_sec, 1LL);
	KUNIT_EXPECT_EQ(test, ts.tv_nsec, 500L);
	/* before 1970: whole seconds round down, the remainder stays >= 0 */
	ts = ksmbd_nt_to_time(KSMBD_NT_EPOCH_DELTA - 10000000ULL);
	KUNIT_EXPECT_EQ(test, ts.tv_sec, -1LL);
	KUNIT_EXPECT_EQ(test, ts.tv_nsec, 0L);
	ts = ksmbd_nt_to_time(KSMBD_NT_EPOCH_DELTA - 5ULL);
	KUNIT_EXPECT_EQ(test, ts.tv_sec, -1LL);
	KUNIT_EXPECT_EQ(test, ts.tv_nsec, 999999500L);
	KUNIT_EXPECT_EQ(test, ksmbd_time_to_nt(ts), KSMBD_NT_EPOCH_DELTA - 5ULL);
	/* 1968 (smb2.timestamps.time_t_1968) round-trips */
	ts = (struct timespec64){ .tv_sec = -63158400 };
	KUNIT_EXPECT_EQ(test, ksmbd_nt_to_time(ksmbd_time_to_nt(ts)).tv_sec,
			-63158400LL);
	/* 1601 is the floor both ways; above S64_MAX reads as 1601 */
	ts = ksmbd_nt_to_time(5);
	KUNIT_EXPECT_EQ(test, ts.tv_sec, -11644473600LL);
	KUNIT_EXPECT_EQ(test, ts.tv_nsec, 500L);
	KUNIT_EXPECT_EQ(test, ksmbd_nt_to_time(~0ULL - 3).tv_sec,
			-11644473600LL);
	ts = (struct timespec64){ .tv_sec = -11644473601LL };
	KUNIT_EXPECT_EQ(test, ksmbd_time_to_nt(ts), 0ULL);
}

/* What smbd 4.x wrote for an archive file (getfattr -e hex). */
static const u8 samba_v5[] = {
	0x00, 0x00, 0x05, 0x00, 0x05, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00,
	0x20, 0x00, 0x00, 0x00, 0x73, 0x84, 0xf7, 0x9f, 0x02, 0x7c, 0xdd, 0x01,
};

static void dosattr_layout(struct kunit *test)
{
	struct ksmbd_dosattr da, back;
	u8 buf[KSMBD_DOSATTR_MAX];
	u8 v4[32] = { 0x00, 0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00,
		      0x11, 0, 0, 0, 0x02, 0, 0, 0 };

	KUNIT_ASSERT_EQ(test, ksmbd_dosattr_decode(samba_v5, sizeof(samba_v5),
						   &da), 0);
	KUNIT_EXPECT_EQ(test, da.attrs, 0x20u);
	KUNIT_EXPECT_EQ(test, da.create_time, 0x01dd7c029ff78473ULL);
	/* our encoding is byte-identical to Samba's */
	KUNIT_EXPECT_EQ(test, ksmbd_dosattr_encode(&da, buf),
			(size_t)sizeof(samba_v5));
	KUNIT_EXPECT_EQ(test, memcmp(buf, samba_v5, sizeof(samba_v5)), 0);
	/* version 4: itime before create_time */
	put_unaligned_le64(99, v4 + 24);
	KUNIT_ASSERT_EQ(test, ksmbd_dosattr_decode(v4, sizeof(v4), &back), 0);
	KUNIT_EXPECT_EQ(test, back.attrs, 2u);
	KUNIT_EXPECT_EQ(test, back.create_time, 99ULL);
	/* legacy hex string prefix is skipped */
	{
		u8 hex[] = { '0', 'x', '2', '0', 0, 0, 5, 0, 5, 0, 0, 0,
			     0x01, 0, 0, 0, 0x21, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			     0, 0 };

		KUNIT_ASSERT_EQ(test, ksmbd_dosattr_decode(hex, sizeof(hex),
							   &back), 0);
		KUNIT_EXPECT_EQ(test, back.attrs, 0x21u);
		KUNIT_EXPECT_EQ(test, back.create_time, 0ULL);
	}
	/* truncated, unterminated, mismatched level, unknown version */
	KUNIT_EXPECT_EQ(test, ksmbd_dosattr_decode(samba_v5, 23, &back),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_dosattr_decode((const u8 *)"0x20", 4,
						   &back), -EINVAL);
	memcpy(buf, samba_v5, sizeof(buf));
	buf[4] = 4;
	KUNIT_EXPECT_EQ(test, ksmbd_dosattr_decode(buf, sizeof(buf), &back),
			-EINVAL);
	buf[2] = 9;
	buf[4] = 9;
	KUNIT_EXPECT_EQ(test, ksmbd_dosattr_decode(buf, sizeof(buf), &back),
			-EINVAL);
}

struct cctx_seen {
	int n;
	char names[4][5];
	u32 dlen[4];
};

static int cctx_record(void *arg, const struct ksmbd_cctx *c)
{
	struct cctx_seen *s = arg;

	if (s->n < 4) {
		memcpy(s->names[s->n], c->name, 4);
		s->names[s->n][4] = '\0';
		s->dlen[s->n] = c->data_len;
	}
	s->n++;
	return 0;
}

/* context at off: name (4 bytes) at 16, data at 24 */
static u32 put_ctx(u8 *buf, u32 off, const char *name, u32 dlen, u32 next)
{
	struct create_context *cc = (void *)(buf + off);

	cc->Next = cpu_to_le32(next);
	cc->NameOffset = cpu_to_le16(16);
	cc->NameLength = cpu_to_le16(4);
	cc->DataOffset = cpu_to_le16(dlen ? 24 : 0);
	cc->DataLength = cpu_to_le32(dlen);
	memcpy(cc->Buffer, name, 4);
	return ALIGN(24 + dlen, 8);
}

static void cctx_walk(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	struct cctx_seen s = {};
	u32 a;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	a = put_ctx(buf, 0, "MxAc", 0, 24);
	put_ctx(buf, a, "QFid", 0, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, a + 16 + 4, cctx_record, &s),
			0);
	KUNIT_EXPECT_EQ(test, s.n, 2);
	KUNIT_EXPECT_STREQ(test, s.names[0], "MxAc");
	KUNIT_EXPECT_STREQ(test, s.names[1], "QFid");

	/* data of 8 bytes inside */
	memset(buf, 0, 256);
	a = put_ctx(buf, 0, "MxAc", 8, 0);
	s.n = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 32, cctx_record, &s), 0);
	KUNIT_EXPECT_EQ(test, s.dlen[0], 8u);
	/* data runs past the area */
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 31, cctx_record, &s),
			-EINVAL);
	/* header does not fit */
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 15, cctx_record, &s),
			-EINVAL);
	/* Next not 8-aligned, Next beyond the end, Next pointing back */
	put_unaligned_le32(12, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 64, cctx_record, &s),
			-EINVAL);
	put_unaligned_le32(128, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 64, cctx_record, &s),
			-EINVAL);
	put_unaligned_le32(0xfffffff8, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 64, cctx_record, &s),
			-EINVAL);
	/* name offset inside the header, name length too short */
	put_unaligned_le32(0, buf);
	put_unaligned_le16(8, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 32, cctx_record, &s),
			-EINVAL);
	put_unaligned_le16(16, buf + 4);
	put_unaligned_le16(2, buf + 6);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 32, cctx_record, &s),
			-EINVAL);
	/* data overlapping the name */
	put_unaligned_le16(4, buf + 6);
	put_unaligned_le16(16, buf + 10);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 32, cctx_record, &s),
			-EINVAL);
	/* empty list */
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 0, cctx_record, &s), 0);
}

static void cctx_loop_bound(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 64 * 24, GFP_KERNEL);
	struct cctx_seen s = {};
	u32 i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 64; i++)
		put_ctx(buf, i * 24, "ABCD", 0, i == 63 ? 0 : 24);
	/* more than KSMBD_MAX_CCTX contexts are refused */
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 64 * 24, cctx_record, &s),
			-EINVAL);
	KUNIT_EXPECT_LE(test, s.n, KSMBD_MAX_CCTX);
}

/* AlSi: the AllocationSize of a walked context, 8 bytes or refused */
static int cctx_take_alloc(void *arg, const struct ksmbd_cctx *c)
{
	u64 *size = arg;

	return ksmbd_cctx_alloc_size(c, size);
}

static void cctx_alloc_size(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	u64 size = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	put_ctx(buf, 0, "AlSi", 8, 0);
	put_unaligned_le64(0x0000000100100000ULL, buf + 24);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 32, cctx_take_alloc, &size),
			0);
	KUNIT_EXPECT_EQ(test, size, 0x0000000100100000ULL);
	/* 4 bytes, or none: malformed */
	memset(buf, 0, 64);
	put_ctx(buf, 0, "AlSi", 4, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 28, cctx_take_alloc, &size),
			-EINVAL);
	memset(buf, 0, 64);
	put_ctx(buf, 0, "AlSi", 0, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 24, cctx_take_alloc, &size),
			-EINVAL);
	/* 16 bytes: not an AllocationSize either */
	memset(buf, 0, 64);
	put_ctx(buf, 0, "AlSi", 16, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_cctx_walk(buf, 40, cctx_take_alloc, &size),
			-EINVAL);
}

static void cctx_put(struct kunit *test)
{
	u8 buf[64];
	__le32 d[2] = { 0, cpu_to_le32(0x1f01ff) };

	KUNIT_EXPECT_EQ(test, ksmbd_cctx_put(buf, 31, "MxAc", d, 8), 0u);
	KUNIT_ASSERT_EQ(test, ksmbd_cctx_put(buf, 64, "MxAc", d, 8), 32u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 10), 24);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 12), 8u);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 16, "MxAc", 4), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 28), 0x1f01ffu);
}

/* Short QUERY_INFO buffers: mismatch below the minimum, prefix above. */
static void info_fit(struct kunit *test)
{
	bool partial;

	/* fixed size (basic, 40): all or nothing */
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_BASIC_INFORMATION, 40, 39,
					     &partial), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_BASIC_INFORMATION, 40, 40,
					     &partial), 40);
	KUNIT_EXPECT_FALSE(test, partial);
	/* FileAllInformation: 104 at least, then a prefix */
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_ALL_INFORMATION, 130, 103,
					     &partial), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_ALL_INFORMATION, 130, 104,
					     &partial), 104);
	KUNIT_EXPECT_TRUE(test, partial);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_ALL_INFORMATION, 130, 129,
					     &partial), 129);
	KUNIT_EXPECT_TRUE(test, partial);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_ALL_INFORMATION, 130, 130,
					     &partial), 130);
	KUNIT_EXPECT_FALSE(test, partial);
	/* more than could be encoded: a prefix, never all */
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_STREAM_INFORMATION, -ENOBUFS,
					     4096, &partial), 4096);
	KUNIT_EXPECT_TRUE(test, partial);
	/* an empty stream list fits any buffer */
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FILE_STREAM_INFORMATION, 0, 0,
					     &partial), 0);
	/* the same class number means another class for the file system */
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILESYSTEM,
					     FS_VOLUME_INFORMATION, 30, 23,
					     &partial), -E2BIG);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILESYSTEM,
					     FS_VOLUME_INFORMATION, 30, 24,
					     &partial), 24);
	KUNIT_EXPECT_EQ(test, ksmbd_info_fit(SMB2_O_INFO_FILE,
					     FS_VOLUME_INFORMATION, 30, 24,
					     &partial), -E2BIG);
}

static struct kunit_case ksmbd_vfs_encode_cases[] = {
	KUNIT_CASE(info_fit),
	KUNIT_CASE(dirent_pack_limits),
	KUNIT_CASE(dirent_fields),
	KUNIT_CASE(dirent_short_ea),
	KUNIT_CASE(info_file_classes),
	KUNIT_CASE(info_alloc_size),
	KUNIT_CASE(info_normalized_stream),
	KUNIT_CASE(info_fs_classes),
	KUNIT_CASE(info_nt_time),
	KUNIT_CASE(dosattr_layout),
	KUNIT_CASE(cctx_walk),
	KUNIT_CASE(cctx_loop_bound),
	KUNIT_CASE(cctx_put),
	KUNIT_CASE(cctx_alloc_size),
	{}
};

static struct kunit_suite ksmbd_vfs_encode_suite = {
	.name = "ksmbd_vfs_encode",
	.test_cases = ksmbd_vfs_encode_cases,
};

kunit_test_suite(ksmbd_vfs_encode_suite);
