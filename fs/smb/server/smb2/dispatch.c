// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SMB2 dispatcher: one received PDU -> compound walk -> per element
 * (check, credits, session/tree, signature, handler) -> response chain
 * (headers, error bodies, credits granted, signatures) -> one send.
 *
 * Rules ([MS-SMB2] 3.3.5.2): the first PDU of a connection may be an SMB1
 * NEGOTIATE, any later SMB1 frame disconnects; every element's MessageId
 * range must lie in the credit window, else disconnect; before NEGOTIATE
 * only NEGOTIATE is accepted and a second NEGOTIATE disconnects.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <crypto/algapi.h>

#include "dispatch.h"
#include "check.h"
#include "credits.h"
#include "transform.h"
#include "../work.h"
#include "../conn.h"
#include "../server.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../auth/sign.h"
#include "../auth/preauth.h"

#define HDR		__SMB2_HEADER_STRUCTURE_SIZE

#define ROW_SESS	BIT(0)	/* needs a valid session */
#define ROW_TREE	BIT(1)	/* needs a connected tree */
#define ROW_NOSIGN	BIT(2)	/* exempt from "session requires signing" */

struct smb2_cmd_row {
	__le32 (*fn)(struct ksmbd_work *work);
	u8 flags;
};

static const struct smb2_cmd_row smb2_cmds[NUMBER_OF_SMB2_COMMANDS] = {
	[SMB2_NEGOTIATE_HE]	  = { smb2_negotiate, ROW_NOSIGN },
	[SMB2_SESSION_SETUP_HE]	  = { smb2_session_setup, ROW_NOSIGN },
	[SMB2_LOGOFF_HE]	  = { smb2_logoff, ROW_SESS },
	[SMB2_TREE_CONNECT_HE]	  = { smb2_tree_connect, ROW_SESS },
	[SMB2_TREE_DISCONNECT_HE] = { smb2_tree_disconnect, ROW_SESS | ROW_TREE },
	[SMB2_CREATE_HE]	  = { smb2_create, ROW_SESS | ROW_TREE },
	[SMB2_CLOSE_HE]		  = { smb2_close, ROW_SESS | ROW_TREE },
	[SMB2_FLUSH_HE]		  = { smb2_flush, ROW_SESS | ROW_TREE },
	[SMB2_READ_HE]		  = { smb2_read, ROW_SESS | ROW_TREE },
	[SMB2_WRITE_HE]		  = { smb2_write, ROW_SESS | ROW_TREE },
	[SMB2_LOCK_HE]		  = { smb2_lock, ROW_SESS | ROW_TREE },
	[SMB2_IOCTL_HE]		  = { smb2_ioctl, ROW_SESS | ROW_TREE },
	[SMB2_CANCEL_HE]	  = { smb2_cancel, ROW_NOSIGN },
	[SMB2_ECHO_HE]		  = { smb2_echo, 0 },
	[SMB2_QUERY_DIRECTORY_HE] = { smb2_query_directory, ROW_SESS | ROW_TREE },
	[SMB2_CHANGE_NOTIFY_HE]	  = { smb2_change_notify, ROW_SESS | ROW_TREE },
	[SMB2_QUERY_INFO_HE]	  = { smb2_query_info, ROW_SESS | ROW_TREE },
	[SMB2_SET_INFO_HE]	  = { smb2_set_info, ROW_SESS | ROW_TREE },
	[SMB2_OPLOCK_BREAK_HE]	  = { smb2_oplock_break, ROW_SESS | ROW_TREE },
};

static const u8 zero_pad[8];

static bool status_is_error(__le32 st)
{
	return (le32_to_cpu(st) >> 30) == 3;
}

static void smb2_check_limits(struct ksmbd_check_limits *lim)
{
	lim->max_trans = ksmbd_cfg.max_trans;
	lim->max_read = ksmbd_cfg.max_read;
	lim->max_write = ksmbd_cfg.max_write;
}

/* --- signatures ------------------------------------------------------- */

/* The signing algorithm of a dialect and 3.1.1's negotiated one. */
static __le16 smb2_sig_alg(u16 dialect, __le16 negotiated)
{
	if (dialect < SMB30_PROT_ID)
		return SIGNING_ALG_HMAC_SHA256_LE;
	if (dialect != SMB311_PROT_ID)
		return SIGNING_ALG_AES_CMAC_LE;
	return negotiated;	/* HMAC-SHA256 is 0 */
}

