// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Open-file table of a session and per-inode shared state (see vfs/fid.h).
 */
#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hashtable.h>
#include <linux/lockdep.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "fid.h"
#include "lock.h"
#include "notify.h"
#include "stream.h"
#include "../server.h"
#include "../work.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../../common/smb2pdu.h"

/*
 * struct ksmbd_inode by inode pointer; guarded by ksmbd_inode_lock.
 * 4096 buckets: a session may hold ksmbd_cfg.file_max (10000 by default)
 * opens, most of them of distinct files.
 */
static DEFINE_HASHTABLE(ksmbd_inode_hash, 12);
static DEFINE_SPINLOCK(ksmbd_inode_lock);
/* Persistent ids are unique per server run. */
static atomic64_t ksmbd_next_pid = ATOMIC64_INIT(0);

static struct ksmbd_inode *ksmbd_inode_get(struct inode *inode)
{
	struct ksmbd_inode *ki, *n;

	spin_lock(&ksmbd_inode_lock);
	hash_for_each_possible(ksmbd_inode_hash, ki, hnode, (unsigned long)inode)
		if (ki->inode == inode && kref_get_unless_zero(&ki->kref))
			goto found;
	spin_unlock(&ksmbd_inode_lock);

	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return NULL;
	kref_init(&n->kref);
	n->inode = inode;
	mutex_init(&n->lock);
	INIT_LIST_HEAD(&n->opens);
	INIT_LIST_HEAD(&n->locks);
	init_waitqueue_head(&n->lock_wait);

	spin_lock(&ksmbd_inode_lock);
	hash_for_each_possible(ksmbd_inode_hash, ki, hnode, (unsigned long)inode)
		if (ki->inode == inode && kref_get_unless_zero(&ki->kref)) {
			spin_unlock(&ksmbd_inode_lock);
			kfree(n);
			return ki;
		}
	hash_add(ksmbd_inode_hash, &n->hnode, (unsigned long)inode);
	ki = n;
found:
	spin_unlock(&ksmbd_inode_lock);
	return ki;
}

static void ksmbd_inode_release(struct kref *kref)
	__releases(&ksmbd_inode_lock)
{
	struct ksmbd_inode *ki = container_of(kref, struct ksmbd_inode, kref);

	hash_del(&ki->hnode);
	spin_unlock(&ksmbd_inode_lock);
	kfree(ki);
}

static void ksmbd_inode_put(struct ksmbd_inode *ki)
{
	kref_put_lock(&ki->kref, ksmbd_inode_release, &ksmbd_inode_lock);
}

struct ksmbd_inode *ksmbd_inode_lookup(struct inode *inode)
{
	struct ksmbd_inode *ki;

	spin_lock(&ksmbd_inode_lock);
	hash_for_each_possible(ksmbd_inode_hash, ki, hnode, (unsigned long)inode)
		if (ki->inode == inode && kref_get_unless_zero(&ki->kref)) {
			spin_unlock(&ksmbd_inode_lock);
			return ki;
		}
	spin_unlock(&ksmbd_inode_lock);
	return NULL;
}

void ksmbd_inode_unref(struct ksmbd_inode *ki)
{
	ksmbd_inode_put(ki);
}

/* [MS-FSA] 2.1.5.1.2.1: access that takes part in sharing checks. */
#define DATA_READ	(FILE_READ_DATA_LE | FILE_EXECUTE_LE)
#define DATA_WRITE	(FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE)

static bool share_conflict(__le32 acc, __le32 share, __le32 oacc,
			   __le32 oshare)
{
	if ((acc & DATA_READ) && !(oshare & FILE_SHARE_READ_LE))
		return true;
	if ((acc & DATA_WRITE) && !(oshare & FILE_SHARE_WRITE_LE))
		return true;
	if ((acc & FILE_DELETE_LE) && !(oshare & FILE_SHARE_DELETE_LE))
		return true;
	if ((oacc & DATA_READ) && !(share & FILE_SHARE_READ_LE))
		return true;
	if ((oacc & DATA_WRITE) && !(share & FILE_SHARE_WRITE_LE))
		return true;
	if ((oacc & FILE_DELETE_LE) && !(share & FILE_SHARE_DELETE_LE))
		return true;
	return false;
}

