// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CHANGE_NOTIFY watches (see vfs/notify.h). Events of the directory's
 * entries reach a watch through an fsnotify inode mark on it; a WATCH_TREE
 * watch takes its events, at every depth, from a superblock mark of a
 * second group instead (see tree_event()).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
#include <linux/fsnotify_backend.h>
#include <linux/mutex.h>
#include <linux/nls.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "notify.h"
#include "fid.h"
#include "smb2_util.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../debug.h"

/* One per watched directory inode: fsnotify allows one mark per group. */
struct ksmbd_notify_mark {
	struct fsnotify_mark mark;
	spinlock_t lock;		/* guards everything of its watches */
	struct list_head watches;	/* struct ksmbd_notify */
	bool renaming;			/* FS_RENAME seen, old/new names follow */
};

/*
 * One per superblock on which WATCH_TREE watches are (tree group): it
 * sees every change of the filesystem, and gives those beneath a watched
 * directory to its tree watches. Exists while it has some.
 */
struct ksmbd_notify_sb {
	struct fsnotify_mark mark;
	/* the list; taken in tree_event(), never while taking i_rwsem */
	struct mutex lock;
	struct list_head trees;		/* struct ksmbd_notify.t_node */
};

/* One per directory open that asked (fp->watches). */
struct ksmbd_notify {
	struct kref kref;		/* the open's, one per pending request */
	struct ksmbd_notify_mark *m;	/* holds a mark reference */
	struct list_head m_node;	/* m->watches, under ksmbd_notify_lock */
	struct list_head fp_node;	/* fp->watches, under fp->lock */
	u32 filter;			/* FILE_NOTIFY_CHANGE_*, fixed */
	u32 max_buf;			/* first request's buffer, fixed */
	/* WATCH_TREE (fixed): its superblock mark, referenced, and root */
	struct ksmbd_notify_sb *sbm;
	struct dentry *root;		/* referenced until the cleanup */
	struct list_head t_node;	/* sbm->trees, under sbm->lock */
	/* under m->lock: */
	bool closed;			/* the open is gone */
	bool overflow;			/* changes were lost */
	unsigned int nr_changes;
	struct list_head changes;	/* struct ksmbd_notify_change */
	struct list_head reqs;		/* struct ksmbd_notify_req, oldest first */
};

struct ksmbd_notify_req {
	struct list_head node;		/* n->reqs, under n->m->lock */
	struct work_struct done_wk;
	struct ksmbd_work *work;
	struct ksmbd_notify *n;		/* referenced */
	u32 max;			/* bytes the response may carry */
	/* under n->m->lock: */
	bool armed;			/* the request went async */
	bool done;			/* a final status is decided */
	bool overflow;
	__le32 status;
	struct list_head changes;	/* taken from n on completion */
};

struct ksmbd_notify_info {		/* [MS-FSCC] 2.7.1 */
	__le32 NextEntryOffset;
	__le32 Action;
	__le32 FileNameLength;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_notify_info) == 12);

/* pid -> xa_mk_value(filter) of the tasks between begin and end */
static DEFINE_XARRAY(ksmbd_notify_hints);
static struct fsnotify_group *ksmbd_notify_group;
static struct fsnotify_group *ksmbd_notify_tree_group;	/* sb marks */
static struct workqueue_struct *ksmbd_notify_wq;	/* sends completions */
/* creation of the groups; marks attached or detached; m->watches */
static DEFINE_MUTEX(ksmbd_notify_lock);

/* --- encoding ------------------------------------------------------------ */

static bool change_same(const struct ksmbd_notify_change *a,
			const struct ksmbd_notify_change *b)
{
	return a->action == b->action && a->len == b->len &&
	       !memcmp(a->name, b->name, a->len);
}

