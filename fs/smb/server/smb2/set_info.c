// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 SET_INFO ([MS-SMB2] 3.3.5.21, [MS-FSA] 2.1.5.14): basic info,
 * end of file, allocation, disposition, rename, link, position, mode.
 * File system changes run as the session user.
 */
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dispatch.h"
#include "../work.h"
#include "../conn.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/alloc.h"
#include "../vfs/oplock.h"
#include "../vfs/name.h"
#include "../vfs/path.h"
#include "../vfs/info.h"
#include "../vfs/info_wire.h"
#include "../vfs/dosattr.h"
#include "../vfs/smb2_util.h"
#include "../vfs/stream.h"
#include "../vfs/ea.h"
#include "../vfs/notify.h"
#include "../vfs/sd.h"

#define FILE_DISPOSITION_INFORMATION_EX	64
#define FILE_DISPOSITION_DELETE		0x01
#define FILE_MODE_VALID			0x0000003E	/* [MS-FSCC] 2.4.26 */

static bool has(struct ksmbd_file *fp, __le32 access)
{
	return fp->daccess & access;
}

/*
 * ChangeTime as the client set it. notify_change() always stamps ctime
 * with the current time, so the inode's ctime is written directly, last,
 * after every other change of this request.
 */
static void set_ctime(struct dentry *d, s64 nt)
{
	struct inode *inode = d_inode(d);

	inode_lock(inode);
	inode->i_ctime = timestamp_truncate(ksmbd_nt_to_time(nt), inode);
	mark_inode_dirty(inode);
	inode_unlock(inode);
}

static int __set_basic(struct ksmbd_work *work, struct ksmbd_file *fp,
		       const struct ksmbd_file_basic_info *bi)
{
	struct dentry *d = fp->filp->f_path.dentry;
	struct user_namespace *ns = file_mnt_user_ns(fp->filp);
	struct iattr ia = {};
	s64 atime = le64_to_cpu(bi->LastAccessTime);
	s64 mtime = le64_to_cpu(bi->LastWriteTime);
	s64 btime = le64_to_cpu(bi->CreationTime);
	s64 ctime = le64_to_cpu(bi->ChangeTime);
	u32 attrs = le32_to_cpu(bi->FileAttributes);
	int err = 0;

	if (!has(fp, FILE_WRITE_ATTRIBUTES_LE))
		return -EACCES;
	if (attrs & ~FILE_ATTRIBUTE__MASK)
		return -EINVAL;
	if (attrs & FILE_ATTRIBUTE_DIRECTORY && !fp->is_dir)
		return -EINVAL;
	/* [MS-FSA] 2.1.5.14.2: a directory cannot be made temporary */
	if (attrs & FILE_ATTRIBUTE_TEMPORARY && fp->is_dir)
		return -EINVAL;
	if ((attrs || btime > 0) && ksmbd_share_store_dos(work)) {
		struct ksmbd_stat ks;
		struct ksmbd_dosattr da;

		err = ksmbd_vfs_stat(&fp->filp->f_path, false, &ks);
		if (err)
			return err;
		da.attrs = ks.attrs & ~FILE_ATTRIBUTE_NORMAL;
		if (attrs)
			da.attrs = attrs & ~FILE_ATTRIBUTE_NORMAL;
		if (fp->is_dir)
			da.attrs |= FILE_ATTRIBUTE_DIRECTORY;
		da.create_time = btime > 0 ? btime : ks.create_time;
		err = ksmbd_dosattr_set(ns, d, &da);
		if (err)
			return err;
	}
	/* 0: unchanged; -1 / -2: stop / resume automatic updates */
	if (atime > 0) {
		ia.ia_atime = ksmbd_nt_to_time(atime);
		ia.ia_valid |= ATTR_ATIME | ATTR_ATIME_SET;
	}
	if (mtime > 0) {
		ia.ia_mtime = ksmbd_nt_to_time(mtime);
		ia.ia_valid |= ATTR_MTIME | ATTR_MTIME_SET;
	}
	if (ia.ia_valid) {
		inode_lock(d_inode(d));
		err = notify_change(ns, d, &ia, NULL);
		inode_unlock(d_inode(d));
		if (err)
			return err;
	}
	if (ctime > 0) {
		if (!inode_owner_or_capable(ns, d_inode(d)))
			return -EPERM;
		mutex_lock(&fp->lock);
		fp->user_ctime = ctime;
		mutex_unlock(&fp->lock);
	}
	/*
	 * [MS-FSA] 2.1.5.14.2: once set through this open, ChangeTime is
	 * not updated by its later changes (smb2.setinfo)
	 */
	mutex_lock(&fp->lock);
	ctime = fp->user_ctime;
	mutex_unlock(&fp->lock);
	if (ctime > 0 && inode_owner_or_capable(ns, d_inode(d)))
		set_ctime(d, ctime);
	return 0;
}

