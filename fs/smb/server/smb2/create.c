// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 CREATE ([MS-SMB2] 3.3.5.9, [MS-FSA] 2.1.5.1): name -> path beneath
 * the share root, disposition, access and sharing checks, the open-file
 * table entry, MxAc / QFid create contexts.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dispatch.h"
#include "pipe.h"
#include "../work.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../vfs/fid.h"
#include "../vfs/oplock.h"
#include "../vfs/name.h"
#include "../vfs/path.h"
#include "../vfs/info.h"
#include "../vfs/cctx.h"
#include "../vfs/alloc.h"
#include "../vfs/dosattr.h"
#include "../vfs/stream.h"
#include "../vfs/ea.h"
#include "../vfs/smb2_util.h"
#include "../vfs/notify.h"
#include "../vfs/sd.h"
#include "../vfs/posix.h"
#include "../conn.h"

/* FILE_* CreateAction values ([MS-SMB2] 2.2.14) */
#define FILE_SUPERSEDED		0
#define FILE_OPENED		1
#define FILE_CREATED		2
#define FILE_OVERWRITTEN	3

#define SMB2_CREATE_DISPOSITION_MAX	5

/* access bits that change something */
#define WRITE_ACCESS	(FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE |	\
			 FILE_WRITE_EA_LE | FILE_WRITE_ATTRIBUTES_LE |	\
			 FILE_DELETE_LE | FILE_WRITE_DAC_LE |		\
			 FILE_WRITE_OWNER_LE | FILE_DELETE_CHILD_LE)

struct create_args {
	bool mxac;		/* MxAc requested */
	bool qfid;		/* QFid requested */
	const void *eas;	/* ExtA: a checked FILE_FULL_EA_INFORMATION list */
	u32 eas_len;
	const void *sd;		/* SecD: a checked self-relative descriptor */
	u32 sd_len;
	bool has_alloc;		/* AlSi: AllocationSize given */
	u64 alloc;
	bool posix;		/* POSIX create context ([POSIX-SMB2]) */
	umode_t posix_mode;	/* its mode for a new file (07777) */
	bool posix_short;	/* ... without its 4-byte mode */
	bool bad;		/* a context we must refuse */
	__le32 bad_status;
};

static int ea_check(void *arg, const struct ksmbd_ea *ea)
{
	return 0;
}

static int ea_apply(void *arg, const struct ksmbd_ea *ea)
{
	const struct path *p = arg;

	return ksmbd_ea_set(mnt_user_ns(p->mnt), p->dentry, ea);
}

static int create_ctx_fn(void *arg, const struct ksmbd_cctx *c)
{
	struct create_args *a = arg;

	if (c->name_len == KSMBD_POSIX_TAG_LEN &&
	    !memcmp(c->name, ksmbd_posix_tag, KSMBD_POSIX_TAG_LEN)) {
		/*
		 * the mode of a new file; only a connection that negotiated
		 * POSIX reads it (elsewhere it is an unknown context)
		 */
		a->posix = true;
		a->posix_short = c->data_len < 4;
		if (!a->posix_short)
			a->posix_mode = get_unaligned_le32(c->data) & 07777;
		return 0;
	}
	if (c->name_len != 4)
		return 0;	/* other GUID-named contexts: ignored */
	if (!memcmp(c->name, SMB2_CREATE_QUERY_MAXIMAL_ACCESS_REQUEST, 4)) {
		/* optional 8-byte timestamp; anything else is malformed */
		if (c->data_len && c->data_len != 8)
			return -EINVAL;
		a->mxac = true;
	} else if (!memcmp(c->name, SMB2_CREATE_QUERY_ON_DISK_ID, 4)) {
		a->qfid = true;
	} else if (!memcmp(c->name, SMB2_CREATE_EA_BUFFER, 4)) {
		int err = ksmbd_ea_walk(c->data, c->data_len, ea_check, NULL);

		if (err) {
			a->bad = true;
			a->bad_status = err == -EILSEQ ?
					STATUS_INVALID_EA_NAME :
					STATUS_EA_LIST_INCONSISTENT;
		}
		a->eas = c->data;
		a->eas_len = c->data_len;
	} else if (!memcmp(c->name, SMB2_CREATE_SD_BUFFER, 4)) {
		int err = ksmbd_sd_check(c->data, c->data_len);

		if (err) {
			a->bad = true;
			a->bad_status = ksmbd_sd_status(err);
		}
		a->sd = c->data;
		a->sd_len = c->data_len;
	} else if (!memcmp(c->name, SMB2_CREATE_ALLOCATION_SIZE, 4)) {
		if (ksmbd_cctx_alloc_size(c, &a->alloc))
			return -EINVAL;
		a->has_alloc = true;
	} else if (!memcmp(c->name, SMB2_CREATE_TIMEWARP_REQUEST, 4)) {
		a->bad = true;	/* no snapshots are offered */
		a->bad_status = STATUS_OBJECT_NAME_NOT_FOUND;
	}
	return 0;
}