int ksmbd_notify_pack(void *buf, u32 size, const struct list_head *changes)
{
	const struct ksmbd_notify_change *c, *prev = NULL;
	struct ksmbd_notify_info *last = NULL;
	u32 off = 0, esz;

	list_for_each_entry(c, changes, node) {
		if (prev && change_same(prev, c))
			continue;
		prev = c;
		esz = ALIGN(sizeof(*last) + c->len, 4);
		if (esz > size - off)
			return -ENOSPC;
		if (buf) {
			struct ksmbd_notify_info *ni = buf + off;

			if (last)
				last->NextEntryOffset =
					cpu_to_le32((u8 *)ni - (u8 *)last);
			ni->NextEntryOffset = 0;
			ni->Action = cpu_to_le32(c->action);
			ni->FileNameLength = cpu_to_le32(c->len);
			memcpy(ni->FileName, c->name, c->len);
			memset(ni->FileName + c->len, 0,
			       esz - sizeof(*ni) - c->len);
			last = ni;
		}
		off += esz;
	}
	return off;
}

static void changes_free(struct list_head *changes)
{
	struct ksmbd_notify_change *c, *tmp;

	list_for_each_entry_safe(c, tmp, changes, node) {
		list_del(&c->node);
		kfree(c);
	}
}

/*
 * Write the CHANGE_NOTIFY response body for changes (at most limit bytes):
 * STATUS_SUCCESS, or STATUS_NOTIFY_ENUM_DIR with no data - whose body is
 * byte for byte the ERROR body [MS-SMB2] 3.3.4.4 asks for.
 */
static __le32 notify_reply(struct ksmbd_work *work, struct list_head *changes,
			   bool overflow, u32 limit)
{
	struct smb2_change_notify_rsp *rsp;
	void *out;
	int len;

	rsp = ksmbd_rsp_struct(work, struct smb2_change_notify_rsp);
	if (!rsp)
		return STATUS_NO_MEMORY;
	rsp->StructureSize = cpu_to_le16(9);
	limit = min(limit, ksmbd_rsp_room(work));
	len = overflow ? -ENOSPC : ksmbd_notify_pack(NULL, limit, changes);
	if (len < 0)
		return STATUS_NOTIFY_ENUM_DIR;
	out = ksmbd_rsp_append(work, len);
	if (!out)
		return STATUS_NOTIFY_ENUM_DIR;
	ksmbd_notify_pack(out, len, changes);
	if (len)
		rsp->OutputBufferOffset =
			cpu_to_le16(ksmbd_rsp_offset(work, out));
	rsp->OutputBufferLength = cpu_to_le32(len);
	return STATUS_SUCCESS;
}

/* --- completion ---------------------------------------------------------- */

/* Decide r's final status once; under n->m->lock. */
static void req_finish_locked(struct ksmbd_notify_req *r, __le32 status)
{
	struct ksmbd_notify *n = r->n;

	if (r->done)
		return;
	r->done = true;
	r->status = status;
	list_del_init(&r->node);
	if (status == STATUS_SUCCESS) {
		list_splice_init(&n->changes, &r->changes);
		r->overflow = n->overflow;
		n->nr_changes = 0;
		n->overflow = false;
	}
	if (r->armed)
		queue_work(ksmbd_notify_wq, &r->done_wk);
}

static void watch_free(struct kref *kref)
{
	struct ksmbd_notify *n = container_of(kref, struct ksmbd_notify, kref);

	changes_free(&n->changes);
	fsnotify_put_mark(&n->m->mark);
	if (n->sbm)
		fsnotify_put_mark(&n->sbm->mark);
	kfree(n);
}

static void req_free(struct ksmbd_notify_req *r)
{
	changes_free(&r->changes);
	kref_put(&r->n->kref, watch_free);
	kfree(r);
}

static void req_done(struct work_struct *wk)
{
	struct ksmbd_notify_req *r =
		container_of(wk, struct ksmbd_notify_req, done_wk);
	__le32 st = r->status;

	if (st == STATUS_SUCCESS)
		st = notify_reply(r->work, &r->changes, r->overflow,
				  min(r->max, r->n->max_buf));
	ksmbd_debug(VFS, "notify mid %llu done: status %#x\n", r->work->msg_id,
		    le32_to_cpu(st));
	ksmbd_work_complete_async(r->work, st);
	req_free(r);
}