/*
 * Is the message iov[0] starts signed with Session.SigningKey, and the
 * algorithm of the connection that made the session? That is a
 * SESSION_SETUP request with SMB2_SESSION_FLAG_BINDING and a SESSION_SETUP
 * response that is not a success ([MS-SMB2] 3.3.5.2.4, 3.3.4.1.1): the
 * client has no key of this connection's channel yet. Everything else uses
 * the session's channel on this connection, with its algorithm.
 */
static bool smb2_sig_session_key(const struct kvec *iov)
{
	const struct smb2_hdr *hdr = iov[0].iov_base;
	const struct smb2_sess_setup_req *req = iov[0].iov_base;

	if (hdr->Command != SMB2_SESSION_SETUP)
		return false;
	if (hdr->Flags & SMB2_FLAGS_SERVER_TO_REDIR)
		return hdr->Status != STATUS_SUCCESS;
	return iov[0].iov_len > offsetof(typeof(*req), Flags) &&
	       req->Flags & SMB2_SESSION_REQ_FLAG_BINDING;
}

/*
 * iov[0] starts with the SMB2 header, whose Signature is zero: HMAC-SHA256
 * with the session key (2.x), else the derived key with AES-CMAC, or the
 * algorithm 3.1.1 negotiated ([MS-SMB2] 3.1.4.1).
 */
static int smb2_calc_sig(struct ksmbd_conn *conn, struct ksmbd_session *sess,
			 struct kvec *iov, int n, u8 *sig)
{
	const struct smb2_hdr *hdr = iov[0].iov_base;
	u8 key[SMB3_SIGN_KEY_SIZE];
	__le16 alg;
	u16 dialect;
	u8 nonce[12];
	bool chan;
	int rc;

	/*
	 * a binding request on a connection that is already a channel of
	 * the session is checked with that channel's key (Windows then
	 * answers ACCESS_DENIED, smb2.session.bind_negative_smb3signCtoH)
	 */
	chan = ksmbd_session_channel_key(sess, conn, key);
	if (smb2_sig_session_key(iov) &&
	    (hdr->Flags & SMB2_FLAGS_SERVER_TO_REDIR || !chan)) {
		dialect = sess->dialect;
		alg = smb2_sig_alg(dialect, sess->signing_alg);
		memcpy(key, sess->signing_key, sizeof(key));
	} else {
		dialect = conn->dialect;
		alg = smb2_sig_alg(dialect, conn->signing_alg);
		if (!chan)
			memcpy(key, sess->signing_key, sizeof(key));
	}
	if (dialect < SMB30_PROT_ID) {
		rc = ksmbd_sign_hmac_sha256(sess->sess_key,
					    sizeof(sess->sess_key), iov, n, sig);
	} else if (alg == SIGNING_ALG_AES_GMAC_LE) {
		bool rsp = hdr->Flags & SMB2_FLAGS_SERVER_TO_REDIR;

		ksmbd_gmac_nonce(le64_to_cpu(hdr->MessageId), rsp,
				 !rsp && hdr->Command == SMB2_CANCEL, nonce);
		rc = ksmbd_sign_aes_gmac(key, nonce, iov, n, sig);
	} else if (alg == SIGNING_ALG_HMAC_SHA256_LE) {
		rc = ksmbd_sign_hmac_sha256(key, SMB3_SIGN_KEY_SIZE, iov, n,
					    sig);
	} else {
		rc = ksmbd_sign_aes_cmac(key, iov, n, sig);
	}
	memzero_explicit(key, sizeof(key));
	return rc;
}

/* The current request element carries a valid signature for sess. */
bool ksmbd_smb2_verify_sig(struct ksmbd_work *work,
			   struct ksmbd_session *sess)
{
	struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	u8 want[SMB2_SIGNATURE_SIZE], got[SMB2_SIGNATURE_SIZE];
	struct kvec iov;

	memcpy(got, hdr->Signature, sizeof(got));
	memset(hdr->Signature, 0, sizeof(hdr->Signature));
	iov.iov_base = hdr;
	iov.iov_len = work->cur_len;
	if (smb2_calc_sig(work->conn, sess, &iov, 1, want))
		return false;
	memcpy(hdr->Signature, got, sizeof(got));
	return !crypto_memneq(want, got, sizeof(got));
}

/* --- session and tree for an element ---------------------------------- */

void ksmbd_smb2_sign_with(struct ksmbd_work *work, struct ksmbd_session *sess)
{
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);

	if (!sess)
		return;
	if (!(hdr->Flags & SMB2_FLAGS_SIGNED) || !ksmbd_session_keyed(sess)) {
		ksmbd_session_put(sess);
		return;
	}
	if (work->sign_sess)
		ksmbd_session_put(work->sign_sess);
	work->sign_sess = sess;
	work->sign_rsp = true;
}

