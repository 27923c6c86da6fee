/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB2 oplocks (no leases): Level II, Exclusive and Batch oplocks on the
 * opens of a file, granted at CREATE and broken when another open, a write
 * or a truncate conflicts ([MS-SMB2] 3.3.4.6, 3.3.5.9, 3.3.5.22.1;
 * [MS-FSA] 2.1.4.12, 2.1.5.18).
 *
 * Owner: oplock. The wire side (the break notification and the OPLOCK_BREAK
 * acknowledgment) is smb2/oplock_break.c.
 *
 * State: struct ksmbd_oplock lives in each struct ksmbd_file (fp->oplock);
 * the per-file view is the set of opens on the same ksmbd_inode and stream
 * (ki->opens). All of it is read and written under ki->lock.
 *
 * References:
 *   op->conn, op->sess: the connection and session the oplock was granted
 *     on, referenced while the open holds or breaks an oplock (level !=
 *     NONE or breaking), so that a break can be sent (encrypted when the
 *     session wants it) whatever happens meanwhile. Dropped when the
 *     oplock goes to none or the open is released (ksmbd_oplock_release(),
 *     called by vfs/fid.c under ki->lock). A session is destroyed (its
 *     files closed) before its last reference goes, so this reference
 *     never keeps open files alive.
 *   A queued notification holds a reference on its open (fp->kref), the
 *     connection and the session while it is sent outside ki->lock. When
 *     the connection is gone or the send fails, it goes on another
 *     channel of the session (multichannel), if one is left.
 *
 * Waiting: an opener that must wait for an acknowledgment sleeps (in its
 * worker, not in the connection's receive thread) on a global wait queue
 * woken whenever a break completes (ack, close, timeout); it holds its own
 * reference on the ksmbd_inode and rescans the opens under ki->lock. A wait
 * ends at the latest KSMBD_OPLOCK_BREAK_TIMEOUT after the break was sent
 * (the holder is then taken to have broken to the level offered), or within
 * a second of the opener's connection going away. A waiting opener keeps
 * its ksmbd_wq worker (it does not go async: a CREATE in the middle of a
 * compound may wait too); the receive threads are never blocked, and the
 * acknowledgment runs on another worker.
 */
#ifndef __KSMBD_VFS_OPLOCK_H__
#define __KSMBD_VFS_OPLOCK_H__

#include <linux/types.h>

struct inode;
struct ksmbd_conn;
struct ksmbd_file;
struct ksmbd_session;
struct ksmbd_work;

/* as Windows: 35 s for the holder to acknowledge a break */
#define KSMBD_OPLOCK_BREAK_TIMEOUT	(35 * HZ)

struct ksmbd_oplock {
	u8 level;			/* SMB2_OPLOCK_LEVEL_{NONE,II,EXCLUSIVE,BATCH} */
	u8 break_to;			/* while breaking: the level offered */
	bool breaking;			/* notification sent, ack awaited */
	unsigned long deadline;		/* jiffies: breaking ends by itself */
	struct ksmbd_conn *conn;	/* referenced, see header comment */
	struct ksmbd_session *sess;	/* referenced, see header comment */
};

/* --- pure decisions (KUnit: vfs/oplock_test.c) --- */

/* "no break" answer of ksmbd_oplock_open_break() */
#define KSMBD_OPLOCK_NO_BREAK	0xff

/*
 * Level granted to a new open that asked for requested (the wire value),
 * given whether other opens of the same stream exist and whether one of
 * them holds (or is breaking from) an Exclusive/Batch oplock. allowed is
 * false for directories and shares with "oplocks = no". A lease request
 * (SMB2_OPLOCK_LEVEL_LEASE) is granted none until leases exist.
 */
u8 ksmbd_oplock_grant_level(u8 requested, bool others, bool others_excl,
			    bool allowed);

/*
 * What a new open does to an oplock at level held of another open of the
 * same stream ([MS-FSA] 2.1.4.12 for OPEN): the level to break it to, or
 * KSMBD_OPLOCK_NO_BREAK. truncate: SUPERSEDE/OVERWRITE(_IF) disposition;
 * stat_open: only attribute/synchronize access (breaks nothing unless it
 * truncates); conflict: the new open's
 * share mode conflicts with the holder (an Exclusive holder is then left
 * alone, the open fails anyway; a Batch holder is broken so that its
 * client may close a cached handle).
 */
u8 ksmbd_oplock_open_break(u8 held, bool truncate, bool stat_open,
			   bool conflict);

/*
 * Check an acknowledgment of level ack for an open in state (breaking,
 * break_to) ([MS-SMB2] 3.3.5.22.1). *level holds the open's current level
 * on entry and its new level on return. Returns the NTSTATUS.
 */
__le32 ksmbd_oplock_ack_check(bool breaking, u8 break_to, u8 ack, u8 *level);

/* --- state machine --- */

/*
 * Before an open of inode (stream: its xattr or NULL) with daccess and
 * share_access: break the conflicting oplocks of the other opens and wait
 * for their acknowledgments. Returns 0, or -ECONNABORTED when the opener's
 * connection went away while waiting.
 */
int ksmbd_oplock_break_for_open(struct ksmbd_work *work, struct inode *inode,
				const char *stream, __le32 daccess,
				__le32 share_access, bool truncate);

/*
 * After CREATE published fp: grant it an oplock for the requested level.
 * Returns the level granted (for the CREATE response).
 */
u8 ksmbd_oplock_grant(struct ksmbd_work *work, struct ksmbd_file *fp,
		      u8 requested);

/*
 * fp writes, locks or changes the size of its stream: every Level II
 * oplock on it, fp's own included, is broken to none (no acknowledgment,
 * no waiting; [MS-FSA] breaks Level II whoever writes).
 */
void ksmbd_oplock_break_level2(struct ksmbd_file *fp);

/* The OPLOCK_BREAK acknowledgment for fp: see ksmbd_oplock_ack_check(). */
__le32 ksmbd_oplock_ack(struct ksmbd_file *fp, u8 ack, u8 *level);

/* fp is being released (called by vfs/fid.c under ki->lock). */
void ksmbd_oplock_release(struct ksmbd_file *fp);

/*
 * Wire side (smb2/oplock_break.c): send an Oplock Break Notification for
 * (pfid, vfid) of sess offering level on conn. 0 or -errno.
 */
int ksmbd_oplock_send_break(struct ksmbd_conn *conn,
			    struct ksmbd_session *sess, u64 pfid, u64 vfid,
			    u8 level);

#endif /* __KSMBD_VFS_OPLOCK_H__ */
