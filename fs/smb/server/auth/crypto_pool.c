// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Pool of preallocated crypto transforms: see crypto_pool.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/cpumask.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/scatterlist.h>

#include "crypto_pool.h"
#include "sign.h"

#define POOL_MIN	2
#define POOL_MAX	16

struct ksmbd_crypto_pool {
	spinlock_t lock;		/* guards free */
	struct list_head free;
	wait_queue_head_t wait;
};

static const char * const alg_names[KSMBD_CRYPTO_NR_ALGS] = {
	[KSMBD_CRYPTO_HMAC_MD5]		= "hmac(md5)",
	[KSMBD_CRYPTO_MD5]		= "md5",
	[KSMBD_CRYPTO_HMAC_SHA256]	= "hmac(sha256)",
	[KSMBD_CRYPTO_CMAC_AES]		= "cmac(aes)",
	[KSMBD_CRYPTO_SHA512]		= "sha512",
	[KSMBD_CRYPTO_GCM_AES]		= "gcm(aes)",
	[KSMBD_CRYPTO_CCM_AES]		= "ccm(aes)",
};

static DEFINE_MUTEX(pool_mutex);	/* guards users and pool creation */
static unsigned int pool_users;
static struct ksmbd_crypto_pool *pools;	/* [KSMBD_CRYPTO_NR_ALGS] */

static void obj_free(struct ksmbd_crypto_obj *obj)
{
	if (obj->desc) {
		crypto_free_shash(obj->desc->tfm);
		kfree_sensitive(obj->desc);
	}
	if (obj->req)
		aead_request_free(obj->req);
	if (obj->aead)
		crypto_free_aead(obj->aead);
	kfree(obj->tag);
	kfree(obj);
}

static struct ksmbd_crypto_obj *obj_alloc(enum ksmbd_crypto_alg alg)
{
	struct ksmbd_crypto_obj *obj;
	struct crypto_shash *shash;
	int err = -ENOMEM;

	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return ERR_PTR(-ENOMEM);
	obj->alg = alg;
	INIT_LIST_HEAD(&obj->node);

	if (alg == KSMBD_CRYPTO_GCM_AES || alg == KSMBD_CRYPTO_CCM_AES) {
		obj->aead = crypto_alloc_aead(alg_names[alg], 0,
					      CRYPTO_ALG_ASYNC);
		if (IS_ERR(obj->aead)) {
			err = PTR_ERR(obj->aead);
			obj->aead = NULL;
			goto fail;
		}
		err = crypto_aead_setauthsize(obj->aead, KSMBD_GCM_TAG_SIZE);
		if (err)
			goto fail;
		err = -ENOMEM;
		obj->req = aead_request_alloc(obj->aead, GFP_KERNEL);
		obj->tag = kmalloc(KSMBD_GCM_TAG_SIZE, GFP_KERNEL);
		if (!obj->req || !obj->tag)
			goto fail;
		return obj;
	}

	shash = crypto_alloc_shash(alg_names[alg], 0, 0);
	if (IS_ERR(shash)) {
		err = PTR_ERR(shash);
		goto fail;
	}
	obj->desc = kzalloc(sizeof(*obj->desc) + crypto_shash_descsize(shash),
			    GFP_KERNEL);
	if (!obj->desc) {
		crypto_free_shash(shash);
		goto fail;
	}
	obj->desc->tfm = shash;
	return obj;
fail:
	obj_free(obj);
	return ERR_PTR(err);
}

static void pools_destroy(void)
{
	struct ksmbd_crypto_obj *obj, *tmp;
	int i;

	for (i = 0; i < KSMBD_CRYPTO_NR_ALGS; i++) {
		list_for_each_entry_safe(obj, tmp, &pools[i].free, node) {
			list_del(&obj->node);
			obj_free(obj);
		}
	}
	kfree(pools);
	pools = NULL;
}

