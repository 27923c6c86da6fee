// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Named streams in user.DosStream.* xattrs (see vfs/stream.h).
 */
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <asm/unaligned.h>

#include "stream.h"
#include "name.h"
#include "info.h"
#include "info_wire.h"
#include "ea.h"

#define PREFIX_LEN	(sizeof(KSMBD_STREAM_PREFIX) - 1)
#define SUFFIX_LEN	(sizeof(KSMBD_STREAM_SUFFIX) - 1)

char *ksmbd_stream_xattr(const char *stream)
{
	return kasprintf(GFP_KERNEL, KSMBD_STREAM_PREFIX "%s"
			 KSMBD_STREAM_SUFFIX, stream);
}

size_t ksmbd_stream_name(const char *xname, const char **stream)
{
	size_t n = strlen(xname);

	if (n <= PREFIX_LEN + SUFFIX_LEN ||
	    strncmp(xname, KSMBD_STREAM_PREFIX, PREFIX_LEN) ||
	    strcmp(xname + n - SUFFIX_LEN, KSMBD_STREAM_SUFFIX))
		return 0;
	*stream = xname + PREFIX_LEN;
	return n - PREFIX_LEN - SUFFIX_LEN;
}

static bool stream_name_eq(const char *a, size_t alen, const char *b,
			   size_t blen)
{
	u16 *ua, *ub;
	int na, nb;
	bool eq = false;

	ua = kmalloc_array(2 * (KSMBD_NAME_COMPONENT_MAX + 1), sizeof(u16),
			   GFP_KERNEL);
	if (!ua)
		return false;
	ub = ua + KSMBD_NAME_COMPONENT_MAX + 1;
	na = ksmbd_name_to_utf16(a, alen, ua, KSMBD_NAME_COMPONENT_MAX + 1);
	nb = ksmbd_name_to_utf16(b, blen, ub, KSMBD_NAME_COMPONENT_MAX + 1);
	if (na >= 0 && nb >= 0)
		eq = ksmbd_name_equal_ci(ua, na, ub, nb);
	kfree(ua);
	return eq;
}

int ksmbd_stream_find(struct dentry *dentry, const char *stream, char **xname)
{
	size_t slen = strlen(stream);
	ssize_t len, i;
	char *list;
	int err = -ENOENT;

	list = ksmbd_xattr_list(dentry, &len);
	if (!list)
		return len ? len : -ENOENT;
	for (i = 0; i < len; i += strnlen(list + i, len - i) + 1) {
		const char *s;
		size_t n;

		if (strnlen(list + i, len - i) == len - i)
			break;	/* not terminated */
		n = ksmbd_stream_name(list + i, &s);
		if (n && stream_name_eq(s, n, stream, slen)) {
			*xname = kstrdup(list + i, GFP_KERNEL);
			err = *xname ? 0 : -ENOMEM;
			break;
		}
	}
	kvfree(list);
	return err;
}

ssize_t ksmbd_stream_size(struct dentry *dentry, const char *xname)
{
	ssize_t n = vfs_getxattr(&init_user_ns, dentry, xname, NULL, 0);

	if (n < 0)
		return n;
	return n ? n - 1 : 0;	/* Samba's trailing NUL */
}

int ksmbd_stream_stat(struct dentry *dentry, const char *xname,
		      struct ksmbd_stat *ks)
{
	ssize_t size = ksmbd_stream_size(dentry, xname);

	if (size < 0)
		return size;
	/* a stream is data, even on a directory */
	ks->st.mode = (ks->st.mode & ~S_IFMT) | S_IFREG;
	ks->st.size = size;
	ks->st.blocks = ALIGN(size, 4096) >> 9;
	return 0;
}