/* What the user may do with inode (parent: its directory, or NULL). */
static __le32 maximal_access(struct ksmbd_work *work, const struct path *p,
			     struct dentry *parent)
{
	struct user_namespace *ns = mnt_user_ns(p->mnt);
	struct inode *inode = d_inode(p->dentry);
	bool writable = work->tcon->writable;
	__le32 a = FILE_READ_ATTRIBUTES_LE | FILE_READ_CONTROL_LE |
		   FILE_SYNCHRONIZE_LE;

	/* a client may "execute" what it can read: it runs it itself */
	if (!inode_permission(ns, inode, MAY_READ))
		a |= FILE_READ_DATA_LE | FILE_READ_EA_LE | FILE_EXECUTE_LE;
	if (!inode_permission(ns, inode, MAY_EXEC))
		a |= FILE_EXECUTE_LE;
	/*
	 * FILE_DELETE_CHILD means nothing for a file, but FILE_ALL_ACCESS
	 * (0x1f01ff) carries it: a writer of a file is granted it too, else
	 * a second FILE_ALL_ACCESS open of a file would be refused.
	 */
	if (writable && !inode_permission(ns, inode, MAY_WRITE))
		a |= FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE |
		     FILE_WRITE_EA_LE | FILE_WRITE_ATTRIBUTES_LE |
		     FILE_DELETE_CHILD_LE;
	if (writable && inode_owner_or_capable(ns, inode))
		a |= FILE_WRITE_ATTRIBUTES_LE | FILE_WRITE_DAC_LE |
		     FILE_WRITE_OWNER_LE;
	if (writable && parent &&
	    !inode_permission(ns, d_inode(parent), MAY_WRITE | MAY_EXEC))
		a |= FILE_DELETE_LE;
	return a;
}

static int open_flags(__le32 access, bool dir)
{
	bool r = access & (FILE_READ_DATA_LE | FILE_EXECUTE_LE |
			   FILE_READ_EA_LE);
	bool w = access & (FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE);

	if (dir)
		return O_RDONLY | O_DIRECTORY | O_LARGEFILE;
	if (w && r)
		return O_RDWR | O_LARGEFILE;
	if (w)
		return O_WRONLY | O_LARGEFILE;
	return O_RDONLY | O_LARGEFILE;
}

static __le32 check_veto(struct ksmbd_work *work, const char *path)
{
	const struct ksmbd_share *share = work->tcon->share;
	char buf[KSMBD_NAME_COMPONENT_MAX * 3 + 1];
	const char *s = path;

	if (!share->nr_veto)
		return STATUS_SUCCESS;
	while (*s) {
		const char *e = strchrnul(s, '/');
		size_t n = e - s;

		if (n < sizeof(buf)) {
			memcpy(buf, s, n);
			buf[n] = '\0';
			if (ksmbd_share_veto(share, buf))
				return STATUS_OBJECT_NAME_NOT_FOUND;
		}
		s = *e ? e + 1 : e;
	}
	return STATUS_SUCCESS;
}

