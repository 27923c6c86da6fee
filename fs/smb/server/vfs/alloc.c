// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * AllocationSize set by a client (see vfs/alloc.h).
 */
#include <linux/fs.h>
#include <linux/falloc.h>

#include "alloc.h"
#include "fid.h"

int ksmbd_vfs_set_alloc(struct ksmbd_file *fp, u64 size)
{
	struct inode *inode = file_inode(fp->filp);
	struct ksmbd_inode *ki = fp->ki;
	u64 bs = i_blocksize(inode);
	int err;

	if (size < i_size_read(inode)) {
		err = vfs_truncate(&fp->filp->f_path, size);
		if (err)
			return err;
		size = 0;	/* nothing reserved beyond the end now */
	} else {
		if (size > MAX_LFS_FILESIZE)
			return -EINVAL;
		size = round_up(size, bs);
		err = size ? vfs_fallocate(fp->filp, FALLOC_FL_KEEP_SIZE, 0,
					   size) : 0;
		/* a file system without it still takes the request */
		if (err && err != -EOPNOTSUPP)
			return err;
	}
	mutex_lock(&ki->lock);
	WRITE_ONCE(ki->alloc_hint, size);
	mutex_unlock(&ki->lock);
	return 0;
}