/* The whole value (with its NUL), kvmalloc'd with room for want bytes. */
static ssize_t stream_get(struct file *base, const char *xname, size_t want,
			  u8 **val)
{
	struct user_namespace *ns = file_mnt_user_ns(base);
	struct dentry *dentry = base->f_path.dentry;
	ssize_t n, r;
	u8 *v;

	for (;;) {
		n = vfs_getxattr(ns, dentry, xname, NULL, 0);
		if (n < 0)
			return n;
		v = kvzalloc(max_t(size_t, max_t(size_t, n, want), 1),
			     GFP_KERNEL);
		if (!v)
			return -ENOMEM;
		r = n ? vfs_getxattr(ns, dentry, xname, v, n) : 0;
		if (r != -ERANGE)
			break;
		kvfree(v);
	}
	if (r < 0) {
		kvfree(v);
		return r;
	}
	*val = v;
	return r;
}

static int stream_set(struct file *base, const char *xname, const u8 *val,
		      size_t len, int flags)
{
	return vfs_setxattr(file_mnt_user_ns(base), base->f_path.dentry, xname,
			    val, len, flags);
}

int ksmbd_stream_create(struct file *base, const char *xname)
{
	const struct cred *old = override_creds(base->f_cred);
	static const u8 nul;
	int err;

	err = stream_set(base, xname, &nul, 1, XATTR_CREATE);
	revert_creds(old);
	return err;
}

ssize_t ksmbd_stream_read(struct file *base, const char *xname, void *buf,
			  size_t len, loff_t off)
{
	const struct cred *old = override_creds(base->f_cred);
	ssize_t n, size;
	u8 *v = NULL;

	n = stream_get(base, xname, 0, &v);
	if (n < 0)
		goto out;
	size = n ? n - 1 : 0;
	if (off >= size) {
		n = 0;
		goto out;
	}
	n = min_t(size_t, len, size - off);
	memcpy(buf, v + off, n);
out:
	kvfree(v);
	revert_creds(old);
	return n;
}

/* Rewrite the stream as size bytes, with len bytes of data at off. */
static ssize_t stream_rewrite(struct file *base, const char *xname,
			      loff_t size, const void *data, size_t len,
			      loff_t off)
{
	const struct cred *old;
	ssize_t n, cur;
	u8 *v = NULL;
	int err;

	if (size < 0 || size > XATTR_SIZE_MAX - 1)
		return -EFBIG;
	old = override_creds(base->f_cred);
	n = stream_get(base, xname, size + 1, &v);
	if (n < 0)
		goto out;
	cur = n ? n - 1 : 0;
	if (size > cur)
		memset(v + cur, 0, size - cur);	/* zero-filled growth */
	if (data)
		memcpy(v + off, data, len);
	v[size] = '\0';
	err = stream_set(base, xname, v, size + 1, XATTR_REPLACE);
	n = err ? err : len;
out:
	kvfree(v);
	revert_creds(old);
	return n;
}

ssize_t ksmbd_stream_write(struct file *base, const char *xname,
			   const void *buf, size_t len, loff_t off)
{
	ssize_t cur;
	loff_t end;

	if (off < 0 || len > XATTR_SIZE_MAX || off > XATTR_SIZE_MAX)
		return -EFBIG;
	cur = ksmbd_stream_size(base->f_path.dentry, xname);
	if (cur < 0)
		return cur;
	end = max_t(loff_t, cur, off + len);
	return stream_rewrite(base, xname, end, buf, len, off);
}

int ksmbd_stream_truncate(struct file *base, const char *xname, loff_t size)
{
	ssize_t r = stream_rewrite(base, xname, size, NULL, 0, 0);

	return r < 0 ? r : 0;
}

int ksmbd_stream_remove(struct file *base, const char *xname)
{
	const struct cred *old = override_creds(base->f_cred);
	int err;

	err = vfs_removexattr(file_mnt_user_ns(base), base->f_path.dentry,
			      xname);
	revert_creds(old);
	return err;
}

int ksmbd_stream_rename(struct file *base, const char *from, const char *to)
{
	const struct cred *old = override_creds(base->f_cred);
	ssize_t n;
	u8 *v = NULL;
	int err;

	n = stream_get(base, from, 0, &v);
	err = n < 0 ? n : 0;
	if (!err)
		err = stream_set(base, to, v, n, 0);
	if (!err) {
		err = vfs_removexattr(file_mnt_user_ns(base),
				      base->f_path.dentry, from);
		/* undo, so that the stream is not left under both names */
		if (err)
			vfs_removexattr(file_mnt_user_ns(base),
					base->f_path.dentry, to);
	}
	kvfree(v);
	revert_creds(old);
	return err;
}

