/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AllocationSize set by a client: SET_INFO FileAllocationInformation
 * ([MS-FSA] 2.1.5.14.1) and the AllocationSize of a CREATE that makes or
 * overwrites a file (the "AlSi" context, [MS-SMB2] 2.2.13.2.6; [MS-FSA]
 * 2.1.5.1; [MS-FSCC] 2.4.4).
 *
 * Owner: vfs. Below the end of file the data is truncated; beyond it the
 * space is reserved (fallocate, keeping the size) and remembered in
 * ksmbd_inode.alloc_hint (vfs/fid.h: written under ki->lock) for
 * AllocationSize (vfs/info.h) while the file has opens.
 */
#ifndef __KSMBD_VFS_ALLOC_H__
#define __KSMBD_VFS_ALLOC_H__

#include <linux/types.h>

struct ksmbd_file;

/*
 * Set the allocation of fp's file data (not a stream, not a directory)
 * to size bytes. Runs with the caller's credentials; fp must have been
 * opened for writing. 0 or -errno (-EINVAL: beyond MAX_LFS_FILESIZE;
 * -ENOSPC: no room). A file system without fallocate takes the request
 * and reserves nothing.
 */
int ksmbd_vfs_set_alloc(struct ksmbd_file *fp, u64 size);

#endif /* __KSMBD_VFS_ALLOC_H__ */
