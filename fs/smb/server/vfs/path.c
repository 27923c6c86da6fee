// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Name resolution beneath the share root and the session user's
 * credentials (see vfs/path.h).
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/uidgid.h>

#include "path.h"
#include "../work.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../mgmt/user.h"

/* force user / group not configured */
#define KSMBD_NO_FORCE_ID	0xffff
/* account used for anonymous sessions */
#define KSMBD_NOBODY_ID		65534

/* Parent of rel beneath root; *last points into fname. */
static int lookup_parent(const struct path *root, struct filename *fname,
			 struct path *parent, struct qstr *last)
{
	int type, err;

	err = vfs_path_parent_lookup(fname, KSMBD_LOOKUP_FLAGS, parent, last,
				     &type, root);
	if (err)
		return err;
	if (type != LAST_NORM) {
		path_put(parent);
		return -EINVAL;
	}
	return 0;
}

/*
 * The last component gets the same rules as the walk: no symlink is
 * followed (the caller sees it as one and refuses to open it) and no mount
 * on top of it is entered.
 */
static int check_last(struct dentry *d)
{
	if (d_mountpoint(d))
		return -EXDEV;
	return 0;
}

int ksmbd_vfs_lookup(const struct path *root, const char *rel,
		     struct path *out)
{
	struct filename *fname;
	struct path parent;
	struct dentry *d;
	struct qstr last;
	int err;

	if (!*rel) {
		*out = *root;
		path_get(out);
		return 0;
	}
	fname = getname_kernel(rel);
	if (IS_ERR(fname))
		return PTR_ERR(fname);
	err = lookup_parent(root, fname, &parent, &last);
	if (err)
		goto out;
	d = lookup_one_positive_unlocked(mnt_user_ns(parent.mnt), last.name,
					 parent.dentry, last.len);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
	} else {
		err = check_last(d);
		if (err) {
			dput(d);
		} else {
			out->mnt = mntget(parent.mnt);
			out->dentry = d;
		}
	}
	path_put(&parent);
out:
	putname(fname);
	return err;
}

int ksmbd_vfs_lookup_locked(const struct path *root, const char *rel,
			    struct path *parent, struct dentry **child)
{
	struct filename *fname;
	struct dentry *d;
	struct qstr last;
	int err;

	if (!*rel)
		return -EINVAL;
	fname = getname_kernel(rel);
	if (IS_ERR(fname))
		return PTR_ERR(fname);
	err = lookup_parent(root, fname, parent, &last);
	if (err)
		goto out;
	inode_lock_nested(d_inode(parent->dentry), I_MUTEX_PARENT);
	d = lookup_one(mnt_user_ns(parent->mnt), last.name, parent->dentry,
		       last.len);
	if (!IS_ERR(d) && d_really_is_positive(d)) {
		err = check_last(d);
		if (err) {
			dput(d);
			d = ERR_PTR(err);
		}
	}
	if (IS_ERR(d)) {
		inode_unlock(d_inode(parent->dentry));
		path_put(parent);
		err = PTR_ERR(d);
		goto out;
	}
	*child = d;
out:
	putname(fname);
	return err;
}

void ksmbd_vfs_unlock_parent(struct path *parent, struct dentry *child)
{
	dput(child);
	inode_unlock(d_inode(parent->dentry));
	path_put(parent);
}

static int ksmbd_set_groups(struct cred *cred, const struct ksmbd_user *u)
{
	struct group_info *gi;
	unsigned int i;

	gi = groups_alloc(u ? u->ngroups : 0);
	if (!gi)
		return -ENOMEM;
	for (i = 0; u && i < u->ngroups; i++) {
		kgid_t g = make_kgid(&init_user_ns, u->groups[i]);

		if (!gid_valid(g)) {
			put_group_info(gi);
			return -EINVAL;
		}
		gi->gid[i] = g;
	}
	if (gi->ngroups)
		groups_sort(gi);
	set_groups(cred, gi);
	put_group_info(gi);
	return 0;
}

const struct cred *ksmbd_vfs_override_creds(struct ksmbd_work *work)
{
	struct ksmbd_user *u = work->sess ? ksmbd_session_user(work->sess) : NULL;
	const struct ksmbd_share *share = work->tcon->share;
	const struct cred *old = NULL;
	struct cred *cred;
	uid_t uid = u ? u->uid : KSMBD_NOBODY_ID;
	gid_t gid = u ? u->gid : KSMBD_NOBODY_ID;

	if (share->force_uid != KSMBD_NO_FORCE_ID)
		uid = share->force_uid;
	if (share->force_gid != KSMBD_NO_FORCE_ID)
		gid = share->force_gid;

	cred = prepare_creds();
	if (!cred)
		goto out;
	cred->fsuid = make_kuid(&init_user_ns, uid);
	cred->fsgid = make_kgid(&init_user_ns, gid);
	if (!uid_valid(cred->fsuid) || !gid_valid(cred->fsgid) ||
	    ksmbd_set_groups(cred, u)) {
		abort_creds(cred);
		goto out;
	}
	if (uid != 0)
		cap_clear(cred->cap_effective);
	old = override_creds(cred);
	put_cred(cred);		/* override_creds took its own reference */
out:
	ksmbd_user_put(u);
	return old;
}

void ksmbd_vfs_revert_creds(const struct cred *old)
{
	revert_creds(old);
}
