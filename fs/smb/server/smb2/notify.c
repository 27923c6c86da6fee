// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 CHANGE_NOTIFY ([MS-SMB2] 3.3.5.19): validated here, watched by
 * vfs/notify.c.
 */
#include "dispatch.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../vfs/notify.h"
#include "../vfs/smb2_util.h"

__le32 smb2_change_notify(struct ksmbd_work *work)
{
	const struct smb2_change_notify_req *req = ksmbd_req(work);
	u32 filter = le32_to_cpu(req->CompletionFilter);
	struct ksmbd_file *fp;
	__le32 st;

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	/* any CompletionFilter goes, as on Windows (smb2.notify.mask) */
	if (!fp->is_dir)
		st = STATUS_INVALID_PARAMETER;
	else if (!(fp->daccess & FILE_LIST_DIRECTORY_LE))
		st = STATUS_ACCESS_DENIED;
	else
		st = ksmbd_notify_watch(work, fp, filter,
					le16_to_cpu(req->Flags) & SMB2_WATCH_TREE,
					le32_to_cpu(req->OutputBufferLength));
	ksmbd_file_put(fp);
	return st;
}