static umode_t new_mode(const struct ksmbd_share *share, bool dir, u32 attrs,
			bool store_dos, const struct create_args *ca)
{
	umode_t m;

	/*
	 * A POSIX open gives the mode itself (the client applied its umask):
	 * the share's masks and forced bits apply to it as they do to the
	 * mode made from DOS attributes, a mask of 0 meaning none.
	 */
	if (ca->posix) {
		u16 mask = dir ? share->directory_mask : share->create_mask;

		m = ca->posix_mode & (mask ? mask : 07777);
		return m | ((dir ? share->force_directory_mode :
				   share->force_create_mode) & 07777);
	}
	if (dir) {
		m = 0777 & (share->directory_mask ? share->directory_mask :
			    0777);
		m |= share->force_directory_mode & 07777;
	} else {
		m = 0666 & (share->create_mask ? share->create_mask : 0777);
		m |= share->force_create_mode & 07777;
		/*
		 * READONLY lives in user.DOSATTRIB where the share keeps DOS
		 * attributes (enforced on open, and cleared again through
		 * FileBasicInformation): the mode keeps its write bits, or
		 * the file could not be opened for writing once cleared.
		 */
		if ((attrs & FILE_ATTRIBUTE_READONLY) && !store_dos)
			m &= ~0222;
	}
	return m;
}

/* After creating or overwriting: store the client's attributes. */
static void store_attrs(struct ksmbd_work *work, const struct path *p,
			u32 attrs, bool created)
{
	struct ksmbd_dosattr da = {};
	struct ksmbd_stat ks;

	if (!ksmbd_share_store_dos(work))
		return;
	if (ksmbd_vfs_stat(p, false, &ks))
		return;
	/*
	 * What CREATE may set ([MS-FSA] 2.1.5.1.1; smb2.create.gentest):
	 * sparse, compressed, reparse point and the like come from their
	 * own FSCTLs, not from the create's FileAttributes.
	 */
	da.attrs = attrs & (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN |
			    FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_ARCHIVE |
			    FILE_ATTRIBUTE_TEMPORARY | FILE_ATTRIBUTE_OFFLINE |
			    FILE_ATTRIBUTE_NOT_CONTENT_INDEXED);
	if (S_ISDIR(ks.st.mode))
		da.attrs |= FILE_ATTRIBUTE_DIRECTORY;
	else
		da.attrs |= FILE_ATTRIBUTE_ARCHIVE;
	da.create_time = created ? ksmbd_time_to_nt(ks.st.ctime) :
				   ks.create_time;
	/* a new file's attributes are part of its creation for CHANGE_NOTIFY */
	if (created)
		ksmbd_notify_begin(0);
	ksmbd_dosattr_set(mnt_user_ns(p->mnt), p->dentry, &da);
	if (created)
		ksmbd_notify_end();
}

/* CreateAction when the disposition meets an existing file or stream. */
static u32 existing_action(__le32 disp)
{
	switch (disp) {
	case FILE_OVERWRITE_LE:
	case FILE_OVERWRITE_IF_LE:
		return FILE_OVERWRITTEN;
	case FILE_SUPERSEDE_LE:
		return FILE_SUPERSEDED;
	}
	return FILE_OPENED;
}

struct create_state {
	struct path path;	/* the file, referenced */
	struct dentry *parent;	/* referenced, or NULL for the root */
	u32 action;
	bool created;		/* the file (the base of a stream) is new */
	char *xname;		/* a named stream's xattr, or NULL */
	bool stream_exists;
	u8 oplock;		/* granted SMB2_OPLOCK_LEVEL_* */
};

/*
 * Resolve (and create) the target per disposition. On success cs->path
 * is set. Runs as the session user.
 */
static __le32 create_resolve(struct ksmbd_work *work,
			     const struct smb2_create_req *req, __le32 disp,
			     bool want_dir, const struct ksmbd_name *name,
			     const struct create_args *ca,
			     struct create_state *cs)
{
	const struct ksmbd_share *share = work->tcon->share;
	struct path parent;
	struct dentry *child;
	int err;

	if (!*name->path) {
		/* the share root */
		if (disp != FILE_OPEN_LE && disp != FILE_OPEN_IF_LE)
			return STATUS_ACCESS_DENIED;
		cs->path = share->root;
		path_get(&cs->path);
		cs->action = FILE_OPENED;
		return STATUS_SUCCESS;
	}

	/* a POSIX open is case-sensitive */
	err = ca->posix ?
	      ksmbd_vfs_lookup_locked_exact(&share->root, name->path, &parent,
					    &child) :
	      ksmbd_vfs_lookup_locked(&share->root, name->path, &parent,
				      &child);
	if (err) {
		if (err == -ENOENT || err == -ENOTDIR)
			return STATUS_OBJECT_PATH_NOT_FOUND;
		return ksmbd_vfs_status(err);
	}

