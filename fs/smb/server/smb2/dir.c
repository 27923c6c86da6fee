// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 QUERY_DIRECTORY ([MS-SMB2] 3.3.5.18, [MS-FSA] 2.1.5.6.3).
 *
 * Each directory open keeps a batch of names read with iterate_dir(); a
 * call encodes entries from the batch until the output buffer is full (the
 * entry that does not fit stays first in the batch for the next call) and
 * refills the batch when it runs dry. The struct file's position carries
 * the resume point of the directory itself, so huge directories are
 * walked in bounded memory. Entries are stat'ed outside iterate_dir().
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dispatch.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/name.h"
#include "../vfs/info.h"
#include "../vfs/dirent.h"
#include "../vfs/posix.h"
#include "../conn.h"
#include "../vfs/ea.h"
#include "../vfs/smb2_util.h"

#define KSMBD_DIR_BATCH		(32 * 1024)

struct ksmbd_dir_rec {
	u64 ino;
	u16 len;
	u8 type;
	char name[];
};

struct ksmbd_dir_state {
	u16 pattern[KSMBD_NAME_COMPONENT_MAX];
	unsigned int plen;
	bool wild;
	bool eof;		/* iterate_dir() had nothing more */
	bool returned;		/* some entry returned since (re)start */
	u8 *batch;		/* KSMBD_DIR_BATCH bytes of records */
	u32 batch_len, batch_pos;
};

struct dir_fill {
	struct dir_context ctx;
	struct ksmbd_dir_state *ds;
	bool full;
};

static bool dir_actor(struct dir_context *ctx, const char *name, int len,
		      loff_t off, u64 ino, unsigned int type)
{
	struct dir_fill *f = container_of(ctx, struct dir_fill, ctx);
	struct ksmbd_dir_state *ds = f->ds;
	u32 need = ALIGN(sizeof(struct ksmbd_dir_rec) + len + 1, 8);
	struct ksmbd_dir_rec *r;

	if (len > KSMBD_NAME_COMPONENT_MAX * 3)
		return true;	/* cannot be named over SMB: skip */
	if (ds->batch_len + need > KSMBD_DIR_BATCH) {
		f->full = true;
		return false;
	}
	r = (struct ksmbd_dir_rec *)(ds->batch + ds->batch_len);
	r->ino = ino;
	r->len = len;
	r->type = type;
	memcpy(r->name, name, len);
	r->name[len] = '\0';
	ds->batch_len += need;
	return true;
}

static int dir_refill(struct ksmbd_file *fp, struct ksmbd_dir_state *ds)
{
	struct dir_fill f = { .ctx.actor = dir_actor, .ds = ds };
	int err;

	ds->batch_len = 0;
	ds->batch_pos = 0;
	if (ds->eof)
		return 0;
	err = iterate_dir(fp->filp, &f.ctx);
	if (err)
		return err;
	if (!f.full)
		ds->eof = true;
	return 0;
}

static void dir_release(struct ksmbd_file *fp)
{
	if (fp->dir) {
		kvfree(fp->dir->batch);
		kfree(fp->dir);
		fp->dir = NULL;
	}
}

static int dir_state(struct ksmbd_file *fp, struct ksmbd_dir_state **out)
{
	struct ksmbd_dir_state *ds = fp->dir;

	if (!ds) {
		ds = kzalloc(sizeof(*ds), GFP_KERNEL);
		if (!ds)
			return -ENOMEM;
		ds->batch = kvmalloc(KSMBD_DIR_BATCH, GFP_KERNEL);
		if (!ds->batch) {
			kfree(ds);
			return -ENOMEM;
		}
		fp->dir = ds;
		fp->dir_release = dir_release;
		ds->plen = 0;	/* no pattern yet */
	}
	*out = ds;
	return 0;
}

static int dir_rewind(struct ksmbd_file *fp, struct ksmbd_dir_state *ds)
{
	loff_t r = vfs_llseek(fp->filp, 0, SEEK_SET);

	ds->eof = false;
	ds->returned = false;
	ds->batch_len = 0;
	ds->batch_pos = 0;
	return r < 0 ? r : 0;
}

/*
 * Stat one entry: 0, or -ENOENT to skip it. With ea_size, also the size
 * of its EAs (as FileEaInformation gives it).
 */