bool ksmbd_share_conflict(__le32 acc, __le32 share, __le32 oacc,
			  __le32 oshare)
{
	const __le32 sharing = DATA_READ | DATA_WRITE | FILE_DELETE_LE;

	if (!(acc & sharing) || !(oacc & sharing))
		return false;
	return share_conflict(acc, share, oacc, oshare);
}

static bool same_stream(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcasecmp(a, b);
}

struct ksmbd_file *ksmbd_file_open(struct ksmbd_work *work, struct file *filp,
				   __le32 daccess, __le32 share_access,
				   __le32 coptions, const char *stream)
{
	const __le32 sharing = DATA_READ | DATA_WRITE | FILE_DELETE_LE;
	struct ksmbd_file *fp, *o;
	struct ksmbd_inode *ki;
	int err = -ENOMEM;

	fp = kzalloc(sizeof(*fp), GFP_KERNEL);
	if (!fp)
		goto err_put;
	if (stream) {
		err = -ENAMETOOLONG;
		if (strlen(stream) >= KSMBD_STREAM_BUF)
			goto err_free;
		err = -ENOMEM;
		fp->stream_buf = kzalloc(KSMBD_STREAM_BUF, GFP_KERNEL);
		if (!fp->stream_buf)
			goto err_free;
		strscpy(fp->stream_buf, stream, KSMBD_STREAM_BUF);
		fp->stream = fp->stream_buf;
	}
	ki = ksmbd_inode_get(file_inode(filp));
	if (!ki)
		goto err_free;
	kref_init(&fp->kref);
	mutex_init(&fp->lock);
	INIT_LIST_HEAD(&fp->ki_node);
	INIT_LIST_HEAD(&fp->watches);
	fp->sess = work->sess;
	fp->tcon = work->tcon;
	fp->filp = filp;
	fp->ki = ki;
	fp->daccess = daccess;
	fp->share_access = share_access;
	fp->coptions = coptions;
	/* a named stream of a directory is data, not a directory */
	fp->is_dir = S_ISDIR(file_inode(filp)->i_mode) && !stream;

	mutex_lock(&ki->lock);
	if (ki->delete_pending) {
		err = -ESTALE;	/* caller maps to STATUS_DELETE_PENDING */
		goto err_unlock;
	}
	if (daccess & sharing) {
		list_for_each_entry(o, &ki->opens, ki_node) {
			/*
			 * deleting the file deletes its streams: an open of
			 * any stream without FILE_SHARE_DELETE forbids it
			 */
			if (!fp->stream && o->stream &&
			    (daccess & FILE_DELETE_LE) &&
			    !(o->share_access & FILE_SHARE_DELETE_LE)) {
				err = -EBUSY;
				goto err_unlock;
			}
			if (!(o->daccess & sharing) ||
			    !same_stream(o->stream, fp->stream))
				continue;
			if (share_conflict(daccess, share_access, o->daccess,
					   o->share_access)) {
				err = -EBUSY;
				goto err_unlock;
			}
		}
	}
	if (coptions & FILE_DELETE_ON_CLOSE_LE)
		fp->delete_on_close = true;
	list_add_tail(&fp->ki_node, &ki->opens);
	mutex_unlock(&ki->lock);
	ksmbd_tree_get(fp->tcon);
	return fp;

err_unlock:
	mutex_unlock(&ki->lock);
	ksmbd_inode_put(ki);
err_free:
	kfree(fp->stream_buf);
	kfree(fp);
err_put:
	fput(filp);
	return ERR_PTR(err);
}

