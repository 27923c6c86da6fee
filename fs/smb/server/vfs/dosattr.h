/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DOS attributes and creation time kept in the "user.DOSATTRIB" xattr in
 * the layout Samba writes (an NDR-encoded xattr_DOSATTRIB), so a share
 * moved between Samba and ksmbd keeps them:
 *
 *   offset 0: hex-string attribute (NUL-terminated; empty = "\0"), padded
 *             to 2 bytes
 *   u16 version, u16 union level (== version), pad to 4
 *   version 5: u32 valid_flags, u32 attrib, u64 create_time (NT time)
 *   version 4: u32 valid_flags, u32 attrib, u64 itime, u64 create_time
 *
 * Layout checked black-box against smbd 4.x (getfattr of a file it
 * created: 00 00 05 00 05 00 00 00 11 00 00 00 20 00 00 00 <8 bytes>).
 * We write version 5 with valid_flags ATTRIB | CREATE_TIME.
 *
 * Owner: vfs. No state; the xattr is read with the caller's credentials
 * and written with the server's (the caller checks the open's access:
 * FILE_WRITE_ATTRIBUTES, or the CREATE that made or overwrote the file),
 * serialised by the inode lock of the VFS.
 */
#ifndef __KSMBD_VFS_DOSATTR_H__
#define __KSMBD_VFS_DOSATTR_H__

#include <linux/types.h>

struct dentry;
struct user_namespace;

#define KSMBD_XATTR_DOSATTRIB	"user.DOSATTRIB"

#define KSMBD_DOSINFO_ATTRIB		0x01
#define KSMBD_DOSINFO_CREATE_TIME	0x10

struct ksmbd_dosattr {
	bool valid;		/* the xattr existed and decoded */
	u32 attrs;		/* FILE_ATTRIBUTE_* */
	u64 create_time;	/* NT time, 0 if not stored */
};

/* Decode a stored blob; 0 or -EINVAL. Pure. */
int ksmbd_dosattr_decode(const u8 *buf, size_t len, struct ksmbd_dosattr *da);
/* Encode version 5 into buf (at least KSMBD_DOSATTR_MAX bytes). */
#define KSMBD_DOSATTR_MAX	24
size_t ksmbd_dosattr_encode(const struct ksmbd_dosattr *da, u8 *buf);

/* Read (the caller's creds) / write (the server's) the xattr of dentry. */
int ksmbd_dosattr_get(struct dentry *dentry, struct ksmbd_dosattr *da);
int ksmbd_dosattr_set(struct user_namespace *mnt_userns, struct dentry *dentry,
		      const struct ksmbd_dosattr *da);

#endif /* __KSMBD_VFS_DOSATTR_H__ */