static int dir_stat(struct ksmbd_work *work, struct ksmbd_file *fp,
		    const struct ksmbd_dir_rec *r, struct ksmbd_stat *ks,
		    u32 *ea_size)
{
	struct path p;
	struct dentry *d;
	int err;

	if (!strcmp(r->name, ".") || !strcmp(r->name, "..")) {
		if (ea_size)
			*ea_size = ksmbd_ea_size(fp->filp->f_path.dentry);
		return ksmbd_vfs_stat(&fp->filp->f_path, false, ks);
	}
	if (r->type != DT_REG && r->type != DT_DIR && r->type != DT_UNKNOWN)
		return -ENOENT;	/* symlinks, devices...: not served */
	d = lookup_one_unlocked(file_mnt_user_ns(fp->filp), r->name,
				fp->filp->f_path.dentry, r->len);
	if (IS_ERR(d))
		return -ENOENT;
	if (d_really_is_negative(d) || d_mountpoint(d) ||
	    (!d_is_reg(d) && !d_is_dir(d))) {
		dput(d);
		return -ENOENT;
	}
	p.mnt = fp->filp->f_path.mnt;
	p.dentry = d;
	err = ksmbd_vfs_stat(&p, ksmbd_share_hide_dot(work), ks);
	if (!err && ea_size)
		*ea_size = ksmbd_ea_size(d);
	dput(d);
	return err ? -ENOENT : 0;
}

/*
 * Encode entries from the batch into b. Returns 0 (stopped because the
 * buffer is full, single-entry was asked, or the directory ended) or
 * -errno.
 */
static int dir_fill_out(struct ksmbd_work *work, struct ksmbd_file *fp,
			struct ksmbd_dir_state *ds, u8 cls, bool single,
			struct ksmbd_dirent_buf *b)
{
	const struct ksmbd_share *share = work->tcon->share;
	bool want_short = cls == FILE_BOTH_DIRECTORY_INFORMATION ||
			  cls == FILEID_BOTH_DIRECTORY_INFORMATION;
	bool want_ea = cls != FILE_DIRECTORY_INFORMATION &&
		       cls != FILE_NAMES_INFORMATION &&
		       cls != KSMBD_FIND_POSIX_INFO;
	u16 u[KSMBD_NAME_COMPONENT_MAX];
	__le16 sn[KSMBD_SHORT_NAME_MAX];
	int err, n, i, sn_len;

	for (;;) {
		const struct ksmbd_dir_rec *r;
		struct ksmbd_dirent e = {};
		struct ksmbd_stat ks;

		if (ds->batch_pos >= ds->batch_len) {
			if (ds->eof)
				return 0;
			err = dir_refill(fp, ds);
			if (err)
				return err;
			if (!ds->batch_len)
				return 0;
		}
		r = (const struct ksmbd_dir_rec *)(ds->batch + ds->batch_pos);

		n = ksmbd_name_to_utf16(r->name, r->len, u, ARRAY_SIZE(u));
		if (n <= 0 ||
		    (ds->wild ? !ksmbd_wildcard_match(ds->pattern, ds->plen, u, n)
			      : !ksmbd_name_equal_ci(ds->pattern, ds->plen, u, n)) ||
		    (share->nr_veto && ksmbd_share_veto(share, r->name)) ||
		    dir_stat(work, fp, r, &ks, want_ea ? &e.ea_size : NULL)) {
			ds->batch_pos += ALIGN(sizeof(*r) + r->len + 1, 8);
			continue;
		}
		if (want_short) {
			u16 s16[KSMBD_SHORT_NAME_MAX];

			sn_len = ksmbd_name_short(u, n, s16);
			for (i = 0; i < sn_len; i++)
				sn[i] = cpu_to_le16(s16[i]);
			e.short_name = sn;
			e.short_len = sn_len * 2;
		}
		/* in place: u is not used for matching any more */
		for (i = 0; i < n; i++)
			((__le16 *)u)[i] = cpu_to_le16(u[i]);
		e.name = (__le16 *)u;
		e.name_len = n * 2;
		e.ks = &ks;
		err = ksmbd_dirent_put(b, cls, &e);
		if (err == -ENOSPC)
			return 0;	/* stays first in the batch */
		if (err)
			return err;
		ds->batch_pos += ALIGN(sizeof(*r) + r->len + 1, 8);
		ds->returned = true;
		if (single)
			return 0;
	}
}