/*
 * CHANGE_NOTIFY classes of what the request sets; a new ChangeTime alone
 * is reported under none (smb2.notify.mask).
 */
static int set_basic(struct ksmbd_work *work, struct ksmbd_file *fp,
		     const struct ksmbd_file_basic_info *bi)
{
	u32 filter = 0;
	int err;

	if (bi->FileAttributes)
		filter |= FILE_NOTIFY_CHANGE_ATTRIBUTES;
	if ((s64)le64_to_cpu(bi->CreationTime) > 0)
		filter |= FILE_NOTIFY_CHANGE_CREATION;
	if ((s64)le64_to_cpu(bi->LastAccessTime) > 0)
		filter |= FILE_NOTIFY_CHANGE_LAST_ACCESS;
	if ((s64)le64_to_cpu(bi->LastWriteTime) > 0)
		filter |= FILE_NOTIFY_CHANGE_LAST_WRITE;
	ksmbd_notify_begin(filter);
	err = __set_basic(work, fp, bi);
	ksmbd_notify_end();
	return err;
}

static int set_eof(struct ksmbd_file *fp, u64 size, bool alloc)
{
	if (!has(fp, FILE_WRITE_DATA_LE))
		return -EACCES;
	if (fp->is_dir)
		return -EISDIR;
	if (size > MAX_LFS_FILESIZE)
		return -EINVAL;
	if (fp->stream) {
		ssize_t cur;
		int err;

		mutex_lock(&fp->ki->lock);
		cur = ksmbd_stream_size(fp->filp->f_path.dentry, fp->stream);
		err = cur < 0 ? cur : 0;
		if (!err && (!alloc || size < cur))
			err = ksmbd_stream_truncate(fp->filp, fp->stream, size);
		mutex_unlock(&fp->ki->lock);
		return err;
	}
	if (alloc)
		return ksmbd_vfs_set_alloc(fp, size);
	return vfs_truncate(&fp->filp->f_path, size);
}

static int set_disposition(struct ksmbd_file *fp, bool del)
{
	struct ksmbd_stat ks;
	int err;

	if (!has(fp, FILE_DELETE_LE))
		return -EACCES;
	if (del) {
		err = ksmbd_vfs_stat(&fp->filp->f_path, false, &ks);
		if (err)
			return err;
		if (ks.attrs & FILE_ATTRIBUTE_READONLY)
			return -EPERM;	/* STATUS_CANNOT_DELETE */
		if (IS_ROOT(fp->filp->f_path.dentry))
			return -EACCES;
	}
	return ksmbd_file_set_delete(fp, del);
}

/* Is the named stream in xname open through another open than fp? */
static bool stream_open_elsewhere(struct ksmbd_file *fp, const char *xname)
{
	struct ksmbd_file *o;

	list_for_each_entry(o, &fp->ki->opens, ki_node)
		if (o != fp && o->stream && !strcmp(o->stream, xname))
			return true;
	return false;
}

/*
 * [MS-FSA] 2.1.5.14.11.1: rename the stream fp has open to name->stream
 * (":new[:$DATA]"), or to the file's data ("::$DATA"), on the same file.
 * A target that exists is replaced only if ReplaceIfExists and it is
 * empty and not open.
 */
