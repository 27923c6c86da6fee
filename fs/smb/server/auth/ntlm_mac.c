// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NTLMSSP message integrity: see ntlm_mac.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <asm/unaligned.h>
#include <crypto/md5.h>

#include "../../common/arc4.h"
#include "crypto_pool.h"
#include "ntlmssp.h"
#include "ntlm_mac.h"

static const char sign_c2s[] =
	"session key to client-to-server signing key magic constant";
static const char sign_s2c[] =
	"session key to server-to-client signing key magic constant";
static const char seal_c2s[] =
	"session key to client-to-server sealing key magic constant";
static const char seal_s2c[] =
	"session key to server-to-client sealing key magic constant";

/* MD5(key[0..key_len) || magic || NUL) */
static int magic_key(const u8 *key, size_t key_len, const char *magic,
		     u8 out[16])
{
	struct ksmbd_crypto_obj *obj;
	struct kvec iov[2] = {
		{ .iov_base = (void *)key, .iov_len = key_len },
		{ .iov_base = (void *)magic, .iov_len = strlen(magic) + 1 },
	};
	int err;

	obj = ksmbd_crypto_get(KSMBD_CRYPTO_MD5);
	if (!obj)
		return -ENODEV;
	err = ksmbd_crypto_shash_iov(obj->desc, iov, 2, out);
	ksmbd_crypto_put(obj);
	return err;
}

int ksmbd_ntlm_sign_key(const u8 session_key[16], bool server_to_client,
			u8 key[16])
{
	return magic_key(session_key, 16, server_to_client ? sign_s2c :
			 sign_c2s, key);
}

int ksmbd_ntlm_seal_key(const u8 session_key[16], u32 flags,
			bool server_to_client, u8 key[16])
{
	size_t len = 5;

	if (flags & NTLMSSP_NEGOTIATE_128)
		len = 16;
	else if (flags & NTLMSSP_NEGOTIATE_56)
		len = 7;
	return magic_key(session_key, len, server_to_client ? seal_s2c :
			 seal_c2s, key);
}

int ksmbd_ntlm_mac(const u8 sign_key[16], struct arc4_ctx *seal, u32 seq,
		   const void *msg, size_t len, u8 sig[KSMBD_NTLM_MAC_SIZE])
{
	struct ksmbd_crypto_obj *obj;
	u8 seqnum[4], digest[MD5_DIGEST_SIZE];
	struct kvec iov[2] = {
		{ .iov_base = seqnum, .iov_len = sizeof(seqnum) },
		{ .iov_base = (void *)msg, .iov_len = len },
	};
	int err;

	put_unaligned_le32(seq, seqnum);
	obj = ksmbd_crypto_get(KSMBD_CRYPTO_HMAC_MD5);
	if (!obj)
		return -ENODEV;
	err = crypto_shash_setkey(obj->desc->tfm, sign_key, 16);
	if (!err)
		err = ksmbd_crypto_shash_iov(obj->desc, iov, 2, digest);
	ksmbd_crypto_put(obj);
	if (err)
		goto out;
	put_unaligned_le32(1, sig);		/* Version */
	if (seal)
		cifs_arc4_crypt(seal, sig + 4, digest, 8);
	else
		memcpy(sig + 4, digest, 8);
	memcpy(sig + 12, seqnum, 4);
out:
	memzero_explicit(digest, sizeof(digest));
	return err;
}

int ksmbd_ntlm_mech_list_mic(const u8 session_key[16], u32 flags,
			     bool server_to_client, const void *mech_list,
			     size_t len, u8 mic[KSMBD_NTLM_MAC_SIZE])
{
	struct arc4_ctx *seal = NULL;
	u8 sign_key[16], seal_key[16];
	int err;

	err = ksmbd_ntlm_sign_key(session_key, server_to_client, sign_key);
	if (err)
		return err;
	if (flags & NTLMSSP_NEGOTIATE_KEY_EXCH) {
		err = ksmbd_ntlm_seal_key(session_key, flags,
					  server_to_client, seal_key);
		if (err)
			goto out;
		seal = kmalloc(sizeof(*seal), GFP_KERNEL);
		if (!seal) {
			err = -ENOMEM;
			goto out;
		}
		err = cifs_arc4_setkey(seal, seal_key, sizeof(seal_key));
		if (err)
			goto out;
	}
	err = ksmbd_ntlm_mac(sign_key, seal, 0, mech_list, len, mic);
out:
	kfree_sensitive(seal);
	memzero_explicit(sign_key, sizeof(sign_key));
	memzero_explicit(seal_key, sizeof(seal_key));
	return err;
}