	if (d_really_is_positive(child)) {
		if (d_is_symlink(child)) {
			err = -ELOOP;
			goto out;
		}
		if (disp == FILE_CREATE_LE) {
			err = -EEXIST;
			goto out;
		}
		cs->action = existing_action(disp);
	} else {
		umode_t mode;

		if (disp == FILE_OPEN_LE || disp == FILE_OVERWRITE_LE) {
			err = -ENOENT;
			goto out;
		}
		/* no EFS here: an encrypted file cannot be made (gentest) */
		if (!work->tcon->writable ||
		    (req->FileAttributes & FILE_ATTRIBUTE_ENCRYPTED_LE)) {
			err = -EACCES;
			goto out;
		}
		/* [MS-FSA] 2.1.5.1.1: a new read-only file cannot be deleted */
		if ((req->CreateOptions & FILE_DELETE_ON_CLOSE_LE) &&
		    (req->FileAttributes & FILE_ATTRIBUTE_READONLY_LE) &&
		    !want_dir) {
			ksmbd_vfs_unlock_parent(&parent, child);
			return STATUS_CANNOT_DELETE;
		}
		mode = new_mode(share, want_dir,
				le32_to_cpu(req->FileAttributes),
				ksmbd_share_store_dos(work), ca);
		if (want_dir)
			err = vfs_mkdir(mnt_user_ns(parent.mnt),
					d_inode(parent.dentry), child, mode);
		else
			err = vfs_create(mnt_user_ns(parent.mnt),
					 d_inode(parent.dentry), child,
					 mode | S_IFREG, true);
		if (err)
			goto out;
		if (d_really_is_negative(child) || d_unhashed(child)) {
			/*
			 * Some filesystems (hostfs, network ones) leave ours
			 * negative or instantiate another: drop it and look the
			 * name up again, still under the parent's lock.
			 */
			struct dentry *d;

			d_drop(child);
			d = lookup_one(mnt_user_ns(parent.mnt),
				       child->d_name.name, parent.dentry,
				       child->d_name.len);
			if (IS_ERR(d)) {
				err = PTR_ERR(d);
				goto out;
			}
			dput(child);
			child = d;
			if (d_really_is_negative(child)) {
				err = -ENOENT;
				goto out;
			}
		}
		cs->action = FILE_CREATED;
		cs->created = true;
	}
	cs->path.mnt = mntget(parent.mnt);
	cs->path.dentry = dget(child);
	cs->parent = dget(parent.dentry);
out:
	ksmbd_vfs_unlock_parent(&parent, child);
	return err ? ksmbd_vfs_status(err) : STATUS_SUCCESS;
}

/* The named stream of the resolved base file, per the disposition. */
static __le32 stream_resolve(struct ksmbd_work *work, __le32 disp,
			     const struct ksmbd_name *name,
			     struct create_state *cs)
{
	int err = ksmbd_stream_find(cs->path.dentry, name->stream, &cs->xname);

	if (err == -ENOENT) {
		if (disp == FILE_OPEN_LE || disp == FILE_OVERWRITE_LE)
			return STATUS_OBJECT_NAME_NOT_FOUND;
		if (!work->tcon->writable)
			return STATUS_ACCESS_DENIED;
		cs->xname = ksmbd_stream_xattr(name->stream);
		if (!cs->xname)
			return STATUS_NO_MEMORY;
		cs->action = FILE_CREATED;
		return STATUS_SUCCESS;
	}
	if (err)
		return ksmbd_vfs_status(err);
	cs->stream_exists = true;
	if (disp == FILE_CREATE_LE)
		return STATUS_OBJECT_NAME_COLLISION;
	cs->action = existing_action(disp);
	return STATUS_SUCCESS;
}

/*
 * [MS-FSA] 2.1.5.1.2: overwriting or superseding a file that is HIDDEN or
 * SYSTEM must ask for that attribute again (CreateFile's CREATE_ALWAYS
 * rule; smb2.openattr), or it is ACCESS_DENIED. The HIDDEN that "hide dot
 * files" shows is the share's view, not the file's, and is not asked for:
 * a Linux client truncating a dot file names no attributes. Nor can an
 * overwrite make the file ENCRYPTED: there is no EFS here.
 */
