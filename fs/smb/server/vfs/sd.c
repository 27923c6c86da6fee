// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Security descriptors of files: storage in security.NTACL, the default
 * descriptor of an inode, merging on SET_INFO, inheritance on CREATE
 * (vfs/sd.h).
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <asm/unaligned.h>

#include "sd.h"
#include "../ntstatus.h"

/* access rights ([MS-DTYP] 2.4.3, [MS-SMB2] 2.2.13.1.1) */
#define R_FILE_READ_DATA	0x00000001
#define R_FILE_WRITE_DATA	0x00000002
#define R_FILE_APPEND_DATA	0x00000004
#define R_FILE_READ_EA		0x00000008
#define R_FILE_WRITE_EA		0x00000010
#define R_FILE_EXECUTE		0x00000020
#define R_FILE_DELETE_CHILD	0x00000040
#define R_FILE_READ_ATTRIBUTES	0x00000080
#define R_FILE_WRITE_ATTRIBUTES	0x00000100
#define R_DELETE		0x00010000
#define R_READ_CONTROL		0x00020000
#define R_WRITE_DAC		0x00040000
#define R_WRITE_OWNER		0x00080000
#define R_SYNCHRONIZE		0x00100000
#define R_FILE_ALL		0x001F01FF

#define R_READ	(R_READ_CONTROL | R_SYNCHRONIZE | R_FILE_READ_DATA | \
		 R_FILE_READ_ATTRIBUTES | R_FILE_READ_EA)
#define R_WRITE	(R_READ_CONTROL | R_SYNCHRONIZE | R_FILE_WRITE_DATA | \
		 R_FILE_APPEND_DATA | R_FILE_WRITE_ATTRIBUTES | R_FILE_WRITE_EA)
#define R_EXEC	(R_READ_CONTROL | R_SYNCHRONIZE | R_FILE_READ_ATTRIBUTES | \
		 R_FILE_EXECUTE)
#define R_OWNER	(R_READ_CONTROL | R_WRITE_DAC | R_WRITE_OWNER | \
		 R_FILE_READ_ATTRIBUTES | R_FILE_WRITE_ATTRIBUTES)

#define NTACL_VERSION		1
#define NTACL_REFERENT		0x00020000

/* --- the security.NTACL value ------------------------------------------ */

int ksmbd_ntacl_decode(const u8 *buf, u32 len, const u8 **sd, u32 *sd_len)
{
	if (len < KSMBD_NTACL_HDR + sizeof(struct ksmbd_sd_hdr))
		return -EINVAL;
	if (get_unaligned_le16(buf) != NTACL_VERSION ||
	    get_unaligned_le16(buf + 2) != NTACL_VERSION ||
	    !get_unaligned_le32(buf + 4))	/* a NULL unique pointer */
		return -EINVAL;
	*sd = buf + KSMBD_NTACL_HDR;
	*sd_len = len - KSMBD_NTACL_HDR;
	return 0;
}

void ksmbd_ntacl_header(u8 *buf)
{
	put_unaligned_le16(NTACL_VERSION, buf);
	put_unaligned_le16(NTACL_VERSION, buf + 2);
	put_unaligned_le32(NTACL_REFERENT, buf + 4);
}

/* --- SIDs ---------------------------------------------------------------- */

static void sid_set(struct ksmbd_sid *sid, u8 auth, int n, u32 a, u32 b)
{
	memset(sid, 0, sizeof(*sid));
	sid->revision = KSMBD_SID_REVISION;
	sid->authority[5] = auth;
	sid->num_auth = n;
	sid->sub_auth[0] = a;
	sid->sub_auth[1] = b;
}

void ksmbd_sid_unix_user(struct ksmbd_sid *sid, u32 uid)
{
	sid_set(sid, 22, 2, 1, uid);	/* S-1-22-1-uid */
}

void ksmbd_sid_unix_group(struct ksmbd_sid *sid, u32 gid)
{
	sid_set(sid, 22, 2, 2, gid);	/* S-1-22-2-gid */
}

void ksmbd_sid_everyone(struct ksmbd_sid *sid)
{
	sid_set(sid, 1, 1, 0, 0);	/* S-1-1-0 */
}

/* --- the default descriptor ------------------------------------------ */