__le32 smb2_query_directory(struct ksmbd_work *work)
{
	const struct smb2_query_directory_req *req = ksmbd_req(work);
	u32 plen_b = le16_to_cpu(req->FileNameLength);
	u32 outlen = le32_to_cpu(req->OutputBufferLength);
	u8 cls = req->FileInformationClass;
	struct smb2_query_directory_rsp *rsp;
	struct ksmbd_dirent_buf b = {};
	struct ksmbd_dir_state *ds;
	struct ksmbd_file *fp;
	const __le16 *pat;
	bool first_call;
	__le32 st = STATUS_SUCCESS;
	unsigned int i;
	void *out;
	int err;

	if (!ksmbd_dirent_fixed(cls) ||
	    (cls == KSMBD_FIND_POSIX_INFO && !work->conn->posix_ext))
		return STATUS_INVALID_INFO_CLASS;
	pat = ksmbd_req_buf(work, le16_to_cpu(req->FileNameOffset), plen_b);
	if (!pat || (plen_b & 1) || plen_b / 2 > KSMBD_NAME_COMPONENT_MAX)
		return STATUS_INVALID_PARAMETER;
	for (i = 0; i < plen_b / 2; i++) {
		u16 c = le16_to_cpu(pat[i]);

		if (c == '\\' || c == '/' || c == 0)
			return STATUS_OBJECT_NAME_INVALID;
	}

	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;
	if (!fp->is_dir) {
		st = STATUS_INVALID_PARAMETER;
		goto out_put;
	}
	if (!(fp->daccess & FILE_LIST_DIRECTORY_LE)) {
		st = STATUS_ACCESS_DENIED;
		goto out_put;
	}
	if (outlen < ksmbd_dirent_fixed(cls)) {
		st = STATUS_INFO_LENGTH_MISMATCH;
		goto out_put;
	}

	mutex_lock(&fp->lock);
	err = dir_state(fp, &ds);
	if (err) {
		st = STATUS_NO_MEMORY;
		goto out_unlock;
	}
	first_call = !ds->plen;
	if (first_call || (req->Flags & (SMB2_RESTART_SCANS | SMB2_REOPEN))) {
		if (!first_call || req->Flags & SMB2_RESTART_SCANS ||
		    req->Flags & SMB2_REOPEN) {
			err = dir_rewind(fp, ds);
			if (err) {
				st = ksmbd_vfs_status(err);
				goto out_unlock;
			}
		}
		if (plen_b) {
			for (i = 0; i < plen_b / 2; i++)
				ds->pattern[i] = le16_to_cpu(pat[i]);
			ds->plen = plen_b / 2;
		} else {
			ds->pattern[0] = '*';
			ds->plen = 1;
		}
		ds->wild = ksmbd_wildcard_has_wild(ds->pattern, ds->plen);
		first_call = true;
	}

	/* check.c reserved OutputBufferLength (<= max_trans) of response */
	b.max = outlen;
	b.buf = kvmalloc(max_t(u32, b.max, 1), GFP_KERNEL);
	if (!b.buf) {
		st = STATUS_NO_MEMORY;
		goto out_unlock;
	}
	err = dir_fill_out(work, fp, ds, cls,
			   req->Flags & SMB2_RETURN_SINGLE_ENTRY, &b);
	if (err) {
		st = ksmbd_vfs_status(err);
		goto out_free;
	}
	if (!b.count) {
		if (ds->batch_pos < ds->batch_len)
			st = STATUS_BUFFER_OVERFLOW;	/* first entry too big */
		else if (first_call && !ds->returned)
			st = STATUS_NO_SUCH_FILE;
		else
			st = STATUS_NO_MORE_FILES;
		goto out_free;
	}
	rsp = ksmbd_rsp_struct(work, struct smb2_query_directory_rsp);
	out = rsp ? ksmbd_rsp_append(work, b.used) : NULL;
	if (!out) {
		st = STATUS_NO_MEMORY;
		goto out_free;
	}
	memcpy(out, b.buf, b.used);
	rsp = (struct smb2_query_directory_rsp *)ksmbd_rsp_hdr(work);
	rsp->StructureSize = cpu_to_le16(9);
	rsp->OutputBufferOffset = cpu_to_le16(ksmbd_rsp_offset(work, out));
	rsp->OutputBufferLength = cpu_to_le32(b.used);
out_free:
	kvfree(b.buf);
out_unlock:
	mutex_unlock(&fp->lock);
out_put:
	ksmbd_file_put(fp);
	return st;
}
