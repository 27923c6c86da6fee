/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Byte-range locks with Windows semantics ([MS-FSA] 2.1.5.7): kept per
 * file in ki->locks (so every open of the file sees them) and mirrored as
 * POSIX locks owned by the open's struct file, so local processes see them
 * too and theirs conflict with ours.
 *
 * Owner: vfs. A struct ksmbd_lock belongs to the open that took it and is
 * freed at unlock or when that open goes (ksmbd_locks_release()). All
 * functions run under fp->ki->lock except ksmbd_lock_check() which takes
 * it.
 */
#ifndef __KSMBD_VFS_LOCK_H__
#define __KSMBD_VFS_LOCK_H__

#include <linux/list.h>
#include <linux/types.h>

struct ksmbd_file;

struct ksmbd_lock {
	struct list_head node;		/* ki->locks */
	struct ksmbd_file *fp;		/* the owner; not referenced */
	u64 start, len;
	bool excl;
};

/*
 * Do two lock ranges [a, a+alen) and [b, b+blen) overlap? Compared by
 * last byte: a range may end at 2^64 (its last byte 2^64 - 1). A
 * zero-byte lock at x overlaps a range that holds x past its first byte
 * (Windows: a zero-byte lock stands between bytes x-1 and x); two
 * zero-byte locks never overlap.
 */
static inline bool ksmbd_range_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	if (!alen && !blen)
		return false;
	if (!alen)
		return b < a && a - b < blen;
	if (!blen)
		return a < b && b - a < alen;
	return a <= b + (blen - 1) && b <= a + (alen - 1);
}

/*
 * [MS-SMB2] 3.3.5.14: is one LOCK element well formed? unlock says what
 * the request does (decided by its first element). 0, -EINVAL for flags
 * that do not fit (STATUS_INVALID_PARAMETER), -ERANGE for a lock whose
 * last byte is past 2^64 - 1 (STATUS_INVALID_LOCK_RANGE). Pure.
 */
int ksmbd_lock_elem_check(u32 flags, u64 off, u64 len, bool unlock);

/*
 * Take a lock for fp: 0, -EAGAIN on a conflict (ours or a local
 * process's), -ENOMEM. Caller holds ki->lock.
 */
int ksmbd_lock_add(struct ksmbd_file *fp, u64 start, u64 len, bool excl);
/* Remove fp's lock with exactly this range: 0 or -ENOENT. */
int ksmbd_lock_remove(struct ksmbd_file *fp, u64 start, u64 len);
/* Drop all of fp's locks (close). Caller holds ki->lock. */
void ksmbd_locks_release(struct ksmbd_file *fp);
/*
 * May fp read (write) [off, off+len)? -EAGAIN if another open's lock
 * forbids it (STATUS_FILE_LOCK_CONFLICT). Takes ki->lock.
 */
int ksmbd_lock_check(struct ksmbd_file *fp, u64 off, u64 len, bool write);

#endif /* __KSMBD_VFS_LOCK_H__ */
