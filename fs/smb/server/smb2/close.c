// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 CLOSE ([MS-SMB2] 3.3.5.10) and FLUSH (3.3.5.11).
 */
#include <linux/fs.h>

#include "dispatch.h"
#include "pipe.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/info.h"
#include "../vfs/smb2_util.h"
#include "../vfs/stream.h"

__le32 smb2_close(struct ksmbd_work *work)
{
	const struct smb2_close_req *req = ksmbd_req(work);
	struct smb2_close_rsp *rsp;
	struct ksmbd_file *fp;
	struct ksmbd_stat ks;
	bool post = req->Flags & SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB;

	if (work->tcon->share->is_pipe)
		return ksmbd_pipe_close(work);

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (post && ksmbd_vfs_stat(&fp->filp->f_path,
				   ksmbd_share_hide_dot(work), &ks))
		post = false;
	if (post && fp->stream &&
	    ksmbd_stream_stat(fp->filp->f_path.dentry, fp->stream, &ks))
		post = false;
	if (ksmbd_fid_close(work, fp)) {
		ksmbd_file_put(fp);
		return STATUS_FILE_CLOSED;
	}
	ksmbd_file_put(fp);

	rsp = ksmbd_rsp_struct(work, struct smb2_close_rsp);
	if (!rsp)
		return STATUS_NO_MEMORY;
	rsp->StructureSize = cpu_to_le16(60);
	if (post) {
		rsp->Flags = SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB;
		rsp->CreationTime = cpu_to_le64(ks.create_time);
		rsp->LastAccessTime = cpu_to_le64(ksmbd_time_to_nt(ks.st.atime));
		rsp->LastWriteTime = cpu_to_le64(ksmbd_time_to_nt(ks.st.mtime));
		rsp->ChangeTime = cpu_to_le64(ksmbd_time_to_nt(ks.st.ctime));
		rsp->AllocationSize = cpu_to_le64(ksmbd_alloc_size(&ks.st));
		rsp->EndOfFile = cpu_to_le64(ksmbd_end_of_file(&ks.st));
		rsp->Attributes = cpu_to_le32(ks.attrs);
	}
	return STATUS_SUCCESS;
}

__le32 smb2_flush(struct ksmbd_work *work)
{
	const struct smb2_flush_req *req = ksmbd_req(work);
	struct smb2_flush_rsp *rsp;
	struct ksmbd_file *fp;
	__le32 st = STATUS_SUCCESS;
	int err;

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (!(fp->daccess & (FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE))) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	err = vfs_fsync(fp->filp, 0);
	if (err && err != -EINVAL) {
		st = ksmbd_vfs_status(err);
		goto out;
	}
	rsp = ksmbd_rsp_struct(work, struct smb2_flush_rsp);
	if (!rsp) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	rsp->StructureSize = cpu_to_le16(4);
out:
	ksmbd_file_put(fp);
	return st;
}
