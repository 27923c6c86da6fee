// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB 3.x message encryption primitives: see aead.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/uio.h>

#include "crypto_pool.h"
#include "aead.h"

#define AEAD_SG_ON_STACK	8
#define CCM_NONCE_LEN		11
#define GCM_NONCE_LEN		12

static bool cipher_is_ccm(u16 cipher)
{
	return cipher == KSMBD_CIPHER_AES128_CCM ||
	       cipher == KSMBD_CIPHER_AES256_CCM;
}

unsigned int ksmbd_aead_key_len(u16 cipher)
{
	switch (cipher) {
	case KSMBD_CIPHER_AES128_CCM:
	case KSMBD_CIPHER_AES128_GCM:
		return 16;
	case KSMBD_CIPHER_AES256_CCM:
	case KSMBD_CIPHER_AES256_GCM:
		return 32;
	}
	return 0;
}

unsigned int ksmbd_aead_nonce_len(u16 cipher)
{
	if (!ksmbd_aead_key_len(cipher))
		return 0;
	return cipher_is_ccm(cipher) ? CCM_NONCE_LEN : GCM_NONCE_LEN;
}

/*
 * The crypto API's IV: GCM takes the 12-byte nonce as is; CCM takes a
 * 16-byte counter block whose first byte is L' = 15 - nonce length - 1
 * (RFC 3610 2.3), the nonce after it, the counter zeroed.
 */
static void aead_iv(u16 cipher, const u8 *nonce, u8 iv[16])
{
	memset(iv, 0, 16);
	if (cipher_is_ccm(cipher)) {
		iv[0] = 15 - CCM_NONCE_LEN - 1;
		memcpy(iv + 1, nonce, CCM_NONCE_LEN);
	} else {
		memcpy(iv, nonce, GCM_NONCE_LEN);
	}
}

static int aead_crypt(u16 cipher, const u8 *key, const u8 *nonce,
		      const struct kvec *aad, int naad, void *buf, u32 len,
		      u8 *tag, bool enc)
{
	struct scatterlist stack_sg[AEAD_SG_ON_STACK], *sgl = stack_sg, *sg;
	unsigned int key_len = ksmbd_aead_key_len(cipher), nents;
	struct ksmbd_crypto_obj *obj;
	u32 aad_len = 0;
	u8 iv[16];
	int i, err;

	if (!key_len || !key || !nonce || !tag || naad < 0 ||
	    (len && !buf) || len > U32_MAX - KSMBD_AEAD_TAG_SIZE)
		return -EINVAL;
	nents = ksmbd_crypto_sg_nents(buf, len) + 1;	/* data, tag */
	for (i = 0; i < naad; i++) {
		if (aad[i].iov_len > U32_MAX - aad_len ||
		    (aad[i].iov_len && !aad[i].iov_base))
			return -EINVAL;
		aad_len += aad[i].iov_len;
		nents += ksmbd_crypto_sg_nents(aad[i].iov_base,
					       aad[i].iov_len);
	}
	if (nents > AEAD_SG_ON_STACK) {
		sgl = kvmalloc_array(nents, sizeof(*sgl), GFP_KERNEL);
		if (!sgl)
			return -ENOMEM;
	}
	obj = ksmbd_crypto_get(cipher_is_ccm(cipher) ? KSMBD_CRYPTO_CCM_AES :
				KSMBD_CRYPTO_GCM_AES);
	if (!obj) {
		err = -ENODEV;
		goto out_free;
	}

	sg_init_table(sgl, nents);
	sg = sgl;
	for (i = 0; i < naad; i++)
		sg = ksmbd_crypto_sg_set(sg, aad[i].iov_base, aad[i].iov_len);
	sg = ksmbd_crypto_sg_set(sg, buf, len);
	sg_set_buf(sg, obj->tag, KSMBD_AEAD_TAG_SIZE);
	if (!enc)
		memcpy(obj->tag, tag, KSMBD_AEAD_TAG_SIZE);
	aead_iv(cipher, nonce, iv);

	err = crypto_aead_setkey(obj->aead, key, key_len);
	if (!err) {
		aead_request_set_callback(obj->req, 0, NULL, NULL);
		aead_request_set_crypt(obj->req, sgl, sgl,
				       enc ? len : len + KSMBD_AEAD_TAG_SIZE,
				       iv);
		aead_request_set_ad(obj->req, aad_len);
		err = enc ? crypto_aead_encrypt(obj->req) :
			    crypto_aead_decrypt(obj->req);
	}
	if (!err && enc)
		memcpy(tag, obj->tag, KSMBD_AEAD_TAG_SIZE);
	memzero_explicit(obj->tag, KSMBD_AEAD_TAG_SIZE);
	ksmbd_crypto_put(obj);
out_free:
	if (sgl != stack_sg)
		kvfree(sgl);
	return err;
}

int ksmbd_aead_seal_iov(u16 cipher, const u8 *key, const u8 *nonce,
			const struct kvec *aad, int naad, void *buf, u32 len,
			u8 *tag)
{
	return aead_crypt(cipher, key, nonce, aad, naad, buf, len, tag, true);
}

int ksmbd_aead_seal(u16 cipher, const u8 *key, const u8 *nonce,
		    const void *aad, u32 aad_len, void *buf, u32 len,
		    u8 *tag)
{
	struct kvec v = { .iov_base = (void *)aad, .iov_len = aad_len };

	return aead_crypt(cipher, key, nonce, &v, 1, buf, len, tag, true);
}

int ksmbd_aead_open(u16 cipher, const u8 *key, const u8 *nonce,
		    const void *aad, u32 aad_len, void *buf, u32 len,
		    const u8 *tag)
{
	struct kvec v = { .iov_base = (void *)aad, .iov_len = aad_len };

	return aead_crypt(cipher, key, nonce, &v, 1, buf, len, (u8 *)tag,
			  false);
}
