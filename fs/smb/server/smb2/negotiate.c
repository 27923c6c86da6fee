// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NEGOTIATE ([MS-SMB2] 3.3.5.3, 3.3.5.4), including the 3.1.1 negotiate
 * contexts and FSCTL_VALIDATE_NEGOTIATE_INFO (3.3.5.15.12).
 *
 * The negotiated fields of the connection are written here once, under
 * conn->srv_lock, and published by moving conn->state to NEGOTIATED.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <asm/unaligned.h>

#include "dispatch.h"
#include "check.h"
#include "../work.h"
#include "../conn.h"
#include "../server.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../auth/spnego.h"
#include "../auth/preauth.h"
#include "../auth/aead.h"
#include "../vfs/posix.h"

#define HDR			__SMB2_HEADER_STRUCTURE_SIZE
#define NEG_RSP_FIXED		64	/* StructureSize 65 minus Buffer[1] */
#define NEG_REQ_FIXED		36
#define NEG_TOKEN_MAX		512	/* our negTokenInit2 */

/* Dialects we implement, best first. */
static const u16 ksmbd_dialects[] = {
	SMB311_PROT_ID, SMB302_PROT_ID, SMB30_PROT_ID, SMB21_PROT_ID,
	SMB20_PROT_ID,
};

static bool dialect_enabled(u16 d)
{
	return d >= ksmbd_cfg.min_dialect && d <= ksmbd_cfg.max_dialect;
}

/* Highest dialect both offered and enabled, 0 if none. */
static u16 ksmbd_pick_dialect(const __le16 *offered, u16 count)
{
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(ksmbd_dialects); i++) {
		if (!dialect_enabled(ksmbd_dialects[i]))
			continue;
		for (j = 0; j < count; j++)
			if (get_unaligned_le16(&offered[j]) == ksmbd_dialects[i])
				return ksmbd_dialects[i];
	}
	return 0;
}

u64 ksmbd_nt_time_now(void)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	/* 100 ns units since 1601-01-01 */
	return (ts.tv_sec + 11644473600LL) * 10000000LL + ts.tv_nsec / 100;
}

/* --- 3.1.1 negotiate contexts ------------------------------------------ */

struct negctx_state {
	bool preauth, encrypt, signing, compress, rdma, transport, posix;
	bool sha512;
	__le16 sign_alg;
	u16 cipher;		/* chosen, 0 = none in common */
	__le32 status;
};

static int negctx_preauth(struct negctx_state *s, const u8 *d, u16 len)
{
	u16 n, salt, i;

	if (s->preauth || len < 4)
		return -EINVAL;
	s->preauth = true;
	n = get_unaligned_le16(d);
	salt = get_unaligned_le16(d + 2);
	if (!n || (u32)n * 2 + salt > len - 4)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (get_unaligned_le16(d + 4 + 2 * i) == 0x0001)	/* SHA-512 */
			s->sha512 = true;
	return 0;
}

static int negctx_encrypt(struct negctx_state *s, const u8 *d, u16 len)
{
	u16 n, i;

	if (s->encrypt || len < 2)
		return -EINVAL;
	s->encrypt = true;
	n = get_unaligned_le16(d);
	if (!n || (u32)n * 2 > len - 2)
		return -EINVAL;
	/* the client lists its ciphers by preference: take its first we know */
	for (i = 0; i < n && !s->cipher; i++)
		if (ksmbd_aead_key_len(get_unaligned_le16(d + 2 + 2 * i)))
			s->cipher = get_unaligned_le16(d + 2 + 2 * i);
	return 0;
}

static int negctx_signing(struct negctx_state *s, const u8 *d, u16 len)
{
	static const u16 pref[] = {
		SIGNING_ALG_AES_GMAC, SIGNING_ALG_AES_CMAC,
		SIGNING_ALG_HMAC_SHA256,
	};
	unsigned int i, j;
	u16 n;

	if (s->signing || len < 2)
		return -EINVAL;
	s->signing = true;
	n = get_unaligned_le16(d);
	if (!n || (u32)n * 2 > len - 2)
		return -EINVAL;
	s->sign_alg = SIGNING_ALG_AES_CMAC_LE;
	for (i = 0; i < ARRAY_SIZE(pref); i++)
		for (j = 0; j < n; j++)
			if (get_unaligned_le16(d + 2 + 2 * j) == pref[i]) {
				s->sign_alg = cpu_to_le16(pref[i]);
				return 0;
			}
	return 0;
}

