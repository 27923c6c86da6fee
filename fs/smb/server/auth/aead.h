/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB 3.x message encryption primitives ([MS-SMB2] 3.1.4.3): AES-CCM
 * (RFC 4309 style, 11-byte nonce) and AES-GCM (12-byte nonce), 128- or
 * 256-bit keys, 16-byte tag, in place over one buffer. Stateless; the
 * transforms come from the pool (crypto_pool.c), so every function may
 * sleep and must run in process context.
 */
#ifndef _KSMBD_AUTH_AEAD_H
#define _KSMBD_AUTH_AEAD_H

#include <linux/types.h>

struct kvec;

/* cipher ids as on the wire ([MS-SMB2] 2.2.3.1.2) */
#define KSMBD_CIPHER_AES128_CCM		0x0001
#define KSMBD_CIPHER_AES128_GCM		0x0002
#define KSMBD_CIPHER_AES256_CCM		0x0003
#define KSMBD_CIPHER_AES256_GCM		0x0004

#define KSMBD_AEAD_TAG_SIZE		16
#define KSMBD_AEAD_NONCE_MAX		12

/* Key length in bytes (16 or 32), 0 for an unknown cipher. */
unsigned int ksmbd_aead_key_len(u16 cipher);
/* Nonce length in bytes (11 for CCM, 12 for GCM), 0 for an unknown one. */
unsigned int ksmbd_aead_nonce_len(u16 cipher);

/**
 * ksmbd_aead_seal() - encrypt buf in place and compute the tag
 * @cipher:  KSMBD_CIPHER_*
 * @key:     ksmbd_aead_key_len(cipher) bytes
 * @nonce:   ksmbd_aead_nonce_len(cipher) bytes
 * @aad:     additional authenticated data (may be NULL when aad_len is 0)
 * @aad_len: its length
 * @buf:     plaintext in, ciphertext out
 * @len:     its length
 * @tag:     out, KSMBD_AEAD_TAG_SIZE bytes
 *
 * aad and buf are kmalloc'd or vmalloc'd memory, never the stack.
 *
 * Return: 0, -EINVAL for an unknown cipher, -ENODEV without a pool, or a
 * crypto API error.
 */
int ksmbd_aead_seal(u16 cipher, const u8 *key, const u8 *nonce,
		    const void *aad, u32 aad_len, void *buf, u32 len,
		    u8 *tag);

/*
 * ksmbd_aead_seal_iov() - as ksmbd_aead_seal() with the authenticated data
 * in naad kvecs. With len 0 it is a MAC over them: AES-GMAC signing is
 * AES-128-GCM sealing nothing ([MS-SMB2] 3.1.4.1).
 */
int ksmbd_aead_seal_iov(u16 cipher, const u8 *key, const u8 *nonce,
			const struct kvec *aad, int naad, void *buf, u32 len,
			u8 *tag);

/**
 * ksmbd_aead_open() - check the tag and decrypt buf in place
 *
 * As ksmbd_aead_seal(), with @tag the received tag. Return: 0, -EBADMSG
 * when the tag does not authenticate aad and buf (buf is then garbage), or
 * another error as ksmbd_aead_seal().
 */
int ksmbd_aead_open(u16 cipher, const u8 *key, const u8 *nonce,
		    const void *aad, u32 aad_len, void *buf, u32 len,
		    const u8 *tag);

#endif /* _KSMBD_AUTH_AEAD_H */
