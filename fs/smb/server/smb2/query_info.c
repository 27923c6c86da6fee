// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 QUERY_INFO ([MS-SMB2] 3.3.5.20): file and file-system classes,
 * encoded by vfs/info.c.
 */
#include <linux/fs.h>
#include <linux/crc32.h>
#include <linux/dcache.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/statfs.h>
#include <linux/string.h>

#include "dispatch.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/info.h"
#include "../vfs/info_wire.h"
#include "../vfs/smb2_util.h"
#include "../vfs/stream.h"
#include "../vfs/ea.h"
#include "../vfs/sd.h"
#include "../vfs/posix.h"
#include "../conn.h"

/*
 * Share-relative path of fp (UTF-8, '/'-separated, "" for the root) in
 * buf; NULL if the file is not beneath the root any more.
 */
static char *file_rel_name(struct ksmbd_work *work, struct ksmbd_file *fp,
			   char *buf, int size)
{
	const struct ksmbd_share *share = work->tcon->share;
	char *rbuf, *r, *f;
	size_t rl;

	f = dentry_path_raw(fp->filp->f_path.dentry, buf, size);
	if (IS_ERR(f))
		return NULL;
	rbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!rbuf)
		return NULL;
	r = dentry_path_raw(share->root.dentry, rbuf, PATH_MAX);
	if (IS_ERR(r)) {
		kfree(rbuf);
		return NULL;
	}
	rl = strlen(r);
	if (rl == 1)
		rl = 0;		/* root of the file system: "/" */
	if (strncmp(f, r, rl) || (f[rl] && f[rl] != '/')) {
		kfree(rbuf);
		return NULL;
	}
	kfree(rbuf);
	f += rl;
	if (*f == '/')
		f++;
	return f;
}

#define KSMBD_QUERY_MIN_BUF	4096

/* Classes that need FILE_READ_ATTRIBUTES ([MS-SMB2] 3.3.5.20.1). */
static bool needs_read_attrs(u8 cls)
{
	switch (cls) {
	case FILE_BASIC_INFORMATION:
	case FILE_ALL_INFORMATION:
	case FILE_NETWORK_OPEN_INFORMATION:
	case FILE_ATTRIBUTE_TAG_INFORMATION:
	case KSMBD_FILE_POSIX_INFO:
		return true;
	}
	return false;
}

static int query_file(struct ksmbd_work *work, struct ksmbd_file *fp, u8 cls,
		      void *out, u32 max)
{
	struct ksmbd_info_ctx c = {};
	struct ksmbd_stat ks;
	char *buf, *sname = NULL;
	int r;

	if (needs_read_attrs(cls) && !(fp->daccess & FILE_READ_ATTRIBUTES_LE))
		return -EACCES;
	r = ksmbd_vfs_stat(&fp->filp->f_path, ksmbd_share_hide_dot(work), &ks);
	if (r)
		return r;
	if (!fp->stream)
		ks.alloc_hint = READ_ONCE(fp->ki->alloc_hint);
	if (cls == FILE_STREAM_INFORMATION && ksmbd_share_streams(work))
		return ksmbd_stream_list(fp->filp->f_path.dentry,
					 S_ISDIR(ks.st.mode),
					 ksmbd_end_of_file(&ks.st),
					 ksmbd_alloc_hinted(&ks.st, ks.alloc_hint),
					 out, max);
	if (fp->stream) {
		r = ksmbd_stream_stat(fp->filp->f_path.dentry, fp->stream, &ks);
		if (r)
			return r;
	}
	ks.delete_pending = ksmbd_file_delete_pending(fp);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	c.ks = &ks;
	c.access = le32_to_cpu(fp->daccess);
	c.pos = fp->pos;
	c.mode = fp->mode;
	c.name = file_rel_name(work, fp, buf, PATH_MAX);
	c.volume_id = ks.st.dev;
	if (cls == FILE_EA_INFORMATION || cls == FILE_ALL_INFORMATION)
		c.ea_size = ksmbd_ea_size(fp->filp->f_path.dentry);
	if (!c.name)
		c.name = "";
	if (fp->stream && cls == FILE_NORMALIZED_NAME_INFORMATION) {
		/* the stream's name as created; a rename rewrites it */
		const char *s;
		size_t slen;

		mutex_lock(&fp->ki->lock);
		slen = fp->stream ? ksmbd_stream_name(fp->stream, &s) : 0;
		if (slen)
			sname = kstrndup(s, slen, GFP_KERNEL);
		mutex_unlock(&fp->ki->lock);
		if (slen && !sname) {
			kfree(buf);
			return -ENOMEM;
		}
		c.stream = sname;
	}
	r = ksmbd_encode_file_info(cls, &c, out, max);
	kfree(sname);
	kfree(buf);
	return r;
}