static int negctx_one(void *arg, u16 type, const u8 *d, u16 len)
{
	struct negctx_state *s = arg;

	switch (type) {
	case 1:	/* PREAUTH_INTEGRITY_CAPABILITIES */
		return negctx_preauth(s, d, len);
	case 2:	/* ENCRYPTION_CAPABILITIES */
		return negctx_encrypt(s, d, len);
	case 3:	/* COMPRESSION_CAPABILITIES: parsed, not offered */
		if (s->compress || len < 8)
			return -EINVAL;
		s->compress = true;
		return 0;
	case 5:	/* NETNAME_NEGOTIATE_CONTEXT_ID: informational */
		return 0;
	case 6:	/* TRANSPORT_CAPABILITIES: not accepted, not answered */
		s->transport = true;
		return 0;
	case 7:	/* RDMA_TRANSFORM_CAPABILITIES: parsed, not offered */
		if (s->rdma || len < 8)
			return -EINVAL;
		s->rdma = true;
		return 0;
	case 8:	/* SIGNING_CAPABILITIES */
		return negctx_signing(s, d, len);
	case 0x100: /* SMB3_POSIX_EXTENSIONS_AVAILABLE ([POSIX-SMB2]) */
		/* the version blob we know; another one is not ours to accept */
		if (len >= KSMBD_POSIX_TAG_LEN &&
		    !memcmp(d, ksmbd_posix_tag, KSMBD_POSIX_TAG_LEN))
			s->posix = true;
		return 0;
	default:	/* unknown contexts are ignored */
		return 0;
	}
}

/* Parse the request's contexts into s; STATUS_* on failure. */
static __le32 ksmbd_negctx_parse(const void *req, u32 len, struct negctx_state *s)
{
	const struct smb2_negotiate_req *r = req;
	int rc;

	memset(s, 0, sizeof(*s));
	rc = ksmbd_negctx_walk(req, len, le32_to_cpu(r->NegotiateContextOffset),
			       le16_to_cpu(r->NegotiateContextCount),
			       negctx_one, s);
	if (rc || !s->preauth)
		return STATUS_INVALID_PARAMETER;
	if (!s->sha512)
		return STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP;
	return 0;
}

/* Append one response context (8-aligned start) with data. */
static int negctx_put(struct ksmbd_work *work, u16 type, const void *data,
		      u16 len, u16 *count)
{
	u32 pad = ALIGN(work->rsp_len, 8) - work->rsp_len;
	struct smb2_neg_context *c;
	u8 *p;

	if (pad && !ksmbd_rsp_append(work, pad))
		return -ENOSPC;
	p = ksmbd_rsp_append(work, sizeof(*c) + len);
	if (!p)
		return -ENOSPC;
	c = (struct smb2_neg_context *)p;
	c->ContextType = cpu_to_le16(type);
	c->DataLength = cpu_to_le16(len);
	memcpy(p + sizeof(*c), data, len);
	(*count)++;
	return 0;
}

/* A response context naming the one algorithm chosen: count 1, its id. */
static int negctx_put_choice(struct ksmbd_work *work, u16 type, u16 id,
			     u16 *count)
{
	u8 d[4];

	put_unaligned_le16(1, d);
	put_unaligned_le16(id, d + 2);
	return negctx_put(work, type, d, sizeof(d), count);
}

/* --- response ------------------------------------------------------------ */

static bool ksmbd_encryption_enabled(void)
{
	return !(ksmbd_cfg.flags & KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION_OFF);
}

/*
 * 3.0 and 3.0.2 announce encryption (AES-128-CCM) with a capability when
 * the client announced it; 3.1.1 negotiates a cipher with a context
 * instead, so the capability is never set for it ([MS-SMB2] 3.3.5.4).
 */