/* The highest volatile id a session may use: its limit of opens. */
static u32 fid_max(void)
{
	u32 max = READ_ONCE(ksmbd_cfg.file_max);

	return max ?: U32_MAX;
}

bool ksmbd_fid_table_full(struct ksmbd_session *sess)
{
	struct ksmbd_fid_table *t = sess->files;

	return t && READ_ONCE(t->count) >= fid_max();
}

int ksmbd_fid_publish(struct ksmbd_file *fp)
{
	struct ksmbd_fid_table *t = fp->sess->files;
	u32 id;
	int err;

	if (!t)
		return -ENOENT;
	fp->persistent_id = atomic64_inc_return(&ksmbd_next_pid);
	xa_lock(&t->xa);
	/* ids 1..limit: the lowest free one, so a full table has no room */
	err = __xa_alloc(&t->xa, &id, fp, XA_LIMIT(1, fid_max()), GFP_KERNEL);
	if (!err) {
		fp->volatile_id = id;
		fp->published = true;
		WRITE_ONCE(t->count, t->count + 1);
		kref_get(&fp->kref);	/* the table's */
	}
	xa_unlock(&t->xa);
	return err == -EBUSY ? -EMFILE : err;
}

/* Delete the file at last close (delete pending): as the deleter's creds. */
static void ksmbd_file_unlink(struct ksmbd_file *fp)
{
	struct dentry *d = fp->filp->f_path.dentry, *parent;
	struct user_namespace *mnt_userns = file_mnt_user_ns(fp->filp);
	const struct cred *old;
	struct inode *dir;
	int err;

	old = override_creds(fp->filp->f_cred);
	/*
	 * Our own reference: with only the open file's, d_delete() would
	 * turn the dentry negative under that file and drop the inode.
	 */
	dget(d);
	parent = dget_parent(d);
	dir = d_inode(parent);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	if (d->d_parent == parent && !d_unhashed(d) && d_really_is_positive(d)) {
		if (d_is_dir(d))
			err = vfs_rmdir(mnt_userns, dir, d);
		else
			err = vfs_unlink(mnt_userns, dir, d, NULL);
		if (err)
			pr_warn_ratelimited("delete on close failed: %d\n", err);
	}
	inode_unlock(dir);
	dput(parent);
	dput(d);
	revert_creds(old);
}

/*
 * fp, a delete-on-close open of a named stream, goes (under ki->lock):
 * another open of the same stream inherits the duty, else the stream
 * goes now.
 */
static void ksmbd_stream_release_delete(struct ksmbd_file *fp)
{
	struct ksmbd_file *o;
	int err;

	list_for_each_entry(o, &fp->ki->opens, ki_node) {
		if (same_stream(o->stream, fp->stream)) {
			o->delete_on_close = true;
			return;
		}
	}
	err = ksmbd_stream_remove(fp->filp, fp->stream);
	if (err && err != -ENODATA)
		pr_warn_ratelimited("stream delete on close failed: %d\n",
				    err);
}

static void ksmbd_file_release(struct kref *kref)
{
	struct ksmbd_file *fp = container_of(kref, struct ksmbd_file, kref);
	struct ksmbd_inode *ki = fp->ki;
	bool deleted = false;

	mutex_lock(&ki->lock);
	ksmbd_oplock_release(fp);
	list_del_init(&fp->ki_node);
	ksmbd_locks_release(fp);
	if (fp->delete_on_close && !fp->stream) {
		ki->delete_pending = true;
		if (fp->is_dir)
			ksmbd_notify_delete_pending(file_inode(fp->filp));
	}
	if (fp->delete_on_close && fp->stream)
		ksmbd_stream_release_delete(fp);
	if (list_empty(&ki->opens) && ki->delete_pending) {
		ksmbd_file_unlink(fp);
		ki->delete_pending = false;
		deleted = true;
	}
	mutex_unlock(&ki->lock);
	ksmbd_inode_put(ki);
	if (READ_ONCE(fp->renamed) && !deleted)
		ksmbd_notify_renamed_close(fp->filp->f_path.dentry);

	if (fp->dir_release)
		fp->dir_release(fp);
	fput(fp->filp);
	ksmbd_tree_put(fp->tcon);
	kfree(fp->stream_buf);
	kfree(fp);
}