static void work_set_sess(struct ksmbd_work *work, struct ksmbd_session *s)
{
	if (work->sess)
		ksmbd_session_put(work->sess);
	work->sess = s;
}

static void work_set_tcon(struct ksmbd_work *work,
			  struct ksmbd_tree_connect *t)
{
	if (work->tcon)
		ksmbd_tree_put(work->tcon);
	work->tcon = t;
}

static __le32 smb2_resolve(struct ksmbd_work *work, u16 cmd, u8 flags,
			   bool related)
{
	struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	u64 sid = le64_to_cpu(hdr->SessionId);
	struct ksmbd_session *sess;
	struct ksmbd_tree_connect *tcon;
	__le32 st;

	if (related && sid == U64_MAX) {
		sess = work->sess;
		if (!sess)
			return STATUS_INVALID_PARAMETER;
		ksmbd_session_get(sess);
	} else {
		sess = ksmbd_session_lookup(work->conn, sid);
	}
	work_set_sess(work, sess);
	if (!sess) {
		if (!(flags & ROW_SESS))
			return 0;
		/* bound to another connection only: signed as Windows does */
		if (sid != U64_MAX)
			ksmbd_smb2_sign_with(work, ksmbd_session_lookup_any(sid));
		return STATUS_USER_SESSION_DELETED;
	}

	if (flags & ROW_SESS) {
		st = ksmbd_session_check(sess);
		if (st)
			return st;
	}

	/*
	 * An encrypted request is authenticated by its transform header, and
	 * only for the session that names ([MS-SMB2] 3.3.5.2.1.1); a plain one
	 * to a session that requires encryption is refused (3.3.5.2.9).
	 */
	if (work->encrypted) {
		if (sess != work->tf_sess)
			return STATUS_ACCESS_DENIED;
		goto tree;
	}
	if (sess->encrypt && ksmbd_session_keyed(sess) && !(flags & ROW_NOSIGN))
		return STATUS_ACCESS_DENIED;

	/* signature ([MS-SMB2] 3.3.5.2.4) */
	if (hdr->Flags & SMB2_FLAGS_SIGNED) {
		if (ksmbd_session_keyed(sess) &&
		    !ksmbd_smb2_verify_sig(work, sess))
			return STATUS_ACCESS_DENIED;
	} else if (sess->sign && ksmbd_session_keyed(sess) &&
		   (!(flags & ROW_NOSIGN) || cmd == SMB2_SESSION_SETUP_HE)) {
		/* a reauthentication of a signing session is signed too */
		return STATUS_ACCESS_DENIED;
	}

tree:
	if (!(flags & ROW_TREE))
		return 0;
	if (hdr->Flags & SMB2_FLAGS_ASYNC_COMMAND)
		return STATUS_INVALID_PARAMETER;
	if (related && hdr->Id.SyncId.TreeId == cpu_to_le32(U32_MAX)) {
		tcon = work->tcon;
		if (!tcon || tcon->sess != sess ||
		    READ_ONCE(tcon->state) != KSMBD_TREE_CONNECTED)
			return STATUS_NETWORK_NAME_DELETED;
		ksmbd_tree_get(tcon);
	} else {
		tcon = ksmbd_tree_lookup(sess,
					 le32_to_cpu(hdr->Id.SyncId.TreeId));
		if (!tcon) {
			work_set_tcon(work, NULL);
			return STATUS_NETWORK_NAME_DELETED;
		}
	}
	work_set_tcon(work, tcon);
	return 0;
}

/* --- response elements -------------------------------------------------- */

/* Write the SMB2 ERROR body unless the handler wrote a body. */
static void smb2_error_body(struct ksmbd_work *work)
{
	u8 *b;

	if (work->rsp_body_set)
		return;
	work->rsp_var_max = 0;
	b = ksmbd_rsp_body(work, 9);	/* [MS-SMB2] 2.2.2, ByteCount 0 */
	if (b)
		b[0] = SMB2_ERROR_STRUCTURE_SIZE2;
}