static bool ksmbd_encryption_cap(u16 dialect, u32 cli_caps)
{
	return (dialect == SMB30_PROT_ID || dialect == SMB302_PROT_ID) &&
	       ksmbd_encryption_enabled() &&
	       (cli_caps & SMB2_GLOBAL_CAP_ENCRYPTION);
}

static u32 ksmbd_server_caps(u16 dialect, u32 cli_caps)
{
	u32 caps = 0;

	if (dialect >= SMB21_PROT_ID)
		caps |= SMB2_GLOBAL_CAP_LARGE_MTU;
	if (ksmbd_encryption_cap(dialect, cli_caps))
		caps |= SMB2_GLOBAL_CAP_ENCRYPTION;
	/* "server multi channel support": session binding (smb2/session.c) */
	if (dialect >= SMB30_PROT_ID &&
	    ksmbd_cfg.flags & KSMBD_GLOBAL_FLAG_SMB3_MULTICHANNEL)
		caps |= SMB2_GLOBAL_CAP_MULTI_CHANNEL;
	return caps;
}

static u16 ksmbd_server_sec_mode(void)
{
	u16 m = SMB2_NEGOTIATE_SIGNING_ENABLED;

	if (ksmbd_cfg.signing == KSMBD_CONFIG_OPT_MANDATORY)
		m |= SMB2_NEGOTIATE_SIGNING_REQUIRED;
	return m;
}