void ksmbd_file_abort(struct ksmbd_file *fp)
{
	/* never published: nobody else can hold a reference */
	fp->delete_on_close = false;
	ksmbd_file_put(fp);
}

void ksmbd_file_put(struct ksmbd_file *fp)
{
	kref_put(&fp->kref, ksmbd_file_release);
}

static struct ksmbd_file *fid_lookup(struct ksmbd_work *work, u64 pfid,
				     u64 vfid, bool any_tree)
{
	struct ksmbd_fid_table *t = work->sess ? work->sess->files : NULL;
	struct ksmbd_file *fp;

	if (!t || vfid > U32_MAX)
		return NULL;
	xa_lock(&t->xa);
	fp = xa_load(&t->xa, vfid);
	if (fp && (fp->persistent_id != pfid ||
		   (!any_tree && fp->tcon != work->tcon) ||
		   !kref_get_unless_zero(&fp->kref)))
		fp = NULL;
	xa_unlock(&t->xa);
	return fp;
}

struct ksmbd_file *ksmbd_fid_lookup(struct ksmbd_work *work, u64 pfid,
				    u64 vfid)
{
	return fid_lookup(work, pfid, vfid, false);
}

struct ksmbd_file *ksmbd_fid_lookup_session(struct ksmbd_work *work,
					    u64 pfid, u64 vfid)
{
	return fid_lookup(work, pfid, vfid, true);
}

/* Remove fp from its table; true if this call removed it. */
static bool ksmbd_fid_unpublish(struct ksmbd_fid_table *t,
				struct ksmbd_file *fp)
{
	bool mine = false;

	xa_lock(&t->xa);
	if (fp->published) {
		__xa_erase(&t->xa, fp->volatile_id);
		fp->published = false;
		WRITE_ONCE(t->count, t->count - 1);
		mine = true;
	}
	xa_unlock(&t->xa);
	if (mine) {
		/* a blocked LOCK or a pending CHANGE_NOTIFY on it ends */
		wake_up_all(&fp->ki->lock_wait);
		ksmbd_notify_cleanup(fp);
	}
	return mine;
}

int ksmbd_fid_close(struct ksmbd_work *work, struct ksmbd_file *fp)
{
	struct ksmbd_fid_table *t = fp->sess->files;

	if (!t || !ksmbd_fid_unpublish(t, fp))
		return -ENOENT;
	ksmbd_file_put(fp);	/* the table's */
	return 0;
}

int ksmbd_file_set_delete(struct ksmbd_file *fp, bool del)
{
	struct ksmbd_inode *ki = fp->ki;

	mutex_lock(&ki->lock);
	if (fp->stream) {
		/* deletes the stream when its last open goes */
		fp->delete_on_close = del;
	} else if (!del) {
		ki->delete_pending = false;
		fp->delete_on_close = false;
	} else {
		ki->delete_pending = true;
		if (fp->is_dir)
			ksmbd_notify_delete_pending(file_inode(fp->filp));
	}
	mutex_unlock(&ki->lock);
	return 0;
}

int ksmbd_file_rename_stream(struct ksmbd_file *fp, const char *xname)
{
	lockdep_assert_held(&fp->ki->lock);
	if (!fp->stream)
		return -EINVAL;
	if (!xname) {
		WRITE_ONCE(fp->stream, NULL);
		return 0;
	}
	if (strlen(xname) >= KSMBD_STREAM_BUF)
		return -ENAMETOOLONG;
	strscpy(fp->stream_buf, xname, KSMBD_STREAM_BUF);
	return 0;
}

