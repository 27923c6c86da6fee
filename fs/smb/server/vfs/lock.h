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

/* Do [a, a+alen) and [b, b+blen) overlap? Zero-length ranges never do. */
static inline bool ksmbd_range_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

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
