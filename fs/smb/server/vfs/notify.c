// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CHANGE_NOTIFY watches (see vfs/notify.h). Events of the directory's
 * entries reach the watch through an fsnotify inode mark on it
 * (WATCH_TREE is served for the first level only).
 */
#include <linux/fs.h>
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

struct ksmbd_notify {
	struct fsnotify_mark mark;	/* on the directory's inode */
	struct list_head fp_node;	/* fp->watches, under fp->lock */
	spinlock_t lock;		/* guards the fields below */
	u32 filter;			/* FILE_NOTIFY_CHANGE_*, fixed */
	u32 max_buf;			/* first request's buffer, fixed */
	bool closed;			/* the open is gone */
	bool overflow;			/* changes were lost */
	bool renaming;			/* FS_RENAME seen, old/new names follow */
	unsigned int nr_changes;
	struct list_head changes;	/* struct ksmbd_notify_change */
	struct list_head reqs;		/* struct ksmbd_notify_req, oldest first */
};

struct ksmbd_notify_req {
	struct list_head node;		/* n->reqs, under n->lock */
	struct work_struct done_wk;
	struct ksmbd_work *work;
	struct ksmbd_notify *n;		/* holds a mark reference */
	u32 max;			/* bytes the response may carry */
	/* under n->lock: */
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

static struct fsnotify_group *ksmbd_notify_group;
static struct workqueue_struct *ksmbd_notify_wq;	/* sends completions */
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

/* Decide r's final status once; under n->lock. */
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

static void req_free(struct ksmbd_notify_req *r)
{
	changes_free(&r->changes);
	fsnotify_put_mark(&r->n->mark);
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
	ksmbd_work_complete_async(r->work, st);
	req_free(r);
}

static void req_cancel(struct ksmbd_work *work, void *arg)
{
	struct ksmbd_notify_req *r = arg;

	spin_lock(&r->n->lock);
	req_finish_locked(r, STATUS_CANCELLED);
	spin_unlock(&r->n->lock);
}

/* --- events -------------------------------------------------------------- */

static u32 event_filter(u32 mask, bool dir)
{
	u32 f = 0;

	if (mask & (FS_CREATE | FS_DELETE | FS_MOVED_FROM | FS_MOVED_TO))
		f |= dir ? FILE_NOTIFY_CHANGE_DIR_NAME :
			   FILE_NOTIFY_CHANGE_FILE_NAME;
	if (mask & FS_MODIFY)
		f |= FILE_NOTIFY_CHANGE_SIZE | FILE_NOTIFY_CHANGE_LAST_WRITE;
	if (mask & FS_ATTRIB)
		f |= FILE_NOTIFY_CHANGE_ATTRIBUTES |
		     FILE_NOTIFY_CHANGE_LAST_WRITE |
		     FILE_NOTIFY_CHANGE_LAST_ACCESS |
		     FILE_NOTIFY_CHANGE_CREATION | FILE_NOTIFY_CHANGE_EA |
		     FILE_NOTIFY_CHANGE_SECURITY;
	return f;
}

/* The action of an event; under n->lock (rename pairing). */
static u32 event_action(struct ksmbd_notify *n, u32 mask)
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
		return n->renaming ? FILE_ACTION_RENAMED_OLD_NAME :
				     FILE_ACTION_REMOVED;
	if (mask & FS_MOVED_TO) {
		if (!n->renaming)
			return FILE_ACTION_ADDED;
		n->renaming = false;
		return FILE_ACTION_RENAMED_NEW_NAME;
	}
	return FILE_ACTION_MODIFIED;
}

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

static int watch_event(struct fsnotify_mark *mark, u32 mask,
		       struct inode *inode, struct inode *dir,
		       const struct qstr *name, u32 cookie)
{
	struct ksmbd_notify *n = container_of(mark, struct ksmbd_notify, mark);
	struct ksmbd_notify_change *c;
	u32 action;

	if (!name)
		return 0;
	if (mask & FS_RENAME) {
		spin_lock(&n->lock);
		n->renaming = true;
		spin_unlock(&n->lock);
		return 0;
	}
	if (!(event_filter(mask, mask & FS_ISDIR) & n->filter)) {
		if (mask & FS_MOVED_TO) {
			spin_lock(&n->lock);
			n->renaming = false;
			spin_unlock(&n->lock);
		}
		return 0;
	}
	c = change_alloc(name);

	spin_lock(&n->lock);
	action = event_action(n, mask);
	if (n->closed || n->overflow) {
		kfree(c);
	} else if (!c || n->nr_changes >= KSMBD_NOTIFY_MAX_CHANGES) {
		/* lost: whoever asks next is told to enumerate again */
		kfree(c);
		changes_free(&n->changes);
		n->nr_changes = 0;
		n->overflow = true;
	} else {
		c->action = action;
		list_add_tail(&c->node, &n->changes);
		n->nr_changes++;
	}
	if (!n->closed && !list_empty(&n->reqs) &&
	    action != FILE_ACTION_RENAMED_OLD_NAME)
		req_finish_locked(list_first_entry(&n->reqs,
						   struct ksmbd_notify_req,
						   node), STATUS_SUCCESS);
	spin_unlock(&n->lock);
	return 0;
}

