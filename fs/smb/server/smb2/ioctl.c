// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 IOCTL ([MS-SMB2] 3.3.5.15): a table of FSCTLs. Each row says
 * whether it needs an open file and implements the control over the
 * already bounds-checked input and an output area of out_max bytes
 * (smb2/fsctl.h). Controls we do not implement answer as Windows does for
 * a control its file system does not know: STATUS_INVALID_DEVICE_REQUEST.
 */
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/unaligned.h>

#include "dispatch.h"
#include "fsctl.h"
#include "pipe.h"
#include "netif.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/smb2_util.h"
#include "../../common/smbfsctl.h"

struct fsctl_row {
	u32 code;
	bool needs_file;
	__le32 (*fn)(struct fsctl_args *a);
};

static __le32 fsctl_validate_negotiate(struct fsctl_args *a)
{
	return ksmbd_fsctl_validate_negotiate(a->work, a->in, a->in_len,
					      a->out, a->out_max, &a->out_len);
}

static __le32 fsctl_pipe_transceive(struct fsctl_args *a)
{
	if (!a->work->tcon->share->is_pipe)
		return STATUS_INVALID_DEVICE_REQUEST;
	return ksmbd_pipe_transceive(a->work, a->vfid, a->in, a->in_len,
				     a->out, a->out_max, &a->out_len);
}

static __le32 fsctl_snapshots(struct fsctl_args *a)
{
	/* no previous versions: NumberOfSnapShots = Returned = ArraySize = 0 */
	if (a->out_max < 16)
		return STATUS_INVALID_PARAMETER;
	memset(a->out, 0, 16);
	a->out_len = 16;
	return STATUS_SUCCESS;
}

static const struct fsctl_row fsctl_table[] = {
	{ FSCTL_VALIDATE_NEGOTIATE_INFO, false, fsctl_validate_negotiate },
	{ FSCTL_PIPE_TRANSCEIVE, false, fsctl_pipe_transceive },
	{ FSCTL_SRV_ENUMERATE_SNAPSHOTS, true, fsctl_snapshots },
	{ FSCTL_SET_SPARSE, true, ksmbd_fsctl_set_sparse },
	{ FSCTL_SET_ZERO_DATA, true, ksmbd_fsctl_set_zero_data },
	{ FSCTL_QUERY_ALLOCATED_RANGES, true, ksmbd_fsctl_query_ranges },
	{ FSCTL_GET_COMPRESSION, true, ksmbd_fsctl_get_compression },
	{ FSCTL_SET_COMPRESSION, true, ksmbd_fsctl_set_compression },
	{ FSCTL_GET_OBJECT_ID, true, ksmbd_fsctl_object_id },
	{ FSCTL_CREATE_OR_GET_OBJECT_ID, true, ksmbd_fsctl_object_id },
	{ FSCTL_SRV_REQUEST_RESUME_KEY, true, ksmbd_fsctl_resume_key },
	{ FSCTL_SRV_COPYCHUNK, true, ksmbd_fsctl_copychunk },
	{ FSCTL_SRV_COPYCHUNK_WRITE, true, ksmbd_fsctl_copychunk },
	{ FSCTL_DUPLICATE_EXTENTS_TO_FILE, true, ksmbd_fsctl_dup_extents },
	{ FSCTL_QUERY_NETWORK_INTERFACE_INFO, false,
	  ksmbd_fsctl_query_interfaces },
};

__le32 smb2_ioctl(struct ksmbd_work *work)
{
	const struct smb2_ioctl_req *req = ksmbd_req(work);
	u32 code = le32_to_cpu(req->CtlCode);
	const struct fsctl_row *row = NULL;
	struct fsctl_args a = { .work = work, .code = code };
	struct smb2_ioctl_rsp *rsp;
	__le32 st;
	unsigned int i;
	void *out;

	if (req->Flags != cpu_to_le32(SMB2_0_IOCTL_IS_FSCTL))
		return STATUS_NOT_SUPPORTED;
	for (i = 0; i < ARRAY_SIZE(fsctl_table); i++)
		if (fsctl_table[i].code == code)
			row = &fsctl_table[i];
	if (!row) {
		if (code == FSCTL_DFS_GET_REFERRALS ||
		    code == FSCTL_DFS_GET_REFERRALS_EX)
			return STATUS_NOT_FOUND;
		return STATUS_INVALID_DEVICE_REQUEST;
	}

	a.in_len = le32_to_cpu(req->InputCount);
	a.in = ksmbd_req_buf(work, le32_to_cpu(req->InputOffset), a.in_len);
	if (!a.in)
		return STATUS_INVALID_PARAMETER;
	a.out_max = le32_to_cpu(req->MaxOutputResponse);
	a.pfid = req->PersistentFileId;
	a.vfid = req->VolatileFileId;
	if (row->needs_file) {
		a.fp = ksmbd_req_file(work, a.pfid, a.vfid);
		if (!a.fp)
			return STATUS_FILE_CLOSED;
		a.pfid = a.fp->persistent_id;
		a.vfid = a.fp->volatile_id;
	} else if (code == FSCTL_PIPE_TRANSCEIVE) {
		if (!ksmbd_work_fid(work, &a.pfid, &a.vfid))
			return STATUS_FILE_CLOSED;
	}
	a.out = kvzalloc(max_t(u32, a.out_max, 1), GFP_KERNEL);
	if (!a.out) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	st = row->fn(&a);
	if (st && st != STATUS_BUFFER_OVERFLOW && !a.err_body)
		goto out;
	/* an empty answer keeps the odd StructureSize's byte in the body */
	rsp = ksmbd_rsp_fixed(work, sizeof(*rsp) + (a.out_len ? 0 : 1));
	out = !rsp ? NULL : a.out_len ? ksmbd_rsp_append(work, a.out_len) :
			    (u8 *)rsp + sizeof(*rsp);
	if (!out) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	memcpy(out, a.out, a.out_len);
	rsp = (struct smb2_ioctl_rsp *)ksmbd_rsp_hdr(work);
	rsp->StructureSize = cpu_to_le16(49);
	rsp->CtlCode = req->CtlCode;
	rsp->PersistentFileId = a.pfid;
	rsp->VolatileFileId = a.vfid;
	rsp->InputOffset = cpu_to_le32(ksmbd_rsp_offset(work, out));
	rsp->OutputOffset = rsp->InputOffset;
	rsp->OutputCount = cpu_to_le32(a.out_len);
out:
	kvfree(a.out);
	if (a.fp)
		ksmbd_file_put(a.fp);
	return st;
}
