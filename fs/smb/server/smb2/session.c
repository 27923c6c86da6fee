// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SESSION_SETUP ([MS-SMB2] 3.3.5.5): SPNEGO-wrapped (or raw) NTLMSSP in
 * two round trips, verified in the kernel with the account's NT hash from
 * the daemon; Kerberos tokens handed to the daemon; guest and anonymous
 * sessions; reauthentication; PreviousSessionId; 3.x key derivation;
 * binding another connection to a session as a new channel (multichannel,
 * "server multi channel support").
 *
 * One setup step runs under sess->lock, so two steps of the same session
 * cannot interleave. Between the NTLMSSP legs sess->auth_ctx holds the
 * server challenge (struct ntlm_state); for a binding, conn->bind holds
 * it (struct ksmbd_bind_state, under conn->bind_lock, taken before
 * sess->lock).
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <crypto/algapi.h>

#include "dispatch.h"
#include "../work.h"
#include "../conn.h"
#include "../server.h"
#include "../ipc.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"
#include "../mgmt/user.h"
#include "../auth/ntlmssp.h"
#include "../auth/spnego.h"
#include "../auth/ntlm_mac.h"
#include "../auth/kdf.h"
#include "../auth/preauth.h"
#include "transform.h"

#define HDR			__SMB2_HEADER_STRUCTURE_SIZE
#define SETUP_RSP_FIXED		8	/* StructureSize 9 minus Buffer[1] */
#define SETUP_TOKEN_MAX		4096	/* our CHALLENGE / SPNEGO answers */
#define USER_NAME_MAX		(KSMBD_REQ_MAX_ACCOUNT_NAME_SZ * 4)

struct ntlm_state {
	u8 challenge[KSMBD_NTLMSSP_CHALLENGE_SIZE];
	/* the client's DER mechTypes, for the mechListMIC; 0 = none */
	u8 mech_list[128];
	size_t mech_list_len;
};

/* One setup step's context. */
struct setup_ctx {
	struct ksmbd_work *work;
	struct ksmbd_session *sess;
	bool spnego;		/* wrap answers in negTokenTarg */
	bool reauth;
	u8 sec_mode;		/* request's SecurityMode */
	__le16 flags;		/* SessionFlags of the answer */
	u8 *out;		/* SETUP_TOKEN_MAX bytes */
	size_t out_len;
	u8 mic[KSMBD_NTLM_MAC_SIZE];	/* mechListMIC of the last answer */
	size_t mic_len;
	const u8 *blob;		/* the request's security buffer */
	size_t blen;
	void **auth_ctx;	/* the NTLMSSP state between legs */
	u8 *key;		/* where this authentication's session key goes */
	struct ksmbd_bind_state *bind;	/* binding: who authenticated */
};

/*
 * A session binding between its legs (conn->bind, under conn->bind_lock):
 * made on a connection's first binding and kept until the connection goes,
 * so that a response's preauth hash update never outlives it.
 */
struct ksmbd_bind_state {
	u64 sess_id;			/* the session being bound; 0: none */
	void *auth_ctx;			/* struct ntlm_state */
	u8 preauth_hash[SMB2_PREAUTH_HASH_SIZE];	/* 3.1.1 */
	u8 sess_key[KSMBD_SESS_KEY_SIZE];
	struct ksmbd_user *user;	/* referenced; NULL: anonymous */
	bool guest;
};