static void req_cancel(struct ksmbd_work *work, void *arg)
{
	struct ksmbd_notify_req *r = arg;

	spin_lock(&r->n->m->lock);
	req_finish_locked(r, STATUS_CANCELLED);
	spin_unlock(&r->n->m->lock);
}

/* --- events -------------------------------------------------------------- */

void ksmbd_notify_begin(u32 filter)
{
	/* without memory for it the changes are reported as fsnotify says */
	xa_store(&ksmbd_notify_hints, current->pid, xa_mk_value(filter),
		 GFP_KERNEL);
}

void ksmbd_notify_end(void)
{
	xa_erase(&ksmbd_notify_hints, current->pid);
}

void ksmbd_notify_renamed_close(struct dentry *d)
{
	/* not for a file that is gone (deleted by another open) */
	if (d_really_is_negative(d) || d_is_dir(d) || d_unhashed(d))
		return;
	ksmbd_notify_begin(FILE_NOTIFY_CHANGE_ATTRIBUTES);
	fsnotify_dentry(d, FS_ATTRIB);
	ksmbd_notify_end();
}

static u32 event_filter(u32 mask, bool dir)
{
	u32 f = 0;
	void *hint;

	if (mask & (FS_CREATE | FS_DELETE | FS_MOVED_FROM | FS_MOVED_TO))
		f |= dir ? FILE_NOTIFY_CHANGE_DIR_NAME :
			   FILE_NOTIFY_CHANGE_FILE_NAME;
	if (mask & FS_MODIFY)
		f |= FILE_NOTIFY_CHANGE_SIZE | FILE_NOTIFY_CHANGE_LAST_WRITE;
	/* fsnotify runs in the task making the change */
	hint = (mask & FS_ATTRIB) ? xa_load(&ksmbd_notify_hints, current->pid) :
				    NULL;
	if (hint)
		f |= xa_to_value(hint);
	else if (mask & FS_ATTRIB)
		f |= FILE_NOTIFY_CHANGE_ATTRIBUTES |
		     FILE_NOTIFY_CHANGE_LAST_WRITE |
		     FILE_NOTIFY_CHANGE_LAST_ACCESS |
		     FILE_NOTIFY_CHANGE_CREATION | FILE_NOTIFY_CHANGE_EA |
		     FILE_NOTIFY_CHANGE_SECURITY;
	return f;
}

/* The action of an event; under m->lock (rename pairing). */
static u32 event_action(struct ksmbd_notify_mark *m, u32 mask)
{
	if (mask & FS_CREATE)
		return FILE_ACTION_ADDED;
	if (mask & FS_DELETE)
		return FILE_ACTION_REMOVED;
	/*
	 * A rename inside the directory is an old name/new name pair; one
	 * into or out of it is an add or a remove ([MS-FSCC] 2.7.1).
	 * fsnotify sends FS_RENAME (only to a parent that keeps the entry)
	 * just before FS_MOVED_FROM and FS_MOVED_TO.
	 */
	if (mask & FS_MOVED_FROM)
		return m->renaming ? FILE_ACTION_RENAMED_OLD_NAME :
				     FILE_ACTION_REMOVED;
	if (mask & FS_MOVED_TO) {
		if (!m->renaming)
			return FILE_ACTION_ADDED;
		m->renaming = false;
		return FILE_ACTION_RENAMED_NEW_NAME;
	}
	return FILE_ACTION_MODIFIED;
}

/* The name as UTF-16LE in a change (action unset), or NULL. */
static struct ksmbd_notify_change *change_alloc(const struct qstr *name)
{
	struct ksmbd_notify_change *c;
	int n;

	/* a UTF-8 name of len bytes is at most len UTF-16 units */
	c = kmalloc(struct_size(c, name, name->len), GFP_KERNEL);
	if (!c)
		return NULL;
	n = utf8s_to_utf16s(name->name, name->len, UTF16_LITTLE_ENDIAN,
			    (wchar_t *)c->name, name->len);
	if (n <= 0) {
		kfree(c);
		return NULL;
	}
	c->len = n * 2;
	return c;
}

