/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An SMB2 session (struct ksmbd_session).
 *
 * Owner: core. Created by SESSION_SETUP (smb2/session.c) on one connection
 * and reachable from each connection it has a channel on ([MS-SMB2]
 * 3.3.1.8 Session.ChannelList): the connection that created it, and those
 * bound to it later with SMB2_SESSION_FLAG_BINDING (smb2/session_bind.c,
 * multichannel). Each such connection finds it by id in its own table
 * (conn->sessions, Connection.SessionTable); a global table (the
 * GlobalSessionTable) finds it from any connection, for binding and
 * PreviousSessionId.
 *
 * References (sess->kref):
 *   - each conn->sessions it is in holds one, from creation or binding
 *     until the session leaves that connection (LOGOFF, failed
 *     authentication, PreviousSessionId, connection teardown);
 *   - each work that uses the session holds one (ksmbd_session_lookup(),
 *     ksmbd_session_lookup_any()).
 *   - the global table holds none: the release removes the entry, and a
 *     lookup takes its reference under the table's lock with
 *     kref_get_unless_zero().
 * The last put frees the session; by then its trees and files are gone
 * (ksmbd_session_destroy() runs the teardown before dropping the table
 * references).
 *
 * Channels (struct ksmbd_channel, sess->channels under sess->chan_lock):
 * one per connection the session is on. A channel's conn is not
 * referenced: a connection's teardown removes its channels
 * (ksmbd_session_destroy_all()) under sess->chan_lock, so a channel on the
 * list always has a live connection; whoever walks the list to touch a
 * channel's connection holds sess->chan_lock. Lock order: sess->lock ->
 * sess->chan_lock -> the xarray lock of conn->sessions.
 *
 * Locking:
 *   sess->lock (mutex) guards state, the keys, preauth_hash, auth_ctx,
 *     flags and expires; it is held across one SESSION_SETUP step so that
 *     two setups of the same session cannot interleave.
 *   sess->user_lock (spinlock) guards the user pointer, which a
 *     reauthentication may replace while other requests of the session run:
 *     it is written with ksmbd_session_set_user() under sess->lock too, and
 *     read by everyone else with ksmbd_session_user(), which returns a
 *     reference. SESSION_SETUP, holding sess->lock, may read it directly.
 *   state is also read locklessly with READ_ONCE() by lookups: a session
 *     that is not KSMBD_SESS_VALID is refused to everything but
 *     SESSION_SETUP.
 *   sess->trees (xarray, own lock): tree id -> struct ksmbd_tree_connect*,
 *     each referenced by the table.
 *   sess->pipes (xarray, own lock): open IPC$ pipes (smb2/pipe.h).
 *   sess->files is the vfs area's open-file table (vfs/fid.h), created by
 *     ksmbd_fid_table_init() and destroyed by ksmbd_fid_table_destroy().
 */
#ifndef __KSMBD_MGMT_SESSION_H__
#define __KSMBD_MGMT_SESSION_H__

#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>
#include <linux/atomic.h>
#include <linux/types.h>

#include "../../common/smb2pdu.h"

struct ksmbd_conn;
struct ksmbd_user;
struct ksmbd_fid_table;

enum ksmbd_sess_state {
	KSMBD_SESS_IN_PROGRESS,	/* SESSION_SETUP under way */
	KSMBD_SESS_VALID,	/* authenticated */
	KSMBD_SESS_EXPIRED,	/* needs reauthentication */
	KSMBD_SESS_GONE,	/* logged off / torn down: refuse everything */
};

#define KSMBD_SESS_KEY_SIZE	16

/*
 * A connection the session is on ([MS-SMB2] 3.3.1.14 Channel). 3.x signs
 * with a key per channel: the session's own for the connection that
 * created it, one derived from the binding's authentication for a bound
 * one.
 */
struct ksmbd_channel {
	struct list_head list;		/* sess->channels */
	struct ksmbd_conn *conn;	/* see "Channels" above */
	u8 signing_key[SMB3_SIGN_KEY_SIZE];
};

struct ksmbd_session {
	struct kref kref;
	u64 id;
	/* of the connection that created it (Session.Connection): binding */
	u16 dialect;
	__le16 signing_alg;
	__le16 cipher;
	u8 client_guid[SMB2_CLIENT_GUID_SIZE];

	spinlock_t chan_lock;		/* guards channels */
	struct list_head channels;	/* struct ksmbd_channel */

	struct mutex lock;		/* see header comment */
	enum ksmbd_sess_state state;
	spinlock_t user_lock;		/* see header comment */
	struct ksmbd_user *user;	/* referenced; NULL for anonymous */
	bool is_guest;
	bool is_anonymous;
	bool keyed;			/* authenticated with a session key */
	bool sign;			/* responses/requests must be signed */
	bool encrypt;			/* every request must come encrypted */
	bool enc_seen;			/* the client has sent encrypted requests */
	unsigned long expires;		/* jiffies; 0 = never */

	u8 sess_key[KSMBD_SESS_KEY_SIZE];
	u8 signing_key[SMB3_SIGN_KEY_SIZE];
	u8 enc_key[SMB3_ENC_DEC_KEY_SIZE];	/* server -> client */
	u8 dec_key[SMB3_ENC_DEC_KEY_SIZE];	/* client -> server */
	u8 app_key[SMB3_SIGN_KEY_SIZE];
	u8 preauth_hash[SMB2_PREAUTH_HASH_SIZE];	/* 3.1.1 */
	atomic64_t nonce_ctr;		/* smb2/transform.c: nonces sent */
	u8 nonce_salt[4];

