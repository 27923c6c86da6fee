/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Extended attributes as SMB sees them ([MS-FSCC] 2.4.15
 * FILE_FULL_EA_INFORMATION, 2.4.15.1 FILE_GET_EA_INFORMATION), kept as
 * "user.<name>" xattrs the way Samba keeps them. The server's own xattrs
 * (user.DOSATTRIB, user.DosStream.*) are never shown as EAs nor writable
 * through them.
 *
 * Owner: vfs. The walkers and encoders are pure functions over buffers;
 * the xattr helpers run with the caller's credentials.
 */
#ifndef __KSMBD_VFS_EA_H__
#define __KSMBD_VFS_EA_H__

#include <linux/types.h>

struct dentry;
struct user_namespace;

/* An EA from a request, validated: name is NUL-terminated. */
struct ksmbd_ea {
	const char *name;
	u8 name_len;
	u8 flags;
	const u8 *value;
	u16 value_len;
};

/* Is name (len bytes) a valid EA name ([MS-FSCC] 2.4.15)? Pure. */
bool ksmbd_ea_name_valid(const char *name, size_t len);

/*
 * Walk a FILE_FULL_EA_INFORMATION list of len bytes: every entry's header,
 * name (with its NUL) and value inside the buffer, NextEntryOffset moving
 * forward. fn is called for each entry. Returns 0, fn's non-zero return,
 * -EINVAL for a malformed list or -EILSEQ for an invalid name
 * (STATUS_INVALID_EA_NAME). Pure.
 */
typedef int (*ksmbd_ea_fn)(void *arg, const struct ksmbd_ea *ea);
int ksmbd_ea_walk(const void *buf, u32 len, ksmbd_ea_fn fn, void *arg);

/*
 * Same for a FILE_GET_EA_INFORMATION list (names only). Pure.
 */
int ksmbd_ea_walk_names(const void *buf, u32 len, ksmbd_ea_fn fn, void *arg);

/*
 * Append one FILE_FULL_EA_INFORMATION entry at *used (4-aligned) in out,
 * linking the previous one at *last. 0 or -ENOBUFS (nothing written).
 */
int ksmbd_ea_put(void *out, u32 max, u32 *used, u32 *last, const char *name,
		 size_t nlen, const void *value, size_t vlen);

/* xattr name of an EA ("user." + name), kmalloc'd; NULL if reserved. */
char *ksmbd_ea_xattr(const char *name, size_t len);

/* Set (value_len > 0) or remove one EA of dentry. */
int ksmbd_ea_set(struct user_namespace *ns, struct dentry *dentry,
		 const struct ksmbd_ea *ea);

/*
 * Encode dentry's EAs into out (max bytes): all of them, or those named
 * in the FILE_GET_EA_INFORMATION list names/nlen (missing ones with an
 * empty value). single: stop after the first. Returns bytes used,
 * -ENODATA when there are none (STATUS_NO_EAS_ON_FILE), -ENOBUFS when not
 * even one fits, -E2BIG when some were left out (STATUS_BUFFER_OVERFLOW
 * with the bytes that fit in *used_out), or -errno.
 */
int ksmbd_ea_query(struct dentry *dentry, const void *names, u32 nlen,
		   bool single, void *out, u32 max, u32 *used_out);

/*
 * All xattr names of dentry (a kvmalloc'd list of NUL-terminated names,
 * its length in *len), or NULL with *len 0 (none) or -errno.
 */
char *ksmbd_xattr_list(struct dentry *dentry, ssize_t *len);

/* Total size of dentry's EAs as FileEaInformation reports it. */
u32 ksmbd_ea_size(struct dentry *dentry);

#endif /* __KSMBD_VFS_EA_H__ */
