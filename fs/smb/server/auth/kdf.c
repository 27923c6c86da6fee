// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB 3.x key derivation: see kdf.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>
#include <crypto/sha2.h>

#include "crypto_pool.h"
#include "kdf.h"

#define KDF_MAX_OUT	(255 * SHA256_DIGEST_SIZE)

int ksmbd_kdf(const u8 *key, size_t key_len, const u8 *label,
	      size_t label_len, const u8 *ctx, size_t ctx_len, u8 *out,
	      size_t out_len)
{
	static const u8 zero;
	struct ksmbd_crypto_obj *obj;
	struct shash_desc *desc;
	u8 block[SHA256_DIGEST_SIZE];
	__be32 counter, bits;
	size_t done = 0, take;
	u32 i;
	int err;

	if (!key || !key_len || !out_len || out_len > KDF_MAX_OUT ||
	    (label_len && !label) || (ctx_len && !ctx))
		return -EINVAL;
	obj = ksmbd_crypto_get(KSMBD_CRYPTO_HMAC_SHA256);
	if (!obj)
		return -ENODEV;
	desc = obj->desc;
	err = crypto_shash_setkey(desc->tfm, key, key_len);
	bits = cpu_to_be32(out_len * 8);

	for (i = 1; !err && done < out_len; i++) {
		counter = cpu_to_be32(i);
		err = crypto_shash_init(desc);
		if (!err)
			err = crypto_shash_update(desc, (u8 *)&counter, 4);
		if (!err && label_len)
			err = crypto_shash_update(desc, label, label_len);
		if (!err)
			err = crypto_shash_update(desc, &zero, 1);
		if (!err && ctx_len)
			err = crypto_shash_update(desc, ctx, ctx_len);
		if (!err)
			err = crypto_shash_update(desc, (u8 *)&bits, 4);
		if (!err)
			err = crypto_shash_final(desc, block);
		if (err)
			break;
		take = min_t(size_t, out_len - done, sizeof(block));
		memcpy(out + done, block, take);
		done += take;
	}
	ksmbd_crypto_put(obj);
	memzero_explicit(block, sizeof(block));
	if (err)
		memzero_explicit(out, out_len);
	return err;
}

#define LABEL(s)	{ .p = (const u8 *)(s), .len = sizeof(s) }

struct kdf_label {
	const u8 *p;
	size_t len;	/* with the NUL, as [MS-SMB2] 3.1.4.2 counts it */
};

/* [MS-SMB2] 3.3.5.5.3 (3.0/3.0.2) */
static const struct kdf_label smb30_labels[4][2] = {
	{ LABEL("SMB2AESCMAC"), LABEL("SmbSign") },
	{ LABEL("SMB2AESCCM"), LABEL("ServerOut") },
	{ LABEL("SMB2AESCCM"), LABEL("ServerIn ") },
	{ LABEL("SMB2APP"), LABEL("SmbRpc") },
};

/* [MS-SMB2] 3.3.5.5.3 (3.1.1); the context is the preauth hash */
static const struct kdf_label smb311_labels[4] = {
	LABEL("SMBSigningKey"),
	LABEL("SMBS2CCipherKey"),
	LABEL("SMBC2SCipherKey"),
	LABEL("SMBAppKey"),
};

#define SMB2_ENCRYPTION_AES256_CCM_ID	0x0003
#define SMB2_ENCRYPTION_AES256_GCM_ID	0x0004

int ksmbd_derive_session_keys(u16 dialect, const u8 *session_key,
			      size_t session_key_len,
			      const u8 preauth_hash[64], u16 cipher,
			      struct ksmbd_session_keys *out)
{
	size_t ckey = (cipher == SMB2_ENCRYPTION_AES256_CCM_ID ||
		       cipher == SMB2_ENCRYPTION_AES256_GCM_ID) ? 32 : 16;
	u8 *dst[4] = { out->signing, out->encryption, out->decryption,
		       out->application };
	size_t len[4] = { sizeof(out->signing), ckey, ckey,
			  sizeof(out->application) };
	const struct kdf_label *label, *ctx;
	struct kdf_label hash = { .p = preauth_hash, .len = 64 };
	int i, err = 0;

	if (dialect != 0x0300 && dialect != 0x0302 && dialect != 0x0311)
		return -EINVAL;
	if (dialect == 0x0311 && !preauth_hash)
		return -EINVAL;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < 4 && !err; i++) {
		if (dialect == 0x0311) {
			label = &smb311_labels[i];
			ctx = &hash;
		} else {
			label = &smb30_labels[i][0];
			ctx = &smb30_labels[i][1];
		}
		err = ksmbd_kdf(session_key, session_key_len, label->p,
				label->len, ctx->p, ctx->len, dst[i], len[i]);
	}
	if (err)
		memzero_explicit(out, sizeof(*out));
	return err;
}
