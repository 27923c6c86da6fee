// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Server-side copy ([MS-SMB2] 3.3.5.15.5-6, [MS-FSCC] 2.3.8): the resume
 * key names a source open of the session, SRV_COPYCHUNK(_WRITE) copies
 * chunks of it into the open the request names with copy_file_range (a
 * bounce buffer for named streams and for source and target ranges of
 * one file that overlap), and
 * FSCTL_DUPLICATE_EXTENTS_TO_FILE clones a range when the file system can
 * share blocks.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/unaligned.h>

#include "fsctl.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../vfs/lock.h"
#include "../vfs/smb2_util.h"
#include "../vfs/stream.h"
#include "../../common/smbfsctl.h"

__le32 ksmbd_copychunk_parse(const u8 *in, u32 in_len,
			     struct ksmbd_copychunk *cc, bool *limits)
{
	u64 total = 0;
	u32 i;

	*limits = false;
	if (in_len < KSMBD_COPYCHUNK_HDR)
		return STATUS_INVALID_PARAMETER;
	cc->key_pfid = get_unaligned_le64(in);
	cc->key_vfid = get_unaligned_le64(in + 8);
	cc->count = get_unaligned_le32(in + KSMBD_RESUME_KEY_SIZE);
	cc->chunks = in + KSMBD_COPYCHUNK_HDR;
	if (cc->count > KSMBD_COPYCHUNK_MAX_CHUNKS) {
		*limits = true;
		return STATUS_INVALID_PARAMETER;
	}
	if ((in_len - KSMBD_COPYCHUNK_HDR) / KSMBD_COPYCHUNK_ELEM < cc->count)
		return STATUS_INVALID_PARAMETER;
	for (i = 0; i < cc->count; i++) {
		u32 len = get_unaligned_le32(cc->chunks +
					     i * KSMBD_COPYCHUNK_ELEM + 16);

		total += len;
		if (!len || len > KSMBD_COPYCHUNK_MAX_CHUNK ||
		    total > KSMBD_COPYCHUNK_MAX_TOTAL) {
			*limits = true;
			return STATUS_INVALID_PARAMETER;
		}
	}
	return STATUS_SUCCESS;
}

void ksmbd_copychunk_chunk(const struct ksmbd_copychunk *cc, u32 i,
			   u64 *soff, u64 *doff, u32 *len)
{
	const u8 *c = cc->chunks + i * KSMBD_COPYCHUNK_ELEM;

	*soff = get_unaligned_le64(c);
	*doff = get_unaligned_le64(c + 8);
	*len = get_unaligned_le32(c + 16);
}

__le32 ksmbd_fsctl_resume_key(struct fsctl_args *a)
{
	/* ResumeKey (24) + ContextLength (4) + pad (4) */
	if (a->out_max < 32)
		return STATUS_INVALID_PARAMETER;
	put_unaligned_le64(a->fp->persistent_id, a->out);
	put_unaligned_le64(a->fp->volatile_id, a->out + 8);
	a->out_len = 32;
	return STATUS_SUCCESS;
}

/* SRV_COPYCHUNK_RESPONSE */
static void copychunk_rsp(struct fsctl_args *a, u32 chunks, u32 chunk,
			  u32 total)
{
	put_unaligned_le32(chunks, a->out);
	put_unaligned_le32(chunk, a->out + 4);
	put_unaligned_le32(total, a->out + 8);
	a->out_len = KSMBD_COPYCHUNK_RSP;
}

/* The data of an open: its file's, or its named stream's (vfs/stream.h). */
static ssize_t data_read(struct ksmbd_file *fp, void *buf, u32 len,
			 loff_t off)
{
	if (fp->stream)
		return ksmbd_stream_read(fp->filp, fp->stream, buf, len, off);
	return kernel_read(fp->filp, buf, len, &off);
}

static ssize_t data_write(struct ksmbd_file *fp, const void *buf, u32 len,
			  loff_t off)
{
	if (fp->stream)
		return ksmbd_stream_write(fp->filp, fp->stream, buf, len, off);
	return kernel_write(fp->filp, buf, len, &off);
}

static loff_t data_size(struct ksmbd_file *fp)
{
	if (fp->stream)
		return ksmbd_stream_size(fp->filp->f_path.dentry, fp->stream);
	return i_size_read(file_inode(fp->filp));
}

/*
 * Copy through memory: a named stream (its data is an xattr) on either
 * side, or source and target ranges that overlap in one file.
 */
static int copy_bounce(struct ksmbd_file *src, loff_t soff,
		       struct ksmbd_file *dst, loff_t doff, u32 len)
{
	ssize_t n;
	void *buf = kvmalloc(len, GFP_KERNEL);
	int err = 0;

	if (!buf)
		return -ENOMEM;
	n = data_read(src, buf, len, soff);
	if (n != len) {
		err = n < 0 ? n : -EIO;
		goto out;
	}
	n = data_write(dst, buf, len, doff);
	if (n != len)
		err = n < 0 ? n : -EIO;
out:
	kvfree(buf);
	return err;
}

static int copy_chunk(struct ksmbd_file *src, loff_t soff,
		      struct ksmbd_file *dst, loff_t doff, u32 len)
{
	ssize_t done = 0, r;

	if (src->stream || dst->stream ||
	    (file_inode(src->filp) == file_inode(dst->filp) &&
	     ksmbd_range_overlap(soff, len, doff, len)))
		return copy_bounce(src, soff, dst, doff, len);
	while (done < len) {
		r = vfs_copy_file_range(src->filp, soff + done, dst->filp,
					doff + done, len - done, 0);
		if (r < 0)
			return r;
		if (!r)
			return -EIO;
		done += r;
	}
	return 0;
}

