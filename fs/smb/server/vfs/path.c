// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Name resolution beneath the share root and the session user's
 * credentials (see vfs/path.h).
 */
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uidgid.h>

#include "path.h"
#include "name.h"
#include "../work.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../mgmt/user.h"

/* force user / group not configured */
#define KSMBD_NO_FORCE_ID	0xffff
/* account used for anonymous sessions */
#define KSMBD_NOBODY_ID		65534

/* A case-insensitive search of one directory for a name. */
struct ci_search {
	struct dir_context ctx;
	const char *name;
	int len;
	bool ascii;		/* name is ASCII: so is any match, as long */
	u16 want[KSMBD_NAME_COMPONENT_MAX];
	int wlen;
	u16 tmp[KSMBD_NAME_COMPONENT_MAX];
	char *found;		/* kmalloc'd spelling on disk */
	int err;
};

static bool ci_actor(struct dir_context *ctx, const char *name, int len,
		     loff_t off, u64 ino, unsigned int type)
{
	struct ci_search *s = container_of(ctx, struct ci_search, ctx);
	int n;

	if (s->ascii) {
		if (len != s->len || strncasecmp(name, s->name, len))
			return true;
	} else {
		n = ksmbd_name_to_utf16(name, len, s->tmp, ARRAY_SIZE(s->tmp));
		if (n <= 0 || !ksmbd_name_equal_ci(s->want, s->wlen, s->tmp, n))
			return true;
	}
	s->found = kmemdup_nul(name, len, GFP_KERNEL);
	if (!s->found)
		s->err = -ENOMEM;
	return false;
}

/*
 * Names are case-insensitive, as on Windows: when last does not exist in
 * dir as spelled, find the entry that differs from it only in case. 0
 * with *real kmalloc'd (NULL: there is none) or -errno. Reads the
 * directory as the caller (who must be allowed to list it).
 */
static int ci_lookup(const struct path *dir, const struct qstr *last,
		     char **real)
{
	struct ci_search *s;
	struct file *f;
	loff_t pos;
	int i, err;

	*real = NULL;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->ctx.actor = ci_actor;
	s->name = last->name;
	s->len = last->len;
	s->ascii = true;
	for (i = 0; i < last->len; i++)
		if (last->name[i] & 0x80)
			s->ascii = false;
	if (!s->ascii) {
		s->wlen = ksmbd_name_to_utf16(last->name, last->len, s->want,
					      ARRAY_SIZE(s->want));
		if (s->wlen <= 0) {
			kfree(s);
			return 0;
		}
	}
	f = dentry_open(dir, O_RDONLY | O_DIRECTORY, current_cred());
	if (IS_ERR(f)) {
		kfree(s);
		return 0;	/* cannot list it: the name is just absent */
	}
	do {
		pos = f->f_pos;
		err = iterate_dir(f, &s->ctx);
	} while (!err && !s->err && !s->found && f->f_pos != pos);
	fput(f);
	err = s->err;
	*real = s->found;
	kfree(s);
	return err;
}

int ksmbd_vfs_ci_name(const struct path *dir, struct qstr *last, char **buf)
{
	struct dentry *d;
	int err;

	*buf = NULL;
	d = lookup_one_unlocked(mnt_user_ns(dir->mnt), last->name, dir->dentry,
				last->len);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (d_really_is_positive(d)) {
		dput(d);
		return 0;
	}
	dput(d);
	err = ci_lookup(dir, last, buf);
	if (!err && *buf) {
		last->name = *buf;
		last->len = strlen(*buf);
	}
	return err;
}

/*
 * rel with each directory component spelled as on disk where it matches
 * only but for case, kmalloc'd; NULL if that changes nothing or fails.
 * Only finds the spelling: the caller resolves the result again, with
 * the VFS's own walk beneath the root.
 */
