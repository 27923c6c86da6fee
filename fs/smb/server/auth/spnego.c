// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SPNEGO tokens for SMB2: see spnego.h.
 *
 * Decoding goes through the kernel ASN.1 BER decoder with the grammars in
 * spnego_negtokeninit.asn1 and spnego_negtokentarg.asn1; the actions below
 * only record where things are, every length having been checked by the
 * decoder against its enclosing element. Encoding is a small DER writer:
 * sizes are computed first, then the bytes are written front to back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/asn1_decoder.h>

#include "spnego.h"
#include "ntlmssp.h"
#include "spnego_negtokeninit.asn1.h"
#include "spnego_negtokentarg.asn1.h"

/* DER bodies (no tag and length) of the OIDs we use */
static const u8 oid_spnego[] = { 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02 };
static const u8 oid_ntlmssp[] = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37,
				  0x02, 0x02, 0x0a };
static const u8 oid_mskrb5[] = { 0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01,
				 0x02, 0x02 };
static const u8 oid_krb5[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01,
			       0x02, 0x02 };

static const char neg_hint[] = "not_defined_in_RFC4178@please_ignore";

#define ASN1_TAG_ENUM		0x0a
#define ASN1_TAG_OID		0x06
#define ASN1_TAG_OCTETS		0x04
#define ASN1_TAG_SEQ		0x30
#define ASN1_TAG_GENSTR		0x1b
#define ASN1_TAG_APP0		0x60
#define ASN1_TAG_CTX(n)		(0xa0 | (n))

static bool oid_is(const void *v, size_t len, const u8 *oid, size_t oid_len)
{
	return len == oid_len && !memcmp(v, oid, len);
}

#define OID_IS(v, len, oid)	oid_is(v, len, oid, sizeof(oid))

static enum ksmbd_mech mech_of(const void *oid, size_t len)
{
	if (OID_IS(oid, len, oid_ntlmssp))
		return KSMBD_MECH_NTLMSSP;
	if (OID_IS(oid, len, oid_mskrb5) || OID_IS(oid, len, oid_krb5))
		return KSMBD_MECH_KRB5;
	return KSMBD_MECH_NONE;
}

/* --- decoding ---------------------------------------------------------- */

struct spnego_ctx {
	unsigned int nmechs;
	enum ksmbd_mech first;		/* the client's preferred mechanism */
	enum ksmbd_mech chosen;		/* first one we know */
	enum ksmbd_mech supported;	/* negTokenTarg supportedMech */
	int result;			/* negResult, -1 if absent */
	const u8 *token;
	size_t token_len;
	const u8 *mechs_start;		/* the MechTypeList's content */
	const u8 *mechs_end;
	const u8 *mic;			/* negTokenTarg mechListMIC */
	size_t mic_len;
};

int ksmbd_spnego_gss_oid(void *context, size_t hdrlen, unsigned char tag,
			 const void *value, size_t vlen)
{
	return OID_IS(value, vlen, oid_spnego) ? 0 : -EBADMSG;
}

int ksmbd_spnego_init_mech(void *context, size_t hdrlen, unsigned char tag,
			   const void *value, size_t vlen)
{
	struct spnego_ctx *ctx = context;
	enum ksmbd_mech mech = mech_of(value, vlen);

	/* the OIDs are the list's content, one after the other */
	if (!ctx->nmechs)
		ctx->mechs_start = (const u8 *)value - hdrlen;
	ctx->mechs_end = (const u8 *)value + vlen;
	if (!ctx->nmechs++)
		ctx->first = mech;
	if (ctx->chosen == KSMBD_MECH_NONE)
		ctx->chosen = mech;
	return 0;
}

int ksmbd_spnego_init_token(void *context, size_t hdrlen, unsigned char tag,
			    const void *value, size_t vlen)
{
	struct spnego_ctx *ctx = context;

	ctx->token = value;
	ctx->token_len = vlen;
	return 0;
}

int ksmbd_spnego_targ_result(void *context, size_t hdrlen,
			     unsigned char tag, const void *value, size_t vlen)
{
	struct spnego_ctx *ctx = context;

	if (vlen != 1)
		return -EBADMSG;
	ctx->result = *(const u8 *)value;
	return 0;
}

int ksmbd_spnego_targ_mech(void *context, size_t hdrlen, unsigned char tag,
			   const void *value, size_t vlen)
{
	struct spnego_ctx *ctx = context;

	ctx->supported = mech_of(value, vlen);
	return 0;
}

int ksmbd_spnego_targ_mic(void *context, size_t hdrlen, unsigned char tag,
			  const void *value, size_t vlen)
{
	struct spnego_ctx *ctx = context;

	ctx->mic = value;
	ctx->mic_len = vlen;
	return 0;
}

int ksmbd_spnego_targ_token(void *context, size_t hdrlen, unsigned char tag,
			    const void *value, size_t vlen)
{
	return ksmbd_spnego_init_token(context, hdrlen, tag, value, vlen);
}

