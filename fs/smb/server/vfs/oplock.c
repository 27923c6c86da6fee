// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 oplock state machine (see vfs/oplock.h).
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/ksmbd_netlink.h>

#include "oplock.h"
#include "fid.h"
#include "../conn.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../work.h"
#include "../mgmt/session.h"
#include "../mgmt/share.h"
#include "../mgmt/tree.h"
#include "../../common/smb2pdu.h"

/* Woken whenever a break completes; waiters recheck under ki->lock. */
static DECLARE_WAIT_QUEUE_HEAD(ksmbd_oplock_wq);
static atomic_t ksmbd_oplock_gen = ATOMIC_INIT(0);

static bool is_excl(u8 level)
{
	return level == SMB2_OPLOCK_LEVEL_EXCLUSIVE ||
	       level == SMB2_OPLOCK_LEVEL_BATCH;
}

u8 ksmbd_oplock_grant_level(u8 requested, bool others, bool others_excl,
			    bool allowed)
{
	if (!allowed)
		return SMB2_OPLOCK_LEVEL_NONE;
	switch (requested) {
	case SMB2_OPLOCK_LEVEL_EXCLUSIVE:
	case SMB2_OPLOCK_LEVEL_BATCH:
		if (!others)
			return requested;
		fallthrough;
	case SMB2_OPLOCK_LEVEL_II:
		/* [MS-SMB2] 3.3.5.9: a refused exclusive request gets II */
		return others_excl ? SMB2_OPLOCK_LEVEL_NONE :
				     SMB2_OPLOCK_LEVEL_II;
	}
	return SMB2_OPLOCK_LEVEL_NONE;	/* NONE, LEASE, anything else */
}

u8 ksmbd_oplock_open_break(u8 held, bool truncate, bool stat_open,
			   bool conflict)
{
	/* an attribute-only open breaks nothing, unless it truncates */
	if (stat_open && !truncate)
		return KSMBD_OPLOCK_NO_BREAK;
	switch (held) {
	case SMB2_OPLOCK_LEVEL_II:
		return truncate ? SMB2_OPLOCK_LEVEL_NONE : KSMBD_OPLOCK_NO_BREAK;
	case SMB2_OPLOCK_LEVEL_EXCLUSIVE:
		if (conflict)
			return KSMBD_OPLOCK_NO_BREAK;
		fallthrough;
	case SMB2_OPLOCK_LEVEL_BATCH:
		return truncate ? SMB2_OPLOCK_LEVEL_NONE : SMB2_OPLOCK_LEVEL_II;
	}
	return KSMBD_OPLOCK_NO_BREAK;
}

__le32 ksmbd_oplock_ack_check(bool breaking, u8 break_to, u8 ack, u8 *level)
{
	if (!breaking) {
		/*
		 * No break outstanding: the open keeps what it has. An ack of
		 * a break to none (Level II's, which wants none) is a protocol
		 * error, as Windows answers it (smbtorture levelii500).
		 */
		return *level == SMB2_OPLOCK_LEVEL_NONE ?
		       STATUS_INVALID_OPLOCK_PROTOCOL :
		       STATUS_INVALID_DEVICE_STATE;
	}
	*level = SMB2_OPLOCK_LEVEL_NONE;
	if (ack == SMB2_OPLOCK_LEVEL_LEASE)
		return STATUS_INVALID_PARAMETER;
	if (ack == SMB2_OPLOCK_LEVEL_NONE)
		return STATUS_SUCCESS;
	if (ack == SMB2_OPLOCK_LEVEL_II && break_to == SMB2_OPLOCK_LEVEL_II) {
		*level = SMB2_OPLOCK_LEVEL_II;
		return STATUS_SUCCESS;
	}
	/* more than was offered, or not a level at all */
	return STATUS_INVALID_OPLOCK_PROTOCOL;
}

/* Access that neither reads nor writes data ([MS-FSA] 2.1.4.12 note). */
static bool is_stat_open(__le32 daccess)
{
	return !(daccess & ~(FILE_READ_ATTRIBUTES_LE | FILE_WRITE_ATTRIBUTES_LE |
			     FILE_SYNCHRONIZE_LE));
}

static bool same_stream(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcasecmp(a, b);
}

/* Drop the references of an oplock that went to none (under ki->lock). */
static void oplock_unref(struct ksmbd_oplock *op)
{
	if (op->conn)
		ksmbd_conn_put(op->conn);
	if (op->sess)
		ksmbd_session_put(op->sess);
	op->conn = NULL;
	op->sess = NULL;
}

