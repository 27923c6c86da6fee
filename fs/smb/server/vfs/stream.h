/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Named streams (alternate data streams, [MS-FSCC] 2.1.4 / 2.4.44) kept in
 * extended attributes the way Samba's streams_xattr module keeps them, so
 * a share moved between servers keeps them:
 *
 *   name:  "user.DosStream." <stream name> ":$DATA"
 *   value: the stream's bytes followed by one NUL byte
 *
 * Stream names compare case-insensitively: an open looks for an existing
 * xattr whose stream name matches and uses its spelling.
 *
 * Owner: vfs. The I/O helpers run with the credentials of the open's
 * struct file (so user.* xattr permission checks apply to the opener) and
 * serialise read-modify-write cycles with the caller's lock (fp->ki->lock
 * in the handlers). Values are bounded by XATTR_SIZE_MAX.
 */
#ifndef __KSMBD_VFS_STREAM_H__
#define __KSMBD_VFS_STREAM_H__

#include <linux/types.h>

struct dentry;
struct file;

#define KSMBD_STREAM_PREFIX	"user.DosStream."
#define KSMBD_STREAM_SUFFIX	":$DATA"

/* "user.DosStream.<stream>:$DATA", kmalloc'd, or NULL. Pure. */
char *ksmbd_stream_xattr(const char *stream);

/*
 * If xname is a stream xattr, return its stream name's length and set
 * *stream to it (inside xname); else 0. Pure.
 */
size_t ksmbd_stream_name(const char *xname, const char **stream);

/*
 * The xattr that holds stream (matched case-insensitively) on dentry:
 * 0 with *xname kmalloc'd, -ENOENT if the stream does not exist, -errno.
 */
int ksmbd_stream_find(struct dentry *dentry, const char *stream, char **xname);

/* Size of the stream's data, or -errno. */
ssize_t ksmbd_stream_size(struct dentry *dentry, const char *xname);

/*
 * Make ks (the base file's, from ksmbd_vfs_stat()) describe the stream:
 * its size and allocation. 0 or -errno.
 */
struct ksmbd_stat;
int ksmbd_stream_stat(struct dentry *dentry, const char *xname,
		      struct ksmbd_stat *ks);

/* Create an empty stream (fails with -EEXIST if it exists). */
int ksmbd_stream_create(struct file *base, const char *xname);
/* Read up to len bytes at off: bytes read (0 at or past the end). */
ssize_t ksmbd_stream_read(struct file *base, const char *xname, void *buf,
			  size_t len, loff_t off);
/* Write len bytes at off, growing the stream: bytes written or -errno. */
ssize_t ksmbd_stream_write(struct file *base, const char *xname,
			   const void *buf, size_t len, loff_t off);
/* Set the stream's size (zero-filling growth). */
int ksmbd_stream_truncate(struct file *base, const char *xname, loff_t size);
/* Remove the stream. */
int ksmbd_stream_remove(struct file *base, const char *xname);

/*
 * Rename the stream in xattr from to the xattr to (replacing it if it
 * exists; the caller checked that it may). 0 or -errno; on failure the
 * stream keeps its old name.
 */
int ksmbd_stream_rename(struct file *base, const char *from, const char *to);
/*
 * Make the stream's data the file's data (a rename to "::$DATA", whose
 * data the caller checked is empty) and remove the stream. 0 or -errno.
 */
int ksmbd_stream_to_data(struct file *base, const char *xname);

/*
 * FileStreamInformation ([MS-FSCC] 2.4.44) of dentry into out (max bytes):
 * "::$DATA" (data_size, data_alloc) first unless is_dir, then one entry per
 * named stream. Returns bytes used, -ENOBUFS when the list did not fit
 * (STATUS_BUFFER_OVERFLOW; out holds the entries that fit), or -errno.
 */
int ksmbd_stream_list(struct dentry *dentry, bool is_dir, u64 data_size,
		      u64 data_alloc, void *out, u32 max);

/*
 * Append one FileStreamInformation entry for ":<name>:$DATA" (name UTF-8,
 * nlen bytes; "" gives "::$DATA") at *used in out, linking the previous
 * entry at *last. Returns 0 or -ENOBUFS (nothing written). Pure.
 */
int ksmbd_stream_info_put(void *out, u32 max, u32 *used, u32 *last,
			  const char *name, size_t nlen, u64 size, u64 alloc);

#endif /* __KSMBD_VFS_STREAM_H__ */