static void smb2_fill_rsp_hdr(struct ksmbd_work *work, __le32 status,
			      u16 credits)
{
	const struct smb2_hdr *req = ksmbd_req_hdr(work);
	struct smb2_hdr *rsp = ksmbd_rsp_hdr(work);

	rsp->ProtocolId = SMB2_PROTO_NUMBER;
	rsp->StructureSize = SMB2_HEADER_STRUCTURE_SIZE;
	rsp->CreditCharge = req->CreditCharge;
	rsp->Status = status;
	rsp->Command = req->Command;
	rsp->CreditRequest = cpu_to_le16(credits);
	rsp->Flags = SMB2_FLAGS_SERVER_TO_REDIR |
		     (req->Flags & SMB2_FLAGS_RELATED_OPERATIONS);
	rsp->MessageId = req->MessageId;
	if (work->async) {
		rsp->Flags |= SMB2_FLAGS_ASYNC_COMMAND;
		rsp->Id.AsyncId = cpu_to_le64(work->async_id);
	} else {
		rsp->Id.SyncId.ProcessId = req->Id.SyncId.ProcessId;
		rsp->Id.SyncId.TreeId = req->Id.SyncId.TreeId;
		if (work->tcon && (req->Command == SMB2_TREE_CONNECT ||
				   req->Id.SyncId.TreeId == cpu_to_le32(U32_MAX)))
			rsp->Id.SyncId.TreeId = cpu_to_le32(work->tcon->id);
	}
	rsp->SessionId = req->SessionId;
	if (work->sess && (req->Command == SMB2_SESSION_SETUP ||
			   req->SessionId == cpu_to_le64(U64_MAX)))
		rsp->SessionId = cpu_to_le64(work->sess->id);
}

/* Credits for this element's response: release its charge, grant. */
static u16 smb2_elem_credits(struct ksmbd_work *work)
{
	const struct smb2_hdr *req = ksmbd_req_hdr(work);
	struct ksmbd_conn *conn = work->conn;
	u16 grant;

	if (req->Command == SMB2_CANCEL)
		return 0;
	spin_lock(&conn->lock);
	ksmbd_credits_release(&conn->credits, work->credit_charge);
	grant = ksmbd_credits_grant(&conn->credits,
				    le16_to_cpu(req->CreditRequest));
	spin_unlock(&conn->lock);
	return grant;
}

/*
 * kvecs of element i: body, attachment, padding. Returns the count. Every
 * element of a compound response is padded to 8 bytes, the last one too
 * (as Windows does, smbtorture smb2.compound.compound-padding); a single
 * response, and the final response of an async element, are not.
 */
static int smb2_elem_iov(struct ksmbd_work *work, unsigned int i, bool last,
			 struct kvec *iov)
{
	struct ksmbd_rsp_elem *e = &work->elems[i];
	u32 len = e->len + e->aux_len;
	bool pad = !last || (work->nr_elems > 1 && !work->async);
	int n = 0;

	iov[n].iov_base = (u8 *)work->rsp_buf + e->off;
	iov[n++].iov_len = e->len;
	if (e->aux && e->aux_len) {
		iov[n].iov_base = e->aux;
		iov[n++].iov_len = e->aux_len;
	}
	if (pad && !IS_ALIGNED(len, 8)) {
		iov[n].iov_base = (void *)zero_pad;
		iov[n++].iov_len = ALIGN(len, 8) - len;
	}
	return n;
}

/*
 * Finish response element i: header, credits, error body, NextCommand,
 * preauth hash and signature. After this its bytes are final.
 */
static void smb2_finish_elem(struct ksmbd_work *work, __le32 status,
			     bool last)
{
	struct ksmbd_conn *conn = work->conn;
	struct ksmbd_rsp_elem *e = &work->elems[work->elem];
	struct ksmbd_session *sess = work->sign_sess ?: work->sess;
	const struct smb2_hdr *req = ksmbd_req_hdr(work);
	struct smb2_hdr *rsp;
	struct kvec iov[3];
	u16 credits = 0;
	int n;

	if (status)
		smb2_error_body(work);	/* no-op if the handler wrote a body */
	if (!work->credits_done)
		credits = smb2_elem_credits(work);
	smb2_fill_rsp_hdr(work, status, credits);
	rsp = ksmbd_rsp_hdr(work);
	if (!last)
		rsp->NextCommand = cpu_to_le32(ALIGN(e->len + e->aux_len, 8));

	n = smb2_elem_iov(work, work->elem, last, iov);
	/* an encrypted response carries no signature ([MS-SMB2] 3.3.4.1.1) */
	if (sess && status != STATUS_PENDING && !work->encrypted &&
	    (work->sign_rsp ||
	     (ksmbd_session_keyed(sess) &&
	      status != STATUS_USER_SESSION_DELETED &&
	      (sess->sign || (req->Flags & SMB2_FLAGS_SIGNED))))) {
		rsp->Flags |= SMB2_FLAGS_SIGNED;
		if (smb2_calc_sig(conn, sess, iov, n, rsp->Signature))
			memset(rsp->Signature, 0, sizeof(rsp->Signature));
	} else if (status == STATUS_USER_SESSION_DELETED && !work->encrypted &&
		   (req->Flags & SMB2_FLAGS_SIGNED)) {
		/*
		 * The session is gone, and its keys with it: the answer to a
		 * signed request keeps the SIGNED flag with a zero signature.
		 * Clients that require signing look for the flag and skip
		 * verifying this one status, as Windows answers it.
		 */
		rsp->Flags |= SMB2_FLAGS_SIGNED;
		memset(rsp->Signature, 0, sizeof(rsp->Signature));
	}
	/*
	 * the hash covers the response as sent, signature included (a
	 * binding's interim responses are signed)
	 */
	if (work->preauth_rsp)
		ksmbd_preauth_update(work->preauth_rsp, iov, n);
	work->preauth_rsp = NULL;
	work->sign_rsp = false;
	if (work->sign_sess) {
		ksmbd_session_put(work->sign_sess);
		work->sign_sess = NULL;
	}
}

