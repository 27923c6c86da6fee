/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pool of preallocated crypto transforms for the auth code (internal).
 *
 * Each algorithm has a fixed set of objects made by ksmbd_crypto_init().
 * ksmbd_crypto_get() hands one object to one caller, who owns it (may set
 * its key, hash, encrypt) until ksmbd_crypto_put(); pool.lock guards only
 * the free list. Keys are wiped from the object by its user before put
 * (crypto_shash_setkey state stays in the tfm; the next user sets its own).
 */
#ifndef _KSMBD_AUTH_CRYPTO_POOL_H
#define _KSMBD_AUTH_CRYPTO_POOL_H

#include <linux/list.h>
#include <linux/uio.h>
#include <crypto/hash.h>
#include <crypto/aead.h>

enum ksmbd_crypto_alg {
	KSMBD_CRYPTO_HMAC_MD5,
	KSMBD_CRYPTO_MD5,
	KSMBD_CRYPTO_HMAC_SHA256,
	KSMBD_CRYPTO_CMAC_AES,
	KSMBD_CRYPTO_SHA512,
	KSMBD_CRYPTO_GCM_AES,		/* AEAD */
	KSMBD_CRYPTO_CCM_AES,		/* AEAD */
	KSMBD_CRYPTO_NR_ALGS,
};

#define KSMBD_GCM_TAG_SIZE	16

struct ksmbd_crypto_obj {
	struct list_head node;		/* in the pool's free list */
	enum ksmbd_crypto_alg alg;
	struct shash_desc *desc;	/* shash algorithms; desc->tfm */
	struct crypto_aead *aead;	/* the AEAD algorithms */
	struct aead_request *req;
	u8 *tag;			/* KSMBD_GCM_TAG_SIZE, kmalloc'd */
};

/* NULL when the pool does not exist (ksmbd_crypto_init() not called). */
struct ksmbd_crypto_obj *ksmbd_crypto_get(enum ksmbd_crypto_alg alg);
void ksmbd_crypto_put(struct ksmbd_crypto_obj *obj);

/*
 * Scatterlists over kmalloc'd or vmalloc'd buffers (not highmem, not the
 * stack): ksmbd_crypto_sg_nents() entries are needed for one buffer,
 * ksmbd_crypto_sg_set() fills them and returns the entry after the last.
 */
unsigned int ksmbd_crypto_sg_nents(const void *p, size_t len);
struct scatterlist *ksmbd_crypto_sg_set(struct scatterlist *sg, const void *p,
					size_t len);

/* A shash over kvecs: init, update each, final. */
int ksmbd_crypto_shash_iov(struct shash_desc *desc, const struct kvec *iov,
			   int n, u8 *out);

#endif /* _KSMBD_AUTH_CRYPTO_POOL_H */