/* Queue the change c (a copy of it) on watch n; under m->lock. */
static void watch_queue(struct ksmbd_notify *n,
			const struct ksmbd_notify_change *c)
{
	struct ksmbd_notify_change *copy = NULL;

	if (n->closed || n->overflow)
		goto out;
	if (c && n->nr_changes < KSMBD_NOTIFY_MAX_CHANGES)
		copy = kmemdup(c, struct_size(c, name, c->len / 2),
			       GFP_ATOMIC);
	if (!copy) {
		/* lost: whoever asks next is told to enumerate again */
		changes_free(&n->changes);
		n->nr_changes = 0;
		n->overflow = true;
	} else {
		list_add_tail(&copy->node, &n->changes);
		n->nr_changes++;
	}
out:
	if (!n->closed && !list_empty(&n->reqs) &&
	    (!c || c->action != FILE_ACTION_RENAMED_OLD_NAME))
		req_finish_locked(list_first_entry(&n->reqs,
						   struct ksmbd_notify_req,
						   node), STATUS_SUCCESS);
}

static int watch_event(struct fsnotify_mark *mark, u32 mask,
		       struct inode *inode, struct inode *dir,
		       const struct qstr *name, u32 cookie)
{
	struct ksmbd_notify_mark *m =
		container_of(mark, struct ksmbd_notify_mark, mark);
	u32 filter = event_filter(mask, mask & FS_ISDIR);
	struct ksmbd_notify_change *c;
	struct ksmbd_notify *n;

	if (!name)
		return 0;
	c = (mask & FS_RENAME) ? NULL : change_alloc(name);

	spin_lock(&m->lock);
	if (mask & FS_RENAME) {
		m->renaming = true;
		spin_unlock(&m->lock);
		return 0;
	}
	if (c)
		c->action = event_action(m, mask);
	else if (mask & FS_MOVED_TO)
		m->renaming = false;
	/* tree watches take their events from tree_event() */
	list_for_each_entry(n, &m->watches, m_node)
		if ((filter & n->filter) && !n->sbm)
			watch_queue(n, c);
	spin_unlock(&m->lock);
	kfree(c);
	return 0;
}

/* --- WATCH_TREE ---------------------------------------------------------- */

int ksmbd_notify_tree_name(const char *root, const char *dir,
			   const char *name, u32 nlen, char *out, u32 size)
{
	size_t rl = strlen(root), dl, len, i;
	const char *rel;

	if (rl == 1 && root[0] == '/')
		rl = 0;			/* the filesystem's root */
	if (strncmp(dir, root, rl) || (dir[rl] != '/' && dir[rl] != '\0'))
		return -ENOENT;
	rel = dir + rl;
	if (*rel == '/')
		rel++;
	dl = strlen(rel);
	len = dl + (dl ? 1 : 0) + nlen;
	if (len >= size)
		return -ENAMETOOLONG;
	for (i = 0; i < dl; i++)
		out[i] = rel[i] == '/' ? '\\' : rel[i];
	if (dl)
		out[dl++] = '\\';
	memcpy(out + dl, name, nlen);
	out[len] = '\0';
	return len;
}

/*
 * Queue, on every tree watch of s that dir (path dpath) is in or beneath,
 * the change action of name under filter; under s->lock. buf, rbuf: two
 * PATH_MAX buffers.
 */
static void tree_queue(struct ksmbd_notify_sb *s, const char *dpath,
		       const struct qstr *name, u32 action, u32 filter,
		       char *buf, char *rbuf)
{
	struct ksmbd_notify_change *c;
	struct ksmbd_notify *n;
	const char *root;
	struct qstr q;
	int len;

	list_for_each_entry(n, &s->trees, t_node) {
		if (!(filter & n->filter))
			continue;
		root = dentry_path_raw(n->root, rbuf, PATH_MAX);
		if (IS_ERR(root) || d_unlinked(n->root))
			continue;
		len = ksmbd_notify_tree_name(root, dpath, name->name,
					     name->len, buf, PATH_MAX);
		if (len == -ENOENT)
			continue;
		c = NULL;
		if (len > 0) {
			q = (struct qstr)QSTR_INIT(buf, len);
			c = change_alloc(&q);
		}
		/* a name we cannot tell: the client is told to enumerate */
		if (c)
			c->action = action;
		spin_lock(&n->m->lock);
		watch_queue(n, c);
		spin_unlock(&n->m->lock);
		kfree(c);
	}
}

