// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 LOCK ([MS-SMB2] 3.3.5.14, [MS-FSA] 2.1.5.7): a request either
 * unlocks ranges or takes locks, all-or-nothing. A single lock without
 * FAIL_IMMEDIATELY that conflicts goes async: a waiter on system_long_wq
 * retries whenever a lock of the file is released (and every
 * KSMBD_LOCK_RETRY, for POSIX locks of local processes, whose release
 * tells us nothing), until it succeeds, the request is cancelled or the
 * handle is closed.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "dispatch.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../vfs/lock.h"
#include "../vfs/oplock.h"
#include "../vfs/smb2_util.h"

#define LOCK_ELEM_OFF	offsetof(struct smb2_lock_req, locks)
/* how often a waiting lock looks again for a local process's release */
#define KSMBD_LOCK_RETRY	(HZ / 5)

struct blocked_lock {
	struct work_struct wk;
	struct ksmbd_work *work;
	struct ksmbd_file *fp;		/* referenced */
	u64 start, len;
	bool excl;
	bool cancelled;			/* under fp->ki->lock */
};

static __le32 lock_reply(struct ksmbd_work *work)
{
	struct smb2_lock_rsp *rsp = ksmbd_rsp_struct(work, struct smb2_lock_rsp);

	if (!rsp)
		return STATUS_NO_MEMORY;
	rsp->StructureSize = cpu_to_le16(4);
	return STATUS_SUCCESS;
}

static void blocked_cancel(struct ksmbd_work *work, void *arg)
{
	struct blocked_lock *bl = arg;
	struct ksmbd_inode *ki = bl->fp->ki;

	mutex_lock(&ki->lock);
	bl->cancelled = true;
	mutex_unlock(&ki->lock);
	wake_up_all(&ki->lock_wait);
}

/* 0 granted, 1 keep waiting, else the final status (non-zero __le32) */
static int blocked_try(struct blocked_lock *bl, __le32 *st)
{
	struct ksmbd_inode *ki = bl->fp->ki;
	int err, r = 1;

	mutex_lock(&ki->lock);
	if (bl->cancelled) {
		*st = STATUS_CANCELLED;
		r = 2;
	} else if (!READ_ONCE(bl->fp->published)) {
		*st = STATUS_RANGE_NOT_LOCKED;
		r = 2;
	} else {
		err = ksmbd_lock_add(bl->fp, bl->start, bl->len, bl->excl);
		if (!err) {
			r = 0;
		} else if (err != -EAGAIN) {
			*st = ksmbd_vfs_status(err);
			r = 2;
		}
	}
	mutex_unlock(&ki->lock);
	return r;
}

static void blocked_wait(struct work_struct *wk)
{
	struct blocked_lock *bl = container_of(wk, struct blocked_lock, wk);
	struct ksmbd_inode *ki = bl->fp->ki;
	__le32 st = STATUS_SUCCESS;
	int r;

	/*
	 * Our own unlocks wake us; a local process letting go of a POSIX
	 * lock does not, so the lock is tried again every so often too.
	 */
	while (!wait_event_timeout(ki->lock_wait,
				   (r = blocked_try(bl, &st)) != 1,
				   KSMBD_LOCK_RETRY))
		;
	if (!r)
		st = lock_reply(bl->work);
	ksmbd_work_complete_async(bl->work, st);
	ksmbd_file_put(bl->fp);
	kfree(bl);
}

static __le32 lock_block(struct ksmbd_work *work, struct ksmbd_file *fp,
			 u64 start, u64 len, bool excl)
{
	struct blocked_lock *bl = kzalloc(sizeof(*bl), GFP_KERNEL);

	if (!bl)
		return STATUS_LOCK_NOT_GRANTED;
	INIT_WORK(&bl->wk, blocked_wait);
	bl->work = work;
	bl->fp = fp;
	bl->start = start;
	bl->len = len;
	bl->excl = excl;
	if (!ksmbd_work_go_async(work, blocked_cancel, bl)) {
		kfree(bl);
		return STATUS_LOCK_NOT_GRANTED;
	}
	queue_work(system_long_wq, &bl->wk);
	return STATUS_PENDING;
}

