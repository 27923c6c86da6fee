// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CHANGE_NOTIFY watches (see vfs/notify.h). Events of the directory and
 * its children (FS_EVENT_ON_CHILD: WATCH_TREE is served for the first
 * level only) are encoded as FILE_NOTIFY_INFORMATION ([MS-FSCC] 2.7.1);
 * the first event completes the request, an event that does not fit the
 * client's buffer completes it with STATUS_NOTIFY_ENUM_DIR.
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

struct ksmbd_watch {
	struct fsnotify_mark mark;
	struct work_struct done_wk;
	struct list_head node;		/* fp->watches, under fp->lock */
	struct ksmbd_work *work;
	struct ksmbd_file *fp;		/* referenced */
	u32 filter;
	spinlock_t lock;		/* guards the fields below */
	bool armed;			/* the request went async */
	bool done;			/* a final status is decided */
	__le32 status;
	u8 *buf;
	u32 len, max;
};

struct ksmbd_notify_info {		/* [MS-FSCC] 2.7.1 */
	__le32 NextEntryOffset;
	__le32 Action;
	__le32 FileNameLength;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_notify_info) == 12);

static struct fsnotify_group *ksmbd_notify_group;
static DEFINE_MUTEX(ksmbd_notify_lock);

/* Finish the request once, from process context. */
static void watch_finish(struct ksmbd_watch *w, __le32 status)
{
	bool first;

	spin_lock(&w->lock);
	first = !w->done;
	if (first) {
		w->done = true;
		w->status = status;
	}
	first = first && w->armed;
	spin_unlock(&w->lock);
	if (first)
		queue_work(system_wq, &w->done_wk);
}

static void watch_done(struct work_struct *wk)
{
	struct ksmbd_watch *w = container_of(wk, struct ksmbd_watch, done_wk);
	struct ksmbd_file *fp = w->fp;
	__le32 st = w->status;

	mutex_lock(&fp->lock);
	list_del_init(&w->node);
	mutex_unlock(&fp->lock);

	if (st == STATUS_SUCCESS) {
		struct smb2_change_notify_rsp *rsp;
		void *out;

		rsp = ksmbd_rsp_struct(w->work, struct smb2_change_notify_rsp);
		out = rsp ? ksmbd_rsp_append(w->work, w->len) : NULL;
		if (out) {
			memcpy(out, w->buf, w->len);
			rsp = (void *)ksmbd_rsp_hdr(w->work);
			rsp->StructureSize = cpu_to_le16(9);
			rsp->OutputBufferOffset =
				cpu_to_le16(ksmbd_rsp_offset(w->work, out));
			rsp->OutputBufferLength = cpu_to_le32(w->len);
		} else {
			st = STATUS_NO_MEMORY;
		}
	}
	ksmbd_work_complete_async(w->work, st);
	fsnotify_destroy_mark(&w->mark, ksmbd_notify_group);
	ksmbd_file_put(fp);
	fsnotify_put_mark(&w->mark);	/* ours; free_mark frees w */
}

static u32 event_action(u32 mask)
{
	if (mask & (FS_CREATE))
		return FILE_ACTION_ADDED;
	if (mask & (FS_DELETE))
		return FILE_ACTION_REMOVED;
	if (mask & FS_MOVED_FROM)
		return FILE_ACTION_RENAMED_OLD_NAME;
	if (mask & FS_MOVED_TO)
		return FILE_ACTION_RENAMED_NEW_NAME;
	return FILE_ACTION_MODIFIED;
}

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
		     FILE_NOTIFY_CHANGE_LAST_WRITE | FILE_NOTIFY_CHANGE_EA |
		     FILE_NOTIFY_CHANGE_SECURITY;
	return f;
}

