// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Session table and session lifetime (see mgmt/session.h).
 */
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

/*
 * GlobalSessionTable: id -> session, no reference held (see session.h).
 * Ids are unique across connections (binding, PreviousSessionId).
 */
static DEFINE_XARRAY_ALLOC1(ksmbd_session_table);

static struct ksmbd_channel *channel_find(struct ksmbd_session *sess,
					  struct ksmbd_conn *conn)
{
	struct ksmbd_channel *ch;

	lockdep_assert_held(&sess->chan_lock);
	list_for_each_entry(ch, &sess->channels, list)
		if (ch->conn == conn)
			return ch;
	return NULL;
}

struct ksmbd_session *ksmbd_session_create(struct ksmbd_conn *conn)
{
	struct ksmbd_session *sess;
	struct ksmbd_channel *ch;
	u32 id;
	int rc;

	sess = kzalloc(sizeof(*sess), GFP_KERNEL);
	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!sess || !ch)
		goto err_free;
	kref_init(&sess->kref);		/* conn->sessions' reference */
	mutex_init(&sess->lock);
	spin_lock_init(&sess->user_lock);
	spin_lock_init(&sess->chan_lock);
	INIT_LIST_HEAD(&sess->channels);
	sess->state = KSMBD_SESS_IN_PROGRESS;
	sess->dialect = conn->dialect;
	sess->signing_alg = conn->signing_alg;
	sess->cipher = conn->cipher;
	memcpy(sess->client_guid, conn->client_guid, sizeof(sess->client_guid));
	xa_init_flags(&sess->trees, XA_FLAGS_ALLOC1);
	xa_init_flags(&sess->pipes, XA_FLAGS_ALLOC1);
	memcpy(sess->preauth_hash, conn->preauth_hash,
	       sizeof(sess->preauth_hash));
	ch->conn = conn;
	list_add(&ch->list, &sess->channels);
	if (ksmbd_fid_table_init(sess))
		goto err_free;
	if (xa_alloc(&ksmbd_session_table, &id, sess, xa_limit_31b,
		     GFP_KERNEL))
		goto err_fid;
	sess->id = id;
	rc = xa_insert(&conn->sessions, sess->id, sess, GFP_KERNEL);
	if (rc) {
		xa_erase(&ksmbd_session_table, id);
		goto err_fid;
	}
	kref_get(&sess->kref);		/* the caller's reference */
	return sess;
err_fid:
	ksmbd_fid_table_destroy(sess);
err_free:
	kfree(ch);
	kfree(sess);
	return NULL;
}

