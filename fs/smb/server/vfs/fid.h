/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Open files: the per-session open-file table (volatile FileId -> struct
 * ksmbd_file) and the per-inode state shared by all opens of one file.
 *
 * Owner: vfs. core calls ksmbd_fid_table_init()/_destroy() when a session is
 * created/freed, ksmbd_close_tree_files() at TREE_DISCONNECT and
 * ksmbd_close_session_files() at LOGOFF / session teardown.
 *
 * References:
 *   struct ksmbd_file (fp->kref): the session's table holds one from CREATE
 *     until CLOSE (or tree/session teardown); every handler that looked the
 *     file up (ksmbd_fid_lookup()) holds one until ksmbd_file_put(). The last
 *     put releases the open: delete-on-close, share-mode removal, fput, tree
 *     and inode-state references dropped.
 *   fp->tcon is referenced (ksmbd_tree_get()); fp->sess is not: a session
 *     closes its files before it goes.
 *   struct ksmbd_inode (ki->kref): one reference per open (fp->ki); it is in
 *     a global hash keyed by struct inode * while referenced. ki->inode is
 *     not referenced: every open pins it through its struct file.
 *
 * Locking:
 *   table->xa (own lock): volatile id -> fp; table->count is written
 *     under the same lock, read locklessly by ksmbd_fid_table_full().
 *   ki->lock (mutex): ki->opens, the share modes of the opens on it,
 *     ki->delete_pending, ki->locks (byte-range locks of all opens);
 *     held across the sharing check + insertion of a new open so that
 *     two CREATEs cannot both pass.
 *   fp->published is written under table->xa's lock, read locklessly by
 *     blocked LOCK waiters (smb2/lock.c).
 *   fp->lock (mutex): directory enumeration state, fp->pos, fp->mode,
 *     fp->user_ctime, fp->watches.
 *   fp->renamed is set (WRITE_ONCE) by a SET_INFO rename of the file and
 *     read at its release, when nobody else holds fp.
 *   The other fp fields are fixed at CREATE, except delete_on_close and
 *     oplock (vfs/oplock.h), which are written under ki->lock, and the
 *     stream name: a stream rename rewrites fp->stream_buf in place, or
 *     sets fp->stream to NULL (a rename to the file's data), under
 *     ki->lock. The buffer lives as long as fp and always ends in NUL
 *     (no name fills it), so a lockless reader sees a valid string; one
 *     that needs the current name takes ki->lock.
 */
#ifndef __KSMBD_VFS_FID_H__
#define __KSMBD_VFS_FID_H__

#include <linux/kref.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/xarray.h>

#include "oplock.h"

struct dentry;
struct file;
struct inode;
struct ksmbd_session;
struct ksmbd_tree_connect;
struct ksmbd_work;
struct ksmbd_dir_state;

/* Room for a stream's xattr name, with its NUL. */
#define KSMBD_STREAM_BUF	(XATTR_NAME_MAX + 1)

struct ksmbd_fid_table {
	struct xarray xa;		/* volatile id -> struct ksmbd_file * */
	unsigned int count;		/* published opens */
};

struct ksmbd_inode {
	struct kref kref;
	struct hlist_node hnode;	/* ksmbd_inode_hash */
	struct inode *inode;		/* key; pinned by the opens */
	struct mutex lock;		/* see header comment */
	struct list_head opens;		/* struct ksmbd_file.ki_node */
	struct list_head locks;		/* struct ksmbd_lock.node (vfs/lock.h) */
	wait_queue_head_t lock_wait;	/* blocked LOCK requests */
	bool delete_pending;
	/*
	 * The AllocationSize a client set beyond the end of file, rounded
	 * up to blocks (space reserved with fallocate), or 0; it lasts as
	 * long as the file has opens, as Windows keeps such an allocation
	 * until the last close. Written under lock, read with READ_ONCE.
	 */
	u64 alloc_hint;
};

struct ksmbd_file {
	struct kref kref;
	bool published;			/* in the table (under table->xa lock) */
	u64 volatile_id;
	u64 persistent_id;
	struct ksmbd_session *sess;	/* not referenced */
	struct ksmbd_tree_connect *tcon; /* referenced */
	struct file *filp;		/* the opened file (or stream's base) */
	struct ksmbd_inode *ki;		/* referenced */
	struct list_head ki_node;	/* ki->opens, under ki->lock */

	__le32 daccess;			/* granted FILE_* access */
	__le32 share_access;		/* FILE_SHARE_* */
	__le32 coptions;		/* CreateOptions */
	bool is_dir;
	bool delete_on_close;		/* under ki->lock */
	char *stream;			/* its xattr (vfs/stream.h), or NULL */
	char *stream_buf;		/* what stream points into, or NULL */

	struct mutex lock;		/* see header comment */
	struct ksmbd_dir_state *dir;	/* QUERY_DIRECTORY state, or NULL */
	struct list_head watches;	/* CHANGE_NOTIFY (vfs/notify.h) */
	void (*dir_release)(struct ksmbd_file *fp); /* frees dir */
	u64 pos;			/* FilePositionInformation */
	u32 mode;			/* FileModeInformation */
	s64 user_ctime;			/* ChangeTime set by the client, 0: none */
	bool renamed;			/* a file's rename went through it */
	struct ksmbd_oplock oplock;	/* vfs/oplock.h, under ki->lock */
};

/*
 * Allocate an open on filp for work's session/tree (takes over filp; on
 * error filp is put). The open is not visible until ksmbd_fid_publish().
 * Share modes are checked against the other opens of the same inode and
 * the open is linked to them atomically: returns -EBUSY on a sharing
 * violation, -ESTALE when a delete is pending. Returns the file (one reference for the caller,
 * which becomes the table's on publish) or ERR_PTR.
 */
struct ksmbd_file *ksmbd_file_open(struct ksmbd_work *work, struct file *filp,
				   __le32 daccess, __le32 share_access,
				   __le32 coptions, const char *stream);
/*
 * Make the open visible in the session table (assigns ids): 0, -EMFILE
 * when the session already has its limit of opens (below), -ENOMEM, or
 * -ENOENT when the session's table is gone.
 */
int ksmbd_fid_publish(struct ksmbd_file *fp);
/*
 * Has sess as many opens as a session may have? The limit is the
 * daemon's "max open files" (ksmbd_cfg.file_max, sent at startup as the
 * open files per client; 0: none but the 32-bit volatile id space),
 * counted per session, as Windows counts its sessopens. CREATE asks
 * before it touches the file system, so a refused open (it answers
 * STATUS_TOO_MANY_OPENED_FILES, [MS-CIFS] ERRnofids' status) makes no
 * file; ksmbd_fid_publish() enforces the limit exactly.
 */
bool ksmbd_fid_table_full(struct ksmbd_session *sess);
/* Undo ksmbd_file_open() for an open that was never published. */
void ksmbd_file_abort(struct ksmbd_file *fp);

/*
 * The open named by (pfid, vfid) in work's session, referenced; NULL if
 * there is none, it belongs to another tree, or the persistent id differs.
 */
struct ksmbd_file *ksmbd_fid_lookup(struct ksmbd_work *work, u64 pfid,
				    u64 vfid);
/* The same in any tree of work's session (a copychunk's source). */
struct ksmbd_file *ksmbd_fid_lookup_session(struct ksmbd_work *work,
					    u64 pfid, u64 vfid);
void ksmbd_file_put(struct ksmbd_file *fp);
/* CLOSE: remove from the table and drop its reference. -ENOENT if gone. */
int ksmbd_fid_close(struct ksmbd_work *work, struct ksmbd_file *fp);

/*
 * Set (or clear) delete-pending for fp's file, or delete-on-close for fp
 * when it is a named stream (the stream goes with its last open). 0.
 */
int ksmbd_file_set_delete(struct ksmbd_file *fp, bool del);
static inline bool ksmbd_file_delete_pending(struct ksmbd_file *fp)
{
	return READ_ONCE(fp->ki->delete_pending);
}

/*
 * Is inode's file open through this server (any open, a named stream's
 * too)? Takes no ki->lock, so a rename may ask under its directories'
 * locks; the answer is a snapshot.
 */
bool ksmbd_inode_in_use(struct inode *inode);

/*
 * Is any file or directory beneath dir (not dir itself) open through this
 * server? Walks the open inodes under ksmbd_inode_lock.
 */
bool ksmbd_opens_beneath(struct dentry *dir);

/*
 * The per-file state of inode if it is open through this server,
 * referenced (drop with ksmbd_inode_unref()); NULL otherwise.
 */
struct ksmbd_inode *ksmbd_inode_lookup(struct inode *inode);
void ksmbd_inode_unref(struct ksmbd_inode *ki);
/* Would an open (acc, share) conflict with an open (oacc, oshare)? */
bool ksmbd_share_conflict(__le32 acc, __le32 share, __le32 oacc,
			  __le32 oshare);

/*
 * A stream rename of fp (an open of a named stream), under fp->ki->lock:
 * fp now names the stream in xattr xname, or the file's data if xname is
 * NULL. 0, -EINVAL (fp is not a stream's) or -ENAMETOOLONG.
 */
int ksmbd_file_rename_stream(struct ksmbd_file *fp, const char *xname);

/*
 * Would an open (acc, share) of inode's file itself (not a stream)
 * conflict with its opens through this server? Checked under ki->lock,
 * nothing is recorded: for an open the server makes only for the length
 * of one operation, as Windows opens a rename's target directory.
 */
bool ksmbd_inode_share_conflict(struct inode *inode, __le32 acc,
				__le32 share);

/* Session hooks called by core. */
int ksmbd_fid_table_init(struct ksmbd_session *sess);
/* Idempotent: sets sess->files to NULL. Files must already be closed. */
void ksmbd_fid_table_destroy(struct ksmbd_session *sess);
void ksmbd_close_tree_files(struct ksmbd_tree_connect *tcon);
void ksmbd_close_session_files(struct ksmbd_session *sess);

#endif /* __KSMBD_VFS_FID_H__ */