	void *auth_ctx;			/* NTLMSSP state between setup legs */

	struct xarray trees;		/* id -> struct ksmbd_tree_connect * */
	struct ksmbd_fid_table *files;	/* vfs/fid.h */
	struct xarray pipes;		/* IPC$ pipes, smb2/pipe.c */
};

/*
 * New session in state IN_PROGRESS, inserted in conn->sessions and the
 * global table, with a channel for conn.
 */
struct ksmbd_session *ksmbd_session_create(struct ksmbd_conn *conn);

/*
 * Find a session by id on any connection (GlobalSessionTable) and take a
 * reference; NULL if there is none.
 */
struct ksmbd_session *ksmbd_session_lookup_any(u64 id);

/* Has sess a channel on conn? */
bool ksmbd_session_on_conn(struct ksmbd_session *sess,
			   struct ksmbd_conn *conn);

/*
 * A connection of sess other than @not that is still serving, referenced
 * (ksmbd_conn_put()); NULL if there is none. For a message that cannot
 * go where it belongs: an oplock break whose open's connection is gone
 * goes on another channel of the session ([MS-SMB2] 3.3.4.6).
 */
struct ksmbd_conn *ksmbd_session_other_conn(struct ksmbd_session *sess,
					    struct ksmbd_conn *not);

/*
 * Copy the signing key of sess's channel on conn to key
 * (SMB3_SIGN_KEY_SIZE bytes); false (key untouched) when it has none.
 */
bool ksmbd_session_channel_key(struct ksmbd_session *sess,
			       struct ksmbd_conn *conn, u8 *key);

/* Set the signing key of sess's channel on conn (first authentication). */
void ksmbd_session_set_channel_key(struct ksmbd_session *sess,
				   struct ksmbd_conn *conn, const u8 *key);

/* Channels of one session at most, as Windows Server 2012 R2 and later */
#define KSMBD_MAX_CHANNELS	32

/*
 * Bind conn to sess as a new channel signing with key, and insert sess in
 * conn->sessions. 0, -EEXIST when already bound there, -ESTALE when sess
 * is gone, -ENOSPC when it has KSMBD_MAX_CHANNELS already, -ENOMEM.
 */
int ksmbd_session_bind(struct ksmbd_session *sess, struct ksmbd_conn *conn,
		       const u8 *key);

/*
 * Find a session of conn by id and take a reference. Returns NULL if there
 * is none. The caller checks the state (see ksmbd_session_check()).
 */
struct ksmbd_session *ksmbd_session_lookup(struct ksmbd_conn *conn, u64 id);

/*
 * NTSTATUS for using sess on an ordinary request: STATUS_SUCCESS when valid,
 * STATUS_NETWORK_SESSION_EXPIRED when expired, STATUS_USER_SESSION_DELETED
 * otherwise.
 */
__le32 ksmbd_session_check(struct ksmbd_session *sess);

/*
 * The session has keys to sign and encrypt with: authenticated (or expired,
 * awaiting reauthentication) by a user with a session key, not as guest or
 * anonymous. A later reauthentication keeps the keys of the first one
 * ([MS-SMB2] 3.3.5.5.3), whoever it names.
 */
static inline bool ksmbd_session_keyed(struct ksmbd_session *sess)
{
	enum ksmbd_sess_state s = READ_ONCE(sess->state);

	return (s == KSMBD_SESS_VALID || s == KSMBD_SESS_EXPIRED) &&
	       READ_ONCE(sess->keyed);
}

/* The session's user with a reference (ksmbd_user_put()), or NULL. */
struct ksmbd_user *ksmbd_session_user(struct ksmbd_session *sess);

/*
 * Make user (whose reference the session takes over; NULL for anonymous)
 * the session's user and drop the previous one. Caller holds sess->lock.
 */
void ksmbd_session_set_user(struct ksmbd_session *sess,
			    struct ksmbd_user *user);

static inline void ksmbd_session_get(struct ksmbd_session *sess)
{
	kref_get(&sess->kref);
}

void ksmbd_session_put(struct ksmbd_session *sess);

/*
 * Tear a session down: mark it GONE, close its files, disconnect its trees,
 * remove it from the table of every connection it is on and drop those
 * references. Idempotent; the caller holds its own reference. Order: file
 * -> tree -> session. Tells the daemon (logout) when a user was logged in.
 */
void ksmbd_session_destroy(struct ksmbd_session *sess);

/*
 * Connection teardown: every session of conn leaves it; one that has no
 * other channel is destroyed, one bound to other connections goes on
 * there with its files and trees ([MS-SMB2] 3.3.7.1).
 */
void ksmbd_session_destroy_all(struct ksmbd_conn *conn);

/*
 * PreviousSessionId: destroy session prev_id on any connection if it
 * belongs to the same user as sess (and is not sess itself).
 */
void ksmbd_session_destroy_previous(struct ksmbd_session *sess, u64 prev_id);

#endif /* __KSMBD_MGMT_SESSION_H__ */