/* Send response elements [first, end) of work as one PDU. */
static int smb2_send_range(struct ksmbd_work *work, unsigned int first,
			   unsigned int end)
{
	struct kvec stack_iov[8], *iov = stack_iov;
	unsigned int i, nr = end - first;
	int n = 1, rc;

	if (1 + 3 * nr > ARRAY_SIZE(stack_iov)) {
		iov = kmalloc_array(1 + 3 * nr, sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	for (i = first; i < end; i++)
		n += smb2_elem_iov(work, i, i == end - 1, iov + n);
	if (work->encrypted)
		rc = ksmbd_smb2_encrypt_send(work, iov, n);
	else
		rc = ksmbd_conn_send(work->conn, iov, n);
	if (iov != stack_iov)
		kfree(iov);
	return rc;
}

/* Send the first nr response elements of work as one PDU. */
static int smb2_send(struct ksmbd_work *work, unsigned int nr)
{
	return smb2_send_range(work, 0, nr);
}

/* --- credits for a whole PDU ------------------------------------------- */

/* Consume each element's MessageId range; false means disconnect. */
static bool smb2_consume_credits(struct ksmbd_work *work,
				 const struct ksmbd_elem *elems, int n)
{
	struct ksmbd_conn *conn = work->conn;
	bool multi = conn->dialect > SMB20_PROT_ID;
	bool ok = true;
	int i;

	spin_lock(&conn->lock);
	for (i = 0; i < n && ok; i++) {
		const struct smb2_hdr *h = (const struct smb2_hdr *)
			((u8 *)work->req_buf + elems[i].off);
		u16 charge = multi ? le16_to_cpu(h->CreditCharge) : 1;

		if (h->Command == SMB2_CANCEL)
			continue;
		if (ksmbd_credits_consume(&conn->credits,
					  le64_to_cpu(h->MessageId), charge))
			ok = false;
	}
	spin_unlock(&conn->lock);
	return ok;
}

/* --- the PDU ------------------------------------------------------------ */

static void smb2_process_done(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	u32 len = work->acct_len;

	ksmbd_conn_get(conn);
	ksmbd_work_free(work);
	ksmbd_conn_work_done(conn, len);
	ksmbd_conn_put(conn);
}

static void smb2_disconnect(struct ksmbd_work *work, const char *why)
{
	ksmbd_debug(SMB, "disconnecting: %s\n", why);
	ksmbd_conn_shutdown(work->conn);
}

/*
 * Run one element; returns its status, or STATUS_PENDING if gone async.
 * *ran tells whether the command's handler ran (else the status comes from
 * the checks before it).
 */
static __le32 smb2_run_elem(struct ksmbd_work *work, bool *drop, bool *ran)
{
	struct ksmbd_conn *conn = work->conn;
	struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	struct ksmbd_check_limits lim;
	struct ksmbd_elem_info info;
	const struct smb2_cmd_row *row;
	bool related = hdr->Flags & SMB2_FLAGS_RELATED_OPERATIONS;
	__le32 st;

	*ran = false;
	/* an unrelated element starts a new chain: no FileId to inherit */
	if (!related)
		work->compound_fid_set = false;
	smb2_check_limits(&lim);
	st = ksmbd_smb2_check_elem(hdr, work->cur_len, &lim, &info);
	if (st == STATUS_INVALID_NETWORK_RESPONSE) {
		*drop = true;
		return st;
	}
	work->rsp_var_max = info.rsp_var_max;
	work->credit_charge = le16_to_cpu(hdr->CreditCharge);
	if (conn->dialect <= SMB20_PROT_ID)
		work->credit_charge = 1;
	if (st)
		return st;
	row = &smb2_cmds[info.cmd];

	if (!ksmbd_conn_negotiated(conn) && info.cmd != SMB2_NEGOTIATE_HE) {
		*drop = true;
		return STATUS_INVALID_PARAMETER;
	}
	if (conn->dialect > SMB20_PROT_ID &&
	    !ksmbd_smb2_charge_ok(le16_to_cpu(hdr->CreditCharge),
				  info.payload))
		return STATUS_INVALID_PARAMETER;

	if (related && work->elem == 0)
		return STATUS_INVALID_PARAMETER;
	/*
	 * A related element that would inherit the session of an element
	 * that had none is invalid, whatever failed before it (smbtorture
	 * smb2.compound.invalid2, as Windows answers).
	 */
	if (related && (row->flags & ROW_SESS) && !work->sess &&
	    hdr->SessionId == cpu_to_le64(U64_MAX))
		return STATUS_INVALID_PARAMETER;
	if (related && status_is_error(work->compound_status))
		return work->compound_status;

	if (info.cmd != SMB2_NEGOTIATE_HE) {
		st = smb2_resolve(work, info.cmd, row->flags, related);
		if (st)
			return st;
	}
	if (!row->fn)
		return STATUS_NOT_SUPPORTED;
	*ran = true;
	work->async_refused = false;
	st = row->fn(work);
	if (work->async_refused && st != STATUS_PENDING && !work->rsp_body_set)
		st = STATUS_INTERNAL_ERROR;	/* see ksmbd_work_go_async() */
	if (ksmbd_conn_exiting(conn))
		*drop = true;
	return st;
}

/*
 * [MS-SMB2] 3.3.5.2.7.2 and its note <260>: a failed request fails the
 * related requests after it when they depend on what it was to set up (the
 * FileId of a CREATE, a session, a tree). An operation that failed on an
 * open handle does not: in CREATE + QUERY_INFO + CLOSE the CLOSE still
 * runs, else the handle would leak. A request refused before its handler
 * ran (a related first element, a bad session or tree, a bad body) fails
 * the rest of the chain whatever its command (smbtorture
 * smb2.compound.related9). Once cascading, it goes on to the end.
 */
static bool smb2_error_cascades(__le16 cmd, bool ran)
{
	if (!ran)
		return true;
	switch (cmd) {
	case SMB2_CLOSE:
	case SMB2_FLUSH:
	case SMB2_READ:
	case SMB2_WRITE:
	case SMB2_LOCK:
	case SMB2_IOCTL:
	case SMB2_QUERY_DIRECTORY:
	case SMB2_CHANGE_NOTIFY:
	case SMB2_QUERY_INFO:
	case SMB2_SET_INFO:
		return false;
	}
	return true;
}

void ksmbd_smb2_process(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	struct ksmbd_elem *elems = NULL;
	bool drop = false, ran;
	__le16 cmd;
	__le32 st;
	int n, i;

	if (ksmbd_conn_exiting(conn))
		goto done;
	if (ksmbd_smb2_is_transform(work->req_buf, work->req_len) &&
	    ksmbd_smb2_decrypt(work)) {
		smb2_disconnect(work, "a transform header that does not decrypt");
		goto done;
	}
	if (ksmbd_is_smb1(work->req_buf, work->req_len)) {
		if (!work->first_pdu || ksmbd_smb1_negotiate(work))
			smb2_disconnect(work, "SMB1 frame");
		goto done;
	}

	elems = kmalloc_array(KSMBD_MAX_COMPOUND, sizeof(*elems), GFP_KERNEL);
	if (!elems)
		goto done;
	n = ksmbd_smb2_walk(work->req_buf, work->req_len, elems,
			    KSMBD_MAX_COMPOUND);
	if (n < 0) {
		smb2_disconnect(work, "malformed compound");
		goto done;
	}
	if (n == 1 && ((struct smb2_hdr *)work->req_buf)->Command ==
	    SMB2_CANCEL) {
		work->cur_off = 0;
		work->cur_len = elems[0].len;
		smb2_cancel(work);
		goto done;
	}
	if (!smb2_consume_credits(work, elems, n)) {
		smb2_disconnect(work, "MessageId outside the credit window");
		goto done;
	}
	work->elems = kcalloc(n, sizeof(*work->elems), GFP_KERNEL);
	if (!work->elems)
		goto done;
	work->nr_elems = n;

	for (i = 0; i < n; i++) {
		work->elem = i;
		work->cur_off = elems[i].off;
		work->cur_len = elems[i].len;
		if (ksmbd_rsp_new_elem(work))
			goto done;
		st = smb2_run_elem(work, &drop, &ran);
		if (drop) {
			smb2_disconnect(work, "protocol violation");
			goto done;
		}
		if (st == STATUS_PENDING && work->async) {
			/* the final response is sent by complete_async() */
			kfree(elems);
			return;
		}
		cmd = ksmbd_req_hdr(work)->Command;
		smb2_finish_elem(work, st, i == n - 1);
		if (!status_is_error(work->compound_status) ||
		    st != work->compound_status)
			work->compound_status = smb2_error_cascades(cmd, ran) ?
						st : STATUS_SUCCESS;
	}
	smb2_send(work, n);
done:
	kfree(elems);
	smb2_process_done(work);
}

/*
 * The receive thread runs a lone, plain CHANGE_NOTIFY itself, before it
 * reads the next PDU: Windows arms a watch in the order the requests of a
 * connection arrive, so a change made after the request was sent (from
 * this connection or another) is seen by it, and two CHANGE_NOTIFYs sent
 * back to back on one open are served in order (smbtorture
 * smb2.notify.double, smb2.notify.basedir). Work items run in parallel and
 * give neither. Its handler does not wait for the client: it answers at
 * once or goes async (only sending can block, as for any response).
 * Encrypted ones (the command is known after decryption) and compounds
 * still go to the workqueue.
 */
bool ksmbd_smb2_runs_inline(const void *pdu, u32 len)
{
	const struct smb2_hdr *h = pdu;

	return len >= sizeof(*h) && h->ProtocolId == SMB2_PROTO_NUMBER &&
	       h->Command == SMB2_CHANGE_NOTIFY && !h->NextCommand;
}

/* --- SMB1 multi-protocol negotiate ------------------------------------- */

/*
 * Answer with an SMB2 NEGOTIATE response as if the request were an SMB2
 * NEGOTIATE with MessageId 0 ([MS-SMB2] 3.3.5.3.1). A synthetic request
 * header is kept in the response's place of the work so the common
 * header fill applies.
 */
int ksmbd_smb1_negotiate(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	struct smb2_hdr *fake;
	int offers;
	__le32 st;

	offers = ksmbd_smb1_negotiate_parse(work->req_buf, work->req_len);
	if (offers <= 0)
		return -EINVAL;
	/* replace the SMB1 request by a synthetic SMB2 header */
	fake = kvzalloc(HDR + 2, GFP_KERNEL);
	if (!fake)
		return -ENOMEM;
	fake->ProtocolId = SMB2_PROTO_NUMBER;
	fake->StructureSize = SMB2_HEADER_STRUCTURE_SIZE;
	fake->Command = SMB2_NEGOTIATE;
	fake->CreditRequest = cpu_to_le16(1);
	kvfree(work->req_buf);
	work->req_buf = fake;
	work->cur_off = 0;
	work->cur_len = HDR + 2;

	work->elems = kcalloc(1, sizeof(*work->elems), GFP_KERNEL);
	if (!work->elems)
		return -ENOMEM;
	work->nr_elems = 1;
	spin_lock(&conn->lock);
	if (ksmbd_credits_consume(&conn->credits, 0, 1)) {
		spin_unlock(&conn->lock);
		return -EINVAL;
	}
	spin_unlock(&conn->lock);
	work->credit_charge = 1;
	if (ksmbd_rsp_new_elem(work))
		return -ENOMEM;
	work->rsp_var_max = 4096;
	st = smb2_negotiate_smb1(work, offers);
	if (st)
		return -EINVAL;
	smb2_finish_elem(work, st, true);
	return smb2_send(work, 1);
}

/* --- async --------------------------------------------------------------- */

#define KSMBD_MAX_ASYNC		4096

/*
 * A CANCEL by MessageId may be handled before the request it names went
 * async (works run in parallel; a client cancels right after sending):
 * its MessageId is kept for go_async. MessageIds are never reused on a
 * connection. Under conn->async_lock.
 */
static void smb2_early_cancel_add(struct ksmbd_conn *conn, u64 mid)
{
	conn->early_cancel[conn->early_cancel_next] = mid;
	conn->early_cancel_next = (conn->early_cancel_next + 1) %
				  ARRAY_SIZE(conn->early_cancel);
}

static bool smb2_early_cancel_take(struct ksmbd_conn *conn, u64 mid)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(conn->early_cancel); i++) {
		if (mid && conn->early_cancel[i] == mid) {
			conn->early_cancel[i] = 0;
			return true;
		}
	}
	return false;
}

