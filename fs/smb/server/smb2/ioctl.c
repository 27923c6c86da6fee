// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 IOCTL ([MS-SMB2] 3.3.5.15): a table of FSCTLs. Each row says
 * whether it needs an open file and implements the control over the
 * already bounds-checked input and an output area of out_max bytes.
 */
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/unaligned.h>

#include "dispatch.h"
#include "pipe.h"
#include "netif.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/smb2_util.h"
#include "../../common/smbfsctl.h"

/* [MS-SMB2] 3.3.3: server-side copy limits */
#define COPYCHUNK_MAX_CHUNKS	256
#define COPYCHUNK_MAX_CHUNK	(1024 * 1024)
#define COPYCHUNK_MAX_TOTAL	(16 * 1024 * 1024)
#define RESUME_KEY_SIZE		24

struct fsctl_args {
	struct ksmbd_work *work;
	struct ksmbd_file *fp;		/* NULL for rows without a file */
	u64 pfid, vfid;
	const u8 *in;
	u32 in_len;
	u8 *out;
	u32 out_max;
	u32 out_len;
};

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

static __le32 fsctl_set_sparse(struct fsctl_args *a)
{
	if (!(a->fp->daccess & (FILE_WRITE_DATA_LE | FILE_WRITE_ATTRIBUTES_LE |
				FILE_APPEND_DATA_LE)))
		return STATUS_ACCESS_DENIED;
	/* every Linux file may have holes: nothing to record */
	return STATUS_SUCCESS;
}

static __le32 fsctl_set_zero_data(struct fsctl_args *a)
{
	const struct file_zero_data_information *z = (const void *)a->in;
	u64 off, end;
	int err;

	if (a->in_len < sizeof(*z))
		return STATUS_INVALID_PARAMETER;
	if (!(a->fp->daccess & FILE_WRITE_DATA_LE))
		return STATUS_ACCESS_DENIED;
	off = le64_to_cpu(z->FileOffset);
	end = le64_to_cpu(z->BeyondFinalZero);
	if (off > end || end > MAX_LFS_FILESIZE)
		return STATUS_INVALID_PARAMETER;
	if (off == end)
		return STATUS_SUCCESS;
	err = vfs_fallocate(a->fp->filp, FALLOC_FL_PUNCH_HOLE |
			    FALLOC_FL_KEEP_SIZE, off, end - off);
	return err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
}

static __le32 fsctl_query_ranges(struct fsctl_args *a)
{
	const struct file_allocated_range_buffer *q = (const void *)a->in;
	struct file_allocated_range_buffer *r = (void *)a->out;
	u32 n = 0, max = a->out_max / sizeof(*r);
	loff_t start, end, data, hole;

	if (a->in_len < sizeof(*q))
		return STATUS_INVALID_PARAMETER;
	if (!(a->fp->daccess & FILE_READ_DATA_LE))
		return STATUS_ACCESS_DENIED;
	start = le64_to_cpu(q->file_offset);
	end = le64_to_cpu(q->length);
	if (start < 0 || end < 0 || end > MAX_LFS_FILESIZE - start)
		return STATUS_INVALID_PARAMETER;
	end += start;
	end = min_t(loff_t, end, i_size_read(file_inode(a->fp->filp)));
	while (start < end) {
		data = vfs_llseek(a->fp->filp, start, SEEK_DATA);
		if (data < 0 || data >= end)
			break;
		hole = vfs_llseek(a->fp->filp, data, SEEK_HOLE);
		if (hole < 0)
			hole = end;
		hole = min(hole, end);
		if (n == max) {
			a->out_len = n * sizeof(*r);
			return STATUS_BUFFER_OVERFLOW;
		}
		r[n].file_offset = cpu_to_le64(data);
		r[n].length = cpu_to_le64(hole - data);
		n++;
		start = hole;
	}
	a->out_len = n * sizeof(*r);
	return STATUS_SUCCESS;
}

static __le32 fsctl_resume_key(struct fsctl_args *a)
{
	/* ResumeKey (24) + ContextLength (4) + pad (4) */
	if (a->out_max < 32)
		return STATUS_INVALID_PARAMETER;
	memset(a->out, 0, 32);
	put_unaligned_le64(a->fp->persistent_id, a->out);
	put_unaligned_le64(a->fp->volatile_id, a->out + 8);
	a->out_len = 32;
	return STATUS_SUCCESS;
}

static void copychunk_limits(struct fsctl_args *a, u32 chunks, u32 chunk,
			     u32 total)
{
	if (a->out_max < 12)
		return;
	put_unaligned_le32(chunks, a->out);
	put_unaligned_le32(chunk, a->out + 4);
	put_unaligned_le32(total, a->out + 8);
	a->out_len = 12;
}