/*
 * Length of the DER element at the start of p (header + content), or 0 if
 * its header is malformed or it does not fit in len. Definite lengths of
 * up to 2 bytes only: an SMB2 security buffer is below 64 KiB.
 */
static size_t der_element_size(const u8 *p, size_t len)
{
	size_t hdr, clen;

	if (len < 2)
		return 0;
	if (p[1] < 0x80) {
		hdr = 2;
		clen = p[1];
	} else if (p[1] == 0x81 && len >= 3) {
		hdr = 3;
		clen = p[2];
	} else if (p[1] == 0x82 && len >= 4) {
		hdr = 4;
		clen = (p[2] << 8) | p[3];
	} else {
		return 0;
	}
	if (clen > len - hdr)
		return 0;
	return hdr + clen;
}

int ksmbd_spnego_decode(const void *blob, size_t len, enum ksmbd_mech *mech,
			const u8 **token, size_t *token_len)
{
	struct spnego_ctx ctx = { .result = -1 };
	const u8 *p = blob;
	size_t elen;
	int err;

	if (!blob || !len)
		return -EINVAL;
	if (ksmbd_ntlmssp_message_type(blob, len) >= 0) {
		*mech = KSMBD_MECH_NTLMSSP;
		*token = blob;
		*token_len = len;
		return 0;
	}
	elen = der_element_size(p, len);
	if (!elen)
		return -EINVAL;

	if (p[0] == ASN1_TAG_APP0) {
		err = asn1_ber_decoder(&spnego_negtokeninit_decoder, &ctx, p,
				       elen);
		if (err || !ctx.nmechs)
			return -EINVAL;
		*mech = ctx.chosen;
		if (ctx.chosen == KSMBD_MECH_NONE || ctx.chosen != ctx.first) {
			/* the optimistic token is for a mechanism we lack */
			ctx.token = NULL;
			ctx.token_len = 0;
		}
	} else if (p[0] == ASN1_TAG_CTX(1)) {
		err = asn1_ber_decoder(&spnego_negtokentarg_decoder, &ctx, p,
				       elen);
		if (err)
			return -EINVAL;
		if (ctx.result == KSMBD_SPNEGO_REJECT)
			return -EACCES;
		if (ctx.result > KSMBD_SPNEGO_REJECT)
			return -EINVAL;
		*mech = ctx.supported;
		if (*mech == KSMBD_MECH_NONE && ctx.token &&
		    ksmbd_ntlmssp_message_type(ctx.token, ctx.token_len) >= 0)
			*mech = KSMBD_MECH_NTLMSSP;
	} else {
		return -EINVAL;
	}
	if (!ctx.token_len)
		ctx.token = NULL;
	*token = ctx.token;
	*token_len = ctx.token_len;
	return 0;
}

/* --- encoding ---------------------------------------------------------- */

/* Bytes of a DER element with content_len bytes of content. */
static size_t der_size(size_t content_len)
{
	if (content_len < 0x80)
		return 2 + content_len;
	if (content_len <= 0xff)
		return 3 + content_len;
	return 4 + content_len;		/* callers keep it below 64 KiB */
}

static u8 *der_hdr(u8 *p, u8 tag, size_t content_len)
{
	*p++ = tag;
	if (content_len < 0x80) {
		*p++ = content_len;
	} else if (content_len <= 0xff) {
		*p++ = 0x81;
		*p++ = content_len;
	} else {
		*p++ = 0x82;
		*p++ = content_len >> 8;
		*p++ = content_len & 0xff;
	}
	return p;
}

static u8 *der_put(u8 *p, u8 tag, const void *v, size_t len)
{
	p = der_hdr(p, tag, len);
	memcpy(p, v, len);
	return p + len;
}

#define DER_MAX		0xffff

int ksmbd_spnego_build_init(void *buf, size_t buflen, bool offer_krb5,
			    size_t *out_len)
{
	size_t mechs, mechseq, hint, hints, init, choice, app, total;
	u8 *p = buf;

	/* negTokenInit2: [0] mechTypes, [3] negHints { [0] hintName } */
	mechs = der_size(sizeof(oid_ntlmssp));
	if (offer_krb5)
		mechs += der_size(sizeof(oid_mskrb5)) +
			 der_size(sizeof(oid_krb5));
	mechseq = der_size(der_size(mechs));
	hint = der_size(der_size(sizeof(neg_hint) - 1));
	hints = der_size(der_size(hint));
	init = der_size(mechseq + hints);
	choice = der_size(init);
	app = der_size(sizeof(oid_spnego)) + choice;
	total = der_size(app);
	if (total > buflen)
		return -ENOSPC;

	p = der_hdr(p, ASN1_TAG_APP0, app);
	p = der_put(p, ASN1_TAG_OID, oid_spnego, sizeof(oid_spnego));
	p = der_hdr(p, ASN1_TAG_CTX(0), init);
	p = der_hdr(p, ASN1_TAG_SEQ, mechseq + hints);
	p = der_hdr(p, ASN1_TAG_CTX(0), der_size(mechs));
	p = der_hdr(p, ASN1_TAG_SEQ, mechs);
	if (offer_krb5) {
		p = der_put(p, ASN1_TAG_OID, oid_mskrb5, sizeof(oid_mskrb5));
		p = der_put(p, ASN1_TAG_OID, oid_krb5, sizeof(oid_krb5));
	}
	p = der_put(p, ASN1_TAG_OID, oid_ntlmssp, sizeof(oid_ntlmssp));
	p = der_hdr(p, ASN1_TAG_CTX(3), der_size(hint));
	p = der_hdr(p, ASN1_TAG_SEQ, hint);
	p = der_hdr(p, ASN1_TAG_CTX(0), der_size(sizeof(neg_hint) - 1));
	p = der_put(p, ASN1_TAG_GENSTR, neg_hint, sizeof(neg_hint) - 1);
	WARN_ON_ONCE(p != (u8 *)buf + total);
	*out_len = total;
	return 0;
}

