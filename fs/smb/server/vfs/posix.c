// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB3.1.1 POSIX extensions: encoders (see vfs/posix.h).
 */
#include <linux/kernel.h>
#include <linux/kdev_t.h>
#include <linux/string.h>
#include <linux/statfs.h>
#include <linux/uidgid.h>
#include <asm/unaligned.h>

#include "posix.h"
#include "info.h"
#include "dirent.h"
#include "sd.h"

/* 93AD2550-9CB4-11E7-B423-83DE968BCD7C, in the order clients send it */
const u8 ksmbd_posix_tag[KSMBD_POSIX_TAG_LEN] = {
	0x93, 0xAD, 0x25, 0x50, 0x9C, 0xB4, 0x11, 0xE7,
	0xB4, 0x23, 0x83, 0xDE, 0x96, 0x8B, 0xCD, 0x7C,
};

u32 ksmbd_posix_wire_mode(umode_t mode)
{
	return mode & 07777;
}

static void posix_sids(const struct ksmbd_stat *ks, struct ksmbd_sid *owner,
		       struct ksmbd_sid *group)
{
	ksmbd_sid_unix_user(owner, from_kuid_munged(&init_user_ns,
						    ks->st.uid));
	ksmbd_sid_unix_group(group, from_kgid_munged(&init_user_ns,
						     ks->st.gid));
}

static u32 sid_size(const struct ksmbd_sid *sid)
{
	return 8 + 4 * sid->num_auth;
}

int ksmbd_posix_cc_encode(const struct ksmbd_stat *ks, u8 *out, u32 max)
{
	struct ksmbd_sid owner, group;
	int o, g;

	if (max < KSMBD_POSIX_CC_FIXED)
		return -ENOSPC;
	posix_sids(ks, &owner, &group);
	put_unaligned_le32(ks->st.nlink, out);
	put_unaligned_le32(0, out + 4);		/* no reparse points */
	put_unaligned_le32(ksmbd_posix_wire_mode(ks->st.mode), out + 8);
	o = ksmbd_sid_encode(&owner, out + KSMBD_POSIX_CC_FIXED,
			     max - KSMBD_POSIX_CC_FIXED);
	if (o < 0)
		return o;
	g = ksmbd_sid_encode(&group, out + KSMBD_POSIX_CC_FIXED + o,
			     max - KSMBD_POSIX_CC_FIXED - o);
	if (g < 0)
		return g;
	return KSMBD_POSIX_CC_FIXED + o + g;
}

/* The 68 bytes before the create context part. */
static void posix_info_fixed(const struct ksmbd_stat *ks, u8 *p)
{
	put_unaligned_le64(ks->create_time, p);
	put_unaligned_le64(ksmbd_time_to_nt(ks->st.atime), p + 8);
	put_unaligned_le64(ksmbd_time_to_nt(ks->st.mtime), p + 16);
	put_unaligned_le64(ksmbd_time_to_nt(ks->st.ctime), p + 24);
	put_unaligned_le64(ksmbd_end_of_file(&ks->st), p + 32);
	put_unaligned_le64(ksmbd_alloc_hinted(&ks->st, ks->alloc_hint),
			   p + 40);
	put_unaligned_le32(ks->attrs, p + 48);
	put_unaligned_le64(ks->st.ino, p + 52);
	put_unaligned_le32(new_encode_dev(ks->st.dev), p + 60);
	put_unaligned_le32(0, p + 64);		/* Zero */
}

int ksmbd_posix_info_encode(const struct ksmbd_stat *ks, u8 *out, u32 max)
{
	int n;

	if (max < KSMBD_POSIX_INFO_FIXED)
		return -E2BIG;
	n = ksmbd_posix_cc_encode(ks, out + KSMBD_POSIX_INFO_FIXED,
				  max - KSMBD_POSIX_INFO_FIXED);
	if (n < 0)
		return -E2BIG;
	posix_info_fixed(ks, out);
	return KSMBD_POSIX_INFO_FIXED + n;
}

u32 ksmbd_posix_dirent_fixed(const struct ksmbd_stat *ks)
{
	struct ksmbd_sid owner, group;

	posix_sids(ks, &owner, &group);
	return 8 + KSMBD_POSIX_INFO_FIXED + KSMBD_POSIX_CC_FIXED +
	       sid_size(&owner) + sid_size(&group) + 4;
}

void ksmbd_posix_dirent_fill(u8 *p, const struct ksmbd_dirent *e)
{
	u32 fixed = ksmbd_posix_dirent_fixed(e->ks);
	int n;

	/* NextEntryOffset and FileIndex stay 0 */
	posix_info_fixed(e->ks, p + 8);
	n = ksmbd_posix_cc_encode(e->ks, p + 8 + KSMBD_POSIX_INFO_FIXED,
				  fixed - 4 - 8 - KSMBD_POSIX_INFO_FIXED);
	if (WARN_ON_ONCE(n != fixed - 4 - 8 - KSMBD_POSIX_INFO_FIXED))
		return;
	put_unaligned_le32(e->name_len, p + fixed - 4);
}

int ksmbd_posix_fs_encode(const struct kstatfs *sfs, u8 *out, u32 max)
{
	u32 bsize = sfs->f_bsize ? sfs->f_bsize : 4096;
	u64 fsid = (u64)(u32)sfs->f_fsid.val[1] << 32 | (u32)sfs->f_fsid.val[0];

	if (max < KSMBD_POSIX_FS_SIZE)
		return -E2BIG;
	put_unaligned_le32(bsize, out);		/* OptimalTransferSize */
	put_unaligned_le32(bsize, out + 4);	/* BlockSize */
	put_unaligned_le64(sfs->f_blocks, out + 8);
	put_unaligned_le64(sfs->f_bfree, out + 16);
	put_unaligned_le64(sfs->f_bavail, out + 24);
	put_unaligned_le64(sfs->f_files, out + 32);
	put_unaligned_le64(sfs->f_ffree, out + 40);
	put_unaligned_le64(fsid, out + 48);
	return KSMBD_POSIX_FS_SIZE;
}

int ksmbd_posix_cctx_put(u8 *out, u32 room, const struct ksmbd_stat *ks)
{
	int n;

	if (room < KSMBD_POSIX_CCTX_HDR)
		return -ENOSPC;
	n = ksmbd_posix_cc_encode(ks, out + KSMBD_POSIX_CCTX_HDR,
				  room - KSMBD_POSIX_CCTX_HDR);
	if (n < 0)
		return n;
	if (ALIGN(KSMBD_POSIX_CCTX_HDR + n, 8) > room)
		return -ENOSPC;
	memset(out, 0, KSMBD_POSIX_CCTX_HDR);
	memset(out + KSMBD_POSIX_CCTX_HDR + n, 0,
	       ALIGN(KSMBD_POSIX_CCTX_HDR + n, 8) - KSMBD_POSIX_CCTX_HDR - n);
	/* Next 0; NameOffset 16, NameLength 16; DataOffset 32, DataLength */
	put_unaligned_le16(16, out + 4);
	put_unaligned_le16(KSMBD_POSIX_TAG_LEN, out + 6);
	put_unaligned_le16(KSMBD_POSIX_CCTX_HDR, out + 10);
	put_unaligned_le32(n, out + 12);
	memcpy(out + 16, ksmbd_posix_tag, KSMBD_POSIX_TAG_LEN);
	return ALIGN(KSMBD_POSIX_CCTX_HDR + n, 8);
}