/* The path of dir's dentry from the filesystem's root in buf, or NULL. */
static const char *tree_dir_path(struct dentry *d, char *buf)
{
	const char *p;

	if (!d || d_unlinked(d))
		return NULL;
	p = dentry_path_raw(d, buf, PATH_MAX);
	return IS_ERR(p) ? NULL : p;
}

/*
 * The tree group's handler: every change of the superblock, with its
 * directory and name. A rename is taken from FS_RENAME, which names both
 * ends (FS_MOVED_FROM/TO are ignored here): inside one directory it is an
 * old name/new name pair, else a remove and an add ([MS-FSCC] 2.7.1), each
 * reported to the tree watches whose tree holds that end. Attribute changes
 * of a directory come with its name only if its parent is watched
 * (fsnotify gives sb marks parent and name for non-directories).
 */
static int tree_event(struct fsnotify_group *group, u32 mask,
		      const void *data, int data_type, struct inode *dir,
		      const struct qstr *name, u32 cookie,
		      struct fsnotify_iter_info *iter_info)
{
	struct fsnotify_mark *fm = fsnotify_iter_sb_mark(iter_info);
	struct dentry *moved = NULL, *d, *nd = NULL;
	char *dbuf, *buf, *rbuf, *nbuf = NULL;
	bool isdir = mask & FS_ISDIR;
	const char *dpath, *npath;
	struct ksmbd_notify_sb *s;
	struct name_snapshot snap;

	if (!fm || !dir || !name ||
	    (mask & (FS_MOVED_FROM | FS_MOVED_TO)))
		return 0;
	s = container_of(fm, struct ksmbd_notify_sb, mark);
	if (mask & FS_RENAME) {
		moved = fsnotify_data_dentry(data, data_type);
		if (!moved)
			return 0;
	}
	d = d_find_any_alias(dir);
	if (!d)
		return 0;
	dbuf = __getname();
	buf = __getname();
	rbuf = __getname();
	if (moved)
		nbuf = __getname();
	if (!dbuf || !buf || !rbuf || (moved && !nbuf))
		goto out;
	dpath = tree_dir_path(d, dbuf);

	mutex_lock(&s->lock);
	if (!moved) {
		u32 action = (mask & FS_CREATE) ? FILE_ACTION_ADDED :
			     (mask & FS_DELETE) ? FILE_ACTION_REMOVED :
			     FILE_ACTION_MODIFIED;

		if (dpath)
			tree_queue(s, dpath, name, action,
				   event_filter(mask, isdir), buf, rbuf);
	} else {
		u32 filter = isdir ? FILE_NOTIFY_CHANGE_DIR_NAME :
				     FILE_NOTIFY_CHANGE_FILE_NAME;
		bool same;

		nd = dget_parent(moved);
		same = nd == d;
		npath = tree_dir_path(nd, nbuf);
		if (dpath)
			tree_queue(s, dpath, name,
				   same ? FILE_ACTION_RENAMED_OLD_NAME :
					  FILE_ACTION_REMOVED, filter, buf, rbuf);
		if (npath) {
			take_dentry_name_snapshot(&snap, moved);
			tree_queue(s, npath, &snap.name,
				   same ? FILE_ACTION_RENAMED_NEW_NAME :
					  FILE_ACTION_ADDED, filter, buf, rbuf);
			release_dentry_name_snapshot(&snap);
		}
	}
	mutex_unlock(&s->lock);
out:
	dput(nd);
	dput(d);
	if (nbuf)
		__putname(nbuf);
	if (rbuf)
		__putname(rbuf);
	if (buf)
		__putname(buf);
	if (dbuf)
		__putname(dbuf);
	return 0;
}

static void tree_free_mark(struct fsnotify_mark *mark)
{
	kfree(container_of(mark, struct ksmbd_notify_sb, mark));
}