int ksmbd_spnego_build_targ(void *buf, size_t buflen, int neg_result,
			    const u8 *token, size_t token_len, const u8 *mic,
			    size_t mic_len, size_t *out_len)
{
	size_t res, mech = 0, tok = 0, mics = 0, seq, total;
	u8 *p = buf;

	if (neg_result < KSMBD_SPNEGO_ACCEPT_COMPLETED ||
	    neg_result > KSMBD_SPNEGO_REJECT)
		return -EINVAL;
	if (token_len > DER_MAX - 32)
		return -ENOSPC;
	if (!token)
		token_len = 0;

	res = der_size(der_size(1));
	if (neg_result == KSMBD_SPNEGO_ACCEPT_INCOMPLETE)
		mech = der_size(der_size(sizeof(oid_ntlmssp)));
	if (token_len)
		tok = der_size(der_size(token_len));
	if (mic && mic_len)
		mics = der_size(der_size(mic_len));
	if (mic_len > 64)
		return -EINVAL;
	seq = der_size(res + mech + tok + mics);
	total = der_size(seq);
	if (total > buflen)
		return -ENOSPC;

	/* the token goes before the MIC; move it first, it may overlap */
	if (token_len)
		memmove(p + total - mics - token_len, token, token_len);
	p = der_hdr(p, ASN1_TAG_CTX(1), seq);
	p = der_hdr(p, ASN1_TAG_SEQ, res + mech + tok + mics);
	p = der_hdr(p, ASN1_TAG_CTX(0), der_size(1));
	*p++ = ASN1_TAG_ENUM;
	*p++ = 1;
	*p++ = neg_result;
	if (mech) {
		p = der_hdr(p, ASN1_TAG_CTX(1), der_size(sizeof(oid_ntlmssp)));
		p = der_put(p, ASN1_TAG_OID, oid_ntlmssp, sizeof(oid_ntlmssp));
	}
	if (token_len) {
		p = der_hdr(p, ASN1_TAG_CTX(2), der_size(token_len));
		p = der_hdr(p, ASN1_TAG_OCTETS, token_len);
		p += token_len;
	}
	if (mics) {
		p = der_hdr(p, ASN1_TAG_CTX(3), der_size(mic_len));
		p = der_put(p, ASN1_TAG_OCTETS, mic, mic_len);
	}
	WARN_ON_ONCE(p != (u8 *)buf + total);
	*out_len = total;
	return 0;
}

int ksmbd_spnego_mech_list(const void *blob, size_t len, u8 *out,
			   size_t out_max, size_t *out_len)
{
	struct spnego_ctx ctx = { .result = -1 };
	const u8 *p = blob;
	size_t elen, clen;

	if (!blob || !len || p[0] != ASN1_TAG_APP0)
		return -EINVAL;
	elen = der_element_size(p, len);
	if (!elen ||
	    asn1_ber_decoder(&spnego_negtokeninit_decoder, &ctx, p, elen) ||
	    !ctx.nmechs)
		return -EINVAL;
	clen = ctx.mechs_end - ctx.mechs_start;
	if (der_size(clen) > out_max)
		return -ENOSPC;
	der_hdr(out, ASN1_TAG_SEQ, clen);
	memcpy(out + der_size(clen) - clen, ctx.mechs_start, clen);
	*out_len = der_size(clen);
	return 0;
}

int ksmbd_spnego_targ_mech_list_mic(const void *blob, size_t len,
				    const u8 **mic, size_t *mic_len)
{
	struct spnego_ctx ctx = { .result = -1 };
	const u8 *p = blob;
	size_t elen;

	*mic = NULL;
	*mic_len = 0;
	if (!blob || !len || p[0] != ASN1_TAG_CTX(1))
		return -EINVAL;
	elen = der_element_size(p, len);
	if (!elen ||
	    asn1_ber_decoder(&spnego_negtokentarg_decoder, &ctx, p, elen))
		return -EINVAL;
	if (ctx.mic_len) {
		*mic = ctx.mic;
		*mic_len = ctx.mic_len;
	}
	return 0;
}
