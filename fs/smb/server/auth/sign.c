// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 message signatures: see sign.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/scatterlist.h>
#include <asm/unaligned.h>
#include <crypto/sha2.h>

#include "crypto_pool.h"
#include "sign.h"

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

#define GMAC_SG_ON_STACK	8

int ksmbd_sign_aes_gmac(const u8 key[16], const u8 nonce[12],
			const struct kvec *iov, int n, u8 sig[16])
{
	struct scatterlist stack_sg[GMAC_SG_ON_STACK], *sgl = stack_sg, *sg;
	struct ksmbd_crypto_obj *obj;
	unsigned int nents = 1;	/* the tag */
	size_t total = 0;
	u8 iv[12];
	int i, err;

	if (n < 0)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (iov[i].iov_len > UINT_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
		nents += ksmbd_crypto_sg_nents(iov[i].iov_base, iov[i].iov_len);
	}
	if (nents > GMAC_SG_ON_STACK) {
		sgl = kvmalloc_array(nents, sizeof(*sgl), GFP_KERNEL);
		if (!sgl)
			return -ENOMEM;
	}
	obj = ksmbd_crypto_get(KSMBD_CRYPTO_GCM_AES);
	if (!obj) {
		err = -ENODEV;
		goto out_free;
	}

	sg_init_table(sgl, nents);
	sg = sgl;
	for (i = 0; i < n; i++)
		sg = ksmbd_crypto_sg_set(sg, iov[i].iov_base, iov[i].iov_len);
	sg_set_buf(sg, obj->tag, KSMBD_GCM_TAG_SIZE);

	memcpy(iv, nonce, sizeof(iv));
	err = crypto_aead_setkey(obj->aead, key, 16);
	if (!err) {
		aead_request_set_callback(obj->req, 0, NULL, NULL);
		aead_request_set_crypt(obj->req, sgl, sgl, 0, iv);
		aead_request_set_ad(obj->req, total);
		err = crypto_aead_encrypt(obj->req);
	}
	if (!err)
		memcpy(sig, obj->tag, KSMBD_SIGNATURE_SIZE);
	memzero_explicit(obj->tag, KSMBD_GCM_TAG_SIZE);
	ksmbd_crypto_put(obj);
out_free:
	if (sgl != stack_sg)
		kvfree(sgl);
	return err;
}