/* Set fp's oplock to level (under ki->lock); wakes waiters. */
static void oplock_set(struct ksmbd_file *fp, u8 level)
{
	struct ksmbd_oplock *op = &fp->oplock;
	bool was_breaking = op->breaking;

	op->level = level;
	op->breaking = false;
	if (level == SMB2_OPLOCK_LEVEL_NONE)
		oplock_unref(op);
	if (was_breaking) {
		atomic_inc(&ksmbd_oplock_gen);
		wake_up_all(&ksmbd_oplock_wq);
	}
}

/* A notification to send once ki->lock is dropped. */
struct oplock_msg {
	struct list_head node;
	struct ksmbd_file *fp;		/* referenced */
	struct ksmbd_conn *conn;	/* referenced */
	struct ksmbd_session *sess;	/* referenced */
	u8 level;
	bool ack;			/* the break waits for an ack */
};

/* Queue a notification for fp offering level (under ki->lock). */
static void oplock_queue(struct list_head *q, struct ksmbd_file *fp, u8 level,
			 bool ack)
{
	struct oplock_msg *m;

	if (!fp->oplock.conn)
		return;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return;		/* the state changes; the client is not told */
	if (!kref_get_unless_zero(&fp->kref)) {
		kfree(m);	/* the open is on its way out */
		return;
	}
	m->fp = fp;
	m->conn = fp->oplock.conn;
	ksmbd_conn_get(m->conn);
	m->sess = fp->oplock.sess;
	ksmbd_session_get(m->sess);
	m->level = level;
	m->ack = ack;
	list_add_tail(&m->node, q);
}

/*
 * The open's connection is gone or failed: the session may still be on
 * others (multichannel), and the holder is told on one of those.
 */
static int oplock_send_other_channel(struct oplock_msg *m)
{
	struct ksmbd_conn *conn;
	int err;

	conn = ksmbd_session_other_conn(m->sess, m->conn);
	if (!conn)
		return -ENOTCONN;
	err = ksmbd_oplock_send_break(conn, m->sess, m->fp->persistent_id,
				      m->fp->volatile_id, m->level);
	ksmbd_conn_put(conn);
	return err;
}

/* Send the queued notifications (no locks held). */
static void oplock_send_all(struct list_head *q)
{
	struct oplock_msg *m, *n;

	list_for_each_entry_safe(m, n, q, node) {
		struct ksmbd_file *fp = m->fp;
		int err;

		err = ksmbd_oplock_send_break(m->conn, m->sess,
					      fp->persistent_id,
					      fp->volatile_id, m->level);
		if (err)
			err = oplock_send_other_channel(m);
		ksmbd_debug(OPLOCK, "break %llu to %u: %d\n",
			    fp->persistent_id, m->level, err);
		if (err && m->ack) {
			/* nobody will acknowledge: the break is done */
			mutex_lock(&fp->ki->lock);
			if (fp->oplock.breaking)
				oplock_set(fp, fp->oplock.break_to);
			mutex_unlock(&fp->ki->lock);
		}
		list_del(&m->node);
		ksmbd_session_put(m->sess);
		ksmbd_conn_put(m->conn);
		ksmbd_file_put(fp);
		kfree(m);
	}
}

/*
 * One pass over the opens of ki for a new open: start the breaks it
 * needs, time out overdue ones. true if the opener must wait.
 */
static bool open_scan(struct ksmbd_inode *ki, const char *stream,
		      __le32 daccess, __le32 share, bool truncate,
		      struct list_head *q)
{
	bool stat_open = is_stat_open(daccess);
	struct ksmbd_file *o;
	bool wait = false;

	list_for_each_entry(o, &ki->opens, ki_node) {
		struct ksmbd_oplock *op = &o->oplock;
		bool conflict;
		u8 to;

		if (!same_stream(o->stream, stream))
			continue;
		if (op->breaking) {
			if (time_after_eq(jiffies, op->deadline))
				oplock_set(o, op->break_to);
			else
				wait = true;
			continue;
		}
		if (op->level == SMB2_OPLOCK_LEVEL_NONE)
			continue;
		conflict = ksmbd_share_conflict(daccess, share, o->daccess,
						o->share_access);
		to = ksmbd_oplock_open_break(op->level, truncate, stat_open,
					     conflict);
		if (to == KSMBD_OPLOCK_NO_BREAK)
			continue;
		if (!is_excl(op->level)) {
			/* Level II: broken to none, nothing to wait for */
			oplock_queue(q, o, to, false);
			oplock_set(o, to);
			continue;
		}
		op->breaking = true;
		op->break_to = to;
		op->deadline = jiffies + KSMBD_OPLOCK_BREAK_TIMEOUT;
		oplock_queue(q, o, to, true);
		wait = true;
	}
	return wait;
}