static __le32 rename_stream(struct ksmbd_work *work, struct ksmbd_file *fp,
			    const struct ksmbd_name *name, bool replace)
{
	struct dentry *d = fp->filp->f_path.dentry;
	struct ksmbd_inode *ki = fp->ki;
	struct ksmbd_file *o;
	char *xname = NULL;
	ssize_t size;
	int err;
	__le32 st = STATUS_SUCCESS;

	if (!ksmbd_share_streams(work))
		return STATUS_OBJECT_NAME_INVALID;
	/* the file's own data cannot be renamed to a stream here */
	if (!fp->stream)
		return STATUS_INVALID_PARAMETER;

	mutex_lock(&ki->lock);
	if (!name->stream) {
		/* to the file's data: it must be empty and not open */
		if (!replace) {
			st = STATUS_OBJECT_NAME_COLLISION;
			goto out;
		}
		if (i_size_read(d_inode(d))) {
			st = STATUS_INVALID_PARAMETER;
			goto out;
		}
		list_for_each_entry(o, &ki->opens, ki_node) {
			if (!o->stream) {
				st = STATUS_ACCESS_DENIED;
				goto out;
			}
		}
		err = ksmbd_stream_to_data(fp->filp, fp->stream);
		if (!err)
			err = ksmbd_file_rename_stream(fp, NULL);
		st = err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
		goto out;
	}

	err = ksmbd_stream_find(d, name->stream, &xname);
	if (!err) {
		if (!strcmp(xname, fp->stream))
			goto out;	/* its own name */
		if (!replace) {
			st = STATUS_OBJECT_NAME_COLLISION;
			goto out;
		}
		size = ksmbd_stream_size(d, xname);
		if (size) {
			st = size < 0 ? ksmbd_vfs_status(size) :
					STATUS_INVALID_PARAMETER;
			goto out;
		}
		if (stream_open_elsewhere(fp, xname)) {
			st = STATUS_ACCESS_DENIED;
			goto out;
		}
	} else if (err == -ENOENT) {
		xname = ksmbd_stream_xattr(name->stream);
		if (!xname) {
			st = STATUS_NO_MEMORY;
			goto out;
		}
	} else {
		st = ksmbd_vfs_status(err);
		goto out;
	}
	if (strlen(xname) >= KSMBD_STREAM_BUF) {
		st = STATUS_OBJECT_NAME_INVALID;
		goto out;
	}
	err = ksmbd_stream_rename(fp->filp, fp->stream, xname);
	if (!err)
		err = ksmbd_file_rename_stream(fp, xname);
	st = err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
out:
	mutex_unlock(&ki->lock);
	kfree(xname);
	return st;
}