static int watch_event(struct fsnotify_mark *mark, u32 mask,
		       struct inode *inode, struct inode *dir,
		       const struct qstr *name, u32 cookie)
{
	struct ksmbd_watch *w = container_of(mark, struct ksmbd_watch, mark);
	bool isdir = mask & FS_ISDIR;
	struct ksmbd_notify_info *ni;
	u32 room;
	int n;

	if (mask & (FS_DELETE_SELF | FS_MOVE_SELF)) {
		watch_finish(w, STATUS_DELETE_PENDING);
		return 0;
	}
	if (!name || !(event_filter(mask, isdir) & w->filter))
		return 0;
	spin_lock(&w->lock);
	if (w->done) {
		spin_unlock(&w->lock);
		return 0;
	}
	room = w->max - w->len;
	/* a UTF-8 name of len bytes is at most len UTF-16 units */
	if (room < sizeof(*ni) + 2 * (u32)name->len) {
		spin_unlock(&w->lock);
		watch_finish(w, STATUS_NOTIFY_ENUM_DIR);
		return 0;
	}
	ni = (void *)(w->buf + w->len);
	n = utf8s_to_utf16s(name->name, name->len, UTF16_LITTLE_ENDIAN,
			    (wchar_t *)ni->FileName, (room - sizeof(*ni)) / 2);
	if (n <= 0) {
		/* could not be converted */
		spin_unlock(&w->lock);
		watch_finish(w, STATUS_NOTIFY_ENUM_DIR);
		return 0;
	}
	ni->NextEntryOffset = 0;
	ni->Action = cpu_to_le32(event_action(mask));
	ni->FileNameLength = cpu_to_le32(n * 2);
	w->len += sizeof(*ni) + n * 2;
	spin_unlock(&w->lock);
	watch_finish(w, STATUS_SUCCESS);
	return 0;
}

static void watch_free_mark(struct fsnotify_mark *mark)
{
	struct ksmbd_watch *w = container_of(mark, struct ksmbd_watch, mark);

	kfree(w->buf);
	kfree(w);
}

static const struct fsnotify_ops ksmbd_notify_ops = {
	.handle_inode_event = watch_event,
	.free_mark = watch_free_mark,
};

static struct fsnotify_group *notify_group(void)
{
	struct fsnotify_group *g;

	mutex_lock(&ksmbd_notify_lock);
	if (!ksmbd_notify_group) {
		g = fsnotify_alloc_group(&ksmbd_notify_ops, 0);
		if (!IS_ERR(g))
			ksmbd_notify_group = g;
	}
	g = ksmbd_notify_group;
	mutex_unlock(&ksmbd_notify_lock);
	return g;
}

static void watch_cancel(struct ksmbd_work *work, void *arg)
{
	watch_finish(arg, STATUS_CANCELLED);
}

#define WATCH_MASK	(FS_CREATE | FS_DELETE | FS_MOVED_FROM | FS_MOVED_TO | \
			 FS_MODIFY | FS_ATTRIB | FS_DELETE_SELF |	\
			 FS_MOVE_SELF | FS_EVENT_ON_CHILD)

__le32 ksmbd_notify_watch(struct ksmbd_work *work, struct ksmbd_file *fp,
			  u32 filter, bool tree, u32 out_max)
{
	struct fsnotify_group *g = notify_group();
	struct ksmbd_watch *w;
	bool done;
	int err;

	if (!g)
		return STATUS_NOT_SUPPORTED;
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return STATUS_NO_MEMORY;
	w->buf = kmalloc(max_t(u32, out_max, 1), GFP_KERNEL);
	if (!w->buf) {
		kfree(w);
		return STATUS_NO_MEMORY;
	}
	w->max = out_max;
	w->filter = filter;
	w->work = work;
	w->fp = fp;
	spin_lock_init(&w->lock);
	INIT_WORK(&w->done_wk, watch_done);
	INIT_LIST_HEAD(&w->node);
	fsnotify_init_mark(&w->mark, g);
	w->mark.mask = WATCH_MASK;

	err = fsnotify_add_inode_mark(&w->mark, file_inode(fp->filp), 0);
	if (err) {
		fsnotify_put_mark(&w->mark);
		return ksmbd_vfs_status(err);
	}
	kref_get(&fp->kref);
	mutex_lock(&fp->lock);
	list_add_tail(&w->node, &fp->watches);
	mutex_unlock(&fp->lock);
	if (!ksmbd_work_go_async(work, watch_cancel, w)) {
		mutex_lock(&fp->lock);
		list_del(&w->node);
		mutex_unlock(&fp->lock);
		ksmbd_file_put(fp);
		fsnotify_destroy_mark(&w->mark, g);
		fsnotify_put_mark(&w->mark);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	/* events (or a cancel) that came early complete the request now */
	spin_lock(&w->lock);
	w->armed = true;
	done = w->done;
	spin_unlock(&w->lock);
	if (done)
		queue_work(system_wq, &w->done_wk);
	return STATUS_PENDING;
}

void ksmbd_notify_cleanup(struct ksmbd_file *fp)
{
	struct ksmbd_watch *w;

	mutex_lock(&fp->lock);
	list_for_each_entry(w, &fp->watches, node)
		watch_finish(w, STATUS_NOTIFY_CLEANUP);
	mutex_unlock(&fp->lock);
}

void ksmbd_notify_exit(void)
{
	if (ksmbd_notify_group) {
		fsnotify_put_group(ksmbd_notify_group);
		ksmbd_notify_group = NULL;
	}
}
