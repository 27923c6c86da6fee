// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 message signatures: see sign.h.
 */
#include <linux/kernel.h>
#include <asm/unaligned.h>
#include <crypto/sha2.h>

#include "crypto_pool.h"
#include "sign.h"
#include "aead.h"

static int shash_sign(enum ksmbd_crypto_alg alg, const u8 *key,
		      size_t key_len, const struct kvec *iov, int n,
		      u8 sig[16])
{
	struct ksmbd_crypto_obj *obj;
	u8 mac[SHA256_DIGEST_SIZE];
	int err;

	if (!key || !key_len || n < 0)
		return -EINVAL;
	obj = ksmbd_crypto_get(alg);
	if (!obj)
		return -ENODEV;
	err = crypto_shash_setkey(obj->desc->tfm, key, key_len);
	if (!err)
		err = ksmbd_crypto_shash_iov(obj->desc, iov, n, mac);
	ksmbd_crypto_put(obj);
	if (!err)
		memcpy(sig, mac, KSMBD_SIGNATURE_SIZE);
	memzero_explicit(mac, sizeof(mac));
	return err;
}

int ksmbd_sign_hmac_sha256(const u8 *key, size_t key_len,
			   const struct kvec *iov, int n, u8 sig[16])
{
	return shash_sign(KSMBD_CRYPTO_HMAC_SHA256, key, key_len, iov, n, sig);
}

int ksmbd_sign_aes_cmac(const u8 key[16], const struct kvec *iov, int n,
			u8 sig[16])
{
	return shash_sign(KSMBD_CRYPTO_CMAC_AES, key, 16, iov, n, sig);
}

void ksmbd_gmac_nonce(u64 message_id, bool is_response, bool is_cancel,
		      u8 nonce[12])
{
	u32 bits = (is_response ? 1 : 0) | (is_cancel ? 2 : 0);

	put_unaligned_le64(message_id, nonce);
	put_unaligned_le32(bits, nonce + 8);
}

int ksmbd_sign_aes_gmac(const u8 key[16], const u8 nonce[12],
			const struct kvec *iov, int n, u8 sig[16])
{
	return ksmbd_aead_seal_iov(KSMBD_CIPHER_AES128_GCM, key, nonce, iov, n,
				   NULL, 0, sig);
}