static u32 mode_mask(umode_t bits, bool dir)
{
	u32 m = 0;

	if ((bits & 7) == 7)
		return R_FILE_ALL;
	if (bits & 4)
		m |= R_READ;
	if (bits & 2)
		m |= R_WRITE | (dir ? R_FILE_DELETE_CHILD : 0);
	if (bits & 1)
		m |= R_EXEC;
	return m;
}

/* Append an ACE (type, flags, mask, sid) at buf; returns its size. */
static u32 put_ace(u8 *buf, u8 type, u8 flags, u32 mask,
		   const struct ksmbd_sid *sid)
{
	u32 size = 8 + 8 + 4 * sid->num_auth;

	buf[0] = type;
	buf[1] = flags;
	put_unaligned_le16(size, buf + 2);
	put_unaligned_le32(mask, buf + 4);
	ksmbd_sid_encode(sid, buf + 8, size - 8);
	return size;
}

int ksmbd_sd_synth(u32 uid, u32 gid, umode_t mode, void **out, u32 *len)
{
	struct ksmbd_sid owner, group, world;
	u8 osid[KSMBD_SID_MAX_SIZE], gsid[KSMBD_SID_MAX_SIZE];
	u8 acl[8 + 3 * (8 + KSMBD_SID_MAX_SIZE)];
	bool dir = S_ISDIR(mode);
	u8 flags = dir ? KSMBD_ACE_OBJECT_INHERIT | KSMBD_ACE_CONTAINER_INHERIT
		       : 0;
	struct ksmbd_sd sd = {};
	u32 off = 8, n = 0, m;
	void *buf;

	ksmbd_sid_unix_user(&owner, uid);
	ksmbd_sid_unix_group(&group, gid);
	ksmbd_sid_everyone(&world);

	off += put_ace(acl + off, KSMBD_ACE_ALLOWED, flags,
		       mode_mask(mode >> 6, dir) | R_OWNER, &owner);
	n++;
	m = mode_mask(mode >> 3, dir);
	if (m) {
		off += put_ace(acl + off, KSMBD_ACE_ALLOWED, flags, m, &group);
		n++;
	}
	m = mode_mask(mode, dir);
	if (m) {
		off += put_ace(acl + off, KSMBD_ACE_ALLOWED, flags, m, &world);
		n++;
	}
	acl[0] = KSMBD_ACL_REVISION;
	acl[1] = 0;
	put_unaligned_le16(off, acl + 2);
	put_unaligned_le16(n, acl + 4);
	put_unaligned_le16(0, acl + 6);

	sd.control = KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT;
	sd.owner = osid;
	sd.owner_len = ksmbd_sid_encode(&owner, osid, sizeof(osid));
	sd.group = gsid;
	sd.group_len = ksmbd_sid_encode(&group, gsid, sizeof(gsid));
	sd.dacl = acl;
	sd.dacl_len = off;

	*len = ksmbd_sd_encode(&sd, NULL, 0);
	buf = kmalloc(*len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ksmbd_sd_encode(&sd, buf, *len);
	*out = buf;
	return 0;
}

/* --- selection and merging ------------------------------------------- */

void ksmbd_sd_select(const struct ksmbd_sd *full, u32 secinfo,
		     struct ksmbd_sd *part)
{
	u16 keep = KSMBD_SE_SELF_RELATIVE;

	/* a part is absent when its pointer is NULL: its length is moot */
	*part = *full;
	if (secinfo & KSMBD_OWNER_SECINFO)
		keep |= KSMBD_SE_OWNER_DEFAULTED;
	else
		part->owner = NULL;
	if (secinfo & KSMBD_GROUP_SECINFO)
		keep |= KSMBD_SE_GROUP_DEFAULTED;
	else
		part->group = NULL;
	if (secinfo & KSMBD_DACL_SECINFO)
		keep |= KSMBD_SE_DACL_BITS;
	else
		part->dacl = NULL;
	if (secinfo & KSMBD_SACL_SECINFO)
		keep |= KSMBD_SE_SACL_BITS;
	else
		part->sacl = NULL;
	part->control &= keep;
}

/*
 * The control bits (of mask) a SET keeps from the input: AUTO_INHERIT_REQ
 * is a request, never stored; AUTO_INHERITED stays only when it came with
 * that request (as Windows does: smbtorture smb2.acls.INHERITFLAGS).
 */
static u16 set_bits(u16 in, u16 mask, u16 req, u16 auto_inherited)
{
	u16 bits = in & mask & ~req;

	if (!(in & req))
		bits &= ~auto_inherited;
	return bits;
}

int ksmbd_sd_merge(const struct ksmbd_sd *cur, const struct ksmbd_sd *in,
		   u32 secinfo, struct ksmbd_sd *out)
{
	*out = *cur;
	if (secinfo & KSMBD_OWNER_SECINFO) {
		if (!in->owner)
			return -EOWNERDEAD;
		out->owner = in->owner;
		out->owner_len = in->owner_len;
		out->control &= ~KSMBD_SE_OWNER_DEFAULTED;
		out->control |= in->control & KSMBD_SE_OWNER_DEFAULTED;
	}
	if (secinfo & KSMBD_GROUP_SECINFO) {
		if (!in->group)
			return -EBADR;
		out->group = in->group;
		out->group_len = in->group_len;
		out->control &= ~KSMBD_SE_GROUP_DEFAULTED;
		out->control |= in->control & KSMBD_SE_GROUP_DEFAULTED;
	}
	if (secinfo & KSMBD_DACL_SECINFO) {
		/* no DACL in the input: a NULL DACL ([MS-DTYP] 2.4.6) */
		out->control &= ~KSMBD_SE_DACL_BITS;
		out->control |= set_bits(in->control, KSMBD_SE_DACL_BITS,
					 KSMBD_SE_DACL_AUTO_INHERIT_REQ,
					 KSMBD_SE_DACL_AUTO_INHERITED) |
				KSMBD_SE_DACL_PRESENT;
		out->dacl = in->dacl;
		out->dacl_len = in->dacl_len;
		if (secinfo & KSMBD_PROTECTED_DACL_SECINFO)
			out->control |= KSMBD_SE_DACL_PROTECTED;
		else if (secinfo & KSMBD_UNPROTECTED_DACL_SECINFO)
			out->control &= ~KSMBD_SE_DACL_PROTECTED;
	}
	if (secinfo & KSMBD_SACL_SECINFO) {
		out->control &= ~KSMBD_SE_SACL_BITS;
		out->sacl = NULL;
		out->sacl_len = 0;
		if (in->control & KSMBD_SE_SACL_PRESENT) {
			out->control |= set_bits(in->control,
						 KSMBD_SE_SACL_BITS,
						 KSMBD_SE_SACL_AUTO_INHERIT_REQ,
						 KSMBD_SE_SACL_AUTO_INHERITED);
			out->sacl = in->sacl;
			out->sacl_len = in->sacl_len;
			if (secinfo & KSMBD_PROTECTED_SACL_SECINFO)
				out->control |= KSMBD_SE_SACL_PROTECTED;
			else if (secinfo & KSMBD_UNPROTECTED_SACL_SECINFO)
				out->control &= ~KSMBD_SE_SACL_PROTECTED;
		}
	}
	out->control |= KSMBD_SE_SELF_RELATIVE;
	return 0;
}

/* --- inheritance ------------------------------------------------------ */

struct inherit_ctx {
	bool dir;
	u8 mark;	/* INHERITED, or 0 */
	u8 *out;	/* NULL: count only */
	u32 off;
	u32 count;
};

static int inherit_ace(void *arg, const u8 *ace, u32 ace_len)
{
	struct inherit_ctx *c = arg;
	u8 f = ace[1] & ~KSMBD_ACE_INHERITED, nf;

	if (c->dir) {
		if (f & KSMBD_ACE_CONTAINER_INHERIT) {
			nf = f & ~KSMBD_ACE_INHERIT_ONLY;
			if (f & KSMBD_ACE_NO_PROPAGATE_INHERIT)
				nf &= ~(KSMBD_ACE_OBJECT_INHERIT |
					KSMBD_ACE_CONTAINER_INHERIT |
					KSMBD_ACE_NO_PROPAGATE_INHERIT);
		} else if ((f & KSMBD_ACE_OBJECT_INHERIT) &&
			   !(f & KSMBD_ACE_NO_PROPAGATE_INHERIT)) {
			/* passed on to files below, not for the directory */
			nf = f | KSMBD_ACE_INHERIT_ONLY;
		} else {
			return 0;
		}
	} else {
		if (!(f & KSMBD_ACE_OBJECT_INHERIT))
			return 0;
		nf = f & ~(KSMBD_ACE_OBJECT_INHERIT |
			   KSMBD_ACE_CONTAINER_INHERIT |
			   KSMBD_ACE_NO_PROPAGATE_INHERIT |
			   KSMBD_ACE_INHERIT_ONLY);
	}
	if (c->out) {
		memcpy(c->out + c->off, ace, ace_len);
		c->out[c->off + 1] = nf | c->mark;
	}
	c->off += ace_len;
	c->count++;
	return 0;
}

int ksmbd_acl_inherit(const u8 *parent_acl, bool dir, bool auto_inherited,
		      u8 **acl, u32 *acl_len)
{
	struct inherit_ctx c = {
		.dir = dir,
		.mark = auto_inherited ? KSMBD_ACE_INHERITED : 0,
		.off = 8,
	};

	*acl = NULL;
	*acl_len = 0;
	ksmbd_acl_walk(parent_acl, inherit_ace, &c);
	if (!c.count)
		return 0;
	if (c.off > U16_MAX)
		return -E2BIG;
	c.out = kzalloc(c.off, GFP_KERNEL);
	if (!c.out)
		return -ENOMEM;
	c.off = 8;
	c.count = 0;
	ksmbd_acl_walk(parent_acl, inherit_ace, &c);
	c.out[0] = parent_acl[0];	/* the parent's revision */
	put_unaligned_le16(c.off, c.out + 2);
	put_unaligned_le16(c.count, c.out + 4);
	*acl = c.out;
	*acl_len = c.off;
	return 0;
}

__le32 ksmbd_sd_status(int err)
{
	switch (err) {
	case -EINVAL:
		return STATUS_INVALID_SECURITY_DESCR;
	case -EBADMSG:
		return STATUS_INVALID_ACL;
	case -EDOM:
		return STATUS_INVALID_SID;
	case -EOWNERDEAD:
		return STATUS_INVALID_OWNER;
	case -EBADR:
		return STATUS_INVALID_PRIMARY_GROUP;
	}
	return 0;
}

/* --- files ---------------------------------------------------------- */

/* The stored descriptor of d (validated), kmalloc'd, or -ENODATA. */
static int sd_read_stored(struct user_namespace *ns, struct dentry *d,
			  void **out, u32 *out_len)
{
	struct ksmbd_sd sd;
	char *v = NULL;
	const u8 *s;
	ssize_t n;
	u32 len;

	n = vfs_getxattr_alloc(ns, d, KSMBD_SD_XATTR, &v, 0, GFP_KERNEL);
	if (n < 0) {
		kfree(v);
		return n == -EOPNOTSUPP ? -ENODATA : n;
	}
	if (ksmbd_ntacl_decode(v, n, &s, &len) ||
	    ksmbd_sd_decode(s, len, &sd)) {
		kfree(v);
		return -ENODATA;	/* another layout: not ours to read */
	}
	*out = kmemdup(s, len, GFP_KERNEL);
	kfree(v);
	if (!*out)
		return -ENOMEM;
	*out_len = len;
	return 0;
}

static int sd_synth_inode(struct user_namespace *ns, struct inode *inode,
			  void **out, u32 *len)
{
	return ksmbd_sd_synth(from_kuid_munged(&init_user_ns,
					       i_uid_into_mnt(ns, inode)),
			      from_kgid_munged(&init_user_ns,
					       i_gid_into_mnt(ns, inode)),
			      inode->i_mode, out, len);
}

int ksmbd_sd_get(const struct path *p, void **sd, u32 *len)
{
	struct user_namespace *ns = mnt_user_ns(p->mnt);
	int err = sd_read_stored(ns, p->dentry, sd, len);

	if (err != -ENODATA)
		return err;
	return sd_synth_inode(ns, d_inode(p->dentry), sd, len);
}

/* Write sd (encoded) as the file's security.NTACL. */
static int sd_store(const struct path *p, const struct ksmbd_sd *sd)
{
	u32 len = ksmbd_sd_encode(sd, NULL, 0);
	const struct cred *old;
	u8 *v;
	int err;

	if (len > KSMBD_SD_MAX)
		return -E2BIG;
	v = kmalloc(KSMBD_NTACL_HDR + len, GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	ksmbd_ntacl_header(v);
	ksmbd_sd_encode(sd, v + KSMBD_NTACL_HDR, len);
	/*
	 * security.* needs CAP_SYS_ADMIN: write as the server, the
	 * caller having checked the open's WRITE_DAC/WRITE_OWNER.
	 */
	old = override_creds(current_real_cred());
	err = vfs_setxattr(mnt_user_ns(p->mnt), p->dentry, KSMBD_SD_XATTR, v,
			   KSMBD_NTACL_HDR + len, 0);
	revert_creds(old);
	kfree(v);
	return err;
}

int ksmbd_sd_query(const struct path *p, u32 secinfo, void *out, u32 max)
{
	struct ksmbd_sd full, part;
	void *buf;
	u32 len, need;
	int err;

	err = ksmbd_sd_get(p, &buf, &len);
	if (err)
		return err;
	err = ksmbd_sd_decode(buf, len, &full);
	if (!err) {
		ksmbd_sd_select(&full, secinfo, &part);
		need = ksmbd_sd_encode(&part, out, max);
		err = need > INT_MAX ? -E2BIG : need;
	}
	kfree(buf);
	return err;
}

int ksmbd_sd_check(const void *buf, u32 len)
{
	struct ksmbd_sd sd;

	return ksmbd_sd_decode(buf, len, &sd);
}

int ksmbd_sd_set(const struct path *p, u32 secinfo, const void *buf,
		 u32 len)
{
	struct ksmbd_sd in, cur, res;
	void *cbuf;
	u32 clen;
	int err;

	err = ksmbd_sd_decode(buf, len, &in);
	if (err)
		return err;
	err = ksmbd_sd_get(p, &cbuf, &clen);
	if (err)
		return err;
	err = ksmbd_sd_decode(cbuf, clen, &cur);
	if (!err)
		err = ksmbd_sd_merge(&cur, &in, secinfo, &res);
	if (!err)
		err = sd_store(p, &res);
	kfree(cbuf);
	return err;
}

int ksmbd_sd_create(const struct path *p, struct dentry *parent,
		    const void *buf, u32 len)
{
	struct user_namespace *ns = mnt_user_ns(p->mnt);
	struct inode *inode = d_inode(p->dentry);
	struct ksmbd_sd in = {}, def, pd = {}, res;
	void *dbuf = NULL, *pbuf = NULL;
	u8 *inh = NULL;
	u32 dlen, plen, ilen = 0;
	int err;

	if (buf) {
		err = ksmbd_sd_decode(buf, len, &in);
		if (err)
			return err;
	}
	/* what the new file inherits when the client gives no DACL */
	if (parent && !(in.control & KSMBD_SE_DACL_PRESENT) &&
	    !sd_read_stored(ns, parent, &pbuf, &plen) &&
	    !ksmbd_sd_decode(pbuf, plen, &pd) && pd.dacl) {
		err = ksmbd_acl_inherit(pd.dacl, S_ISDIR(inode->i_mode),
					pd.control & KSMBD_SE_DACL_AUTO_INHERITED,
					&inh, &ilen);
		if (err)
			goto out;
	}
	if (!buf && !inh) {
		err = 0;	/* the default descriptor stays implicit */
		goto out;
	}

	err = sd_synth_inode(ns, inode, &dbuf, &dlen);
	if (err)
		goto out;
	err = ksmbd_sd_decode(dbuf, dlen, &def);
	if (err)
		goto out;
	res = def;
	if (in.owner) {
		res.owner = in.owner;
		res.owner_len = in.owner_len;
		res.control |= in.control & KSMBD_SE_OWNER_DEFAULTED;
	}
	if (in.group) {
		res.group = in.group;
		res.group_len = in.group_len;
		res.control |= in.control & KSMBD_SE_GROUP_DEFAULTED;
	}
	if (in.control & KSMBD_SE_DACL_PRESENT) {
		res.control &= ~KSMBD_SE_DACL_BITS;
		res.control |= in.control & KSMBD_SE_DACL_BITS;
		res.dacl = in.dacl;
		res.dacl_len = in.dacl_len;
	} else if (inh) {
		res.control |= pd.control & KSMBD_SE_DACL_AUTO_INHERITED;
		res.dacl = inh;
		res.dacl_len = ilen;
	}
	if (in.control & KSMBD_SE_SACL_PRESENT) {
		res.control |= in.control & KSMBD_SE_SACL_BITS;
		res.sacl = in.sacl;
		res.sacl_len = in.sacl_len;
	}
	err = sd_store(p, &res);
out:
	kfree(inh);
	kfree(pbuf);
	kfree(dbuf);
	return err;
}
