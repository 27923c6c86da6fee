// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * user.DOSATTRIB in Samba's layout (see vfs/dosattr.h).
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <asm/unaligned.h>

#include "dosattr.h"

int ksmbd_dosattr_decode(const u8 *buf, size_t len, struct ksmbd_dosattr *da)
{
	size_t off, slen;
	u16 version, level;
	u32 valid;

	memset(da, 0, sizeof(*da));
	slen = strnlen(buf, len);
	if (slen == len)
		return -EINVAL;		/* unterminated hex string */
	off = ALIGN(slen + 1, 2);
	if (len < off + 4)
		return -EINVAL;
	version = get_unaligned_le16(buf + off);
	level = get_unaligned_le16(buf + off + 2);
	if (version != level)
		return -EINVAL;
	off = ALIGN(off + 4, 4);
	switch (version) {
	case 4:
		if (len < off + 24)
			return -EINVAL;
		valid = get_unaligned_le32(buf + off);
		da->attrs = get_unaligned_le32(buf + off + 4);
		if (valid & KSMBD_DOSINFO_CREATE_TIME)
			da->create_time = get_unaligned_le64(buf + off + 16);
		break;
	case 5:
		if (len < off + 16)
			return -EINVAL;
		valid = get_unaligned_le32(buf + off);
		da->attrs = get_unaligned_le32(buf + off + 4);
		if (valid & KSMBD_DOSINFO_CREATE_TIME)
			da->create_time = get_unaligned_le64(buf + off + 8);
		break;
	default:
		return -EINVAL;
	}
	if (!(valid & KSMBD_DOSINFO_ATTRIB))
		da->attrs = 0;
	da->valid = true;
	return 0;
}

size_t ksmbd_dosattr_encode(const struct ksmbd_dosattr *da, u8 *buf)
{
	memset(buf, 0, KSMBD_DOSATTR_MAX);
	/* buf[0..1]: empty hex string and its pad */
	put_unaligned_le16(5, buf + 2);
	put_unaligned_le16(5, buf + 4);
	put_unaligned_le32(KSMBD_DOSINFO_ATTRIB | KSMBD_DOSINFO_CREATE_TIME,
			   buf + 8);
	put_unaligned_le32(da->attrs, buf + 12);
	put_unaligned_le64(da->create_time, buf + 16);
	return KSMBD_DOSATTR_MAX;
}

int ksmbd_dosattr_get(struct dentry *dentry, struct ksmbd_dosattr *da)
{
	u8 buf[64];
	ssize_t n;

	memset(da, 0, sizeof(*da));
	n = __vfs_getxattr(dentry, d_inode(dentry), KSMBD_XATTR_DOSATTRIB, buf,
			   sizeof(buf));
	if (n < 0)
		return n;
	return ksmbd_dosattr_decode(buf, n, da);
}

int ksmbd_dosattr_set(struct user_namespace *mnt_userns, struct dentry *dentry,
		      const struct ksmbd_dosattr *da)
{
	u8 buf[KSMBD_DOSATTR_MAX];
	size_t n = ksmbd_dosattr_encode(da, buf);
	const struct cred *old;
	int err;

	/*
	 * As the server: a user.* xattr needs write permission on the
	 * inode, which a READONLY file (mode without write bits) does not
	 * give even its owner. The caller has checked the open's access.
	 */
	old = override_creds(current_real_cred());
	err = vfs_setxattr(mnt_userns, dentry, KSMBD_XATTR_DOSATTRIB, buf, n,
			   0);
	revert_creds(old);
	return err;
}