static int pools_create(void)
{
	unsigned int per_alg = clamp_t(unsigned int, num_possible_cpus(),
				       POOL_MIN, POOL_MAX);
	struct ksmbd_crypto_obj *obj;
	unsigned int j;
	int i;

	pools = kcalloc(KSMBD_CRYPTO_NR_ALGS, sizeof(*pools), GFP_KERNEL);
	if (!pools)
		return -ENOMEM;
	for (i = 0; i < KSMBD_CRYPTO_NR_ALGS; i++) {
		spin_lock_init(&pools[i].lock);
		INIT_LIST_HEAD(&pools[i].free);
		init_waitqueue_head(&pools[i].wait);
	}
	for (i = 0; i < KSMBD_CRYPTO_NR_ALGS; i++) {
		for (j = 0; j < per_alg; j++) {
			obj = obj_alloc(i);
			if (IS_ERR(obj)) {
				pr_err("cannot allocate %s: %ld\n",
				       alg_names[i], PTR_ERR(obj));
				pools_destroy();
				return PTR_ERR(obj);
			}
			list_add(&obj->node, &pools[i].free);
		}
	}
	return 0;
}

int ksmbd_crypto_init(void)
{
	int err = 0;

	mutex_lock(&pool_mutex);
	if (!pool_users)
		err = pools_create();
	if (!err)
		pool_users++;
	mutex_unlock(&pool_mutex);
	return err;
}

void ksmbd_crypto_exit(void)
{
	mutex_lock(&pool_mutex);
	if (!WARN_ON(!pool_users) && !--pool_users)
		pools_destroy();
	mutex_unlock(&pool_mutex);
}

static struct ksmbd_crypto_obj *pool_take(struct ksmbd_crypto_pool *pool)
{
	struct ksmbd_crypto_obj *obj;

	spin_lock(&pool->lock);
	obj = list_first_entry_or_null(&pool->free, struct ksmbd_crypto_obj,
				       node);
	if (obj)
		list_del_init(&obj->node);
	spin_unlock(&pool->lock);
	return obj;
}

/*
 * Callers hold a pool user reference implicitly: the module (or the test
 * suite) that called ksmbd_crypto_init() does not call ksmbd_crypto_exit()
 * while requests are in flight.
 */
struct ksmbd_crypto_obj *ksmbd_crypto_get(enum ksmbd_crypto_alg alg)
{
	struct ksmbd_crypto_pool *pool;
	struct ksmbd_crypto_obj *obj;

	might_sleep();
	if (WARN_ON_ONCE(alg >= KSMBD_CRYPTO_NR_ALGS))
		return NULL;
	pool = READ_ONCE(pools);
	if (!pool)
		return NULL;
	pool += alg;
	wait_event(pool->wait, (obj = pool_take(pool)) != NULL);
	return obj;
}

void ksmbd_crypto_put(struct ksmbd_crypto_obj *obj)
{
	struct ksmbd_crypto_pool *pool = &pools[obj->alg];

	if (obj->desc)
		memzero_explicit(shash_desc_ctx(obj->desc),
				 crypto_shash_descsize(obj->desc->tfm));
	spin_lock(&pool->lock);
	list_add(&obj->node, &pool->free);
	spin_unlock(&pool->lock);
	wake_up(&pool->wait);
}

int ksmbd_crypto_shash_iov(struct shash_desc *desc, const struct kvec *iov,
			   int n, u8 *out)
{
	int i, err;

	if (n < 0)
		return -EINVAL;
	err = crypto_shash_init(desc);
	for (i = 0; !err && i < n; i++) {
		if (iov[i].iov_len)
			err = crypto_shash_update(desc, iov[i].iov_base,
						  iov[i].iov_len);
	}
	if (!err)
		err = crypto_shash_final(desc, out);
	return err;
}

unsigned int ksmbd_crypto_sg_nents(const void *p, size_t len)
{
	unsigned long start, end;

	if (!len)
		return 0;
	if (!is_vmalloc_addr(p))
		return 1;
	start = (unsigned long)p >> PAGE_SHIFT;
	end = ((unsigned long)p + len - 1) >> PAGE_SHIFT;
	return end - start + 1;
}

struct scatterlist *ksmbd_crypto_sg_set(struct scatterlist *sg, const void *p,
					size_t len)
{
	size_t off, chunk;

	if (!len)
		return sg;
	if (!is_vmalloc_addr(p)) {
		sg_set_buf(sg, p, len);
		return sg + 1;
	}
	while (len) {
		off = offset_in_page(p);
		chunk = min_t(size_t, len, PAGE_SIZE - off);
		sg_set_page(sg, vmalloc_to_page(p), chunk, off);
		sg++;
		p += chunk;
		len -= chunk;
	}
	return sg;
}