static void ksmbd_session_release(struct kref *kref)
{
	struct ksmbd_session *sess =
		container_of(kref, struct ksmbd_session, kref);

	struct ksmbd_channel *ch, *tmp;

	xa_erase(&ksmbd_session_table, sess->id);
	ksmbd_fid_table_destroy(sess);
	xa_destroy(&sess->trees);
	xa_destroy(&sess->pipes);
	if (sess->user)
		ksmbd_user_put(sess->user);
	kfree(sess->auth_ctx);
	list_for_each_entry_safe(ch, tmp, &sess->channels, list)
		kfree_sensitive(ch);
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

/*
 * Take sess out of conn->sessions and free its channel ch there (if any);
 * returns the number of table references (0 or 1) the caller drops once it
 * has released sess->chan_lock, which it holds.
 */
static int session_leave(struct ksmbd_session *sess, struct ksmbd_conn *conn,
			 struct ksmbd_channel *ch)
{
	lockdep_assert_held(&sess->chan_lock);
	if (ch) {
		list_del(&ch->list);
		kfree_sensitive(ch);
	}
	return xa_cmpxchg(&conn->sessions, sess->id, sess, NULL, 0) == sess;
}

struct ksmbd_session *ksmbd_session_lookup_any(u64 id)
{
	struct ksmbd_session *sess;

	if (!id || id > ULONG_MAX)
		return NULL;
	xa_lock(&ksmbd_session_table);
	sess = xa_load(&ksmbd_session_table, id);
	if (sess && !kref_get_unless_zero(&sess->kref))
		sess = NULL;
	xa_unlock(&ksmbd_session_table);
	return sess;
}

bool ksmbd_session_on_conn(struct ksmbd_session *sess,
			   struct ksmbd_conn *conn)
{
	bool on;

	spin_lock(&sess->chan_lock);
	on = channel_find(sess, conn);
	spin_unlock(&sess->chan_lock);
	return on;
}

struct ksmbd_conn *ksmbd_session_other_conn(struct ksmbd_session *sess,
					    struct ksmbd_conn *not)
{
	struct ksmbd_channel *ch;
	struct ksmbd_conn *conn = NULL;

	spin_lock(&sess->chan_lock);
	list_for_each_entry(ch, &sess->channels, list) {
		if (ch->conn == not || ksmbd_conn_exiting(ch->conn))
			continue;
		conn = ch->conn;
		ksmbd_conn_get(conn);
		break;
	}
	spin_unlock(&sess->chan_lock);
	return conn;
}

bool ksmbd_session_channel_key(struct ksmbd_session *sess,
			       struct ksmbd_conn *conn, u8 *key)
{
	struct ksmbd_channel *ch;

	spin_lock(&sess->chan_lock);
	ch = channel_find(sess, conn);
	if (ch)
		memcpy(key, ch->signing_key, SMB3_SIGN_KEY_SIZE);
	spin_unlock(&sess->chan_lock);
	return ch;
}

void ksmbd_session_set_channel_key(struct ksmbd_session *sess,
				   struct ksmbd_conn *conn, const u8 *key)
{
	struct ksmbd_channel *ch;

	spin_lock(&sess->chan_lock);
	ch = channel_find(sess, conn);
	if (ch)
		memcpy(ch->signing_key, key, SMB3_SIGN_KEY_SIZE);
	spin_unlock(&sess->chan_lock);
}

int ksmbd_session_bind(struct ksmbd_session *sess, struct ksmbd_conn *conn,
		       const u8 *key)
{
	struct ksmbd_channel *ch;
	int rc, puts = 0;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return -ENOMEM;
	ch->conn = conn;
	memcpy(ch->signing_key, key, SMB3_SIGN_KEY_SIZE);
	/* published on conn before its channel: lookups there fail to sign */
	kref_get(&sess->kref);		/* conn->sessions' reference */
	rc = xa_insert(&conn->sessions, sess->id, sess, GFP_KERNEL);
	if (rc) {
		ksmbd_session_put(sess);	/* not the last: caller's */
		kfree_sensitive(ch);
		return rc == -EBUSY ? -EEXIST : rc;
	}
	spin_lock(&sess->chan_lock);
	if (READ_ONCE(sess->state) == KSMBD_SESS_GONE)
		rc = -ESTALE;
	else if (channel_find(sess, conn))
		rc = -EEXIST;
	else if (list_count_nodes(&sess->channels) >= KSMBD_MAX_CHANNELS)
		rc = -ENOSPC;
	if (rc)
		puts = session_leave(sess, conn, NULL);
	else
		list_add_tail(&ch->list, &sess->channels);
	spin_unlock(&sess->chan_lock);
	while (puts--)
		ksmbd_session_put(sess);
	if (rc)
		kfree_sensitive(ch);
	return rc;
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
	struct ksmbd_channel *ch, *tmp;
	struct ksmbd_user *user;
	bool logout;
	int puts = 0;

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

	/* a channel's conn is alive while the channel is listed */
	spin_lock(&sess->chan_lock);
	list_for_each_entry_safe(ch, tmp, &sess->channels, list)
		puts += session_leave(sess, ch->conn, ch);
	spin_unlock(&sess->chan_lock);
	/* the caller's reference keeps these from being the last */
	while (puts--)
		ksmbd_session_put(sess);
}

void ksmbd_session_destroy_all(struct ksmbd_conn *conn)
{
	struct ksmbd_session *sess;
	unsigned long id;
	bool last;
	int puts;

	for (;;) {
		xa_lock(&conn->sessions);
		sess = xa_find(&conn->sessions, &id, ULONG_MAX, XA_PRESENT);
		if (sess)
			kref_get(&sess->kref);
		xa_unlock(&conn->sessions);
		if (!sess)
			break;
		spin_lock(&sess->chan_lock);
		puts = session_leave(sess, conn, channel_find(sess, conn));
		last = list_empty(&sess->channels);
		spin_unlock(&sess->chan_lock);
		while (puts--)
			ksmbd_session_put(sess);
		/* bound elsewhere, it goes on there ([MS-SMB2] 3.3.7.1) */
		if (last)
			ksmbd_session_destroy(sess);
		ksmbd_session_put(sess);
	}
}

void ksmbd_session_destroy_previous(struct ksmbd_session *sess, u64 prev_id)
{
	struct ksmbd_session *prev;
	struct ksmbd_user *user, *prev_user;
	bool same;

	if (!prev_id || prev_id == sess->id)
		return;
	prev = ksmbd_session_lookup_any(prev_id);
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