int ksmbd_stream_to_data(struct file *base, const char *xname)
{
	const struct cred *old = override_creds(base->f_cred);
	struct file *f;
	loff_t pos = 0;
	ssize_t n, w;
	u8 *v = NULL;
	int err;

	n = stream_get(base, xname, 0, &v);
	if (n < 0) {
		err = n;
		goto out;
	}
	n = n ? n - 1 : 0;	/* Samba's trailing NUL */
	f = dentry_open(&base->f_path, O_WRONLY | O_LARGEFILE, base->f_cred);
	if (IS_ERR(f)) {
		err = PTR_ERR(f);
		goto out;
	}
	err = vfs_truncate(&base->f_path, 0);
	while (!err && pos < n) {
		w = kernel_write(f, v + pos, n - pos, &pos);
		if (w <= 0)
			err = w ? w : -EIO;
	}
	fput(f);
	if (!err)
		err = vfs_removexattr(file_mnt_user_ns(base),
				      base->f_path.dentry, xname);
out:
	kvfree(v);
	revert_creds(old);
	return err;
}

int ksmbd_stream_info_put(void *out, u32 max, u32 *used, u32 *last,
			  const char *name, size_t nlen, u64 size, u64 alloc)
{
	/* ":" name ":$DATA" */
	u16 u[1 + KSMBD_NAME_COMPONENT_MAX + SUFFIX_LEN];
	struct ksmbd_file_stream_info *e;
	u32 start = ALIGN(*used, 8), n16 = 1, need;
	int r, i;

	u[0] = ':';
	if (nlen) {
		r = ksmbd_name_to_utf16(name, nlen, u + 1,
					KSMBD_NAME_COMPONENT_MAX);
		if (r <= 0)
			return -EINVAL;
		n16 += r;
	}
	for (i = 0; i < SUFFIX_LEN; i++)
		u[n16++] = KSMBD_STREAM_SUFFIX[i];
	need = sizeof(*e) + n16 * 2;
	if (start > max || max - start < need)
		return -ENOBUFS;
	e = (void *)((u8 *)out + start);
	e->NextEntryOffset = 0;
	e->StreamNameLength = cpu_to_le32(n16 * 2);
	e->StreamSize = cpu_to_le64(size);
	e->StreamAllocationSize = cpu_to_le64(alloc);
	for (i = 0; i < n16; i++)
		put_unaligned_le16(u[i], e->StreamName + 2 * i);
	if (*used)
		put_unaligned_le32(start - *last, (u8 *)out + *last);
	*last = start;
	*used = start + need;
	return 0;
}

int ksmbd_stream_list(struct dentry *dentry, bool is_dir, u64 data_size,
		      u64 data_alloc, void *out, u32 max)
{
	u32 used = 0, last = 0;
	ssize_t len, i;
	char *list;
	int err = 0;

	if (!is_dir) {
		err = ksmbd_stream_info_put(out, max, &used, &last, "", 0,
					    data_size, data_alloc);
		if (err)
			return err;
	}
	list = ksmbd_xattr_list(dentry, &len);
	if (!list)
		return len < 0 && len != -EOPNOTSUPP ? len : used;
	for (i = 0; i < len; i += strnlen(list + i, len - i) + 1) {
		const char *s;
		ssize_t size;
		size_t n;

		if (strnlen(list + i, len - i) == len - i)
			break;
		n = ksmbd_stream_name(list + i, &s);
		if (!n)
			continue;
		size = ksmbd_stream_size(dentry, list + i);
		if (size < 0)
			continue;
		err = ksmbd_stream_info_put(out, max, &used, &last, s, n, size,
					    ALIGN(size, 4096));
		if (err == -EINVAL) {
			err = 0;
			continue;
		}
		if (err)
			break;
	}
	kvfree(list);
	return err ? err : used;
}