u64 ksmbd_work_go_async(struct ksmbd_work *work, ksmbd_cancel_fn cancel_fn,
			void *arg)
{
	struct ksmbd_conn *conn = work->conn;
	unsigned int e = work->elem;
	struct ksmbd_rsp_elem saved;
	u32 saved_len, saved_var_max;
	u64 id;

	if (work->async)
		return 0;
	/*
	 * Only the last element of a compound may go async ([MS-SMB2]
	 * 3.3.4.2): the responses before it go out with its interim one.
	 * Windows fails an element in the middle that would go async with
	 * STATUS_INTERNAL_ERROR; the dispatcher answers so (async_refused).
	 */
	if (e != work->nr_elems - 1) {
		work->async_refused = true;
		return 0;
	}
	mutex_lock(&conn->async_lock);
	spin_lock(&conn->lock);
	if (conn->nr_async >= KSMBD_MAX_ASYNC ||
	    conn->state == KSMBD_CONN_EXITING) {
		spin_unlock(&conn->lock);
		mutex_unlock(&conn->async_lock);
		return 0;
	}
	id = conn->next_async_id++;
	conn->nr_async++;
	spin_unlock(&conn->lock);
	work->async = true;
	work->async_id = id;
	work->msg_id = le64_to_cpu(ksmbd_req_hdr(work)->MessageId);
	work->cancel_fn = cancel_fn;
	work->cancel_arg = arg;
	list_add_tail(&work->async_node, &conn->async_list);
	if (smb2_early_cancel_take(conn, work->msg_id)) {
		/* its final response still follows the interim one */
		work->cancelled = true;
		cancel_fn(work, arg);
	}
	mutex_unlock(&conn->async_lock);
	wake_up_all(&conn->wait);	/* no longer counts against admission */

	/* interim response: ERROR body with STATUS_PENDING, credits granted */
	saved = work->elems[e];
	saved_len = work->rsp_len;
	/* the interim ERROR body zeroes it; the final body needs the bound */
	saved_var_max = work->rsp_var_max;
	work->rsp_body_set = false;
	smb2_finish_elem(work, STATUS_PENDING, true);
	work->credits_done = true;
	smb2_send(work, e + 1);
	/* the final response reuses the element from scratch */
	work->elems[e] = saved;
	work->rsp_len = saved_len;
	work->rsp_var_max = saved_var_max;
	work->rsp_body_set = false;
	return id;
}