/* Fixed part + SPNEGO token; contexts are appended by the caller. */
static struct smb2_negotiate_rsp *neg_rsp_build(struct ksmbd_work *work,
						u16 dialect, u32 cli_caps)
{
	struct smb2_negotiate_rsp *rsp;
	u8 *body, *blob, *tok;
	u32 max_io = dialect == SMB20_PROT_ID ? 65536 : U32_MAX;
	size_t blen = 0;

	body = ksmbd_rsp_body(work, NEG_RSP_FIXED);
	if (!body)
		return NULL;
	rsp = (struct smb2_negotiate_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(65);
	rsp->SecurityMode = cpu_to_le16(ksmbd_server_sec_mode());
	rsp->DialectRevision = cpu_to_le16(dialect);
	memcpy(rsp->ServerGUID, ksmbd_cfg.server_guid, 16);
	rsp->Capabilities = cpu_to_le32(ksmbd_server_caps(dialect, cli_caps));
	rsp->MaxTransactSize = cpu_to_le32(min(ksmbd_cfg.max_trans, max_io));
	rsp->MaxReadSize = cpu_to_le32(min(ksmbd_cfg.max_read, max_io));
	rsp->MaxWriteSize = cpu_to_le32(min(ksmbd_cfg.max_write, max_io));
	rsp->SystemTime = cpu_to_le64(ksmbd_nt_time_now());
	rsp->ServerStartTime = 0;

	tok = kmalloc(NEG_TOKEN_MAX, GFP_KERNEL);
	if (!tok)
		return NULL;
	/* Kerberos is offered once its SESSION_SETUP path is complete */
	if (ksmbd_spnego_build_init(tok, NEG_TOKEN_MAX, false, &blen))
		blen = 0;	/* clients fall back to their default mech */
	blob = ksmbd_rsp_append(work, blen);
	if (blob)
		memcpy(blob, tok, blen);
	kfree(tok);
	if (!blob)
		return NULL;
	rsp->SecurityBufferOffset = cpu_to_le16(HDR + NEG_RSP_FIXED);
	rsp->SecurityBufferLength = cpu_to_le16(blen);
	return rsp;
}

__le32 smb2_negotiate_smb1(struct ksmbd_work *work, int offers)
{
	struct ksmbd_conn *conn = work->conn;
	u16 dialect;

	if (offers & KSMBD_SMB1_OFFERS_2XXX &&
	    ksmbd_cfg.max_dialect >= SMB21_PROT_ID)
		dialect = SMB2X_PROT_ID;
	else if (offers & KSMBD_SMB1_OFFERS_2002 &&
		 dialect_enabled(SMB20_PROT_ID))
		dialect = SMB20_PROT_ID;
	else
		return STATUS_NOT_SUPPORTED;

	if (!neg_rsp_build(work, dialect, 0))
		return STATUS_NO_MEMORY;
	if (dialect == SMB20_PROT_ID) {
		mutex_lock(&conn->srv_lock);
		conn->dialect = SMB20_PROT_ID;
		conn->srv_sec_mode = ksmbd_server_sec_mode();
		conn->srv_caps = 0;
		conn->sign_required =
			ksmbd_cfg.signing == KSMBD_CONFIG_OPT_MANDATORY;
		/* pairs with smp_load_acquire() in ksmbd_conn_negotiated() */
		smp_store_release(&conn->state, KSMBD_CONN_NEGOTIATED);
		mutex_unlock(&conn->srv_lock);
	}
	return 0;
}

__le32 smb2_negotiate(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	const struct smb2_negotiate_req *req = ksmbd_req(work);
	struct smb2_negotiate_rsp *rsp;
	struct negctx_state ctx = {};
	const __le16 *dialects;
	u16 count = le16_to_cpu(req->DialectCount);
	u16 dialect, nctx = 0;
	__le32 st = 0;

	mutex_lock(&conn->srv_lock);
	if (conn->state != KSMBD_CONN_NEW) {
		/* a second NEGOTIATE: [MS-SMB2] 3.3.5.3 says disconnect */
		mutex_unlock(&conn->srv_lock);
		ksmbd_conn_shutdown(conn);
		return STATUS_INVALID_PARAMETER;
	}
	dialects = ksmbd_req_buf(work, HDR + NEG_REQ_FIXED, (u32)count * 2);
	if (!count || !dialects) {
		st = STATUS_INVALID_PARAMETER;
		goto out;
	}
	dialect = ksmbd_pick_dialect(dialects, count);
	if (!dialect) {
		st = STATUS_NOT_SUPPORTED;
		goto out;
	}
	if (dialect == SMB311_PROT_ID) {
		st = ksmbd_negctx_parse(req, work->cur_len, &ctx);
		if (st)
			goto out;
	}

	rsp = neg_rsp_build(work, dialect, le32_to_cpu(req->Capabilities));
	if (!rsp) {
		st = STATUS_NO_MEMORY;
		goto out;
	}
	if (dialect == SMB311_PROT_ID) {
		u8 pre[4 + 2 + 32];	/* count, salt len, SHA-512, salt */
		u32 off;

		put_unaligned_le16(1, pre);
		put_unaligned_le16(32, pre + 2);
		put_unaligned_le16(0x0001, pre + 4);
		get_random_bytes(pre + 6, 32);
		off = ALIGN(ksmbd_rsp_offset(work, ksmbd_rsp_append(work, 0)), 8);
		if (negctx_put(work, 1, pre, sizeof(pre), &nctx)) {
			st = STATUS_NO_MEMORY;
			goto out;
		}
		rsp->NegotiateContextOffset = cpu_to_le32(off);
		/* the cipher chosen, 0 when none is common ([MS-SMB2] 2.2.4.1.2) */
		if ((ctx.signing &&
		     negctx_put_choice(work, 8, le16_to_cpu(ctx.sign_alg),
				       &nctx)) ||
		    (ctx.encrypt && ksmbd_encryption_enabled() &&
		     negctx_put_choice(work, 2, ctx.cipher, &nctx)) ||
		    /* POSIX extensions: the same version blob back */
		    (ctx.posix &&
		     negctx_put(work, 0x100, ksmbd_posix_tag,
				KSMBD_POSIX_TAG_LEN, &nctx))) {
			st = STATUS_NO_MEMORY;
			goto out;
		}
		rsp->NegotiateContextCount = cpu_to_le16(nctx);

		/* preauth: H(0) = 0, H = SHA-512(H || message) */
		memset(conn->preauth_hash, 0, sizeof(conn->preauth_hash));
		ksmbd_preauth_update_buf(conn->preauth_hash, req,
					 work->cur_len);
		work->preauth_rsp = conn->preauth_hash;
	}

	conn->dialect = dialect;
	conn->cli_sec_mode = le16_to_cpu(req->SecurityMode);
	conn->cli_caps = le32_to_cpu(req->Capabilities);
	memcpy(conn->client_guid, req->ClientGUID, SMB2_CLIENT_GUID_SIZE);
	conn->cli_dialect_count = min_t(u16, count,
					ARRAY_SIZE(conn->cli_dialects));
	for (nctx = 0; nctx < conn->cli_dialect_count; nctx++)
		conn->cli_dialects[nctx] = get_unaligned_le16(&dialects[nctx]);
	conn->cli_dialects_truncated = count > conn->cli_dialect_count;
	conn->srv_sec_mode = ksmbd_server_sec_mode();
	conn->srv_caps = ksmbd_server_caps(dialect, conn->cli_caps);
	conn->sign_required = ksmbd_cfg.signing == KSMBD_CONFIG_OPT_MANDATORY;
	conn->signing_alg = ctx.signing ? ctx.sign_alg : SIGNING_ALG_AES_CMAC_LE;
	conn->posix_ext = dialect == SMB311_PROT_ID && ctx.posix;
	conn->cipher = 0;
	if (dialect == SMB311_PROT_ID && ksmbd_encryption_enabled())
		conn->cipher = cpu_to_le16(ctx.cipher);
	else if (ksmbd_encryption_cap(dialect, conn->cli_caps))
		conn->cipher = cpu_to_le16(KSMBD_CIPHER_AES128_CCM);
	/* pairs with smp_load_acquire() in ksmbd_conn_negotiated() */
	smp_store_release(&conn->state, KSMBD_CONN_NEGOTIATED);
	ksmbd_debug(SMB, "negotiated dialect %#x\n", dialect);
out:
	mutex_unlock(&conn->srv_lock);
	return st;
}

__le32 ksmbd_fsctl_validate_negotiate(struct ksmbd_work *work, const void *in,
				      u32 in_len, void *out, u32 out_max,
				      u32 *out_len)
{
	struct ksmbd_conn *conn = work->conn;
	const struct validate_negotiate_info_req *req = in;
	struct validate_negotiate_info_rsp *rsp = out;
	u16 count, i;

	*out_len = 0;
	if (in_len < offsetof(struct validate_negotiate_info_req, Dialects) ||
	    out_max < sizeof(*rsp))
		return STATUS_INVALID_PARAMETER;
	count = le16_to_cpu(req->DialectCount);
	if ((u32)count * 2 > in_len -
	    offsetof(struct validate_negotiate_info_req, Dialects))
		return STATUS_INVALID_PARAMETER;
	if (conn->dialect == SMB311_PROT_ID)
		goto fail;	/* 3.1.1 uses preauth integrity instead */
	if (le32_to_cpu(req->Capabilities) != conn->cli_caps ||
	    memcmp(req->Guid, conn->client_guid, SMB2_CLIENT_GUID_SIZE) ||
	    le16_to_cpu(req->SecurityMode) != conn->cli_sec_mode ||
	    count != conn->cli_dialect_count || conn->cli_dialects_truncated)
		goto fail;
	for (i = 0; i < count; i++)
		if (get_unaligned_le16(&req->Dialects[i]) !=
		    conn->cli_dialects[i])
			goto fail;
	rsp->Capabilities = cpu_to_le32(conn->srv_caps);
	memcpy(rsp->Guid, ksmbd_cfg.server_guid, SMB2_CLIENT_GUID_SIZE);
	rsp->SecurityMode = cpu_to_le16(conn->srv_sec_mode);
	rsp->Dialect = cpu_to_le16(conn->dialect);
	*out_len = sizeof(*rsp);
	return 0;
fail:
	/* [MS-SMB2] 3.3.5.15.12: terminate the connection */
	ksmbd_conn_shutdown(conn);
	return STATUS_ACCESS_DENIED;
}