static int query_fs(struct ksmbd_work *work, u8 cls, void *out, u32 max)
{
	const struct ksmbd_share *share = work->tcon->share;
	struct ksmbd_fs_ctx c = {};
	struct ksmbd_stat ks;
	struct kstatfs sfs;
	int r;

	r = vfs_statfs(&share->root, &sfs);
	if (r)
		return r;
	r = ksmbd_vfs_stat(&share->root, false, &ks);
	if (r)
		return r;
	c.sfs = &sfs;
	c.create_time = ks.create_time;
	c.serial = crc32_le(0, share->name, strlen(share->name)) ^
		   (u32)ks.st.dev;
	c.label = share->name;
	c.fs_name = "NTFS";
	c.fs_attrs = KSMBD_FS_CASE_SENSITIVE_SEARCH |
		     KSMBD_FS_CASE_PRESERVED_NAMES | KSMBD_FS_UNICODE_ON_DISK |
		     KSMBD_FS_SUPPORTS_SPARSE_FILES |
		     KSMBD_FS_SUPPORTS_HARD_LINKS | KSMBD_FS_SUPPORTS_EXT_ATTRS;
	if (ksmbd_share_streams(work))
		c.fs_attrs |= KSMBD_FS_NAMED_STREAMS;
	put_unaligned_le64(ks.st.ino, c.object_id);
	put_unaligned_le32(c.serial, c.object_id + 8);
	return ksmbd_encode_fs_info(cls, &c, out, max);
}

/* FileFullEaInformation: all EAs, or those the input list names. */
static __le32 query_ea(struct ksmbd_work *work, struct ksmbd_file *fp,
		       const struct smb2_query_info_req *req, void *out,
		       u32 max, int *len)
{
	u32 inlen = le32_to_cpu(req->InputBufferLength), used;
	const void *in = NULL;
	int r;

	*len = 0;
	if (!(fp->daccess & FILE_READ_EA_LE))
		return STATUS_ACCESS_DENIED;
	if (inlen) {
		in = ksmbd_req_buf(work, le16_to_cpu(req->InputBufferOffset),
				   inlen);
		if (!in)
			return STATUS_INVALID_PARAMETER;
	}
	r = ksmbd_ea_query(fp->filp->f_path.dentry, in, inlen,
			   le32_to_cpu(req->Flags) & SL_RETURN_SINGLE_ENTRY,
			   out, max, &used);
	switch (r) {
	case -ENODATA:
		return STATUS_NO_EAS_ON_FILE;
	case -ENOBUFS:
		return STATUS_BUFFER_TOO_SMALL;
	case -E2BIG:
		*len = used;
		return STATUS_BUFFER_OVERFLOW;
	case -EILSEQ:
		return STATUS_INVALID_EA_NAME;
	}
	if (r < 0)
		return ksmbd_vfs_status(r);
	*len = r;
	return STATUS_SUCCESS;
}

/*
 * STATUS_BUFFER_TOO_SMALL with the length a security descriptor needs
 * ([MS-SMB2] 3.3.5.20.3): 3.1.1 wraps it in an error context (2.2.2.1).
 */
static __le32 sec_too_small(struct ksmbd_work *work, u32 need)
{
	bool ctx = work->conn->dialect == SMB311_PROT_ID;
	u8 *b = ksmbd_rsp_body(work, 8 + (ctx ? 12 : 4));

	if (!b)
		return STATUS_BUFFER_TOO_SMALL;
	put_unaligned_le16(9, b);		/* StructureSize */
	b[2] = ctx;				/* ErrorContextCount */
	put_unaligned_le32(ctx ? 12 : 4, b + 4);	/* ByteCount */
	if (ctx) {
		put_unaligned_le32(4, b + 8);	/* ErrorDataLength */
		put_unaligned_le32(0, b + 12);	/* ErrorId: default */
		put_unaligned_le32(need, b + 16);
	} else {
		put_unaligned_le32(need, b + 8);
	}
	return STATUS_BUFFER_TOO_SMALL;
}