bool ksmbd_inode_share_conflict(struct inode *inode, __le32 acc,
				__le32 share)
{
	struct ksmbd_inode *ki = ksmbd_inode_lookup(inode);
	struct ksmbd_file *o;
	bool conflict = false;

	if (!ki)
		return false;
	mutex_lock(&ki->lock);
	list_for_each_entry(o, &ki->opens, ki_node) {
		if (o->stream)
			continue;
		if (ksmbd_share_conflict(acc, share, o->daccess,
					 o->share_access)) {
			conflict = true;
			break;
		}
	}
	mutex_unlock(&ki->lock);
	ksmbd_inode_put(ki);
	return conflict;
}

bool ksmbd_inode_in_use(struct inode *inode)
{
	struct ksmbd_inode *ki = ksmbd_inode_lookup(inode);
	bool open;

	if (!ki)
		return false;
	open = !list_empty_careful(&ki->opens);
	ksmbd_inode_put(ki);
	return open;
}

bool ksmbd_opens_beneath(struct dentry *dir)
{
	struct ksmbd_inode *ki;
	struct dentry *d;
	bool found = false;
	int bkt;

	spin_lock(&ksmbd_inode_lock);
	hash_for_each(ksmbd_inode_hash, bkt, ki, hnode) {
		if (ki->inode == d_inode(dir))
			continue;
		spin_lock(&ki->inode->i_lock);
		hlist_for_each_entry(d, &ki->inode->i_dentry, d_u.d_alias) {
			if (is_subdir(d, dir)) {
				found = true;
				break;
			}
		}
		spin_unlock(&ki->inode->i_lock);
		if (found)
			break;
	}
	spin_unlock(&ksmbd_inode_lock);
	return found;
}

int ksmbd_fid_table_init(struct ksmbd_session *sess)
{
	struct ksmbd_fid_table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	xa_init_flags(&t->xa, XA_FLAGS_ALLOC1);
	sess->files = t;
	return 0;
}

void ksmbd_fid_table_destroy(struct ksmbd_session *sess)
{
	struct ksmbd_fid_table *t = sess->files;

	if (!t)
		return;
	ksmbd_close_session_files(sess);
	sess->files = NULL;
	xa_destroy(&t->xa);
	kfree(t);
}

/*
 * Close every open of the session (tcon == NULL) or of one tree. The lock
 * is dropped for each put, so the walk goes on from the id it removed
 * (linear in the size of the table, whatever the other trees hold), and
 * once more from the start for an open published meanwhile on a lower id.
 */
static void ksmbd_close_files(struct ksmbd_session *sess,
			      struct ksmbd_tree_connect *tcon)
{
	struct ksmbd_fid_table *t = sess->files;
	struct ksmbd_file *fp;
	unsigned long id, next = 0;

	if (!t)
		return;
	for (;;) {
		bool found = false;

		xa_lock(&t->xa);
		xa_for_each_start(&t->xa, id, fp, next) {
			if (tcon && fp->tcon != tcon)
				continue;
			__xa_erase(&t->xa, id);
			fp->published = false;
			WRITE_ONCE(t->count, t->count - 1);
			found = true;
			break;
		}
		xa_unlock(&t->xa);
		if (!found && !next)
			break;
		if (!found) {
			next = 0;
			continue;
		}
		next = id + 1;
		wake_up_all(&fp->ki->lock_wait);
		ksmbd_notify_cleanup(fp);
		ksmbd_file_put(fp);	/* the table's */
	}
}

void ksmbd_close_tree_files(struct ksmbd_tree_connect *tcon)
{
	ksmbd_close_files(tcon->sess, tcon);
}

void ksmbd_close_session_files(struct ksmbd_session *sess)
{
	ksmbd_close_files(sess, NULL);
}