static char *ci_fix_dirs(const struct path *root, const char *rel)
{
	const char *comp, *slash;
	struct path cur = *root;
	bool changed = false;
	size_t used = 0;
	char *out;

	out = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!out)
		return NULL;
	path_get(&cur);
	for (comp = rel; (slash = strchr(comp, '/')); comp = slash + 1) {
		struct qstr q = QSTR_INIT(comp, slash - comp);
		struct dentry *d;
		char *real;

		if (ksmbd_vfs_ci_name(&cur, &q, &real))
			break;
		if (real)
			changed = true;
		if (used + q.len + 1 >= PATH_MAX) {
			kfree(real);
			break;
		}
		memcpy(out + used, q.name, q.len);
		used += q.len;
		out[used++] = '/';
		d = lookup_one_positive_unlocked(mnt_user_ns(cur.mnt), q.name,
						 cur.dentry, q.len);
		kfree(real);
		if (IS_ERR(d))
			break;
		if (!d_is_dir(d) || d_mountpoint(d)) {
			dput(d);
			break;
		}
		dput(cur.dentry);
		cur.dentry = d;
	}
	path_put(&cur);
	if (slash || !changed || used + strlen(comp) >= PATH_MAX) {
		kfree(out);
		return NULL;
	}
	strscpy(out + used, comp, PATH_MAX - used);
	return out;
}

int ksmbd_vfs_lookup_parent(const struct path *root, struct filename **fname,
			    struct path *parent, struct qstr *last)
{
	struct filename *fixed;
	char *rel;
	int type, err;

	err = vfs_path_parent_lookup(*fname, KSMBD_LOOKUP_FLAGS, parent, last,
				     &type, root);
	if (err == -ENOENT) {
		rel = ci_fix_dirs(root, (*fname)->name);
		fixed = rel ? getname_kernel(rel) : NULL;
		kfree(rel);
		if (!IS_ERR_OR_NULL(fixed)) {
			putname(*fname);
			*fname = fixed;
			err = vfs_path_parent_lookup(*fname, KSMBD_LOOKUP_FLAGS,
						     parent, last, &type, root);
		}
	}
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
	char *real = NULL;
	int err;

	if (!*rel) {
		*out = *root;
		path_get(out);
		return 0;
	}
	fname = getname_kernel(rel);
	if (IS_ERR(fname))
		return PTR_ERR(fname);
	err = ksmbd_vfs_lookup_parent(root, &fname, &parent, &last);
	if (err)
		goto out;
	err = ksmbd_vfs_ci_name(&parent, &last, &real);
	if (err) {
		path_put(&parent);
		goto out;
	}
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
	kfree(real);
	putname(fname);
	return err;
}

static int lookup_locked(const struct path *root, const char *rel, bool ci,
			 struct path *parent, struct dentry **child)
{
	struct filename *fname;
	struct dentry *d;
	struct qstr last;
	char *real = NULL;
	int err;

	if (!*rel)
		return -EINVAL;
	fname = getname_kernel(rel);
	if (IS_ERR(fname))
		return PTR_ERR(fname);
	if (ci) {
		err = ksmbd_vfs_lookup_parent(root, &fname, parent, &last);
	} else {
		int type;

		err = vfs_path_parent_lookup(fname, KSMBD_LOOKUP_FLAGS, parent,
					     &last, &type, root);
		if (!err && type != LAST_NORM) {
			path_put(parent);
			err = -EINVAL;
		}
	}
	if (err)
		goto out;
	err = ci ? ksmbd_vfs_ci_name(parent, &last, &real) : 0;
	if (err) {
		path_put(parent);
		goto out;
	}
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
	kfree(real);
	putname(fname);
	return err;
}

int ksmbd_vfs_lookup_locked(const struct path *root, const char *rel,
			    struct path *parent, struct dentry **child)
{
	return lookup_locked(root, rel, true, parent, child);
}

int ksmbd_vfs_lookup_locked_exact(const struct path *root, const char *rel,
				  struct path *parent, struct dentry **child)
{
	return lookup_locked(root, rel, false, parent, child);
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
