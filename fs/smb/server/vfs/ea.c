// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB extended attributes over user.* xattrs (see vfs/ea.h).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <asm/unaligned.h>

#include "ea.h"
#include "dosattr.h"
#include "stream.h"

/* FILE_FULL_EA_INFORMATION: NextEntryOffset, Flags, EaNameLength, EaValueLength */
#define EA_HDR		8
/* FILE_GET_EA_INFORMATION: NextEntryOffset, EaNameLength */
#define GET_EA_HDR	5
#define FILE_NEED_EA	0x80

bool ksmbd_ea_name_valid(const char *name, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = name[i];

		if (c < 0x20 || c >= 0x7f || strchr("\"*+,/:;<=>?[\\]|", c))
			return false;
	}
	return true;
}

/* Is this xattr one of the server's own (not an EA)? */
static bool reserved(const char *xname)
{
	const char *s;

	return !strcmp(xname, KSMBD_XATTR_DOSATTRIB) ||
	       ksmbd_stream_name(xname, &s) ||
	       !strncmp(xname, KSMBD_STREAM_PREFIX,
			sizeof(KSMBD_STREAM_PREFIX) - 1);
}

/*
 * Walk a list of FILE_FULL_EA_INFORMATION (full) or FILE_GET_EA_INFORMATION
 * entries: headers, names (with their NUL) and values inside the buffer,
 * NextEntryOffset 4-aligned and moving forward.
 */
static int ea_walk(const u8 *p, u32 len, bool full, ksmbd_ea_fn fn,
		   void *arg)
{
	u32 hdr = full ? EA_HDR : GET_EA_HDR, off = 0;
	int err;

	if (!len)
		return -EINVAL;
	for (;;) {
		struct ksmbd_ea ea = {};
		u32 next, need;

		if (len - off < hdr)
			return -EINVAL;
		next = get_unaligned_le32(p + off);
		if (full) {
			ea.flags = p[off + 4];
			ea.name_len = p[off + 5];
			ea.value_len = get_unaligned_le16(p + off + 6);
		} else {
			ea.name_len = p[off + 4];
		}
		need = hdr + ea.name_len + 1 + ea.value_len;
		if (need > len - off || (next && next < need))
			return -EINVAL;
		ea.name = (const char *)p + off + hdr;
		ea.value = p + off + hdr + ea.name_len + 1;
		if (ea.name[ea.name_len] != '\0' ||
		    !ksmbd_ea_name_valid(ea.name, ea.name_len) ||
		    (ea.flags & ~FILE_NEED_EA))
			return -EILSEQ;
		err = fn(arg, &ea);
		if (err)
			return err;
		if (!next)
			return 0;
		if ((next & 3) || next > len - off)
			return -EINVAL;
		off += next;
	}
}

int ksmbd_ea_walk(const void *buf, u32 len, ksmbd_ea_fn fn, void *arg)
{
	return ea_walk(buf, len, true, fn, arg);
}

int ksmbd_ea_walk_names(const void *buf, u32 len, ksmbd_ea_fn fn, void *arg)
{
	return ea_walk(buf, len, false, fn, arg);
}

int ksmbd_ea_put(void *out, u32 max, u32 *used, u32 *last, const char *name,
		 size_t nlen, const void *value, size_t vlen)
{
	u32 start = ALIGN(*used, 4), need;
	u8 *p;

	if (nlen > 255 || vlen > U16_MAX)
		return -EINVAL;
	need = EA_HDR + nlen + 1 + vlen;
	if (start > max || max - start < need)
		return -ENOBUFS;
	p = (u8 *)out + start;
	memset((u8 *)out + *used, 0, start - *used);	/* padding */
	put_unaligned_le32(0, p);
	p[4] = 0;
	p[5] = nlen;
	put_unaligned_le16(vlen, p + 6);
	memcpy(p + EA_HDR, name, nlen);
	p[EA_HDR + nlen] = '\0';
	if (vlen)
		memcpy(p + EA_HDR + nlen + 1, value, vlen);
	if (*used)
		put_unaligned_le32(start - *last, (u8 *)out + *last);
	*last = start;
	*used = start + need;
	return 0;
}

char *ksmbd_ea_xattr(const char *name, size_t len)
{
	char *x = kasprintf(GFP_KERNEL, "%s%.*s", XATTR_USER_PREFIX, (int)len,
			    name);

	if (x && reserved(x)) {
		kfree(x);
		return NULL;
	}
	return x;
}

int ksmbd_ea_set(struct user_namespace *ns, struct dentry *dentry,
		 const struct ksmbd_ea *ea)
{
	char *x = ksmbd_ea_xattr(ea->name, ea->name_len);
	int err;

	if (!x)
		return -EACCES;	/* one of ours */
	if (ea->value_len) {
		err = vfs_setxattr(ns, dentry, x, ea->value, ea->value_len, 0);
	} else {
		err = vfs_removexattr(ns, dentry, x);
		if (err == -ENODATA)
			err = 0;	/* removing what is not there */
	}
	kfree(x);
	return err;
}

