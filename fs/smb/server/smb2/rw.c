// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 READ ([MS-SMB2] 3.3.5.12) and WRITE (3.3.5.13) through the VFS.
 * Read data goes into a kvmalloc'd buffer attached to the response without
 * another copy; write data is written straight from the request.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uio.h>

#include "dispatch.h"
#include "pipe.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../server.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/oplock.h"
#include "../vfs/lock.h"
#include "../vfs/stream.h"
#include "../vfs/smb2_util.h"

#define SMB2_APPEND_OFFSET	U64_MAX
/* NTFS's largest file size (16 TiB - 64 KiB), which Windows enforces */
#define SMB2_MAX_FILE_SIZE	0xfffffff0000ULL

static void read_buf_free(void *buf)
{
	kvfree(buf);
}

__le32 smb2_read(struct ksmbd_work *work)
{
	const struct smb2_read_req *req = ksmbd_req(work);
	u32 len = le32_to_cpu(req->Length);
	u32 min = le32_to_cpu(req->MinimumCount);
	u64 off = le64_to_cpu(req->Offset);
	struct smb2_read_rsp *rsp;
	struct ksmbd_file *fp;
	__le32 st = STATUS_SUCCESS;
	void *buf = NULL;
	loff_t pos = off;
	ssize_t n;

	if (work->tcon->share->is_pipe)
		return ksmbd_pipe_read(work);
	if (req->Channel != SMB2_CHANNEL_NONE)
		return STATUS_INVALID_PARAMETER;
	if (off > MAX_LFS_FILESIZE || len > MAX_LFS_FILESIZE - off)
		return STATUS_INVALID_PARAMETER;

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (fp->is_dir) {
		st = STATUS_INVALID_DEVICE_REQUEST;
		goto out;
	}
	if (!(fp->daccess & (FILE_READ_DATA_LE | FILE_EXECUTE_LE))) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	if (ksmbd_lock_check(fp, off, len, false)) {
		st = STATUS_FILE_LOCK_CONFLICT;
		goto out;
	}
	if (len) {
		buf = kvmalloc(len, GFP_KERNEL);
		if (!buf) {
			st = STATUS_NO_MEMORY;
			goto out;
		}
		if (fp->stream)
			n = ksmbd_stream_read(fp->filp, fp->stream, buf, len,
					      pos);
		else
			n = kernel_read(fp->filp, buf, len, &pos);
		if (n < 0) {
			st = ksmbd_vfs_status(n);
			goto out;
		}
	} else {
		n = 0;		/* a zero-length read succeeds anywhere */
	}
	if ((len && n == 0) || n < min) {
		st = STATUS_END_OF_FILE;
		goto out;
	}

	WRITE_ONCE(fp->pos, off + n);	/* FilePositionInformation */
	/* no data: the odd StructureSize's byte is part of the fixed body */
	rsp = ksmbd_rsp_fixed(work, sizeof(*rsp) + (n ? 0 : 1));
	if (!rsp) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	rsp->StructureSize = cpu_to_le16(17);
	rsp->DataOffset = offsetof(struct smb2_read_rsp, Buffer);
	rsp->DataLength = cpu_to_le32(n);
	if (n) {
		if (ksmbd_rsp_attach(work, buf, n, read_buf_free)) {
			st = STATUS_NO_MEMORY;
			goto out;
		}
		buf = NULL;	/* owned by the response now */
	}
out:
	kvfree(buf);
	ksmbd_file_put(fp);
	return st;
}

/* WRITE to a named stream: a read-modify-write of its xattr. */
static ssize_t stream_write(struct ksmbd_file *fp, const void *data, u32 len,
			    bool append, u64 off)
{
	ssize_t n;

	mutex_lock(&fp->ki->lock);
	if (append) {
		n = ksmbd_stream_size(fp->filp->f_path.dentry, fp->stream);
		if (n < 0)
			goto out;
		off = n;
	}
	n = len ? ksmbd_stream_write(fp->filp, fp->stream, data, len, off) : 0;
out:
	mutex_unlock(&fp->ki->lock);
	return n;
}

__le32 smb2_write(struct ksmbd_work *work)
{
	const struct smb2_write_req *req = ksmbd_req(work);
	u32 len = le32_to_cpu(req->Length);
	u64 off = le64_to_cpu(req->Offset);
	bool append = off == SMB2_APPEND_OFFSET;
	struct smb2_write_rsp *rsp;
	struct ksmbd_file *fp;
	const void *data;
	__le32 st = STATUS_SUCCESS;
	loff_t pos;
	ssize_t n = 0;

	if (work->tcon->share->is_pipe)
		return ksmbd_pipe_write(work);
	if (req->Channel != SMB2_CHANNEL_NONE)
		return STATUS_INVALID_PARAMETER;
	data = ksmbd_req_buf(work, le16_to_cpu(req->DataOffset), len);
	if (!data)
		return STATUS_INVALID_PARAMETER;
	if (!append && (off > MAX_LFS_FILESIZE || len > MAX_LFS_FILESIZE - off))
		return STATUS_INVALID_PARAMETER;
	/* as NTFS: no byte at or past its maximum file size */
	if (!append && len && off >= SMB2_MAX_FILE_SIZE)
		return STATUS_INVALID_PARAMETER;
	if (!append && len && off + len >= SMB2_MAX_FILE_SIZE)
		return STATUS_DISK_FULL;

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (fp->is_dir) {
		st = STATUS_INVALID_DEVICE_REQUEST;
		goto out;
	}
	if (!(fp->daccess & (FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE))) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	if (append && (fp->daccess & FILE_WRITE_DATA_LE)) {
		/* the end-of-file offset is for append-only opens */
		st = STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (!append && !(fp->daccess & FILE_WRITE_DATA_LE)) {
		/* append-only opens may only write at the end */
		if (off != i_size_read(file_inode(fp->filp))) {
			st = STATUS_ACCESS_DENIED;
			goto out;
		}
	}
	ksmbd_oplock_break_level2(fp);
	if (fp->stream) {
		n = stream_write(fp, data, len, append, off);
		if (n < 0)
			st = ksmbd_vfs_status(n);
		pos = off + n;
		goto done;
	}
	pos = append ? i_size_read(file_inode(fp->filp)) : off;
	if (ksmbd_lock_check(fp, pos, len, true)) {
		st = STATUS_FILE_LOCK_CONFLICT;
		goto out;
	}
	if (len) {
		n = kernel_write(fp->filp, data, len, &pos);
		if (n < 0) {
			st = ksmbd_vfs_status(n);
			goto out;
		}
	}
	if ((le32_to_cpu(req->Flags) & SMB2_WRITEFLAG_WRITE_THROUGH) ||
	    (fp->coptions & FILE_WRITE_THROUGH_LE)) {
		int err = vfs_fsync_range(fp->filp, pos - n, pos - 1, 1);

		if (err && err != -EINVAL) {
			st = ksmbd_vfs_status(err);
			goto out;
		}
	}

done:
	if (st)
		goto out;
	WRITE_ONCE(fp->pos, pos);
	rsp = ksmbd_rsp_struct(work, struct smb2_write_rsp);
	if (!rsp) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	rsp->StructureSize = cpu_to_le16(17);
	rsp->DataLength = cpu_to_le32(n);
out:
	ksmbd_file_put(fp);
	return st;
}
