/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tree connect (struct ksmbd_tree_connect): one session's connection to
 * one share.
 *
 * Owner: core. Created by TREE_CONNECT (smb2/tree.c) and kept in its
 * session's table (sess->trees).
 *
 * References (tcon->kref):
 *   - sess->trees holds one until TREE_DISCONNECT or session teardown;
 *   - each work using the tree holds one (ksmbd_tree_lookup());
 *   - each open file of the vfs area holds one (ksmbd_tree_get()).
 * tcon->share is referenced (ksmbd_share_put() on the last tree put);
 * tcon->sess is not referenced: a session destroys its trees before it
 * goes, and a work holding the tree also holds the session.
 *
 * Locking: state is written under the session's trees xarray lock and read
 * with READ_ONCE(); a tree that is not KSMBD_TREE_CONNECTED is refused
 * (STATUS_NETWORK_NAME_DELETED). The other fields are immutable after
 * ksmbd_tree_publish(); before it only TREE_CONNECT sees the tree (and may
 * swap share for a fresh copy when the daemon flags it UPDATE).
 */
#ifndef __KSMBD_MGMT_TREE_H__
#define __KSMBD_MGMT_TREE_H__

#include <linux/kref.h>
#include <linux/types.h>

struct ksmbd_session;
struct ksmbd_share;

enum ksmbd_tree_state {
	KSMBD_TREE_NEW,			/* in the table, daemon not yet asked */
	KSMBD_TREE_CONNECTED,
	KSMBD_TREE_DISCONNECTING,
};

struct ksmbd_tree_connect {
	struct kref kref;
	u32 id;
	enum ksmbd_tree_state state;
	struct ksmbd_session *sess;
	struct ksmbd_share *share;	/* referenced */
	u16 flags;			/* KSMBD_TREE_CONN_FLAG_* from daemon */
	bool writable;
	__le32 maximal_access;		/* FILE_* access mask granted */
};

/*
 * Allocate and insert a tree for share (takes over the share reference) in
 * state NEW: it has its id but lookups do not see it until
 * ksmbd_tree_publish(); ksmbd_tree_abort() removes it again without
 * telling the daemon. Both drop the table's reference on failure paths as
 * appropriate; the caller keeps its own.
 */
struct ksmbd_tree_connect *ksmbd_tree_add(struct ksmbd_session *sess,
					  struct ksmbd_share *share);
void ksmbd_tree_publish(struct ksmbd_tree_connect *tcon);
void ksmbd_tree_abort(struct ksmbd_tree_connect *tcon);

/* Lookup by id with a reference; NULL if none or not connected. */
struct ksmbd_tree_connect *ksmbd_tree_lookup(struct ksmbd_session *sess,
					     u32 id);

static inline void ksmbd_tree_get(struct ksmbd_tree_connect *tcon)
{
	kref_get(&tcon->kref);
}

void ksmbd_tree_put(struct ksmbd_tree_connect *tcon);

/*
 * Disconnect: mark DISCONNECTING, remove from the table, close its files
 * (vfs's ksmbd_close_tree_files), tell the daemon, drop the table's
 * reference. Idempotent; the caller holds its own reference.
 */
void ksmbd_tree_disconnect(struct ksmbd_tree_connect *tcon);

/* Disconnect every tree of sess (session teardown). */
void ksmbd_tree_disconnect_all(struct ksmbd_session *sess);

#endif /* __KSMBD_MGMT_TREE_H__ */
