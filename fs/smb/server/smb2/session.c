// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SESSION_SETUP ([MS-SMB2] 3.3.5.5): SPNEGO-wrapped (or raw) NTLMSSP in
 * two round trips, verified in the kernel with the account's NT hash from
 * the daemon; guest and anonymous sessions where allowed;
 * reauthentication; PreviousSessionId; 3.x key derivation.
 *
 * One setup step runs under sess->lock, so two steps of the same session
 * cannot interleave.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

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
#include "../auth/kdf.h"
#include "../auth/preauth.h"

#define HDR		__SMB2_HEADER_STRUCTURE_SIZE
#define SETUP_RSP_FIXED	8	/* StructureSize 9 minus Buffer[1] */

static const u8 ntlmssp_sig[8] = "NTLMSSP";

/* Response body with an optional security token. */
static __le32 setup_rsp(struct ksmbd_work *work, __le16 flags,
			const void *tok, u32 len)
{
	struct smb2_sess_setup_rsp *rsp;
	u8 *body, *p;

	body = ksmbd_rsp_body(work, SETUP_RSP_FIXED);
	if (!body)
		return STATUS_NO_MEMORY;
	rsp = (struct smb2_sess_setup_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(9);
	rsp->SessionFlags = flags;
	rsp->SecurityBufferOffset = cpu_to_le16(HDR + SETUP_RSP_FIXED);
	rsp->SecurityBufferLength = cpu_to_le16(len);
	if (len) {
		p = ksmbd_rsp_append(work, len);
		if (!p)
			return STATUS_NO_MEMORY;
		memcpy(p, tok, len);
	}
	return 0;
}

/* Does the configuration let this session sign? */
static bool session_signs(struct ksmbd_conn *conn, u8 cli_sec_mode)
{
	if (ksmbd_cfg.signing == KSMBD_CONFIG_OPT_DISABLED &&
	    !(cli_sec_mode & SMB2_NEGOTIATE_SIGNING_REQUIRED))
		return false;
	return conn->sign_required ||
	       ksmbd_cfg.signing == KSMBD_CONFIG_OPT_MANDATORY ||
	       (cli_sec_mode & SMB2_NEGOTIATE_SIGNING_REQUIRED);
}

static int session_keys(struct ksmbd_conn *conn, struct ksmbd_session *sess)
{
	if (conn->dialect < SMB30_PROT_ID)
		return 0;	/* 2.x signs with the session key itself */
	return ksmbd_derive_session_keys(conn->dialect, sess->sess_key,
					 sess->preauth_hash,
					 sess->signing_key, sess->enc_key,
					 sess->dec_key, sess->app_key);
}

/*
 * The NTLMSSP AUTHENTICATE leg. Returns the status; on success the session
 * is VALID with its user and keys.
 */
static __le32 setup_authenticate(struct ksmbd_work *work,
				 struct ksmbd_session *sess,
				 const u8 *tok, u32 len, u8 sec_mode,
				 __le16 *flags)
{
	struct ksmbd_conn *conn = work->conn;
	struct ksmbd_user *user = NULL;
	char *name;
	int rc;

	if (!sess->auth_ctx)
		return STATUS_INVALID_PARAMETER;
	rc = ksmbd_ntlmssp_parse_authenticate(sess->auth_ctx, tok, len);
	if (rc)
		return STATUS_INVALID_PARAMETER;

	if (ksmbd_ntlmssp_is_anonymous(sess->auth_ctx)) {
		/* what an anonymous session may reach is tree-connect policy */
		sess->is_anonymous = true;
		*flags = SMB2_SESSION_FLAG_IS_NULL_LE;
		return 0;
	}

	name = ksmbd_ntlmssp_user_utf8(sess->auth_ctx);
	if (!name)
		return STATUS_LOGON_FAILURE;
	user = ksmbd_user_lookup(name);
	kfree(name);
	if (!user)
		return STATUS_LOGON_FAILURE;
	if (user->guest) {
		/* "map to guest = bad user": no password check, no keys */
		sess->is_guest = true;
		*flags = SMB2_SESSION_FLAG_IS_GUEST_LE;
	} else {
		rc = ksmbd_ntlmv2_verify(sess->auth_ctx, user->nt_hash,
					 sess->sess_key);
		if (rc) {
			ksmbd_user_put(user);
			return STATUS_LOGON_FAILURE;
		}
	}
	if (sess->user)
		ksmbd_user_put(sess->user);	/* reauthentication */
	sess->user = user;
	if (!sess->is_guest) {
		if (session_keys(conn, sess))
			return STATUS_NO_MEMORY;
		sess->sign = session_signs(conn, sec_mode);
	}
	return 0;
}

__le32 smb2_session_setup(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_sess_setup_req *req = ksmbd_req(work);
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	struct ksmbd_session *sess;
	const u8 *blob, *tok;
	u8 *out = NULL;
	u32 blen = le16_to_cpu(req->SecurityBufferLength), tlen;
	int olen = 0, rc;
	bool spnego, reauth;
	__le16 flags = 0;
	__le32 st;

	if (req->Flags & SMB2_SESSION_REQ_FLAG_BINDING)
		return STATUS_REQUEST_NOT_ACCEPTED;	/* no multichannel */
	blob = ksmbd_req_buf(work, le16_to_cpu(req->SecurityBufferOffset),
			     blen);
	if (!blob || !blen)
		return STATUS_INVALID_PARAMETER;

	if (!hdr->SessionId) {
		sess = ksmbd_session_create(conn);
		if (!sess)
			return STATUS_INSUFFICIENT_RESOURCES;
		if (work->sess)
			ksmbd_session_put(work->sess);
		work->sess = sess;
	} else {
		sess = work->sess;
		if (!sess || READ_ONCE(sess->state) == KSMBD_SESS_GONE)
			return STATUS_USER_SESSION_DELETED;
	}

	mutex_lock(&sess->lock);
	if (sess->state == KSMBD_SESS_GONE) {
		st = STATUS_USER_SESSION_DELETED;
		goto unlock;
	}
	reauth = sess->state == KSMBD_SESS_VALID ||
		 sess->state == KSMBD_SESS_EXPIRED;
	if (conn->dialect == SMB311_PROT_ID && !reauth) {
		ksmbd_preauth_update_buf(sess->preauth_hash, hdr,
					 work->cur_len);
	}

	/* raw NTLMSSP or SPNEGO around it */
	spnego = !(blen >= sizeof(ntlmssp_sig) &&
		   !memcmp(blob, ntlmssp_sig, sizeof(ntlmssp_sig)));
	tok = blob;
	tlen = blen;
	if (spnego) {
		rc = ksmbd_spnego_decode(blob, blen, &tok, &tlen);
		if (rc == -EPROTONOSUPPORT) {
			st = STATUS_LOGON_FAILURE;	/* Kerberos: not yet */
			goto fail;
		}
		if (rc) {
			st = STATUS_INVALID_PARAMETER;
			goto fail;
		}
	}
	if (tlen < 12 || memcmp(tok, ntlmssp_sig, sizeof(ntlmssp_sig))) {
		st = STATUS_INVALID_PARAMETER;
		goto fail;
	}

	out = kmalloc(KSMBD_SETUP_TOKEN_MAX, GFP_KERNEL);
	if (!out) {
		st = STATUS_NO_MEMORY;
		goto fail;
	}
	switch (get_unaligned_le32(tok + 8)) {
	case 1:	/* NEGOTIATE_MESSAGE -> CHALLENGE_MESSAGE */
		kfree(sess->auth_ctx);
		sess->auth_ctx = ksmbd_ntlmssp_new();
		if (!sess->auth_ctx) {
			st = STATUS_NO_MEMORY;
			goto fail;
		}
		if (ksmbd_ntlmssp_parse_negotiate(sess->auth_ctx, tok, tlen)) {
			st = STATUS_INVALID_PARAMETER;
			goto fail;
		}
		olen = ksmbd_ntlmssp_build_challenge(sess->auth_ctx, out,
						     KSMBD_SETUP_TOKEN_MAX);
		if (olen > 0 && spnego)
			olen = ksmbd_spnego_build_targ(out, olen,
						       KSMBD_SETUP_TOKEN_MAX,
						       KSMBD_SPNEGO_INCOMPLETE);
		if (olen <= 0) {
			st = STATUS_NO_MEMORY;
			goto fail;
		}
		st = setup_rsp(work, 0, out, olen);
		if (st)
			goto fail;
		if (!reauth)
			sess->state = KSMBD_SESS_IN_PROGRESS;
		if (conn->dialect == SMB311_PROT_ID && !reauth)
			work->preauth_rsp = sess->preauth_hash;
		st = STATUS_MORE_PROCESSING_REQUIRED;
		goto unlock;
	case 3:	/* AUTHENTICATE_MESSAGE */
		st = setup_authenticate(work, sess, tok, tlen,
					req->SecurityMode, &flags);
		kfree(sess->auth_ctx);
		sess->auth_ctx = NULL;
		if (st)
			goto fail;
		olen = 0;
		if (spnego)
			olen = ksmbd_spnego_build_targ(out, 0,
						       KSMBD_SETUP_TOKEN_MAX,
						       KSMBD_SPNEGO_COMPLETED);
		st = setup_rsp(work, flags, out, max(olen, 0));
		if (st)
			goto fail;
		WRITE_ONCE(sess->state, KSMBD_SESS_VALID);
		sess->expires = 0;
		work->sign_rsp = !sess->is_guest && !sess->is_anonymous &&
				 (sess->sign || conn->dialect == SMB311_PROT_ID);
		mutex_unlock(&sess->lock);
		kfree(out);
		ksmbd_session_destroy_previous(sess,
				le64_to_cpu(req->PreviousSessionId));
		ksmbd_debug(AUTH, "session %llu valid%s%s\n", sess->id,
			    sess->is_guest ? " (guest)" : "",
			    sess->is_anonymous ? " (anonymous)" : "");
		return STATUS_SUCCESS;
	default:
		st = STATUS_INVALID_PARAMETER;
		goto fail;
	}
fail:
	/* a failed setup removes the session ([MS-SMB2] 3.3.5.5.3) */
	mutex_unlock(&sess->lock);
	kfree(out);
	ksmbd_session_destroy(sess);
	return st;
unlock:
	mutex_unlock(&sess->lock);
	kfree(out);
	return st;
}