static const struct fsnotify_ops ksmbd_notify_tree_ops = {
	.handle_event = tree_event,
	.free_mark = tree_free_mark,
};

static void watch_free_mark(struct fsnotify_mark *mark)
{
	kfree(container_of(mark, struct ksmbd_notify_mark, mark));
}

static const struct fsnotify_ops ksmbd_notify_ops = {
	.handle_inode_event = watch_event,
	.free_mark = watch_free_mark,
};

/* The group, created on first use; under ksmbd_notify_lock. */
static struct fsnotify_group *notify_group(void)
{
	struct fsnotify_group *g;

	if (!ksmbd_notify_wq)
		ksmbd_notify_wq = alloc_workqueue("ksmbd-notify", 0, 0);
	if (!ksmbd_notify_group && ksmbd_notify_wq) {
		g = fsnotify_alloc_group(&ksmbd_notify_ops, 0);
		if (!IS_ERR(g))
			ksmbd_notify_group = g;
	}
	return ksmbd_notify_group;
}

#define WATCH_MASK	(FS_CREATE | FS_DELETE | FS_MOVED_FROM | FS_MOVED_TO | \
			 FS_RENAME | FS_MODIFY | FS_ATTRIB | FS_EVENT_ON_CHILD)

/*
 * Attach fm, a new mark of g, to the object at connp (of type) with mask:
 * 0 with the reference of fsnotify_init_mark(), or -errno with fm freed.
 */
static int mark_attach(struct fsnotify_mark *fm, struct fsnotify_group *g,
		       fsnotify_connp_t *connp, unsigned int type, u32 mask)
{
	int err;

	fsnotify_init_mark(fm, g);
	fm->mask = mask;
	err = fsnotify_add_mark(fm, connp, type, 0, NULL);
	if (err)
		fsnotify_put_mark(fm);	/* frees it */
	return err;
}

/* The inode's mark, referenced; under ksmbd_notify_lock. */
static struct ksmbd_notify_mark *mark_get(struct inode *inode, int *err)
{
	struct fsnotify_group *g = notify_group();
	struct ksmbd_notify_mark *m;
	struct fsnotify_mark *fm;

	*err = -ENOMEM;
	if (!g)
		return NULL;
	fm = fsnotify_find_mark(&inode->i_fsnotify_marks, g);
	if (fm)
		return container_of(fm, struct ksmbd_notify_mark, mark);
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return NULL;
	spin_lock_init(&m->lock);
	INIT_LIST_HEAD(&m->watches);
	*err = mark_attach(&m->mark, g, &inode->i_fsnotify_marks,
			   FSNOTIFY_OBJ_TYPE_INODE, WATCH_MASK);
	return *err ? NULL : m;
}

#define TREE_MASK	(FS_CREATE | FS_DELETE | FS_RENAME | FS_MODIFY | \
			 FS_ATTRIB | FS_EVENT_ON_CHILD)

/* The superblock's tree mark, referenced; under ksmbd_notify_lock. */
static struct ksmbd_notify_sb *sb_mark_get(struct super_block *sb, int *err)
{
	struct fsnotify_group *g = ksmbd_notify_tree_group;
	struct fsnotify_mark *fm;
	struct ksmbd_notify_sb *s;

	*err = -ENOMEM;
	if (!g) {
		g = fsnotify_alloc_group(&ksmbd_notify_tree_ops, 0);
		if (IS_ERR(g))
			return NULL;
		ksmbd_notify_tree_group = g;
	}
	fm = fsnotify_find_mark(&sb->s_fsnotify_marks, g);
	if (fm)
		return container_of(fm, struct ksmbd_notify_sb, mark);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	mutex_init(&s->lock);
	INIT_LIST_HEAD(&s->trees);
	*err = mark_attach(&s->mark, g, &sb->s_fsnotify_marks,
			   FSNOTIFY_OBJ_TYPE_SB, TREE_MASK);
	return *err ? NULL : s;
}