/* Response body with the security token in ctx->out. */
static __le32 setup_rsp(struct setup_ctx *c)
{
	struct smb2_sess_setup_rsp *rsp;
	u8 *body, *p;

	body = ksmbd_rsp_body(c->work, SETUP_RSP_FIXED);
	if (!body)
		return STATUS_NO_MEMORY;
	rsp = (struct smb2_sess_setup_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(9);
	rsp->SessionFlags = c->flags;
	rsp->SecurityBufferOffset = cpu_to_le16(HDR + SETUP_RSP_FIXED);
	rsp->SecurityBufferLength = cpu_to_le16(c->out_len);
	if (c->out_len) {
		p = ksmbd_rsp_append(c->work, c->out_len);
		if (!p)
			return STATUS_NO_MEMORY;
		memcpy(p, c->out, c->out_len);
	}
	return 0;
}

/* Wrap ctx->out in a negTokenTarg (in place) when the client used SPNEGO. */
static int setup_wrap(struct setup_ctx *c, int result)
{
	if (!c->spnego)
		return 0;
	return ksmbd_spnego_build_targ(c->out, SETUP_TOKEN_MAX, result,
				       c->out_len ? c->out : NULL, c->out_len,
				       c->mic_len ? c->mic : NULL, c->mic_len,
				       &c->out_len);
}

/* Must this session sign? ([MS-SMB2] 3.3.5.5.3) */
static bool session_signs(struct ksmbd_conn *conn, u8 cli_sec_mode)
{
	return conn->sign_required ||
	       ksmbd_cfg.signing == KSMBD_CONFIG_OPT_MANDATORY ||
	       (cli_sec_mode & SMB2_NEGOTIATE_SIGNING_REQUIRED);
}

static bool encryption_required(void)
{
	return ksmbd_cfg.flags & KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION;
}

/* A user and session key are known: keys, signing, flags. */
static __le32 setup_established(struct setup_ctx *c)
{
	struct ksmbd_conn *conn = c->work->conn;
	struct ksmbd_session *sess = c->sess;
	struct ksmbd_session_keys keys;

	/*
	 * "smb3 encryption = mandatory": a session that cannot encrypt (guest,
	 * anonymous, 2.x or no common cipher) is refused ([MS-SMB2] 3.3.5.5.3,
	 * RejectUnencryptedAccess).
	 */
	if (encryption_required() &&
	    (sess->is_guest || sess->is_anonymous || !conn->cipher))
		return STATUS_ACCESS_DENIED;
	if (sess->is_guest || sess->is_anonymous)
		return 0;
	/* a reauthentication keeps the first one's keys (3.3.5.5.2) */
	if (!c->reauth)
		WRITE_ONCE(sess->keyed, true);
	if (conn->dialect >= SMB30_PROT_ID && !c->reauth) {
		if (ksmbd_derive_session_keys(conn->dialect, sess->sess_key,
					      sizeof(sess->sess_key),
					      sess->preauth_hash,
					      le16_to_cpu(conn->cipher), &keys))
			return STATUS_NO_MEMORY;
		memcpy(sess->signing_key, keys.signing,
		       sizeof(sess->signing_key));
		/* the creating connection's channel signs with it too */
		ksmbd_session_set_channel_key(sess, conn, keys.signing);
		memcpy(sess->enc_key, keys.encryption, sizeof(sess->enc_key));
		memcpy(sess->dec_key, keys.decryption, sizeof(sess->dec_key));
		memcpy(sess->app_key, keys.application, sizeof(sess->app_key));
		memzero_explicit(&keys, sizeof(keys));
		ksmbd_smb2_nonce_init(sess);
		if (encryption_required()) {
			sess->encrypt = true;
			c->flags |= SMB2_SESSION_FLAG_ENCRYPT_DATA_LE;
		}
	}
	sess->sign = session_signs(conn, c->sec_mode);
	return 0;
}

/* The exchange state of this authentication, made on first use. */
static struct ntlm_state *ntlm_state_get(struct setup_ctx *c)
{
	struct ntlm_state *st = *c->auth_ctx;

	if (!st) {
		st = kzalloc(sizeof(*st), GFP_KERNEL);
		*c->auth_ctx = st;
	}
	return st;
}

/*
 * The first SPNEGO token of an exchange: keep its mechTypes, which the
 * mechListMIC of the last answer covers ([MS-SPNG] 3.3.5.1, RFC 4178 5).
 */
static __le32 setup_keep_mech_list(struct setup_ctx *c, const u8 *blob,
				   size_t len)
{
	struct ntlm_state *st = ntlm_state_get(c);

	if (!st)
		return STATUS_NO_MEMORY;
	if (ksmbd_spnego_mech_list(blob, len, st->mech_list,
				   sizeof(st->mech_list), &st->mech_list_len))
		st->mech_list_len = 0;
	return 0;
}

/*
 * With NTLMSSP signing negotiated, the mechTypes are protected both ways
 * ([MS-SPNG] 3.3.5.1, RFC 4178 5): a mechListMIC the client sent must be
 * its MAC over them (else the list may have been tampered with: logon
 * failure), and the last answer carries ours; clients that asked for
 * integrity (smbclient --client-protection=encrypt, Windows) refuse a
 * last leg without one.
 */
static __le32 setup_mech_list_mic(struct setup_ctx *c, struct ntlm_state *st,
				  u32 flags, const u8 *key)
{
	u8 want[KSMBD_NTLM_MAC_SIZE];
	const u8 *cmic;
	size_t cmic_len;

	if (!c->spnego || !st->mech_list_len ||
	    !(flags & NTLMSSP_NEGOTIATE_SIGN))
		return 0;
	if (ksmbd_spnego_targ_mech_list_mic(c->blob, c->blen, &cmic,
					    &cmic_len))
		return STATUS_INVALID_PARAMETER;
	if (cmic && (cmic_len != KSMBD_NTLM_MAC_SIZE ||
		     ksmbd_ntlm_mech_list_mic(key, flags, false, st->mech_list,
					      st->mech_list_len, want) ||
		     crypto_memneq(want, cmic, sizeof(want)))) {
		ksmbd_debug(AUTH, "the client's mechListMIC does not verify\n");
		return STATUS_LOGON_FAILURE;
	}
	if (!ksmbd_ntlm_mech_list_mic(key, flags, true, st->mech_list,
				      st->mech_list_len, c->mic))
		c->mic_len = KSMBD_NTLM_MAC_SIZE;
	return 0;
}

static __le32 setup_ntlm_negotiate(struct setup_ctx *c, const u8 *tok,
				   size_t len)
{
	struct ntlm_state *st;
	u32 cflags, sflags;

	if (ksmbd_ntlmssp_parse_negotiate(tok, len, &cflags))
		return STATUS_INVALID_PARAMETER;
	st = ntlm_state_get(c);
	if (!st)
		return STATUS_NO_MEMORY;
	get_random_bytes(st->challenge, sizeof(st->challenge));
	if (ksmbd_ntlmssp_build_challenge(c->out, SETUP_TOKEN_MAX, cflags,
					  st->challenge, ksmbd_cfg.work_group,
					  ksmbd_cfg.netbios_name,
					  ksmbd_nt_time_now(), &sflags,
					  &c->out_len) ||
	    setup_wrap(c, KSMBD_SPNEGO_ACCEPT_INCOMPLETE))
		return STATUS_NO_MEMORY;
	return STATUS_MORE_PROCESSING_REQUIRED;
}

/*
 * Who the session now acts as (user's reference taken over). A
 * reauthentication may name anyone, anonymous included: requests from then
 * on run as that account, while the keys stay those of the first
 * authentication ([MS-SMB2] 3.3.5.5.2).
 */
static void setup_identity(struct setup_ctx *c, struct ksmbd_user *user,
			   bool guest, bool anonymous)
{
	struct ksmbd_session *sess = c->sess;

	if (c->bind) {
		/* a binding names the session's user again, or fails */
		ksmbd_user_put(c->bind->user);
		c->bind->user = user;
		c->bind->guest = guest || anonymous;
		return;
	}
	ksmbd_session_set_user(sess, user);
	WRITE_ONCE(sess->is_guest, guest);
	WRITE_ONCE(sess->is_anonymous, anonymous);
}

static __le32 setup_ntlm_authenticate(struct setup_ctx *c, const u8 *tok,
				      size_t len)
{
	struct ntlm_state *st = *c->auth_ctx;
	struct ksmbd_ntlmssp_auth a;
	struct ksmbd_user *user;
	__le32 mst;
	char *name;
	int rc;

	if (!st)
		return STATUS_INVALID_PARAMETER;	/* no CHALLENGE sent */
	if (ksmbd_ntlmssp_parse_authenticate(tok, len, &a))
		return STATUS_INVALID_PARAMETER;

	if (ksmbd_ntlmssp_is_anonymous(&a)) {
		/* what an anonymous session reaches is tree-connect policy */
		setup_identity(c, NULL, false, true);
		c->flags = SMB2_SESSION_FLAG_IS_NULL_LE;
		return 0;
	}
	/* a malformed response, whoever the user: not a logon failure */
	if (ksmbd_ntlmv2_check_response(&a) == -EINVAL)
		return STATUS_INVALID_PARAMETER;

	name = kmalloc(USER_NAME_MAX, GFP_KERNEL);
	if (!name)
		return STATUS_NO_MEMORY;
	rc = ksmbd_ntlmssp_user_utf8(&a, name, USER_NAME_MAX);
	user = rc > 0 ? ksmbd_user_lookup(name) : NULL;
	kfree(name);
	if (!user)
		return STATUS_LOGON_FAILURE;
	if (user->guest) {
		/* "map to guest = bad user": no password check, no keys */
		c->flags = SMB2_SESSION_FLAG_IS_GUEST_LE;
	} else {
		rc = ksmbd_ntlmv2_verify(user->nt_hash, &a, st->challenge,
					 c->key);
		if (rc) {
			ksmbd_debug(AUTH, "NTLMv2 verify of %s failed: %d\n",
				    user->name, rc);
			ksmbd_user_put(user);
			return STATUS_LOGON_FAILURE;
		}
		mst = setup_mech_list_mic(c, st, a.flags, c->key);
		if (mst) {
			ksmbd_user_put(user);
			return mst;
		}
	}
	setup_identity(c, user, user->guest, false);
	return 0;
}

/* Kerberos: the daemon checks the AP-REQ and answers user + key + AP-REP. */
static __le32 setup_krb5(struct setup_ctx *c, const u8 *blob, size_t len)
{
	struct ksmbd_session *sess = c->sess;
	struct ksmbd_spnego_authen_response *r;
	struct ksmbd_user *user;
	__le32 st = STATUS_LOGON_FAILURE;

	if (c->reauth)
		return STATUS_LOGON_FAILURE;
	r = ksmbd_ipc_spnego_authen(blob, len);
	if (!r)
		return STATUS_LOGON_FAILURE;
	if (!(r->login_response.status & KSMBD_USER_FLAG_OK) ||
	    r->session_key_len < sizeof(sess->sess_key) ||
	    r->spnego_blob_len > SETUP_TOKEN_MAX)
		goto out;
	user = ksmbd_user_from_response(&r->login_response);
	if (!user)
		goto out;
	setup_identity(c, user, false, false);
	memcpy(sess->sess_key, r->payload, sizeof(sess->sess_key));
	memcpy(c->out, r->payload + r->session_key_len, r->spnego_blob_len);
	c->out_len = r->spnego_blob_len;
	c->spnego = false;	/* the daemon's blob is already SPNEGO */
	st = 0;
out:
	kvfree(r);
	return st;
}

/* One step: the status to answer with; ctx->out holds the token. */
static __le32 setup_step(struct setup_ctx *c, const u8 *blob, size_t blen)
{
	enum ksmbd_mech mech;
	const u8 *tok;
	size_t tlen;
	__le32 st;
	int rc;

	c->blob = blob;
	c->blen = blen;
	c->spnego = !(blen >= KSMBD_NTLMSSP_SIG_SIZE &&
		      !memcmp(blob, KSMBD_NTLMSSP_SIGNATURE,
			      KSMBD_NTLMSSP_SIG_SIZE));
	rc = ksmbd_spnego_decode(blob, blen, &mech, &tok, &tlen);
	if (rc == -EACCES)
		return STATUS_LOGON_FAILURE;
	if (rc)
		return STATUS_INVALID_PARAMETER;
	if (mech == KSMBD_MECH_KRB5)
		return setup_krb5(c, blob, blen);
	if (c->spnego && blob[0] == 0x60) {	/* [APPLICATION 0]: negTokenInit */
		st = setup_keep_mech_list(c, blob, blen);
		if (st)
			return st;
	}
	if (mech != KSMBD_MECH_NTLMSSP)
		return STATUS_LOGON_FAILURE;
	if (!tok) {
		/* the client's first choice was not NTLMSSP: ask for it */
		c->out_len = 0;
		if (setup_wrap(c, KSMBD_SPNEGO_ACCEPT_INCOMPLETE))
			return STATUS_NO_MEMORY;
		return STATUS_MORE_PROCESSING_REQUIRED;
	}

	switch (ksmbd_ntlmssp_message_type(tok, tlen)) {
	case KSMBD_NTLMSSP_NEGOTIATE:
		return setup_ntlm_negotiate(c, tok, tlen);
	case KSMBD_NTLMSSP_AUTHENTICATE:
		st = setup_ntlm_authenticate(c, tok, tlen);
		kfree_sensitive(*c->auth_ctx);
		*c->auth_ctx = NULL;
		if (st)
			return st;
		c->out_len = 0;
		if (setup_wrap(c, KSMBD_SPNEGO_ACCEPT_COMPLETED))
			return STATUS_NO_MEMORY;
		return 0;
	default:
		return STATUS_INVALID_PARAMETER;
	}
}

/* --- binding a connection to a session (multichannel) ----------------- */

void ksmbd_smb2_bind_free(struct ksmbd_conn *conn)
{
	struct ksmbd_bind_state *b = conn->bind;

	if (!b)
		return;
	kfree_sensitive(b->auth_ctx);
	ksmbd_user_put(b->user);
	kfree_sensitive(b);
	conn->bind = NULL;
}

/* The binding state of conn for session id, fresh when another begins. */
static struct ksmbd_bind_state *bind_state(struct ksmbd_conn *conn, u64 id)
{
	struct ksmbd_bind_state *b = conn->bind;

	lockdep_assert_held(&conn->bind_lock);
	if (!b) {
		b = kzalloc(sizeof(*b), GFP_KERNEL);
		if (!b)
			return NULL;
		conn->bind = b;
	}
	if (b->sess_id != id) {
		kfree_sensitive(b->auth_ctx);
		b->auth_ctx = NULL;
		ksmbd_user_put(b->user);
		b->user = NULL;
		b->guest = false;
		b->sess_id = id;
		memcpy(b->preauth_hash, conn->preauth_hash,
		       sizeof(b->preauth_hash));
	}
	return b;
}

/* The binding's state is spent (bound, or failed: start again). */
static void bind_state_done(struct ksmbd_bind_state *b)
{
	b->sess_id = 0;
	memzero_explicit(b->sess_key, sizeof(b->sess_key));
}

/*
 * May sess gain a channel on this connection? [MS-SMB2] 3.3.5.5 step 4,
 * in the order and with the answers of Windows where smbtorture's
 * smb2.session.bind_negative_* pin them: a server without multichannel
 * does not accept the request at all (caller); AES-GMAC signing on one
 * side only is refused before anything else (NOT_SUPPORTED when the new
 * connection has it, REQUEST_OUT_OF_SEQUENCE when the session has it);
 * a 2.x connection does not accept it; then another dialect, an unsigned
 * request or (3.1.1) another cipher is an invalid parameter. CMAC and
 * HMAC-SHA256 channels mix.
 */
static __le32 bind_check(struct ksmbd_work *work, struct ksmbd_session *sess)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	bool sess_gmac, conn_gmac;

	if (!sess)
		return STATUS_USER_SESSION_DELETED;
	sess_gmac = sess->dialect == SMB311_PROT_ID &&
		    sess->signing_alg == SIGNING_ALG_AES_GMAC_LE;
	conn_gmac = conn->dialect == SMB311_PROT_ID &&
		    conn->signing_alg == SIGNING_ALG_AES_GMAC_LE;
	if (conn_gmac && !sess_gmac)
		return STATUS_NOT_SUPPORTED;
	if (sess_gmac && !conn_gmac)
		return STATUS_REQUEST_OUT_OF_SEQUENCE;
	if (!ksmbd_conn_smb3(conn))
		return STATUS_REQUEST_NOT_ACCEPTED;
	if (sess->dialect != conn->dialect)
		return STATUS_INVALID_PARAMETER;
	if (!(hdr->Flags & SMB2_FLAGS_SIGNED))
		return STATUS_INVALID_PARAMETER;
	if (conn->dialect == SMB311_PROT_ID && sess->cipher != conn->cipher)
		return STATUS_INVALID_PARAMETER;
	switch (READ_ONCE(sess->state)) {
	case KSMBD_SESS_IN_PROGRESS:
		return STATUS_REQUEST_NOT_ACCEPTED;
	case KSMBD_SESS_EXPIRED:
		return STATUS_NETWORK_SESSION_EXPIRED;
	case KSMBD_SESS_GONE:
		return STATUS_USER_SESSION_DELETED;
	default:
		break;
	}
	if (READ_ONCE(sess->is_guest) || READ_ONCE(sess->is_anonymous) ||
	    !ksmbd_session_keyed(sess))
		return STATUS_NOT_SUPPORTED;
	/* signed with Session.SigningKey ([MS-SMB2] 3.3.5.2.4) */
	if (!ksmbd_smb2_verify_sig(work, sess))
		return STATUS_ACCESS_DENIED;
	if (ksmbd_session_on_conn(sess, conn))
		return STATUS_REQUEST_NOT_ACCEPTED;
	return 0;
}

