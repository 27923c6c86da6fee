/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CHANGE_NOTIFY watches ([MS-SMB2] 3.3.5.19) over fsnotify inode marks.
 *
 * Owner: vfs. A watch belongs to one pending CHANGE_NOTIFY request: it
 * holds a reference on its directory's open (fp) and is on fp->watches
 * (under fp->lock) until it completes - on the first change, on cancel, or
 * with STATUS_NOTIFY_CLEANUP when the handle is closed. The fsnotify group
 * is created on first use and lives until ksmbd_notify_exit().
 */
#ifndef __KSMBD_VFS_NOTIFY_H__
#define __KSMBD_VFS_NOTIFY_H__

#include <linux/types.h>

struct ksmbd_work;
struct ksmbd_file;

/*
 * Arm a watch on fp for work (which this call sends async): returns
 * STATUS_PENDING, or an error status to answer synchronously.
 */
__le32 ksmbd_notify_watch(struct ksmbd_work *work, struct ksmbd_file *fp,
			  u32 filter, bool tree, u32 out_max);
/* fp is being closed: complete its watches with STATUS_NOTIFY_CLEANUP. */
void ksmbd_notify_cleanup(struct ksmbd_file *fp);
/* Module exit: drop the fsnotify group. */
void ksmbd_notify_exit(void);

#endif /* __KSMBD_VFS_NOTIFY_H__ */