static bool overwrite_attrs_match(const struct path *p, u32 want)
{
	struct ksmbd_stat ks;

	if (ksmbd_vfs_stat(p, false, &ks))
		return true;	/* the open itself meets the error */
	if (want & FILE_ATTRIBUTE_ENCRYPTED)
		return false;	/* no EFS here */
	return !(ks.attrs & ~want &
		 (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM));
}

static __le32 check_access(struct ksmbd_work *work, struct create_state *cs,
			   __le32 *access, const struct ksmbd_stat *ks,
			   __le32 coptions)
{
	struct inode *inode = d_inode(cs->path.dentry);
	bool dir = S_ISDIR(inode->i_mode);
	__le32 max = maximal_access(work, &cs->path, cs->parent);
	__le32 want = *access;
	/* asked for explicitly, and the privilege was checked */
	__le32 sacl = want & FILE_ACCESS_SYSTEM_SECURITY_LE;

	if (want & FILE_MAXIMAL_ACCESS_LE)
		want = (want & ~FILE_MAXIMAL_ACCESS_LE) | max;
	want &= ~FILE_ACCESS_SYSTEM_SECURITY_LE;
	if (!work->tcon->writable && (want & WRITE_ACCESS) &&
	    !(*access & FILE_MAXIMAL_ACCESS_LE))
		return STATUS_ACCESS_DENIED;
	if (*access & FILE_MAXIMAL_ACCESS_LE)
		want &= max;
	if ((ks->attrs & FILE_ATTRIBUTE_READONLY) && !dir &&
	    (want & (FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE)))
		return STATUS_ACCESS_DENIED;
	if ((coptions & FILE_DELETE_ON_CLOSE_LE) &&
	    (ks->attrs & FILE_ATTRIBUTE_READONLY))
		return STATUS_CANNOT_DELETE;
	/* the creator of a new file gets what it asked for */
	if (!cs->created && (want & ~max))
		return STATUS_ACCESS_DENIED;
	*access = want | sacl;
	return STATUS_SUCCESS;
}

/* Chain the response context just appended at p (sz bytes). */
static void ctx_link(struct ksmbd_work *work, u8 *p, u32 sz, u8 **last,
		     u32 *used)
{
	struct smb2_create_rsp *rsp = (void *)ksmbd_rsp_hdr(work);

	if (*last)
		put_unaligned_le32(p - *last, *last);	/* its Next */
	else
		rsp->CreateContextsOffset =
			cpu_to_le32(ksmbd_rsp_offset(work, p));
	*last = p;
	*used += sz;
}

static __le32 create_reply(struct ksmbd_work *work, struct ksmbd_file *fp,
			   const struct create_state *cs,
			   const struct ksmbd_stat *ks,
			   const struct create_args *ca, __le32 maxacc)
{
	struct smb2_create_rsp *rsp;
	u32 used = 0, room;
	u8 *p, *last = NULL;

	rsp = ksmbd_rsp_struct(work, struct smb2_create_rsp);
	if (!rsp)
		return STATUS_NO_MEMORY;
	rsp->StructureSize = cpu_to_le16(89);
	rsp->OplockLevel = cs->oplock;
	rsp->CreateAction = cpu_to_le32(cs->action);
	rsp->CreationTime = cpu_to_le64(ks->create_time);
	rsp->LastAccessTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.atime));
	rsp->LastWriteTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.mtime));
	rsp->ChangeTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.ctime));
	rsp->AllocationSize = cpu_to_le64(ksmbd_alloc_hinted(&ks->st,
							     ks->alloc_hint));
	rsp->EndofFile = cpu_to_le64(ksmbd_end_of_file(&ks->st));
	rsp->FileAttributes = cpu_to_le32(ks->attrs);
	rsp->PersistentFileId = fp->persistent_id;
	rsp->VolatileFileId = fp->volatile_id;

	if (ca->mxac) {
		__le32 d[2] = { STATUS_SUCCESS, maxacc };
		u32 sz = ALIGN(16 + 8 + sizeof(d), 8);

		room = ksmbd_rsp_room(work);
		p = ksmbd_rsp_append(work, sz);
		if (!p || !ksmbd_cctx_put(p, room, "MxAc", d, sizeof(d)))
			return STATUS_NO_MEMORY;
		ctx_link(work, p, sz, &last, &used);
	}
	if (ca->qfid) {
		u8 d[32] = {};
		u32 sz = ALIGN(16 + 8 + sizeof(d), 8);

		put_unaligned_le64(ks->st.ino, d);
		put_unaligned_le64(ks->st.dev, d + 8);
		room = ksmbd_rsp_room(work);
		p = ksmbd_rsp_append(work, sz);
		if (!p || !ksmbd_cctx_put(p, room, "QFid", d, sizeof(d)))
			return STATUS_NO_MEMORY;
		ctx_link(work, p, sz, &last, &used);
	}
	if (ca->posix) {
		u8 d[KSMBD_POSIX_CCTX_MAX];
		int sz = ksmbd_posix_cctx_put(d, sizeof(d), ks);

		p = sz > 0 ? ksmbd_rsp_append(work, sz) : NULL;
		if (!p)
			return STATUS_NO_MEMORY;
		memcpy(p, d, sz);
		ctx_link(work, p, sz, &last, &used);
	}
	rsp = (struct smb2_create_rsp *)ksmbd_rsp_hdr(work);
	rsp->CreateContextsLength = cpu_to_le32(used);
	if (!used && !ksmbd_rsp_append(work, 1))	/* odd StructureSize */
		return STATUS_NO_MEMORY;
	return STATUS_SUCCESS;
}

