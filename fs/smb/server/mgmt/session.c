// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Session table and session lifetime (see mgmt/session.h).
 */
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../ipc.h"
#include "session.h"
#include "tree.h"
#include "user.h"
#include "../conn.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../smb2/pipe.h"

/* Session ids are unique across connections (PreviousSessionId). */
static DEFINE_IDA(ksmbd_session_ida);

struct ksmbd_session *ksmbd_session_create(struct ksmbd_conn *conn)
{
	struct ksmbd_session *sess;
	int id, rc;

	sess = kzalloc(sizeof(*sess), GFP_KERNEL);
	if (!sess)
		return NULL;
	id = ida_alloc_min(&ksmbd_session_ida, 1, GFP_KERNEL);
	if (id < 0) {
		kfree(sess);
		return NULL;
	}
	kref_init(&sess->kref);		/* the table's reference */
	sess->id = id;
	sess->conn = conn;
	mutex_init(&sess->lock);
	spin_lock_init(&sess->user_lock);
	sess->state = KSMBD_SESS_IN_PROGRESS;
	xa_init_flags(&sess->trees, XA_FLAGS_ALLOC1);
	xa_init_flags(&sess->pipes, XA_FLAGS_ALLOC1);
	memcpy(sess->preauth_hash, conn->preauth_hash,
	       sizeof(sess->preauth_hash));
	if (ksmbd_fid_table_init(sess))
		goto err;
	rc = xa_insert(&conn->sessions, sess->id, sess, GFP_KERNEL);
	if (rc) {
		ksmbd_fid_table_destroy(sess);
		goto err;
	}
	kref_get(&sess->kref);		/* the caller's reference */
	return sess;
err:
	ida_free(&ksmbd_session_ida, id);
	kfree(sess);
	return NULL;
}

static void ksmbd_session_release(struct kref *kref)
{
	struct ksmbd_session *sess =
		container_of(kref, struct ksmbd_session, kref);

	ksmbd_fid_table_destroy(sess);
	xa_destroy(&sess->trees);
	xa_destroy(&sess->pipes);
	if (sess->user)
		ksmbd_user_put(sess->user);
	kfree(sess->auth_ctx);
	ida_free(&ksmbd_session_ida, sess->id);
	kfree_sensitive(sess);
}

void ksmbd_session_put(struct ksmbd_session *sess)
{
	kref_put(&sess->kref, ksmbd_session_release);
}

struct ksmbd_session *ksmbd_session_lookup(struct ksmbd_conn *conn, u64 id)
{
	struct ksmbd_session *sess;

	if (!id || id > ULONG_MAX)
		return NULL;
	xa_lock(&conn->sessions);
	sess = xa_load(&conn->sessions, id);
	if (sess && !kref_get_unless_zero(&sess->kref))
		sess = NULL;
	xa_unlock(&conn->sessions);
	return sess;
}

struct ksmbd_user *ksmbd_session_user(struct ksmbd_session *sess)
{
	struct ksmbd_user *user;

	spin_lock(&sess->user_lock);
	user = ksmbd_user_get(sess->user);
	spin_unlock(&sess->user_lock);
	return user;
}

void ksmbd_session_set_user(struct ksmbd_session *sess,
			    struct ksmbd_user *user)
{
	struct ksmbd_user *old;

	lockdep_assert_held(&sess->lock);
	spin_lock(&sess->user_lock);
	old = sess->user;
	sess->user = user;
	spin_unlock(&sess->user_lock);
	ksmbd_user_put(old);
}

__le32 ksmbd_session_check(struct ksmbd_session *sess)
{
	switch (READ_ONCE(sess->state)) {
	case KSMBD_SESS_VALID:
		if (sess->expires && time_after(jiffies, sess->expires))
			return STATUS_NETWORK_SESSION_EXPIRED;
		return STATUS_SUCCESS;
	case KSMBD_SESS_EXPIRED:
		return STATUS_NETWORK_SESSION_EXPIRED;
	default:
		return STATUS_USER_SESSION_DELETED;
	}
}

void ksmbd_session_destroy(struct ksmbd_session *sess)
{
	struct ksmbd_conn *conn = sess->conn;
	struct ksmbd_user *user;
	bool logout;

	mutex_lock(&sess->lock);
	if (sess->state == KSMBD_SESS_GONE) {
		mutex_unlock(&sess->lock);
		return;
	}
	logout = sess->state == KSMBD_SESS_VALID ||
		 sess->state == KSMBD_SESS_EXPIRED;
	WRITE_ONCE(sess->state, KSMBD_SESS_GONE);
	mutex_unlock(&sess->lock);

	/* file -> tree -> session */
	ksmbd_close_session_files(sess);
	ksmbd_pipe_close_session(sess);
	ksmbd_tree_disconnect_all(sess);
	user = ksmbd_session_user(sess);
	if (logout && user && !user->guest)
		ksmbd_ipc_logout(user->name, user->flags);
	ksmbd_user_put(user);

	if (xa_cmpxchg(&conn->sessions, sess->id, sess, NULL, 0) == sess)
		ksmbd_session_put(sess);	/* the table's reference */
}

void ksmbd_session_destroy_all(struct ksmbd_conn *conn)
{
	struct ksmbd_session *sess;
	unsigned long id;

	for (;;) {
		xa_lock(&conn->sessions);
		sess = xa_find(&conn->sessions, &id, ULONG_MAX, XA_PRESENT);
		if (sess)
			kref_get(&sess->kref);
		xa_unlock(&conn->sessions);
		if (!sess)
			break;
		ksmbd_session_destroy(sess);
		ksmbd_session_put(sess);
	}
}

void ksmbd_session_destroy_previous(struct ksmbd_session *sess, u64 prev_id)
{
	struct ksmbd_session *prev = NULL;
	struct ksmbd_user *user, *prev_user;
	struct ksmbd_conn *conn;
	bool same;

	if (!prev_id || prev_id == sess->id)
		return;
	mutex_lock(&ksmbd_conn_list_lock);
	list_for_each_entry(conn, &ksmbd_conn_list, list) {
		prev = ksmbd_session_lookup(conn, prev_id);
		if (prev)
			break;
	}
	mutex_unlock(&ksmbd_conn_list_lock);
	if (!prev)
		return;
	user = ksmbd_session_user(sess);
	prev_user = ksmbd_session_user(prev);
	same = user && prev_user && !strcmp(prev_user->name, user->name);
	ksmbd_user_put(prev_user);
	ksmbd_user_put(user);
	if (same)
		ksmbd_session_destroy(prev);
	ksmbd_session_put(prev);
}