/* rename or link fp to the share-relative name in buf */
static __le32 set_name(struct ksmbd_work *work, struct ksmbd_file *fp,
		       const void *buf, u32 len, bool link)
{
	const struct smb2_file_rename_info *ri = buf;
	const struct ksmbd_share *share = work->tcon->share;
	struct dentry *old = fp->filp->f_path.dentry, *old_dir, *new, *trap;
	struct user_namespace *ns = file_mnt_user_ns(fp->filp);
	struct ksmbd_name name;
	struct filename *fname;
	struct path new_dir;
	struct qstr last, want;
	char *real = NULL;
	u32 nlen;
	int err;
	__le32 st;

	if (len < sizeof(*ri))
		return STATUS_INFO_LENGTH_MISMATCH;
	nlen = le32_to_cpu(ri->FileNameLength);
	if (nlen > len - sizeof(*ri))
		return STATUS_INFO_LENGTH_MISMATCH;
	if (!link && !has(fp, FILE_DELETE_LE))
		return STATUS_ACCESS_DENIED;
	/* [MS-FSA] 2.1.5.14.11: not a directory with open files inside */
	if (!link && fp->is_dir && ksmbd_opens_beneath(fp->filp->f_path.dentry))
		return STATUS_ACCESS_DENIED;
	if (link && fp->is_dir)
		return STATUS_FILE_IS_A_DIRECTORY;
	/*
	 * a connection with the POSIX extensions names the target as its
	 * POSIX opens do: '/' separates, ':' is a character (vfs/name.h)
	 */
	st = work->conn->posix_ext ?
	     ksmbd_name_parse_posix((const __le16 *)ri->FileName, nlen, &name) :
	     ksmbd_name_parse((const __le16 *)ri->FileName, nlen, true, &name);
	if (st)
		return st;
	if (!*name.path && name.stream_sep && !link) {
		/* ":stream": a stream rename on the same file */
		st = rename_stream(work, fp, &name, ri->ReplaceIfExists);
		goto out_name;
	}
	if (!*name.path) {
		st = STATUS_OBJECT_NAME_INVALID;
		goto out_name;
	}

	fname = getname_kernel(name.path);
	if (IS_ERR(fname)) {
		st = ksmbd_vfs_status(PTR_ERR(fname));
		goto out_name;
	}
	err = ksmbd_vfs_lookup_parent(&share->root, &fname, &new_dir, &last);
	if (err) {
		st = err == -ENOENT ? STATUS_OBJECT_PATH_NOT_FOUND :
		     err == -EINVAL ? STATUS_OBJECT_NAME_INVALID :
				      ksmbd_vfs_status(err);
		goto out_fname;
	}
	if (new_dir.mnt != fp->filp->f_path.mnt) {
		st = STATUS_NOT_SAME_DEVICE;
		goto out_dir;
	}

	/*
	 * The rename of a file opens the target's directory as a reader
	 * (FILE_LIST_DIRECTORY) sharing read and write, on any connection:
	 * an open of that directory with DELETE access, or with data access
	 * that does not share read, fails it with a sharing violation; one
	 * that shares read (smb2.getinfo.fsinfo's root handle: LIST, sharing
	 * read and delete) or has no data access (smb2.rename.msword) does
	 * not. That is what smb2.rename.{share_delete_and_delete_access,
	 * no_share_delete_*,share_delete_no_delete_access,msword},
	 * smb2.oplock.{exclusive6,batch19,batch20} (batch20 from another
	 * connection) and smb2.rename.close-full-information after
	 * smb2.getinfo.fsinfo in one process ask for together; an open for
	 * FILE_ADD_FILE (write) would conflict with that root handle.
	 * A directory is renamed beside such an open: the smbtorture 4.17
	 * smb2.notify-inotify.inotify-rename renames a subdirectory while the
	 * parent is open with SEC_RIGHTS_DIR_ALL from another connection.
	 */
	if (!fp->is_dir &&
	    ksmbd_inode_share_conflict(d_inode(new_dir.dentry),
				       FILE_READ_DATA_LE,
				       FILE_SHARE_READ_LE |
				       FILE_SHARE_WRITE_LE)) {
		st = STATUS_SHARING_VIOLATION;
		goto out_dir;
	}
	/* a stream is renamed only to another stream of its file */
	if (fp->stream || name.stream_sep) {
		st = fp->stream ? STATUS_INVALID_PARAMETER :
				  STATUS_OBJECT_NAME_INVALID;
		goto out_dir;
	}

	/*
	 * A name equal to an entry's but for case names that entry; on a
	 * POSIX connection names are case-sensitive, as its CREATE looks
	 * them up ("mv x A" beside "a" must not replace "a").
	 */
	want = last;
	err = work->conn->posix_ext ? 0 :
	      ksmbd_vfs_ci_name(&new_dir, &last, &real);
	if (err) {
		st = ksmbd_vfs_status(err);
		goto out_dir;
	}

	old_dir = dget_parent(old);
	trap = lock_rename(new_dir.dentry, old_dir);
	if (old->d_parent != old_dir || d_unhashed(old)) {
		err = -ENOENT;
		goto out_unlock;
	}
	new = lookup_one(ns, last.name, new_dir.dentry, last.len);
	if (!IS_ERR(new) && real && new == old && !link) {
		/* the file's own name in another case: change its case */
		dput(new);
		new = lookup_one(ns, want.name, new_dir.dentry, want.len);
	}
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		goto out_unlock;
	}
	if (new == trap || old == trap) {
		err = -EINVAL;
		goto out_new;
	}
	if (d_really_is_positive(new)) {
		if (new == old) {
			err = 0;	/* same name (maybe other case) */
			goto out_new;
		}
		if (!ri->ReplaceIfExists) {
			err = -EEXIST;
			goto out_new;
		}
		if (d_is_dir(new) || d_mountpoint(new)) {
			err = -EACCES;
			goto out_new;
		}
		/*
		 * [MS-FSA] 2.1.5.14.11: a file that is open (through this
		 * server) is not replaced, whatever its sharing; Samba and
		 * Windows answer ACCESS_DENIED (tests/rename-parent)
		 */
		if (d_inode(new) != d_inode(old) &&
		    ksmbd_inode_in_use(d_inode(new))) {
			err = -EACCES;
			goto out_new;
		}
	}
	if (link) {
		err = vfs_link(old, ns, d_inode(new_dir.dentry), new, NULL);
	} else {
		struct renamedata rd = {
			.old_mnt_userns = ns,
			.old_dir = d_inode(old_dir),
			.old_dentry = old,
			.new_mnt_userns = ns,
			.new_dir = d_inode(new_dir.dentry),
			.new_dentry = new,
		};

		err = vfs_rename(&rd);
		if (!err && !fp->is_dir && !fp->stream)
			WRITE_ONCE(fp->renamed, true);	/* vfs/notify.h */
	}