/* SMB2_0_INFO_SECURITY ([MS-SMB2] 3.3.5.20.3, [MS-FSA] 2.1.5.14). */
static __le32 query_security(struct ksmbd_work *work, struct ksmbd_file *fp,
			     const struct smb2_query_info_req *req, void *out,
			     u32 max, int *len)
{
	u32 secinfo = le32_to_cpu(req->AdditionalInformation);
	int r;

	*len = 0;
	if ((secinfo & (KSMBD_OWNER_SECINFO | KSMBD_GROUP_SECINFO |
			KSMBD_DACL_SECINFO | KSMBD_LABEL_SECINFO)) &&
	    !(fp->daccess & FILE_READ_CONTROL_LE))
		return STATUS_ACCESS_DENIED;
	if ((secinfo & KSMBD_SACL_SECINFO) &&
	    !(fp->daccess & FILE_ACCESS_SYSTEM_SECURITY_LE))
		return STATUS_ACCESS_DENIED;
	r = ksmbd_sd_query(&fp->filp->f_path, secinfo, out, max);
	if (r < 0)
		return ksmbd_sd_status(r) ?: ksmbd_vfs_status(r);
	if ((u32)r > max)
		return sec_too_small(work, r);
	*len = r;
	return STATUS_SUCCESS;
}

__le32 smb2_query_info(struct ksmbd_work *work)
{
	const struct smb2_query_info_req *req = ksmbd_req(work);
	u32 max = le32_to_cpu(req->OutputBufferLength);
	struct smb2_query_info_rsp *rsp;
	struct ksmbd_file *fp;
	__le32 st = STATUS_SUCCESS;
	void *buf, *out;
	bool partial;
	u32 cap;
	int r;

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	/* room for the whole of a class, to tell a short buffer's status */
	cap = max_t(u32, max, KSMBD_QUERY_MIN_BUF);
	buf = kvzalloc(cap, GFP_KERNEL);
	if (!buf) {
		st = STATUS_NO_MEMORY;
		goto out;
	}

	/* the POSIX classes exist once the extensions are negotiated */
	if (req->FileInfoClass == KSMBD_FILE_POSIX_INFO &&
	    (req->InfoType == SMB2_O_INFO_FILE ||
	     req->InfoType == SMB2_O_INFO_FILESYSTEM) &&
	    !work->conn->posix_ext) {
		st = STATUS_INVALID_INFO_CLASS;
		goto out;
	}
	switch (req->InfoType) {
	case SMB2_O_INFO_FILE:
		if (req->FileInfoClass == FILE_FULL_EA_INFORMATION) {
			st = query_ea(work, fp, req, buf, max, &r);
			if (st && st != STATUS_BUFFER_OVERFLOW)
				goto out;
			goto reply;
		}
		/* [MS-SMB2] 3.3.5.20.1: a class of 3.1.1 only */
		if (req->FileInfoClass == FILE_NORMALIZED_NAME_INFORMATION &&
		    work->conn->dialect != SMB311_PROT_ID) {
			st = STATUS_NOT_SUPPORTED;
			goto out;
		}
		r = query_file(work, fp, req->FileInfoClass, buf, cap);
		break;
	case SMB2_O_INFO_FILESYSTEM:
		r = query_fs(work, req->FileInfoClass, buf, cap);
		break;
	case SMB2_O_INFO_SECURITY:
		st = query_security(work, fp, req, buf, max, &r);
		if (st)
			goto out;
		goto reply;
	case SMB2_O_INFO_QUOTA:
		r = -EOPNOTSUPP;
		break;
	default:
		r = -EINVAL;
	}

	if (r >= 0 || r == -ENOBUFS)
		r = ksmbd_info_fit(req->InfoType, req->FileInfoClass, r, max,
				   &partial);
	if (r >= 0) {
		if (partial)
			st = STATUS_BUFFER_OVERFLOW;
	} else if (r == -E2BIG) {
		st = STATUS_INFO_LENGTH_MISMATCH;
		goto out;
	} else if (r == -EOPNOTSUPP) {
		st = req->InfoType == SMB2_O_INFO_FILE ||
		     req->InfoType == SMB2_O_INFO_FILESYSTEM ?
		     STATUS_INVALID_INFO_CLASS : STATUS_NOT_SUPPORTED;
		goto out;
	} else if (r < 0) {
		st = ksmbd_vfs_status(r);
		goto out;
	}

reply:
	/* an empty answer keeps the odd StructureSize's byte in the body */
	rsp = ksmbd_rsp_fixed(work, sizeof(*rsp) + (r ? 0 : 1));
	out = rsp ? (r ? ksmbd_rsp_append(work, r) : (u8 *)rsp + sizeof(*rsp))
		  : NULL;
	if (!out) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	memcpy(out, buf, r);
	rsp = (struct smb2_query_info_rsp *)ksmbd_rsp_hdr(work);
	rsp->StructureSize = cpu_to_le16(9);
	rsp->OutputBufferOffset = cpu_to_le16(ksmbd_rsp_offset(work, out));
	rsp->OutputBufferLength = cpu_to_le32(r);
out:
	kvfree(buf);
	ksmbd_file_put(fp);
	return st;
}