static void watch_free_mark(struct fsnotify_mark *mark)
{
	struct ksmbd_notify *n = container_of(mark, struct ksmbd_notify, mark);

	changes_free(&n->changes);
	kfree(n);
}

static const struct fsnotify_ops ksmbd_notify_ops = {
	.handle_inode_event = watch_event,
	.free_mark = watch_free_mark,
};

static struct fsnotify_group *notify_group(void)
{
	struct fsnotify_group *g;

	mutex_lock(&ksmbd_notify_lock);
	if (!ksmbd_notify_wq)
		ksmbd_notify_wq = alloc_workqueue("ksmbd-notify", 0, 0);
	if (!ksmbd_notify_group && ksmbd_notify_wq) {
		g = fsnotify_alloc_group(&ksmbd_notify_ops, 0);
		if (!IS_ERR(g))
			ksmbd_notify_group = g;
	}
	g = ksmbd_notify_group;
	mutex_unlock(&ksmbd_notify_lock);
	return g;
}

#define WATCH_MASK	(FS_CREATE | FS_DELETE | FS_MOVED_FROM | FS_MOVED_TO | \
			 FS_RENAME | FS_MODIFY | FS_ATTRIB | FS_EVENT_ON_CHILD)

/* fp's watch, created with the first request's parameters; under fp->lock */
static struct ksmbd_notify *watch_get(struct ksmbd_file *fp, u32 filter,
				      u32 out_max, __le32 *st)
{
	struct fsnotify_group *g;
	struct ksmbd_notify *n;
	int err;

	if (!list_empty(&fp->watches))
		return list_first_entry(&fp->watches, struct ksmbd_notify,
					fp_node);
	g = notify_group();
	if (!g) {
		*st = STATUS_NOT_SUPPORTED;
		return NULL;
	}
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n) {
		*st = STATUS_NO_MEMORY;
		return NULL;
	}
	spin_lock_init(&n->lock);
	INIT_LIST_HEAD(&n->changes);
	INIT_LIST_HEAD(&n->reqs);
	n->filter = filter;
	n->max_buf = out_max;
	fsnotify_init_mark(&n->mark, g);
	n->mark.mask = WATCH_MASK;
	err = fsnotify_add_inode_mark(&n->mark, file_inode(fp->filp), 0);
	if (err) {
		fsnotify_put_mark(&n->mark);	/* frees n */
		*st = ksmbd_vfs_status(err);
		return NULL;
	}
	list_add(&n->fp_node, &fp->watches);	/* the open's reference */
	return n;
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
	n = watch_get(fp, filter, out_max, &st);
	if (!n) {
		mutex_unlock(&fp->lock);
		kfree(r);
		return st;
	}
	spin_lock(&n->lock);
	if (n->nr_changes || n->overflow) {
		/* changes are waiting: answer now */
		list_splice_init(&n->changes, &changes);
		overflow = n->overflow;
		n->nr_changes = 0;
		n->overflow = false;
		spin_unlock(&n->lock);
		mutex_unlock(&fp->lock);
		kfree(r);
		st = notify_reply(work, &changes, overflow,
				  min(out_max, n->max_buf));
		changes_free(&changes);
		return st;
	}
	fsnotify_get_mark(&n->mark);
	r->n = n;
	list_add_tail(&r->node, &n->reqs);
	spin_unlock(&n->lock);
	mutex_unlock(&fp->lock);

	if (!ksmbd_work_go_async(work, req_cancel, r)) {
		spin_lock(&n->lock);
		list_del_init(&r->node);
		/* changes it took go back for the next request */
		list_splice(&r->changes, &n->changes);
		INIT_LIST_HEAD(&r->changes);
		n->overflow |= r->overflow;
		spin_unlock(&n->lock);
		req_free(r);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	/* a change, cancel or close that came early completes it now */
	spin_lock(&n->lock);
	r->armed = true;
	done = r->done;
	spin_unlock(&n->lock);
	if (done)
		queue_work(ksmbd_notify_wq, &r->done_wk);
	return STATUS_PENDING;
}

void ksmbd_notify_cleanup(struct ksmbd_file *fp)
{
	struct ksmbd_notify_req *r, *tmp;
	struct ksmbd_notify *n;

	mutex_lock(&fp->lock);
	n = list_first_entry_or_null(&fp->watches, struct ksmbd_notify,
				     fp_node);
	if (n) {
		list_del_init(&n->fp_node);
		spin_lock(&n->lock);
		n->closed = true;
		list_for_each_entry_safe(r, tmp, &n->reqs, node)
			req_finish_locked(r, STATUS_NOTIFY_CLEANUP);
		changes_free(&n->changes);
		n->nr_changes = 0;
		spin_unlock(&n->lock);
	}
	mutex_unlock(&fp->lock);
	if (n) {
		fsnotify_destroy_mark(&n->mark, ksmbd_notify_group);
		fsnotify_put_mark(&n->mark);	/* the open's */
	}
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
}