char *ksmbd_xattr_list(struct dentry *dentry, ssize_t *len)
{
	char *list;
	ssize_t n;

	for (;;) {
		n = vfs_listxattr(dentry, NULL, 0);
		if (n <= 0) {
			*len = n;
			return NULL;
		}
		list = kvmalloc(n, GFP_KERNEL);
		if (!list) {
			*len = -ENOMEM;
			return NULL;
		}
		*len = vfs_listxattr(dentry, list, n);
		if (*len != -ERANGE)
			break;
		kvfree(list);
	}
	if (*len < 0) {
		kvfree(list);
		return NULL;
	}
	return list;
}

struct ea_query {
	struct dentry *dentry;
	void *out;
	u32 max, used, last;
	u8 *val;		/* XATTR_SIZE_MAX scratch */
	unsigned int count;
	bool single, overflow;
};

/* Encode one EA (xattr x, EA name = x without "user."). */
static int ea_emit(struct ea_query *q, const char *name, size_t nlen,
		   const char *x)
{
	ssize_t v = 0;
	int err;

	if (x) {
		v = vfs_getxattr(&init_user_ns, q->dentry, x, q->val,
				 XATTR_SIZE_MAX);
		if (v == -ENODATA)
			v = 0;
		if (v < 0)
			return v;
		if (v > U16_MAX)
			return 0;	/* cannot be an SMB EA: skipped */
	}
	err = ksmbd_ea_put(q->out, q->max, &q->used, &q->last, name, nlen,
			   q->val, v);
	if (err == -ENOBUFS) {
		q->overflow = true;
		return err;
	}
	if (err)
		return 0;	/* name too long for an EA: skipped */
	q->count++;
	return q->single ? 1 : 0;
}

static int ea_query_name(void *arg, const struct ksmbd_ea *ea)
{
	struct ea_query *q = arg;
	char *x = ksmbd_ea_xattr(ea->name, ea->name_len);
	int err;

	err = ea_emit(q, ea->name, ea->name_len, x);
	kfree(x);
	return err;
}

int ksmbd_ea_query(struct dentry *dentry, const void *names, u32 nlen,
		   bool single, void *out, u32 max, u32 *used_out)
{
	struct ea_query q = { .dentry = dentry, .out = out, .max = max,
			      .single = single };
	ssize_t len, i;
	char *list = NULL;
	int err = 0;

	*used_out = 0;
	q.val = kvmalloc(XATTR_SIZE_MAX, GFP_KERNEL);
	if (!q.val)
		return -ENOMEM;
	if (nlen) {
		err = ksmbd_ea_walk_names(names, nlen, ea_query_name, &q);
		goto done;
	}
	list = ksmbd_xattr_list(dentry, &len);
	if (!list) {
		err = len < 0 && len != -EOPNOTSUPP ? len : 0;
		goto done;
	}
	for (i = 0; i < len; i += strnlen(list + i, len - i) + 1) {
		const char *x = list + i;
		size_t n = strnlen(x, len - i);

		if (n == len - i)
			break;
		if (strncmp(x, XATTR_USER_PREFIX, XATTR_USER_PREFIX_LEN) ||
		    n == XATTR_USER_PREFIX_LEN || reserved(x) ||
		    !ksmbd_ea_name_valid(x + XATTR_USER_PREFIX_LEN,
					 n - XATTR_USER_PREFIX_LEN))
			continue;
		err = ea_emit(&q, x + XATTR_USER_PREFIX_LEN,
			      n - XATTR_USER_PREFIX_LEN, x);
		if (err)
			break;
	}
done:
	kvfree(list);
	kvfree(q.val);
	*used_out = q.used;
	if (q.overflow)
		return q.count ? -E2BIG : -ENOBUFS;
	if (err < 0)
		return err;
	if (!q.count)
		return -ENODATA;
	return q.used;
}

u32 ksmbd_ea_size(struct dentry *dentry)
{
	ssize_t len, i;
	u32 size = 0;
	char *list;

	list = ksmbd_xattr_list(dentry, &len);
	if (!list)
		return 0;
	for (i = 0; i < len; i += strnlen(list + i, len - i) + 1) {
		const char *x = list + i;
		size_t n = strnlen(x, len - i);
		ssize_t v;

		if (n == len - i)
			break;
		if (strncmp(x, XATTR_USER_PREFIX, XATTR_USER_PREFIX_LEN) ||
		    n == XATTR_USER_PREFIX_LEN || reserved(x) ||
		    !ksmbd_ea_name_valid(x + XATTR_USER_PREFIX_LEN,
					 n - XATTR_USER_PREFIX_LEN) ||
		    n - XATTR_USER_PREFIX_LEN > 255)
			continue;
		v = vfs_getxattr(&init_user_ns, dentry, x, NULL, 0);
		if (v < 0 || v > U16_MAX)
			continue;
		/* as FILE_FULL_EA_INFORMATION, 4-aligned */
		size += ALIGN(EA_HDR + n - XATTR_USER_PREFIX_LEN + 1 + v, 4);
	}
	kvfree(list);
	return size;
}
