// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB 3.1.1 preauthentication integrity hash: see preauth.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <crypto/sha2.h>

#include "crypto_pool.h"
#include "preauth.h"

int ksmbd_preauth_update(u8 hash[64], const struct kvec *iov, int n)
{
	struct ksmbd_crypto_obj *obj;
	u8 out[SHA512_DIGEST_SIZE];
	int i, err;

	if (n < 0)
		return -EINVAL;
	obj = ksmbd_crypto_get(KSMBD_CRYPTO_SHA512);
	if (!obj)
		return -ENODEV;
	err = crypto_shash_init(obj->desc);
	if (!err)
		err = crypto_shash_update(obj->desc, hash,
					  KSMBD_PREAUTH_HASH_SIZE);
	for (i = 0; !err && i < n; i++) {
		if (iov[i].iov_len)
			err = crypto_shash_update(obj->desc, iov[i].iov_base,
						  iov[i].iov_len);
	}
	if (!err)
		err = crypto_shash_final(obj->desc, out);
	ksmbd_crypto_put(obj);
	if (!err)
		memcpy(hash, out, KSMBD_PREAUTH_HASH_SIZE);
	memzero_explicit(out, sizeof(out));
	return err;
}