/* Make n a tree watch of its directory; under ksmbd_notify_lock. */
static int watch_tree(struct ksmbd_notify *n, struct ksmbd_file *fp)
{
	struct dentry *root = fp->filp->f_path.dentry;
	int err;

	n->sbm = sb_mark_get(root->d_sb, &err);
	if (!n->sbm)
		return err;
	n->root = dget(root);
	mutex_lock(&n->sbm->lock);
	list_add_tail(&n->t_node, &n->sbm->trees);
	mutex_unlock(&n->sbm->lock);
	return 0;
}

/* fp's watch, created with the first request's parameters; under fp->lock */
static struct ksmbd_notify *watch_get(struct ksmbd_file *fp, u32 filter,
				      bool tree, u32 out_max, __le32 *st)
{
	struct ksmbd_notify *n;
	int err = -ENOMEM;

	if (!list_empty(&fp->watches))
		return list_first_entry(&fp->watches, struct ksmbd_notify,
					fp_node);
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		goto fail;
	kref_init(&n->kref);		/* the open's */
	INIT_LIST_HEAD(&n->changes);
	INIT_LIST_HEAD(&n->reqs);
	n->filter = filter;
	n->max_buf = out_max;
	INIT_LIST_HEAD(&n->t_node);
	mutex_lock(&ksmbd_notify_lock);
	n->m = mark_get(file_inode(fp->filp), &err);
	if (n->m && tree) {
		err = watch_tree(n, fp);
		if (err) {
			/* a mark made for us alone goes again */
			if (list_empty(&n->m->watches))
				fsnotify_destroy_mark(&n->m->mark,
						      ksmbd_notify_group);
			fsnotify_put_mark(&n->m->mark);
			n->m = NULL;
		}
	}
	if (n->m) {
		spin_lock(&n->m->lock);
		list_add_tail(&n->m_node, &n->m->watches);
		spin_unlock(&n->m->lock);
	}
	mutex_unlock(&ksmbd_notify_lock);
	if (!n->m) {
		kfree(n);
		goto fail;
	}
	list_add(&n->fp_node, &fp->watches);
	return n;
fail:
	*st = ksmbd_vfs_status(err);
	return NULL;
}