__le32 smb2_lock(struct ksmbd_work *work)
{
	const struct smb2_lock_req *req = ksmbd_req(work);
	u16 count = le16_to_cpu(req->LockCount);
	const struct smb2_lock_element *el;
	struct ksmbd_file *fp;
	__le32 st = STATUS_SUCCESS;
	bool unlock;
	u16 i, done = 0;
	int err;

	if (!count)
		return STATUS_INVALID_PARAMETER;
	el = ksmbd_req_buf(work, LOCK_ELEM_OFF, count * sizeof(*el));
	if (!el)
		return STATUS_INVALID_PARAMETER;
	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (fp->is_dir) {
		st = STATUS_INVALID_PARAMETER;
		goto out;
	}
	/*
	 * The first element says whether the request unlocks. A lock request
	 * is checked whole before any lock is taken (all or nothing); an
	 * unlock request is processed element by element and stops at the
	 * first one that is malformed or names a range not locked, as
	 * Windows does.
	 */
	unlock = le32_to_cpu(el[0].Flags) == SMB2_LOCKFLAG_UNLOCK;
	for (i = 0; !unlock && i < count; i++) {
		u32 f = le32_to_cpu(el[i].Flags);

		err = ksmbd_lock_elem_check(f, le64_to_cpu(el[i].Offset),
					    le64_to_cpu(el[i].Length), false);
		/* 3.3.5.14.2: only a lone lock may wait */
		if (!err && count > 1 && !(f & SMB2_LOCKFLAG_FAIL_IMMEDIATELY))
			err = -EINVAL;
		if (err) {
			st = err == -ERANGE ? STATUS_INVALID_LOCK_RANGE :
					      STATUS_INVALID_PARAMETER;
			goto out;
		}
	}

	if (!unlock)	/* [MS-FSA]: a byte-range lock breaks Level II */
		ksmbd_oplock_break_level2(fp);
	mutex_lock(&fp->ki->lock);
	for (i = 0; i < count; i++) {
		u32 f = le32_to_cpu(el[i].Flags);
		u64 off = le64_to_cpu(el[i].Offset);
		u64 len = le64_to_cpu(el[i].Length);

		if (unlock) {
			if (ksmbd_lock_elem_check(f, off, len, true)) {
				st = STATUS_INVALID_PARAMETER;
				break;
			}
			if (ksmbd_lock_remove(fp, off, len)) {
				st = STATUS_RANGE_NOT_LOCKED;
				break;
			}
			continue;
		}
		err = ksmbd_lock_add(fp, off, len,
				     f & SMB2_LOCKFLAG_EXCLUSIVE);
		if (err) {
			bool block = count == 1 &&
				!(f & SMB2_LOCKFLAG_FAIL_IMMEDIATELY) &&
				err == -EAGAIN;

			/* all or nothing: undo this request's locks */
			while (done--)
				ksmbd_lock_remove(fp,
						  le64_to_cpu(el[done].Offset),
						  le64_to_cpu(el[done].Length));
			mutex_unlock(&fp->ki->lock);
			if (block) {
				st = lock_block(work, fp, off, len,
						f & SMB2_LOCKFLAG_EXCLUSIVE);
				if (st == STATUS_PENDING)
					return st;	/* fp now the waiter's */
				goto out;
			}
			st = err == -EAGAIN ? STATUS_LOCK_NOT_GRANTED :
					      ksmbd_vfs_status(err);
			goto out;
		}
		done++;
	}
	mutex_unlock(&fp->ki->lock);
	if (!st)
		st = lock_reply(work);
out:
	ksmbd_file_put(fp);
	return st;
}
