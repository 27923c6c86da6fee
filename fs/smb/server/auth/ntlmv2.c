// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NTLMv2 response verification and session key ([MS-NLMP] 3.3.2,
 * 3.2.5.1.2): see ntlmssp.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>
#include <crypto/algapi.h>
#include <crypto/md5.h>

#include "../../common/arc4.h"
#include "crypto_pool.h"
#include "ntlmssp.h"
#include "ntlmssp_wire.h"

#define NTLMV2_PROOF_SIZE	16
#define NTLMV1_RESPONSE_SIZE	24

/*
 * Upper case of one UTF-16 code unit for the name hash: ASCII, Latin-1,
 * Latin Extended-A, basic Greek and Cyrillic. Others are unchanged.
 */
static u16 ntlm_toupper(u16 c)
{
	if (c >= 'a' && c <= 'z')
		return c - 0x20;
	if (c < 0xe0)
		return c;
	if (c <= 0xfe)
		return c == 0xf7 ? c : c - 0x20;
	if (c == 0xff)
		return 0x178;
	if ((c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) ||
	    (c >= 0x14a && c <= 0x177))
		return c & 1 ? c - 1 : c;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return c & 1 ? c : c - 1;
	if ((c >= 0x3b1 && c <= 0x3cb) || (c >= 0x430 && c <= 0x44f))
		return c == 0x3c2 ? 0x3a3 : c - 0x20;
	if (c == 0x3ac)
		return 0x386;
	if (c >= 0x3ad && c <= 0x3af)
		return c - 0x25;
	if (c == 0x3cc)
		return 0x38c;
	if (c == 0x3cd || c == 0x3ce)
		return c - 0x3f;
	if (c >= 0x450 && c <= 0x45f)
		return c - 0x50;
	return c;
}

/* Feed UTF-16LE s (len bytes, even) upper-cased into the hash. */
static int hash_upper(struct shash_desc *desc, const u8 *s, size_t len)
{
	u8 chunk[64];
	size_t i, n;
	int err = 0;

	while (!err && len) {
		n = min(len, sizeof(chunk));
		for (i = 0; i < n; i += 2)
			put_unaligned_le16(ntlm_toupper(get_unaligned_le16(s + i)),
					   chunk + i);
		err = crypto_shash_update(desc, chunk, n);
		s += n;
		len -= n;
	}
	return err;
}

static int hmac_md5(struct shash_desc *desc, const u8 *key,
		    const u8 *a, size_t alen, const u8 *b, size_t blen,
		    u8 out[MD5_DIGEST_SIZE])
{
	int err;

	err = crypto_shash_setkey(desc->tfm, key, MD5_DIGEST_SIZE);
	if (!err)
		err = crypto_shash_init(desc);
	if (!err && alen)
		err = crypto_shash_update(desc, a, alen);
	if (!err && blen)
		err = crypto_shash_update(desc, b, blen);
	if (!err)
		err = crypto_shash_final(desc, out);
	return err;
}

/* ExportedSessionKey = RC4(KeyExchangeKey, EncryptedRandomSessionKey) */
static int key_exchange(const u8 kxkey[16], const u8 *enc, u8 out[16])
{
	struct arc4_ctx *ctx;
	int err;

	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	err = cifs_arc4_setkey(ctx, kxkey, KSMBD_NTLMSSP_KEY_SIZE);
	if (!err)
		cifs_arc4_crypt(ctx, out, enc, KSMBD_NTLMSSP_KEY_SIZE);
	kfree_sensitive(ctx);
	return err;
}

/* AvPairs: inside [p, p + len), terminated by MsvAvEOL. */
static bool av_pairs_ok(const u8 *p, size_t len)
{
	while (len >= 4) {
		u16 id = get_unaligned_le16(p);
		u16 l = get_unaligned_le16(p + 2);

		if (id == NTLMSSP_AV_EOL)
			return true;
		if (l > len - 4)
			return false;
		p += 4 + l;
		len -= 4 + l;
	}
	return false;
}

int ksmbd_ntlmv2_check_response(const struct ksmbd_ntlmssp_auth *a)
{
	const struct ntlmv2_client_challenge *cc;

	/* no NT response, an NTLMv1 one, or LM only: not accepted */
	if (!a->nt_len || a->nt_len == NTLMV1_RESPONSE_SIZE)
		return -EACCES;
	if (a->nt_len < NTLMV2_PROOF_SIZE + sizeof(*cc))
		return -EINVAL;
	cc = (const struct ntlmv2_client_challenge *)(a->nt + NTLMV2_PROOF_SIZE);
	if (cc->resp_type != 1 || cc->hi_resp_type != 1)
		return -EINVAL;
	if (!av_pairs_ok(a->nt + NTLMV2_PROOF_SIZE + sizeof(*cc),
			 a->nt_len - NTLMV2_PROOF_SIZE - sizeof(*cc)))
		return -EINVAL;
	return 0;
}

int ksmbd_ntlmv2_verify(const u8 nt_hash[16],
			const struct ksmbd_ntlmssp_auth *a,
			const u8 server_challenge[8], u8 session_key[16])
{
	u8 rkey[MD5_DIGEST_SIZE], proof[MD5_DIGEST_SIZE];
	u8 base[MD5_DIGEST_SIZE];
	struct ksmbd_crypto_obj *obj;
	struct shash_desc *desc;
	bool kx;
	int err;

	err = ksmbd_ntlmv2_check_response(a);
	if (err)
		return err;
	kx = a->flags & NTLMSSP_NEGOTIATE_KEY_EXCH;
	if (kx && a->enc_session_key_len != KSMBD_NTLMSSP_KEY_SIZE)
		return -EINVAL;

	obj = ksmbd_crypto_get(KSMBD_CRYPTO_HMAC_MD5);
	if (!obj)
		return -ENODEV;
	desc = obj->desc;

	/* ResponseKeyNT = HMAC_MD5(NT hash, Uppercase(User) || UserDom) */
	err = crypto_shash_setkey(desc->tfm, nt_hash, MD5_DIGEST_SIZE);
	if (!err)
		err = crypto_shash_init(desc);
	if (!err)
		err = hash_upper(desc, (const u8 *)a->user, a->user_len);
	if (!err && a->domain_len)
		err = crypto_shash_update(desc, (const u8 *)a->domain,
					  a->domain_len);
	if (!err)
		err = crypto_shash_final(desc, rkey);
	/* NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge || temp) */
	if (!err)
		err = hmac_md5(desc, rkey, server_challenge,
			       KSMBD_NTLMSSP_CHALLENGE_SIZE,
			       a->nt + NTLMV2_PROOF_SIZE,
			       a->nt_len - NTLMV2_PROOF_SIZE, proof);
	if (!err && crypto_memneq(proof, a->nt, NTLMV2_PROOF_SIZE))
		err = -EACCES;
	/* SessionBaseKey = KeyExchangeKey = HMAC_MD5(ResponseKeyNT, proof) */
	if (!err)
		err = hmac_md5(desc, rkey, proof, sizeof(proof), NULL, 0, base);
	ksmbd_crypto_put(obj);

	if (!err) {
		if (kx)
			err = key_exchange(base, a->enc_session_key,
					   session_key);
		else
			memcpy(session_key, base, KSMBD_NTLMSSP_KEY_SIZE);
	}
	memzero_explicit(rkey, sizeof(rkey));
	memzero_explicit(proof, sizeof(proof));
	memzero_explicit(base, sizeof(base));
	return err;
}