__le32 smb2_create(struct ksmbd_work *work)
{
	const struct smb2_create_req *req = ksmbd_req(work);
	struct create_state cs = {};
	struct create_args ca = {};
	struct ksmbd_name name;
	struct ksmbd_file *fp;
	struct ksmbd_stat ks;
	const struct cred *old;
	const void *nbuf, *cbuf;
	__le32 access, coptions = req->CreateOptions, st, maxacc, disp;
	u32 nlen = le16_to_cpu(req->NameLength);
	u32 clen = le32_to_cpu(req->CreateContextsLength);
	struct file *filp;
	bool dir;
	int err;

	if (work->tcon->share->is_pipe)
		return ksmbd_pipe_create(work);

	if (le32_to_cpu(req->ImpersonationLevel) >
	    le32_to_cpu(IL_DELEGATE))
		return STATUS_BAD_IMPERSONATION_LEVEL;
	/* reserved access bits first (smbtorture smb2.create.gentest) */
	if (req->DesiredAccess & ~DESIRED_ACCESS_MASK)
		return STATUS_ACCESS_DENIED;
	if (le32_to_cpu(req->CreateDisposition) > SMB2_CREATE_DISPOSITION_MAX ||
	    (coptions & ~CREATE_OPTIONS_MASK_LE) ||
	    ((coptions & FILE_DIRECTORY_FILE_LE) &&
	     (coptions & FILE_NON_DIRECTORY_FILE_LE)) ||
	    (req->FileAttributes & ~FILE_ATTRIBUTE_MASK_LE))
		return STATUS_INVALID_PARAMETER;
	if ((coptions & FILE_DELETE_ON_CLOSE_LE) &&
	    !(ksmbd_map_generic(req->DesiredAccess) &
	      (FILE_DELETE_LE | FILE_MAXIMAL_ACCESS_LE)))
		return STATUS_INVALID_PARAMETER;
	/*
	 * open by id, CREATE_TREE_CONNECTION (0x80), RESERVE_OPFILTER
	 * (0x100000): NOT_SUPPORTED, as Windows (smb2.create.gentest)
	 */
	if (coptions & (FILE_OPEN_BY_FILE_ID_LE | cpu_to_le32(0x00100080)))
		return STATUS_NOT_SUPPORTED;
	/* the session's limit of opens, before anything is made (vfs/fid.h) */
	if (ksmbd_fid_table_full(work->sess))
		return STATUS_TOO_MANY_OPENED_FILES;

	nbuf = ksmbd_req_buf(work, le16_to_cpu(req->NameOffset), nlen);
	if (!nbuf)
		return STATUS_INVALID_PARAMETER;
	if (clen) {
		cbuf = ksmbd_req_buf(work, le32_to_cpu(req->CreateContextsOffset),
				     clen);
		if (!cbuf || ksmbd_cctx_walk(cbuf, clen, create_ctx_fn, &ca))
			return STATUS_INVALID_PARAMETER;
		if (ca.bad)
			return ca.bad_status;
	}
	/* a POSIX open needs the extensions negotiated, else it is plain */
	if (!work->conn->posix_ext)
		ca.posix = false;
	else if (ca.posix && ca.posix_short)
		return STATUS_INVALID_PARAMETER;

	/* POSIX names: ':' is a character, not a stream separator */
	st = ca.posix ? ksmbd_name_parse_posix(nbuf, nlen, &name) :
			ksmbd_name_parse(nbuf, nlen, true, &name);
	if (st)
		return st;
	if (name.stream && !ksmbd_share_streams(work)) {
		st = STATUS_OBJECT_NAME_INVALID;
		goto out_name;
	}
	if (name.stream_sep && (coptions & FILE_DIRECTORY_FILE_LE)) {
		/* a stream, even "::$DATA", is not a directory */
		st = STATUS_NOT_A_DIRECTORY;
		goto out_name;
	}
	st = check_veto(work, name.path);
	if (st)
		goto out_name;

	old = ksmbd_vfs_override_creds(work);
	if (!old) {
		st = STATUS_NO_MEMORY;
		goto out_name;
	}
	/*
	 * ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege ([MS-FSA]
	 * 2.1.5.1): here the server's root user has it, nobody else.
	 */
	if ((req->DesiredAccess & FILE_ACCESS_SYSTEM_SECURITY_LE) &&
	    !capable(CAP_SYS_ADMIN)) {
		st = STATUS_PRIVILEGE_NOT_HELD;
		goto out_creds;
	}

	disp = req->CreateDisposition;
	if (name.stream)	/* the base file is opened, or made if need be */
		disp = disp == FILE_OPEN_LE || disp == FILE_OVERWRITE_LE ?
		       FILE_OPEN_LE : FILE_OPEN_IF_LE;
	st = create_resolve(work, req, disp,
			    !name.stream && (coptions & FILE_DIRECTORY_FILE_LE),
			    &name, &ca, &cs);
	if (st)
		goto out_creds;

	dir = d_is_dir(cs.path.dentry);
	if (!dir && !d_is_reg(cs.path.dentry)) {
		st = STATUS_ACCESS_DENIED;	/* fifos, devices, sockets */
		goto out_path;
	}
	if (name.stream) {
		st = stream_resolve(work, req->CreateDisposition, &name, &cs);
		if (st)
			goto out_path;
	} else if (dir && ((coptions & FILE_NON_DIRECTORY_FILE_LE) ||
			   name.stream_sep)) {
		/* "dir::$DATA": a directory has no data stream */
		st = STATUS_FILE_IS_A_DIRECTORY;
		goto out_path;
	} else if (!dir && ((coptions & FILE_DIRECTORY_FILE_LE) ||
			    name.trailing_sep)) {
		st = name.trailing_sep ? STATUS_OBJECT_NAME_INVALID :
					 STATUS_NOT_A_DIRECTORY;
		goto out_path;
	} else if (dir && cs.action != FILE_OPENED &&
		   cs.action != FILE_CREATED) {
		st = STATUS_INVALID_PARAMETER;	/* overwrite a directory */
		goto out_path;
	}

	err = ksmbd_vfs_stat(&cs.path, ksmbd_share_hide_dot(work), &ks);
	if (err) {
		st = ksmbd_vfs_status(err);
		goto out_path;
	}
	if (!dir && !name.stream && (cs.action == FILE_OVERWRITTEN ||
				     cs.action == FILE_SUPERSEDED) &&
	    !overwrite_attrs_match(&cs.path,
				   le32_to_cpu(req->FileAttributes))) {
		st = STATUS_ACCESS_DENIED;
		goto out_path;
	}
	access = ksmbd_map_generic(req->DesiredAccess);
	maxacc = maximal_access(work, &cs.path, cs.parent);
	st = check_access(work, &cs, &access, &ks, coptions);
	if (st)
		goto out_path;
	if ((coptions & FILE_DELETE_ON_CLOSE_LE) && !(access & FILE_DELETE_LE)) {
		st = STATUS_ACCESS_DENIED;
		goto out_path;
	}

	filp = dentry_open(&cs.path, open_flags(access, dir), current_cred());
	if (IS_ERR(filp)) {
		st = ksmbd_vfs_status(PTR_ERR(filp));
		goto out_path;
	}
	if (ksmbd_oplock_break_for_open(work, file_inode(filp), cs.xname,
					access, req->ShareAccess,
					cs.action == FILE_OVERWRITTEN ||
					cs.action == FILE_SUPERSEDED)) {
		fput(filp);
		st = STATUS_CONNECTION_DISCONNECTED;
		goto out_path;
	}
	fp = ksmbd_file_open(work, filp, access, req->ShareAccess, coptions,
			     cs.xname);
	if (IS_ERR(fp)) {
		st = ksmbd_vfs_status(PTR_ERR(fp));
		goto out_path;
	}

	err = 0;
	if (cs.xname && !cs.stream_exists)
		err = ksmbd_stream_create(fp->filp, cs.xname);
	else if (cs.xname && cs.action != FILE_OPENED)
		err = ksmbd_stream_truncate(fp->filp, cs.xname, 0);
	else if (cs.action == FILE_OVERWRITTEN || cs.action == FILE_SUPERSEDED)
		err = vfs_truncate(&cs.path, 0);
	if (err) {
		ksmbd_file_abort(fp);
		st = err == -EEXIST ? STATUS_OBJECT_NAME_COLLISION :
				      ksmbd_vfs_status(err);
		goto out_path;
	}
	if (cs.xname ? cs.created : cs.action != FILE_OPENED)
		store_attrs(work, &cs.path, le32_to_cpu(req->FileAttributes),
			    cs.created);
	if (ca.eas && cs.action != FILE_OPENED) {
		err = ksmbd_ea_walk(ca.eas, ca.eas_len, ea_apply, &cs.path);
		if (err) {
			ksmbd_file_abort(fp);
			st = ksmbd_vfs_status(err);
			goto out_path;
		}
	}
	if (cs.created) {
		/* the SecD descriptor, or what the new file inherits */
		err = ksmbd_sd_create(&cs.path, cs.parent, ca.sd, ca.sd_len);
		if (err && ca.sd) {
			ksmbd_file_abort(fp);
			st = ksmbd_sd_status(err) ?: ksmbd_vfs_status(err);
			goto out_path;
		}
	}
	/*
	 * [MS-FSA] 2.1.5.1: the AllocationSize of a file made or
	 * overwritten is reserved as FileAllocationInformation does, through
	 * an open that may write (smb2.create.blob); a directory, a stream
	 * or an open of an existing file ignores it.
	 */
	if (ca.has_alloc && ca.alloc && !dir && !cs.xname &&
	    cs.action != FILE_OPENED && (fp->filp->f_mode & FMODE_WRITE)) {
		err = ksmbd_vfs_set_alloc(fp, ca.alloc);
		if (err) {
			ksmbd_file_abort(fp);
			/* too large to reserve: no room (-EFBIG maps so too) */
			st = err == -EINVAL ? STATUS_DISK_FULL :
			     ksmbd_vfs_status(err);
			goto out_path;
		}
	}
	if (cs.action != FILE_OPENED)
		ksmbd_vfs_stat(&cs.path, ksmbd_share_hide_dot(work), &ks);
	if (cs.xname)
		ksmbd_stream_stat(cs.path.dentry, cs.xname, &ks);
	else
		ks.alloc_hint = READ_ONCE(fp->ki->alloc_hint);

	err = ksmbd_fid_publish(fp);
	if (err) {
		ksmbd_file_abort(fp);
		st = err == -EMFILE ? STATUS_TOO_MANY_OPENED_FILES :
				      STATUS_INSUFFICIENT_RESOURCES;
		goto out_path;
	}
	ksmbd_work_set_fid(work, fp->persistent_id, fp->volatile_id);
	cs.oplock = ksmbd_oplock_grant(work, fp, req->RequestedOplockLevel);
	st = create_reply(work, fp, &cs, &ks, &ca, maxacc);
	if (st)
		ksmbd_fid_close(work, fp);
	ksmbd_file_put(fp);
	ksmbd_debug(VFS, "create %s action %u st %x\n", name.path, cs.action,
		    le32_to_cpu(st));
out_path:
	path_put(&cs.path);
	dput(cs.parent);
	kfree(cs.xname);
out_creds:
	ksmbd_vfs_revert_creds(old);
out_name:
	ksmbd_name_free(&name);
	return st;
}
