/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Resolution of validated relative names (vfs/name.h) strictly beneath a
 * share's root, and the credentials file operations run with.
 *
 * Owner: vfs. Every lookup starts at the share root with LOOKUP_BENEATH |
 * LOOKUP_NO_SYMLINKS | LOOKUP_NO_XDEV: no "..", no symlink (not even one
 * that stays inside) and no mount crossing can lead elsewhere; the name
 * parser already refused "." and ".." components, this is the second,
 * VFS-enforced line. The returned paths are referenced (path_put()).
 * Names are case-insensitive, as on Windows: a component that does not
 * exist as spelled stands for the entry of its directory that matches it
 * but for case (found by reading the directory, so only when the exact
 * name is absent); the path so respelled is resolved again by the same
 * walk. No state of its own, no locking beyond the VFS's.
 */
#ifndef __KSMBD_VFS_PATH_H__
#define __KSMBD_VFS_PATH_H__

#include <linux/path.h>
#include <linux/types.h>

struct cred;
struct dentry;
struct filename;
struct ksmbd_work;
struct qstr;

#define KSMBD_LOOKUP_FLAGS \
	(LOOKUP_BENEATH | LOOKUP_NO_SYMLINKS | LOOKUP_NO_XDEV)

/* Resolve rel ("" = the root itself) beneath root into *out. */
int ksmbd_vfs_lookup(const struct path *root, const char *rel,
		     struct path *out);

/*
 * Resolve the parent of rel beneath root into *parent, lock the parent
 * directory (I_MUTEX_PARENT) and look the last component up: *child is a
 * referenced dentry, negative if the name does not exist. rel must not be
 * "". Undo with ksmbd_vfs_unlock_parent().
 */
int ksmbd_vfs_lookup_locked(const struct path *root, const char *rel,
			    struct path *parent, struct dentry **child);
/*
 * The same, case-sensitively: each component only as spelled (a POSIX
 * open, [POSIX-SMB2], where "a" and "A" are two files).
 */
int ksmbd_vfs_lookup_locked_exact(const struct path *root, const char *rel,
				  struct path *parent, struct dentry **child);
void ksmbd_vfs_unlock_parent(struct path *parent, struct dentry *child);

/*
 * The parent of (*fname)->name beneath root into *parent (referenced),
 * *last pointing into *fname at the last component. *fname is replaced
 * (putname()'d) by the name with its directories respelled when it names
 * them in another case. -EINVAL if the last component is not a name.
 */
int ksmbd_vfs_lookup_parent(const struct path *root, struct filename **fname,
			    struct path *parent, struct qstr *last);

/*
 * The name last in directory dir, case-insensitively: when it does not
 * exist as spelled but an entry equal to it but for case does, last is
 * made to point at that entry's spelling, kmalloc'd in *buf (kfree it
 * after last's use); else last is left and *buf is NULL. 0 or -errno.
 */
int ksmbd_vfs_ci_name(const struct path *dir, struct qstr *last, char **buf);

/*
 * Run as the session's user: fsuid/fsgid/supplementary groups of the
 * logged-in account (or the share's force user/group), no capabilities
 * unless the account is root. Returns the old creds for
 * ksmbd_vfs_revert_creds(), or NULL on allocation failure.
 */
const struct cred *ksmbd_vfs_override_creds(struct ksmbd_work *work);
void ksmbd_vfs_revert_creds(const struct cred *old);

#endif /* __KSMBD_VFS_PATH_H__ */