out_new:
	dput(new);
out_unlock:
	unlock_rename(new_dir.dentry, old_dir);
	dput(old_dir);
	st = err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
out_dir:
	kfree(real);
	path_put(&new_dir);
out_fname:
	putname(fname);
out_name:
	ksmbd_name_free(&name);
	return st;
}

static int ea_check(void *arg, const struct ksmbd_ea *ea)
{
	return 0;
}

static int ea_apply(void *arg, const struct ksmbd_ea *ea)
{
	struct file *f = arg;

	return ksmbd_ea_set(file_mnt_user_ns(f), f->f_path.dentry, ea);
}

/* FileFullEaInformation: the whole list is checked, then applied. */
static __le32 set_eas(struct ksmbd_file *fp, const void *buf, u32 len)
{
	int err;

	if (!has(fp, FILE_WRITE_EA_LE))
		return STATUS_ACCESS_DENIED;
	err = ksmbd_ea_walk(buf, len, ea_check, NULL);
	if (!err)
		err = ksmbd_ea_walk(buf, len, ea_apply, fp->filp);
	switch (err) {
	case 0:
		return STATUS_SUCCESS;
	case -EILSEQ:
		return STATUS_INVALID_EA_NAME;
	case -EINVAL:
		return STATUS_EA_LIST_INCONSISTENT;
	case -E2BIG:
	case -ENOSPC:
		return STATUS_EA_TOO_LARGE;
	}
	return ksmbd_vfs_status(err);
}

static __le32 set_file(struct ksmbd_work *work, struct ksmbd_file *fp, u8 cls,
		       const void *buf, u32 len)
{
	int err;

	switch (cls) {
	case FILE_BASIC_INFORMATION:
		if (len < sizeof(struct ksmbd_file_basic_info))
			return STATUS_INFO_LENGTH_MISMATCH;
		err = set_basic(work, fp, buf);
		break;
	case FILE_END_OF_FILE_INFORMATION:
	case FILE_ALLOCATION_INFORMATION:
		if (len < 8)
			return STATUS_INFO_LENGTH_MISMATCH;
		ksmbd_oplock_break_level2(fp);
		err = set_eof(fp, get_unaligned_le64(buf),
			      cls == FILE_ALLOCATION_INFORMATION);
		break;
	case FILE_DISPOSITION_INFORMATION:
		if (len < 1)
			return STATUS_INFO_LENGTH_MISMATCH;
		err = set_disposition(fp, *(const u8 *)buf);
		if (err == -EPERM)
			return STATUS_CANNOT_DELETE;
		break;
	case FILE_DISPOSITION_INFORMATION_EX:
		if (len < 4)
			return STATUS_INFO_LENGTH_MISMATCH;
		err = set_disposition(fp, get_unaligned_le32(buf) &
				      FILE_DISPOSITION_DELETE);
		if (err == -EPERM)
			return STATUS_CANNOT_DELETE;
		break;
	case FILE_RENAME_INFORMATION:
		return set_name(work, fp, buf, len, false);
	case FILE_LINK_INFORMATION:
		return set_name(work, fp, buf, len, true);
	case FILE_POSITION_INFORMATION:
		if (len < 8)
			return STATUS_INFO_LENGTH_MISMATCH;
		mutex_lock(&fp->lock);
		fp->pos = get_unaligned_le64(buf);
		mutex_unlock(&fp->lock);
		return STATUS_SUCCESS;
	case FILE_MODE_INFORMATION: {
		u32 mode;

		if (len < 4)
			return STATUS_INFO_LENGTH_MISMATCH;
		mode = get_unaligned_le32(buf);
		if (mode & ~FILE_MODE_VALID)
			return STATUS_INVALID_PARAMETER;
		mutex_lock(&fp->lock);
		fp->mode = mode;
		mutex_unlock(&fp->lock);
		return STATUS_SUCCESS;
	}
	case FILE_FULL_EA_INFORMATION:
		return set_eas(fp, buf, len);
	default:
		return STATUS_INVALID_INFO_CLASS;
	}
	return err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
}

