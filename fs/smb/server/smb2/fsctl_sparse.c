// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Sparse files ([MS-FSCC] 2.3.34, 2.3.48, 2.3.67; [MS-FSA] 2.1.5.9): the
 * sparse state of a file is FILE_ATTRIBUTE_SPARSE_FILE in its stored DOS
 * attributes (vfs/dosattr.h). Zeroing a range of a sparse file punches a
 * hole; of any other file it zeroes the range and keeps it allocated.
 * A sparse file's allocated ranges are its data extents (SEEK_DATA /
 * SEEK_HOLE); any other file is allocated from start to end of file.
 */
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/mount.h>
#include <asm/unaligned.h>

#include "fsctl.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../vfs/dosattr.h"
#include "../vfs/fid.h"
#include "../vfs/info.h"
#include "../vfs/lock.h"
#include "../vfs/smb2_util.h"

/* FILE_ALLOCATED_RANGE_BUFFER */
#define QAR_SIZE	16

bool ksmbd_qar_put(u8 *out, u32 out_max, u32 *n, u64 off, u64 len)
{
	if (*n) {
		u8 *prev = out + (*n - 1) * QAR_SIZE;
		u64 plen = get_unaligned_le64(prev + 8);

		if (get_unaligned_le64(prev) + plen == off) {
			put_unaligned_le64(plen + len, prev + 8);
			return true;
		}
	}
	if (out_max / QAR_SIZE <= *n)
		return false;
	put_unaligned_le64(off, out + *n * QAR_SIZE);
	put_unaligned_le64(len, out + *n * QAR_SIZE + 8);
	(*n)++;
	return true;
}

static bool file_sparse(struct ksmbd_file *fp)
{
	struct ksmbd_stat ks;

	if (ksmbd_vfs_stat(&fp->filp->f_path, false, &ks))
		return false;
	return ks.attrs & FILE_ATTRIBUTE_SPARSE_FILE;
}

__le32 ksmbd_fsctl_set_sparse(struct fsctl_args *a)
{
	struct ksmbd_file *fp = a->fp;
	struct dentry *d = fp->filp->f_path.dentry;
	struct ksmbd_dosattr da;
	struct ksmbd_stat ks;
	bool on = !a->in_len || a->in[0];	/* no buffer: set */
	int err;

	if (fp->is_dir)
		return STATUS_INVALID_PARAMETER;
	if (!(fp->daccess & (FILE_WRITE_DATA_LE | FILE_WRITE_ATTRIBUTES_LE |
			     FILE_APPEND_DATA_LE)))
		return STATUS_ACCESS_DENIED;
	if (!ksmbd_share_store_dos(a->work))
		return STATUS_SUCCESS;	/* nowhere to keep it */
	err = ksmbd_vfs_stat(&fp->filp->f_path, false, &ks);
	if (err)
		return ksmbd_vfs_status(err);
	if (!!(ks.attrs & FILE_ATTRIBUTE_SPARSE_FILE) == on)
		return STATUS_SUCCESS;
	da.attrs = ks.attrs & ~FILE_ATTRIBUTE_NORMAL;
	if (on)
		da.attrs |= FILE_ATTRIBUTE_SPARSE_FILE;
	else
		da.attrs &= ~FILE_ATTRIBUTE_SPARSE_FILE;
	da.create_time = ks.create_time;
	err = ksmbd_dosattr_set(file_mnt_user_ns(fp->filp), d, &da);
	return err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
}

/*
 * The two 64-bit numbers that make the input of ZERO_DATA and of
 * QUERY_ALLOCATED_RANGES, for an open of a file with the access need.
 */
static __le32 range_input(struct fsctl_args *a, __le32 need, u64 *x, u64 *y)
{
	if (a->in_len < QAR_SIZE || a->fp->is_dir)
		return STATUS_INVALID_PARAMETER;
	if (!(a->fp->daccess & need))
		return STATUS_ACCESS_DENIED;
	*x = get_unaligned_le64(a->in);
	*y = get_unaligned_le64(a->in + 8);
	return STATUS_SUCCESS;
}

__le32 ksmbd_fsctl_set_zero_data(struct fsctl_args *a)
{
	struct ksmbd_file *fp = a->fp;
	u64 off, end, size;
	int mode = FALLOC_FL_KEEP_SIZE, err;
	__le32 st;

	/* FILE_ZERO_DATA_INFORMATION: FileOffset, BeyondFinalZero */
	st = range_input(a, FILE_WRITE_DATA_LE, &off, &end);
	if (st)
		return st;
	if (off > end || end > MAX_LFS_FILESIZE)
		return STATUS_INVALID_PARAMETER;
	if (fp->stream)
		return STATUS_NOT_SUPPORTED;
	if (ksmbd_lock_check(fp, off, end - off, true))
		return STATUS_FILE_LOCK_CONFLICT;
	/* nothing past the end of file is allocated or needs zeroes */
	size = i_size_read(file_inode(fp->filp));
	end = min(end, size);
	if (off >= end)
		return STATUS_SUCCESS;
	if (file_sparse(fp))
		mode |= FALLOC_FL_PUNCH_HOLE;
	else
		mode |= FALLOC_FL_ZERO_RANGE;
	err = vfs_fallocate(fp->filp, mode, off, end - off);
	if (err == -EOPNOTSUPP && (mode & FALLOC_FL_ZERO_RANGE))
		err = vfs_fallocate(fp->filp, FALLOC_FL_KEEP_SIZE |
				    FALLOC_FL_PUNCH_HOLE, off, end - off);
	return err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
}

__le32 ksmbd_fsctl_query_ranges(struct fsctl_args *a)
{
	struct ksmbd_file *fp = a->fp;
	loff_t start, end, data, hole;
	u64 qoff, qlen;
	u32 n = 0;
	__le32 st;

	/* FILE_ALLOCATED_RANGE_BUFFER: FileOffset, Length */
	st = range_input(a, FILE_READ_DATA_LE, &qoff, &qlen);
	if (st)
		return st;
	if (qoff > MAX_LFS_FILESIZE || qlen > MAX_LFS_FILESIZE - qoff)
		return STATUS_INVALID_PARAMETER;
	start = qoff;
	if (fp->stream)
		return STATUS_NOT_SUPPORTED;
	end = min_t(loff_t, start + qlen, i_size_read(file_inode(fp->filp)));
	if (start < end && !file_sparse(fp)) {
		if (!ksmbd_qar_put(a->out, a->out_max, &n, start, end - start))
			return STATUS_BUFFER_TOO_SMALL;
		start = end;
	}
	while (start < end) {
		data = vfs_llseek(fp->filp, start, SEEK_DATA);
		if (data < 0 || data >= end)
			break;
		hole = vfs_llseek(fp->filp, data, SEEK_HOLE);
		if (hole < 0 || hole > end)
			hole = end;
		if (!ksmbd_qar_put(a->out, a->out_max, &n, data, hole - data)) {
			a->out_len = n * QAR_SIZE;
			return n ? STATUS_BUFFER_OVERFLOW :
				   STATUS_BUFFER_TOO_SMALL;
		}
		start = hole;
	}
	a->out_len = n * QAR_SIZE;
	return STATUS_SUCCESS;
}
