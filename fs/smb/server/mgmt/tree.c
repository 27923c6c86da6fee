// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tree connects of a session (see mgmt/tree.h).
 */
#include <linux/slab.h>
#include <linux/xarray.h>

#include "tree.h"
#include "session.h"
#include "share.h"
#include "../ipc.h"
#include "../vfs/fid.h"
#include "../smb2/pipe.h"

struct ksmbd_tree_connect *ksmbd_tree_add(struct ksmbd_session *sess,
					  struct ksmbd_share *share)
{
	struct ksmbd_tree_connect *tcon = kzalloc(sizeof(*tcon), GFP_KERNEL);
	u32 id;

	if (!tcon)
		return NULL;
	kref_init(&tcon->kref);			/* the table's reference */
	tcon->sess = sess;
	tcon->share = share;
	tcon->state = KSMBD_TREE_NEW;
	/* TreeId 0xFFFFFFFF means "inherit" in a related compound */
	if (xa_alloc(&sess->trees, &id, tcon, XA_LIMIT(1, U32_MAX - 1),
		     GFP_KERNEL)) {
		kfree(tcon);
		return NULL;
	}
	tcon->id = id;
	kref_get(&tcon->kref);			/* the caller's reference */
	return tcon;
}

static void ksmbd_tree_release(struct kref *kref)
{
	struct ksmbd_tree_connect *tcon =
		container_of(kref, struct ksmbd_tree_connect, kref);

	if (tcon->share)
		ksmbd_share_put(tcon->share);
	kfree(tcon);
}

void ksmbd_tree_put(struct ksmbd_tree_connect *tcon)
{
	kref_put(&tcon->kref, ksmbd_tree_release);
}

struct ksmbd_tree_connect *ksmbd_tree_lookup(struct ksmbd_session *sess,
					     u32 id)
{
	struct ksmbd_tree_connect *tcon;

	xa_lock(&sess->trees);
	tcon = xa_load(&sess->trees, id);
	if (tcon && (READ_ONCE(tcon->state) != KSMBD_TREE_CONNECTED ||
		     !kref_get_unless_zero(&tcon->kref)))
		tcon = NULL;
	xa_unlock(&sess->trees);
	return tcon;
}

void ksmbd_tree_publish(struct ksmbd_tree_connect *tcon)
{
	xa_lock(&tcon->sess->trees);
	if (tcon->state == KSMBD_TREE_NEW)
		WRITE_ONCE(tcon->state, KSMBD_TREE_CONNECTED);
	xa_unlock(&tcon->sess->trees);
}

void ksmbd_tree_abort(struct ksmbd_tree_connect *tcon)
{
	struct ksmbd_session *sess = tcon->sess;
	bool mine = false;

	xa_lock(&sess->trees);
	if (tcon->state == KSMBD_TREE_NEW) {
		WRITE_ONCE(tcon->state, KSMBD_TREE_DISCONNECTING);
		__xa_erase(&sess->trees, tcon->id);
		mine = true;
	}
	xa_unlock(&sess->trees);
	if (mine)
		ksmbd_tree_put(tcon);		/* the table's reference */
}

void ksmbd_tree_disconnect(struct ksmbd_tree_connect *tcon)
{
	struct ksmbd_session *sess = tcon->sess;
	bool mine = false;

	xa_lock(&sess->trees);
	if (tcon->state == KSMBD_TREE_CONNECTED) {
		WRITE_ONCE(tcon->state, KSMBD_TREE_DISCONNECTING);
		__xa_erase(&sess->trees, tcon->id);
		mine = true;
	}
	xa_unlock(&sess->trees);
	if (!mine)
		return;
	ksmbd_close_tree_files(tcon);
	ksmbd_pipe_close_tree(tcon);
	ksmbd_ipc_tree_disconnect(sess->id, tcon->id);
	ksmbd_tree_put(tcon);			/* the table's reference */
}

void ksmbd_tree_disconnect_all(struct ksmbd_session *sess)
{
	struct ksmbd_tree_connect *tcon;
	unsigned long id;

	for (;;) {
		xa_lock(&sess->trees);
		tcon = xa_find(&sess->trees, &id, ULONG_MAX, XA_PRESENT);
		if (tcon)
			kref_get(&tcon->kref);
		xa_unlock(&sess->trees);
		if (!tcon)
			break;
		ksmbd_tree_abort(tcon);
		ksmbd_tree_disconnect(tcon);
		ksmbd_tree_put(tcon);
	}
}