static __le32 fsctl_copychunk(struct fsctl_args *a)
{
	struct ksmbd_file *src;
	u32 count, i, done = 0;
	u64 total = 0;
	__le32 st = STATUS_SUCCESS;

	if (a->in_len < RESUME_KEY_SIZE + 8 || a->out_max < 12)
		return STATUS_INVALID_PARAMETER;
	count = get_unaligned_le32(a->in + RESUME_KEY_SIZE);
	if (count > COPYCHUNK_MAX_CHUNKS ||
	    a->in_len - RESUME_KEY_SIZE - 8 < count * 24) {
		copychunk_limits(a, COPYCHUNK_MAX_CHUNKS, COPYCHUNK_MAX_CHUNK,
				 COPYCHUNK_MAX_TOTAL);
		return STATUS_INVALID_PARAMETER;
	}
	for (i = 0; i < count; i++) {
		u32 len = get_unaligned_le32(a->in + RESUME_KEY_SIZE + 8 +
					     i * 24 + 16);

		total += len;
		if (len > COPYCHUNK_MAX_CHUNK || total > COPYCHUNK_MAX_TOTAL) {
			copychunk_limits(a, COPYCHUNK_MAX_CHUNKS,
					 COPYCHUNK_MAX_CHUNK,
					 COPYCHUNK_MAX_TOTAL);
			return STATUS_INVALID_PARAMETER;
		}
	}
	if (!(a->fp->daccess & FILE_WRITE_DATA_LE))
		return STATUS_ACCESS_DENIED;
	src = ksmbd_fid_lookup(a->work, get_unaligned_le64(a->in),
			       get_unaligned_le64(a->in + 8));
	if (!src)
		return STATUS_OBJECT_NAME_NOT_FOUND;
	if (!(src->daccess & FILE_READ_DATA_LE)) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	total = 0;
	for (i = 0; i < count; i++) {
		const u8 *c = a->in + RESUME_KEY_SIZE + 8 + i * 24;
		loff_t soff = get_unaligned_le64(c);
		loff_t doff = get_unaligned_le64(c + 8);
		u32 len = get_unaligned_le32(c + 16);
		ssize_t n = 0;

		while (n < len) {
			ssize_t r = vfs_copy_file_range(src->filp, soff + n,
							a->fp->filp, doff + n,
							len - n, 0);
			if (r <= 0) {
				st = r ? ksmbd_vfs_status(r) :
					 STATUS_END_OF_FILE;
				break;
			}
			n += r;
		}
		total += n;
		if (st)
			break;
		done++;
	}
	copychunk_limits(a, done, 0, total);
out:
	ksmbd_file_put(src);
	return st;
}

/* [MS-SMB2] 3.3.5.15.11 */
#define NETIF_MAX	64

static __le32 fsctl_query_interfaces(struct fsctl_args *a)
{
	struct ksmbd_netif_addr *addrs;
	unsigned int n;
	__le32 st = 0;

	if (a->pfid != U64_MAX || a->vfid != U64_MAX)
		return STATUS_INVALID_PARAMETER;
	addrs = kcalloc(NETIF_MAX, sizeof(*addrs), GFP_KERNEL);
	if (!addrs)
		return STATUS_NO_MEMORY;
	n = ksmbd_netif_collect(addrs, NETIF_MAX);
	if (ksmbd_netif_pack(addrs, n, a->out, a->out_max, &a->out_len))
		st = STATUS_BUFFER_TOO_SMALL;
	kfree(addrs);
	return st;
}

static const struct fsctl_row fsctl_table[] = {
	{ FSCTL_VALIDATE_NEGOTIATE_INFO, false, fsctl_validate_negotiate },
	{ FSCTL_PIPE_TRANSCEIVE, false, fsctl_pipe_transceive },
	{ FSCTL_SRV_ENUMERATE_SNAPSHOTS, true, fsctl_snapshots },
	{ FSCTL_SET_SPARSE, true, fsctl_set_sparse },
	{ FSCTL_SET_ZERO_DATA, true, fsctl_set_zero_data },
	{ FSCTL_QUERY_ALLOCATED_RANGES, true, fsctl_query_ranges },
	{ FSCTL_SRV_REQUEST_RESUME_KEY, true, fsctl_resume_key },
	{ FSCTL_SRV_COPYCHUNK, true, fsctl_copychunk },
	{ FSCTL_SRV_COPYCHUNK_WRITE, true, fsctl_copychunk },
	{ FSCTL_QUERY_NETWORK_INTERFACE_INFO, false,
	  fsctl_query_interfaces },
};

__le32 smb2_ioctl(struct ksmbd_work *work)
{
	const struct smb2_ioctl_req *req = ksmbd_req(work);
	u32 code = le32_to_cpu(req->CtlCode);
	const struct fsctl_row *row = NULL;
	struct fsctl_args a = { .work = work };
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
	if (st && st != STATUS_BUFFER_OVERFLOW &&
	    !(st == STATUS_INVALID_PARAMETER && a.out_len))
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
