// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Byte-range locks (see vfs/lock.h).
 */
#include <linux/fs.h>
#include <linux/slab.h>

#include "lock.h"
#include "fid.h"
#include "../../common/smb2pdu.h"

int ksmbd_lock_elem_check(u32 flags, u64 off, u64 len, bool unlock)
{
	u32 kind = flags & ~SMB2_LOCKFLAG_FAIL_IMMEDIATELY;

	if (unlock)
		return flags == SMB2_LOCKFLAG_UNLOCK ? 0 : -EINVAL;
	if (kind != SMB2_LOCKFLAG_SHARED && kind != SMB2_LOCKFLAG_EXCLUSIVE)
		return -EINVAL;
	if (len && off > U64_MAX - len + 1)
		return -ERANGE;
	return 0;
}

/* Set or clear the POSIX mirror; ranges POSIX cannot express are skipped. */
static int posix_lock(struct ksmbd_file *fp, u64 start, u64 len, int type)
{
	struct file_lock fl;
	int err;

	if (!len || start > OFFSET_MAX || len - 1 > OFFSET_MAX - start)
		return 0;
	locks_init_lock(&fl);
	fl.fl_owner = fp->filp;
	fl.fl_pid = 0;
	fl.fl_file = fp->filp;
	fl.fl_flags = FL_POSIX;
	fl.fl_type = type;
	fl.fl_start = start;
	fl.fl_end = start + len - 1;
	err = vfs_lock_file(fp->filp, F_SETLK, &fl, NULL);
	locks_release_private(&fl);
	return err;
}

int ksmbd_lock_add(struct ksmbd_file *fp, u64 start, u64 len, bool excl)
{
	struct ksmbd_inode *ki = fp->ki;
	struct ksmbd_lock *l;
	int err;

	list_for_each_entry(l, &ki->locks, node) {
		if (!ksmbd_range_overlap(start, len, l->start, l->len) ||
		    !(excl || l->excl))
			continue;
		/* an open may stack a shared lock on its own exclusive one */
		if (l->fp == fp && !excl)
			continue;
		return -EAGAIN;
	}
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	err = posix_lock(fp, start, len,
			 excl || !(fp->filp->f_mode & FMODE_READ) ?
			 F_WRLCK : F_RDLCK);
	if (err == -EBADF && excl)
		err = 0;	/* a read-only open cannot hold F_WRLCK */
	if (err) {
		kfree(l);
		return err == -EDEADLK ? -EAGAIN : err;
	}
	l->fp = fp;
	l->start = start;
	l->len = len;
	l->excl = excl;
	list_add_tail(&l->node, &ki->locks);
	return 0;
}

static void lock_free(struct ksmbd_lock *l)
{
	list_del(&l->node);
	posix_lock(l->fp, l->start, l->len, F_UNLCK);
	kfree(l);
}

int ksmbd_lock_remove(struct ksmbd_file *fp, u64 start, u64 len)
{
	struct ksmbd_lock *l;

	list_for_each_entry(l, &fp->ki->locks, node) {
		if (l->fp == fp && l->start == start && l->len == len) {
			lock_free(l);
			wake_up_all(&fp->ki->lock_wait);
			return 0;
		}
	}
	return -ENOENT;
}

void ksmbd_locks_release(struct ksmbd_file *fp)
{
	struct ksmbd_lock *l, *t;
	bool any = false;

	list_for_each_entry_safe(l, t, &fp->ki->locks, node) {
		if (l->fp == fp) {
			lock_free(l);
			any = true;
		}
	}
	if (any)
		wake_up_all(&fp->ki->lock_wait);
}

int ksmbd_lock_check(struct ksmbd_file *fp, u64 off, u64 len, bool write)
{
	struct ksmbd_inode *ki = fp->ki;
	struct ksmbd_lock *l;
	int err = 0;

	if (list_empty_careful(&ki->locks))
		return 0;
	mutex_lock(&ki->lock);
	list_for_each_entry(l, &ki->locks, node) {
		/* a zero-byte lock or I/O conflicts with nothing */
		if (!len || !l->len ||
		    !ksmbd_range_overlap(off, len, l->start, l->len))
			continue;
		if (write ? (l->fp != fp || !l->excl) :
			    (l->fp != fp && l->excl)) {
			err = -EAGAIN;
			break;
		}
	}
	mutex_unlock(&ki->lock);
	return err;
}