/* The binding authenticated: same user, channel key, new channel. */
static __le32 bind_finish(struct setup_ctx *c, struct ksmbd_bind_state *b)
{
	struct ksmbd_conn *conn = c->work->conn;
	struct ksmbd_session *sess = c->sess;
	struct ksmbd_session_keys keys;
	struct ksmbd_user *user;
	bool same;
	int rc;

	user = ksmbd_session_user(sess);
	same = user && b->user && !b->guest &&
	       !strcmp(user->name, b->user->name);
	ksmbd_user_put(user);
	if (!same)
		return STATUS_ACCESS_DENIED;
	/* Channel.SigningKey: the KDF over this authentication's key */
	if (ksmbd_derive_session_keys(conn->dialect, b->sess_key,
				      sizeof(b->sess_key), b->preauth_hash,
				      le16_to_cpu(conn->cipher), &keys))
		return STATUS_NO_MEMORY;
	rc = ksmbd_session_bind(sess, conn, keys.signing);
	memzero_explicit(&keys, sizeof(keys));
	if (rc == -EEXIST)
		return STATUS_REQUEST_NOT_ACCEPTED;
	if (rc == -ESTALE)
		return STATUS_USER_SESSION_DELETED;
	if (rc)
		return STATUS_INSUFFICIENT_RESOURCES;
	return 0;
}

