/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CHANGE_NOTIFY ([MS-SMB2] 3.3.5.19) over fsnotify inode marks.
 *
 * Owner: vfs. The first CHANGE_NOTIFY on a directory open (fp) gives it a
 * watch (struct ksmbd_notify, on fp->watches - at most one entry - under
 * fp->lock) that lives until the open is closed. Its completion filter,
 * WATCH_TREE flag and buffer size are the first request's, as Windows and
 * Samba keep them. Changes seen while no request is pending are kept on the
 * watch (at most KSMBD_NOTIFY_MAX_CHANGES, then it overflows) and answer
 * the next request at once; a change seen while one is pending completes
 * the oldest pending request (a rename's old name waits for its new name).
 * Changes that do not fit the client's buffer, or an overflowed watch,
 * complete with STATUS_NOTIFY_ENUM_DIR and no data. A WATCH_TREE watch
 * sees changes at every depth beneath its directory, named relative to it
 * ("sub\name"), through one fsnotify superblock mark per filesystem with
 * such watches (no per-directory state: nothing to bound but the queued
 * changes); every change of that filesystem then passes its handler. Closing the open
 * completes its pending requests with STATUS_NOTIFY_CLEANUP; CANCEL with
 * STATUS_CANCELLED.
 *
 * Lifetime: the watch is the fsnotify mark's container, freed by the
 * group's free_mark when the last mark reference goes. The open holds one
 * until it is closed; each pending request holds one.
 *
 * Locking: watch->lock (spinlock) guards the queued changes and the list of
 * pending requests; it is taken from fsnotify handlers (process context,
 * with the directory's i_rwsem possibly held), under conn->async_lock (the
 * cancel callback) and under fp->lock (cleanup). Responses are built and
 * sent from a workqueue, never under it. The superblock mark's mutex
 * guards its list of tree watches; it is taken in the fsnotify handler
 * (after i_rwsem) and under ksmbd_notify_lock, and nothing holding it
 * takes an i_rwsem.
 */
#ifndef __KSMBD_VFS_NOTIFY_H__
#define __KSMBD_VFS_NOTIFY_H__

#include <linux/list.h>
#include <linux/types.h>

struct ksmbd_work;
struct ksmbd_file;
struct inode;

#define KSMBD_NOTIFY_MAX_CHANGES	1000

/* One queued change: an action on a name (UTF-16LE, relative to the dir). */
struct ksmbd_notify_change {
	struct list_head node;
	u32 action;			/* FILE_ACTION_* */
	u32 len;			/* bytes of name */
	__le16 name[];
};

/*
 * Arm or use fp's watch for work: returns STATUS_PENDING (the request went
 * async), or a status to answer synchronously - STATUS_SUCCESS or
 * STATUS_NOTIFY_ENUM_DIR with the response body written when changes were
 * waiting, or an error.
 */
__le32 ksmbd_notify_watch(struct ksmbd_work *work, struct ksmbd_file *fp,
			  u32 filter, bool tree, u32 out_max);
/*
 * Attribute changes (FS_ATTRIB) the calling task makes between begin and
 * end are reported under filter (FILE_NOTIFY_CHANGE_*; 0: not at all)
 * instead of under every attribute class: an SMB operation knows what it
 * changed (a CREATE's own DOS attributes are part of the create). Not
 * nestable; cheap when nobody watches.
 */
void ksmbd_notify_begin(u32 filter);
void ksmbd_notify_end(void);
/*
 * The directory inode's delete became pending: its pending requests
 * complete with STATUS_DELETE_PENDING (smb2.notify.rmdir*).
 */
void ksmbd_notify_delete_pending(struct inode *inode);
/*
 * The open through which a file (not a directory, not a stream) was
 * renamed goes: Windows then reports the file, under its new name, as
 * MODIFIED for FILE_NOTIFY_CHANGE_ATTRIBUTES - at that close, not at the
 * rename (smb2.notify.mask-change expects it; smb2.notify.rec, whose
 * renaming opens stay, expects nothing).
 */
void ksmbd_notify_renamed_close(struct dentry *d);
/* fp is being closed: complete its requests with STATUS_NOTIFY_CLEANUP. */
void ksmbd_notify_cleanup(struct ksmbd_file *fp);
/* Module exit: drop the fsnotify group. */
void ksmbd_notify_exit(void);

/*
 * Encode changes as FILE_NOTIFY_INFORMATION entries ([MS-FSCC] 2.7.1:
 * 4-byte aligned, NextEntryOffset 0 on the last) into buf, at most size
 * bytes; consecutive identical changes are sent once. buf may be NULL to
 * measure. Returns the bytes used, or -ENOSPC if they do not fit.
 */
int ksmbd_notify_pack(void *buf, u32 size, const struct list_head *changes);

/*
 * The name a tree watch reports for the entry name (nlen bytes) of the
 * directory at path dir, the watch's directory being at path root (paths
 * from the filesystem's root as dentry_path_raw() writes them: "/" or
 * "/a/b"): "b\name" for root "/a" and dir "/a/b", "name" for dir "/a".
 * Written NUL-terminated into out (size bytes). Returns its length,
 * -ENOENT if dir is neither root nor beneath it, -ENAMETOOLONG.
 */
int ksmbd_notify_tree_name(const char *root, const char *dir,
			   const char *name, u32 nlen, char *out, u32 size);

#endif /* __KSMBD_VFS_NOTIFY_H__ */