/* SMB2_0_INFO_SECURITY ([MS-SMB2] 3.3.5.21.3, [MS-FSA] 2.1.5.17). */
static __le32 set_security(struct ksmbd_file *fp, u32 secinfo,
			   const void *buf, u32 len)
{
	int err;

	if ((secinfo & KSMBD_SACL_SECINFO) &&
	    !has(fp, FILE_ACCESS_SYSTEM_SECURITY_LE))
		return STATUS_ACCESS_DENIED;
	if ((secinfo & KSMBD_DACL_SECINFO) && !has(fp, FILE_WRITE_DAC_LE))
		return STATUS_ACCESS_DENIED;
	if ((secinfo & (KSMBD_OWNER_SECINFO | KSMBD_GROUP_SECINFO |
			KSMBD_LABEL_SECINFO)) &&
	    !has(fp, FILE_WRITE_OWNER_LE))
		return STATUS_ACCESS_DENIED;
	err = ksmbd_sd_set(&fp->filp->f_path, secinfo, buf, len);
	if (err)
		return ksmbd_sd_status(err) ?: ksmbd_vfs_status(err);
	return STATUS_SUCCESS;
}

__le32 smb2_set_info(struct ksmbd_work *work)
{
	const struct smb2_set_info_req *req = ksmbd_req(work);
	u32 len = le32_to_cpu(req->BufferLength);
	struct smb2_set_info_rsp *rsp;
	struct ksmbd_file *fp;
	const struct cred *old;
	const void *buf;
	__le32 st;

	buf = ksmbd_req_buf(work, le16_to_cpu(req->BufferOffset), len);
	if (!buf)
		return STATUS_INVALID_PARAMETER;
	fp = ksmbd_req_file(work, req->PersistentFileId, req->VolatileFileId);
	if (!fp)
		return STATUS_FILE_CLOSED;

	switch (req->InfoType) {
	case SMB2_O_INFO_FILE:
		old = ksmbd_vfs_override_creds(work);
		if (!old) {
			st = STATUS_NO_MEMORY;
			break;
		}
		st = set_file(work, fp, req->FileInfoClass, buf, len);
		ksmbd_vfs_revert_creds(old);
		break;
	case SMB2_O_INFO_FILESYSTEM:
		st = STATUS_ACCESS_DENIED;
		break;
	case SMB2_O_INFO_SECURITY:
		st = set_security(fp, le32_to_cpu(req->AdditionalInformation),
				  buf, len);
		break;
	default:
		st = STATUS_NOT_SUPPORTED;
	}
	if (!st) {
		rsp = ksmbd_rsp_struct(work, struct smb2_set_info_rsp);
		if (rsp)
			rsp->StructureSize = cpu_to_le16(2);
		else
			st = STATUS_NO_MEMORY;
	}
	ksmbd_file_put(fp);
	return st;
}