/*
 * SESSION_SETUP with SMB2_SESSION_FLAG_BINDING ([MS-SMB2] 3.3.5.5): add
 * this connection as a channel of a session made on another one. The
 * session's error answers are signed with Session.SigningKey (so the
 * session is work->sess even when the binding fails); a failed binding
 * leaves the session alone.
 */
static __le32 session_bind(struct ksmbd_work *work, const u8 *blob, u32 blen)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_sess_setup_req *req = ksmbd_req(work);
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	struct setup_ctx c = { .work = work, .sec_mode = req->SecurityMode,
			       .reauth = true };
	struct ksmbd_bind_state *b;
	struct ksmbd_session *sess;
	__le32 st;

	sess = ksmbd_session_lookup_any(le64_to_cpu(hdr->SessionId));
	if (!(ksmbd_cfg.flags & KSMBD_GLOBAL_FLAG_SMB3_MULTICHANNEL))
		st = STATUS_REQUEST_NOT_ACCEPTED;
	else
		st = bind_check(work, sess);
	if (st)
		goto answer;

	c.sess = sess;
	c.out = kmalloc(SETUP_TOKEN_MAX, GFP_KERNEL);
	if (!c.out) {
		st = STATUS_NO_MEMORY;
		goto answer;
	}
	mutex_lock(&conn->bind_lock);
	mutex_lock(&sess->lock);
	b = bind_state(conn, sess->id);
	if (!b) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	c.bind = b;
	c.auth_ctx = &b->auth_ctx;
	c.key = b->sess_key;
	if (conn->dialect == SMB311_PROT_ID)
		ksmbd_preauth_update_buf(b->preauth_hash, hdr, work->cur_len);
	st = setup_step(&c, blob, blen);
	if (!st)
		st = bind_finish(&c, b);
	if (st && st != STATUS_MORE_PROCESSING_REQUIRED)
		goto out;
	c.flags = 0;
	if (setup_rsp(&c)) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	if (st == STATUS_MORE_PROCESSING_REQUIRED) {
		/* b lives as long as conn: the hash outlives this step */
		if (conn->dialect == SMB311_PROT_ID)
			work->preauth_rsp = b->preauth_hash;
		goto unlock;
	}
	/* the answer is signed with the new channel's key */
	work->sign_rsp = true;
	ksmbd_debug(AUTH, "session %llu bound to another connection\n",
		    sess->id);