__le32 ksmbd_notify_watch(struct ksmbd_work *work, struct ksmbd_file *fp,
			  u32 filter, bool tree, u32 out_max)
{
	struct ksmbd_notify_req *r;
	struct ksmbd_notify *n;
	LIST_HEAD(changes);
	bool overflow, done;
	__le32 st = STATUS_SUCCESS;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return STATUS_NO_MEMORY;
	INIT_LIST_HEAD(&r->node);
	INIT_LIST_HEAD(&r->changes);
	INIT_WORK(&r->done_wk, req_done);
	r->work = work;
	r->max = out_max;

	mutex_lock(&fp->lock);
	/* a CLOSE racing with us has run (or will run) the cleanup */
	if (!READ_ONCE(fp->published)) {
		mutex_unlock(&fp->lock);
		kfree(r);
		return STATUS_FILE_CLOSED;
	}
	n = watch_get(fp, filter, tree, out_max, &st);
	if (!n) {
		mutex_unlock(&fp->lock);
		kfree(r);
		return st;
	}
	spin_lock(&n->m->lock);
	if (n->nr_changes || n->overflow) {
		/* changes are waiting: answer now */
		list_splice_init(&n->changes, &changes);
		overflow = n->overflow;
		n->nr_changes = 0;
		n->overflow = false;
		out_max = min(out_max, n->max_buf);
		spin_unlock(&n->m->lock);
		mutex_unlock(&fp->lock);
		kfree(r);
		st = notify_reply(work, &changes, overflow, out_max);
		changes_free(&changes);
		return st;
	}
	kref_get(&n->kref);
	r->n = n;
	list_add_tail(&r->node, &n->reqs);
	/*
	 * A delete that became pending before we were on the list did not
	 * see us (ksmbd_notify_delete_pending() takes this lock after
	 * setting it).
	 */
	if (ksmbd_file_delete_pending(fp))
		req_finish_locked(r, STATUS_DELETE_PENDING);
	spin_unlock(&n->m->lock);
	mutex_unlock(&fp->lock);

	if (!ksmbd_work_go_async(work, req_cancel, r)) {
		spin_lock(&n->m->lock);
		list_del_init(&r->node);
		/* changes it took are lost: the next request says so */
		if (r->done && r->status == STATUS_SUCCESS && !n->closed) {
			changes_free(&n->changes);
			n->nr_changes = 0;
			n->overflow = true;
		}
		spin_unlock(&n->m->lock);
		req_free(r);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	/* a change, cancel or close that came early completes it now */
	spin_lock(&n->m->lock);
	r->armed = true;
	done = r->done;
	spin_unlock(&n->m->lock);
	if (done)
		queue_work(ksmbd_notify_wq, &r->done_wk);
	return STATUS_PENDING;
}

void ksmbd_notify_delete_pending(struct inode *inode)
{
	struct ksmbd_notify_req *r, *tmp;
	struct ksmbd_notify_mark *m;
	struct fsnotify_mark *fm;
	struct ksmbd_notify *n;

	mutex_lock(&ksmbd_notify_lock);
	fm = ksmbd_notify_group ?
		fsnotify_find_mark(&inode->i_fsnotify_marks,
				   ksmbd_notify_group) : NULL;
	if (fm) {
		m = container_of(fm, struct ksmbd_notify_mark, mark);
		spin_lock(&m->lock);
		list_for_each_entry(n, &m->watches, m_node)
			list_for_each_entry_safe(r, tmp, &n->reqs, node)
				req_finish_locked(r, STATUS_DELETE_PENDING);
		spin_unlock(&m->lock);
		fsnotify_put_mark(fm);
	}
	mutex_unlock(&ksmbd_notify_lock);
}

void ksmbd_notify_cleanup(struct ksmbd_file *fp)
{
	struct ksmbd_notify_req *r, *tmp;
	struct ksmbd_notify_mark *m;
	struct ksmbd_notify *n;
	bool last;

	mutex_lock(&fp->lock);
	n = list_first_entry_or_null(&fp->watches, struct ksmbd_notify,
				     fp_node);
	if (n)
		list_del_init(&n->fp_node);
	mutex_unlock(&fp->lock);
	if (!n)
		return;
	m = n->m;
	mutex_lock(&ksmbd_notify_lock);
	if (n->sbm) {
		mutex_lock(&n->sbm->lock);
		list_del(&n->t_node);
		last = list_empty(&n->sbm->trees);
		mutex_unlock(&n->sbm->lock);
		/* not kept past the open: its mount may go */
		dput(n->root);
		n->root = NULL;
		/* the memory goes with the watch's reference */
		if (last)
			fsnotify_destroy_mark(&n->sbm->mark,
					      ksmbd_notify_tree_group);
	}
	spin_lock(&m->lock);
	list_del(&n->m_node);
	n->closed = true;
	list_for_each_entry_safe(r, tmp, &n->reqs, node)
		req_finish_locked(r, STATUS_NOTIFY_CLEANUP);
	changes_free(&n->changes);
	n->nr_changes = 0;
	last = list_empty(&m->watches);
	spin_unlock(&m->lock);
	/* no watch left on the inode: the mark goes (its memory with the
	 * last reference, which a watch still waiting to complete holds)
	 */
	if (last)
		fsnotify_destroy_mark(&m->mark, ksmbd_notify_group);
	mutex_unlock(&ksmbd_notify_lock);
	kref_put(&n->kref, watch_free);		/* the open's */
}

void ksmbd_notify_exit(void)
{
	/* no connection is left: completions still queued run first */
	if (ksmbd_notify_wq) {
		destroy_workqueue(ksmbd_notify_wq);
		ksmbd_notify_wq = NULL;
	}
	if (ksmbd_notify_group) {
		fsnotify_destroy_group(ksmbd_notify_group);
		ksmbd_notify_group = NULL;
	}
	if (ksmbd_notify_tree_group) {
		fsnotify_destroy_group(ksmbd_notify_tree_group);
		ksmbd_notify_tree_group = NULL;
	}
}