__le32 ksmbd_fsctl_copychunk(struct fsctl_args *a)
{
	struct ksmbd_copychunk cc;
	struct ksmbd_file *src;
	__le32 need = FILE_WRITE_DATA_LE;
	u32 i, done = 0, total = 0;
	__le32 st;
	bool limits;

	if (a->out_max < KSMBD_COPYCHUNK_RSP)
		return STATUS_INVALID_PARAMETER;
	st = ksmbd_copychunk_parse(a->in, a->in_len, &cc, &limits);
	if (st) {
		if (limits) {
			copychunk_rsp(a, KSMBD_COPYCHUNK_MAX_CHUNKS,
				      KSMBD_COPYCHUNK_MAX_CHUNK,
				      KSMBD_COPYCHUNK_MAX_TOTAL);
			a->err_body = true;
		}
		return st;
	}
	/* COPYCHUNK reads the target too; COPYCHUNK_WRITE does not */
	if (a->code == FSCTL_SRV_COPYCHUNK)
		need |= FILE_READ_DATA_LE;
	if ((a->fp->daccess & need) != need)
		return STATUS_ACCESS_DENIED;
	src = ksmbd_fid_lookup_session(a->work, cc.key_pfid, cc.key_vfid);
	if (!src)
		return STATUS_OBJECT_NAME_NOT_FOUND;
	if (!(src->daccess & (FILE_READ_DATA_LE | FILE_EXECUTE_LE))) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	if (src->is_dir || a->fp->is_dir) {
		st = STATUS_NOT_SUPPORTED;
		goto out;
	}
	for (i = 0; i < cc.count; i++) {
		u64 soff, doff;
		loff_t size;
		u32 len;
		int err;

		ksmbd_copychunk_chunk(&cc, i, &soff, &doff, &len);
		if (soff > MAX_LFS_FILESIZE - len ||
		    doff > MAX_LFS_FILESIZE - len) {
			st = STATUS_INVALID_PARAMETER;
			break;
		}
		size = data_size(src);
		if (size < 0) {
			st = ksmbd_vfs_status((int)size);
			break;
		}
		/* [MS-SMB2] 3.3.5.15.6: a source range past its end */
		if (soff + len > (u64)size) {
			st = STATUS_INVALID_VIEW_SIZE;
			break;
		}
		if (ksmbd_lock_check(src, soff, len, false) ||
		    ksmbd_lock_check(a->fp, doff, len, true)) {
			st = STATUS_FILE_LOCK_CONFLICT;
			break;
		}
		err = copy_chunk(src, soff, a->fp, doff, len);
		if (err) {
			st = ksmbd_vfs_status(err);
			break;
		}
		done++;
		total += len;
	}
	/* what was copied goes back with these errors too (as Windows) */
	copychunk_rsp(a, done, 0, total);
	a->err_body = st == STATUS_INVALID_VIEW_SIZE ||
		      st == STATUS_FILE_LOCK_CONFLICT;
out:
	ksmbd_file_put(src);
	return st;
}

/* DUPLICATE_EXTENTS_DATA ([MS-FSCC] 2.3.8) */
#define DUP_EXTENTS_SIZE	40

__le32 ksmbd_fsctl_dup_extents(struct fsctl_args *a)
{
	struct ksmbd_file *src;
	u64 soff, doff, len;
	loff_t r;
	__le32 st = STATUS_SUCCESS;

	if (a->in_len < DUP_EXTENTS_SIZE)
		return STATUS_INVALID_PARAMETER;
	soff = get_unaligned_le64(a->in + 16);
	doff = get_unaligned_le64(a->in + 24);
	len = get_unaligned_le64(a->in + 32);
	if (!(a->fp->daccess & FILE_WRITE_DATA_LE))
		return STATUS_ACCESS_DENIED;
	src = ksmbd_fid_lookup_session(a->work, get_unaligned_le64(a->in),
				       get_unaligned_le64(a->in + 8));
	if (!src)
		return STATUS_FILE_CLOSED;
	if (!(src->daccess & FILE_READ_DATA_LE)) {
		st = STATUS_ACCESS_DENIED;
		goto out;
	}
	if (src->stream || a->fp->stream || src->is_dir || a->fp->is_dir) {
		st = STATUS_NOT_SUPPORTED;
		goto out;
	}
	if (!len)
		goto out;
	if (soff > MAX_LFS_FILESIZE || len > MAX_LFS_FILESIZE - soff ||
	    doff > MAX_LFS_FILESIZE - len) {
		st = STATUS_INVALID_PARAMETER;
		goto out;
	}
	if (soff + len > i_size_read(file_inode(src->filp))) {
		st = STATUS_NOT_SUPPORTED;
		goto out;
	}
	if (ksmbd_lock_check(src, soff, len, false) ||
	    ksmbd_lock_check(a->fp, doff, len, true)) {
		st = STATUS_FILE_LOCK_CONFLICT;
		goto out;
	}
	r = vfs_clone_file_range(src->filp, soff, a->fp->filp, doff, len, 0);
	if (r < 0)
		st = r == -EOPNOTSUPP || r == -EXDEV || r == -EINVAL ?
		     STATUS_NOT_SUPPORTED : ksmbd_vfs_status(r);
	else if (r != len)
		st = STATUS_NOT_SUPPORTED;
out:
	ksmbd_file_put(src);
	return st;
}