out:
	if (b)
		bind_state_done(b);
unlock:
	mutex_unlock(&sess->lock);
	mutex_unlock(&conn->bind_lock);
	kfree_sensitive(c.out);
answer:
	if (!st) {
		/* a channel of this connection now */
		if (work->sess)
			ksmbd_session_put(work->sess);
		work->sess = sess;
	} else {
		/* only signs the answer: not this connection's session */
		ksmbd_smb2_sign_with(work, sess);
	}
	return st;
}

/*
 * A SESSION_SETUP without binding for a session this connection is not a
 * channel of: USER_SESSION_DELETED, signed with Session.SigningKey when
 * the session lives on another connection and the request was signed (as
 * Windows answers, smbtorture smb2.session.bind_negative_*).
 */
static __le32 setup_not_here(struct ksmbd_work *work)
{
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);

	u64 id = le64_to_cpu(hdr->SessionId);

	ksmbd_smb2_sign_with(work, ksmbd_session_lookup_any(id));
	return STATUS_USER_SESSION_DELETED;
}

__le32 smb2_session_setup(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_sess_setup_req *req = ksmbd_req(work);
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	struct setup_ctx c = { .work = work, .sec_mode = req->SecurityMode };
	struct ksmbd_session *sess;
	const u8 *blob;
	u32 blen = le16_to_cpu(req->SecurityBufferLength);
	__le32 st;

	blob = ksmbd_req_buf(work, le16_to_cpu(req->SecurityBufferOffset),
			     blen);
	if (!blob || !blen)
		return STATUS_INVALID_PARAMETER;
	if (req->Flags & SMB2_SESSION_REQ_FLAG_BINDING && hdr->SessionId)
		return session_bind(work, blob, blen);

	if (!hdr->SessionId) {
		sess = ksmbd_session_create(conn);
		if (!sess)
			return STATUS_INSUFFICIENT_RESOURCES;
		if (work->sess)
			ksmbd_session_put(work->sess);
		work->sess = sess;
	} else {
		sess = work->sess;
		if (!sess)
			return setup_not_here(work);
		if (READ_ONCE(sess->state) == KSMBD_SESS_GONE)
			return STATUS_USER_SESSION_DELETED;
	}
	c.sess = sess;
	c.auth_ctx = &sess->auth_ctx;
	c.out = kmalloc(SETUP_TOKEN_MAX, GFP_KERNEL);
	if (!c.out) {
		st = STATUS_NO_MEMORY;
		goto destroy;
	}

	mutex_lock(&sess->lock);
	if (sess->state == KSMBD_SESS_GONE) {
		mutex_unlock(&sess->lock);
		kfree(c.out);
		return STATUS_USER_SESSION_DELETED;
	}
	c.reauth = sess->state == KSMBD_SESS_VALID ||
		   sess->state == KSMBD_SESS_EXPIRED;
	/* a reauthentication keeps the keys: its own goes to scratch */
	c.key = c.reauth ? c.out : sess->sess_key;
	if (conn->dialect == SMB311_PROT_ID && !c.reauth)
		ksmbd_preauth_update_buf(sess->preauth_hash, hdr,
					 work->cur_len);

	st = setup_step(&c, blob, blen);
	if (!st)
		st = setup_established(&c);
	if (st && st != STATUS_MORE_PROCESSING_REQUIRED)
		goto fail;
	if (setup_rsp(&c)) {
		st = STATUS_NO_MEMORY;
		goto fail;
	}
	if (st == STATUS_MORE_PROCESSING_REQUIRED) {
		if (conn->dialect == SMB311_PROT_ID && !c.reauth)
			work->preauth_rsp = sess->preauth_hash;
		mutex_unlock(&sess->lock);
		kfree_sensitive(c.out);
		return st;
	}

	WRITE_ONCE(sess->state, KSMBD_SESS_VALID);
	sess->expires = 0;
	/* the final response is signed with the new keys */
	work->sign_rsp = sess->keyed &&
			 (sess->sign || conn->dialect == SMB311_PROT_ID);
	mutex_unlock(&sess->lock);
	kfree_sensitive(c.out);
	ksmbd_session_destroy_previous(sess,
				       le64_to_cpu(req->PreviousSessionId));
	ksmbd_debug(AUTH, "session %llu valid%s%s%s\n", sess->id,
		    c.reauth ? " (reauthenticated)" : "",
		    sess->is_guest ? " (guest)" : "",
		    sess->is_anonymous ? " (anonymous)" : "");
	return STATUS_SUCCESS;
fail:
	mutex_unlock(&sess->lock);
	kfree_sensitive(c.out);
destroy:
	/* a failed setup removes the session ([MS-SMB2] 3.3.5.5.3) */
	ksmbd_session_destroy(sess);
	return st;
}