void ksmbd_work_complete_async(struct ksmbd_work *work, __le32 status)
{
	struct ksmbd_conn *conn = work->conn;

	mutex_lock(&conn->async_lock);
	list_del_init(&work->async_node);
	mutex_unlock(&conn->async_lock);
	spin_lock(&conn->lock);
	conn->nr_async--;
	spin_unlock(&conn->lock);

	if (!ksmbd_conn_exiting(conn)) {
		/* the last element of its compound, alone in the PDU */
		smb2_finish_elem(work, status, true);
		smb2_send_range(work, work->elem, work->elem + 1);
	}
	smb2_process_done(work);
}

void ksmbd_work_cancel_all(struct ksmbd_conn *conn)
{
	struct ksmbd_work *w;

	mutex_lock(&conn->async_lock);
	list_for_each_entry(w, &conn->async_list, async_node) {
		if (w->cancelled || !w->cancel_fn)
			continue;
		w->cancelled = true;
		w->cancel_fn(w, w->cancel_arg);
	}
	mutex_unlock(&conn->async_lock);
}

/* CANCEL ([MS-SMB2] 3.3.5.16): no response is ever sent for it. */
__le32 smb2_cancel(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);
	bool by_async = hdr->Flags & SMB2_FLAGS_ASYNC_COMMAND;
	u64 id = by_async ? le64_to_cpu(hdr->Id.AsyncId) :
			    le64_to_cpu(hdr->MessageId);
	struct ksmbd_work *w;
	bool found = false;

	mutex_lock(&conn->async_lock);
	list_for_each_entry(w, &conn->async_list, async_node) {
		if ((by_async ? w->async_id : w->msg_id) != id)
			continue;
		if (!by_async && w->sess && w->sess->id !=
		    le64_to_cpu(hdr->SessionId))
			continue;
		if (!w->cancelled && w->cancel_fn) {
			w->cancelled = true;
			w->cancel_fn(w, w->cancel_arg);
		}
		found = true;
		break;
	}
	if (!found && !by_async)
		smb2_early_cancel_add(conn, id);
	mutex_unlock(&conn->async_lock);
	return STATUS_SUCCESS;
}