int ksmbd_oplock_break_for_open(struct ksmbd_work *work, struct inode *inode,
				const char *stream, __le32 daccess,
				__le32 share_access, bool truncate)
{
	struct ksmbd_inode *ki = ksmbd_inode_lookup(inode);
	int err = 0;

	if (!ki)
		return 0;	/* no open of this file: no oplock */
	for (;;) {
		LIST_HEAD(q);
		int gen = atomic_read(&ksmbd_oplock_gen);
		bool wait = false;

		mutex_lock(&ki->lock);
		/* a delete-pending file refuses the open before any break */
		if (!ki->delete_pending)
			wait = open_scan(ki, stream, daccess, share_access,
					 truncate, &q);
		mutex_unlock(&ki->lock);
		oplock_send_all(&q);
		if (!wait)
			break;
		if (ksmbd_conn_exiting(work->conn)) {
			err = -ECONNABORTED;
			break;
		}
		/* recheck at least every second: timeouts, our connection */
		wait_event_timeout(ksmbd_oplock_wq,
				   atomic_read(&ksmbd_oplock_gen) != gen ||
				   ksmbd_conn_exiting(work->conn), HZ);
	}
	ksmbd_inode_unref(ki);
	return err;
}

u8 ksmbd_oplock_grant(struct ksmbd_work *work, struct ksmbd_file *fp,
		      u8 requested)
{
	struct ksmbd_inode *ki = fp->ki;
	bool allowed = !fp->is_dir &&
		       (work->tcon->share->flags & KSMBD_SHARE_FLAG_OPLOCKS);
	bool others = false, others_excl = false;
	struct ksmbd_file *o;
	LIST_HEAD(q);
	u8 level;

	mutex_lock(&ki->lock);
	list_for_each_entry(o, &ki->opens, ki_node) {
		struct ksmbd_oplock *op = &o->oplock;

		if (o == fp || !same_stream(o->stream, fp->stream))
			continue;
		others = true;
		if (!is_excl(op->level))
			continue;
		others_excl = true;
		/*
		 * Granted after our ksmbd_oplock_break_for_open() looked and
		 * before our open was linked: break it now, without waiting
		 * (an attribute-only open leaves it alone, as at open time).
		 */
		if (!op->breaking && !is_stat_open(fp->daccess)) {
			op->breaking = true;
			op->break_to = SMB2_OPLOCK_LEVEL_II;
			op->deadline = jiffies + KSMBD_OPLOCK_BREAK_TIMEOUT;
			oplock_queue(&q, o, SMB2_OPLOCK_LEVEL_II, true);
		}
	}
	level = ksmbd_oplock_grant_level(requested, others, others_excl,
					 allowed);
	if (level != SMB2_OPLOCK_LEVEL_NONE) {
		fp->oplock.level = level;
		fp->oplock.conn = work->conn;
		ksmbd_conn_get(work->conn);
		fp->oplock.sess = work->sess;
		ksmbd_session_get(work->sess);
	}
	mutex_unlock(&ki->lock);
	oplock_send_all(&q);
	ksmbd_debug(OPLOCK, "grant %llu: asked %u got %u\n", fp->persistent_id,
		    requested, level);
	return level;
}

void ksmbd_oplock_break_level2(struct ksmbd_file *fp)
{
	struct ksmbd_inode *ki = fp->ki;
	struct ksmbd_file *o;
	LIST_HEAD(q);

	mutex_lock(&ki->lock);
	list_for_each_entry(o, &ki->opens, ki_node) {
		if (!same_stream(o->stream, fp->stream) ||
		    o->oplock.level == SMB2_OPLOCK_LEVEL_NONE ||
		    o->oplock.breaking)
			continue;
		/* the writer's own Level II goes too; its exclusive one stays */
		if (o == fp && is_excl(o->oplock.level))
			continue;
		/*
		 * Level II goes to none without an ack; another open's
		 * exclusive one (granted beside a stat open) likewise, not to
		 * stall the writer.
		 */
		oplock_queue(&q, o, SMB2_OPLOCK_LEVEL_NONE, false);
		oplock_set(o, SMB2_OPLOCK_LEVEL_NONE);
	}
	mutex_unlock(&ki->lock);
	oplock_send_all(&q);
}

__le32 ksmbd_oplock_ack(struct ksmbd_file *fp, u8 ack, u8 *level)
{
	struct ksmbd_oplock *op = &fp->oplock;
	__le32 st;

	mutex_lock(&fp->ki->lock);
	*level = op->level;
	st = ksmbd_oplock_ack_check(op->breaking, op->break_to, ack, level);
	if (op->breaking)
		oplock_set(fp, *level);
	mutex_unlock(&fp->ki->lock);
	return st;
}

void ksmbd_oplock_release(struct ksmbd_file *fp)
{
	if (fp->oplock.level != SMB2_OPLOCK_LEVEL_NONE || fp->oplock.breaking)
		oplock_set(fp, SMB2_OPLOCK_LEVEL_NONE);
	oplock_unref(&fp->oplock);
}
