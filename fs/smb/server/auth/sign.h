/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB2 message signatures ([MS-SMB2] 3.1.4.1) over a message given as
 * kvecs. The caller zeroes the header's Signature field in the buffer it
 * passes, copies the result into it (signing) or compares it with
 * crypto_memneq() (verifying). Buffers may be kmalloc'd or vmalloc'd
 * memory (not highmem pages, not the stack).
 *
 * Transforms come from a pool made by ksmbd_crypto_init() (crypto_pool.c);
 * no transform is allocated per message. Every function may sleep waiting
 * for a free transform, so it must run in process context.
 */
#ifndef _KSMBD_AUTH_SIGN_H
#define _KSMBD_AUTH_SIGN_H

#include <linux/types.h>
#include <linux/uio.h>

#define KSMBD_SIGNATURE_SIZE	16

/**
 * ksmbd_crypto_init() - create the transform pool
 *
 * Reference counted: each successful call needs one ksmbd_crypto_exit().
 * Call from module init (and test suites).
 *
 * Return: 0, -ENOMEM, or -ENOENT when an algorithm is not available.
 */
int ksmbd_crypto_init(void);
void ksmbd_crypto_exit(void);

/**
 * ksmbd_sign_hmac_sha256() - 2.0.2/2.1: first 16 bytes of HMAC-SHA256
 * @key:     Session.SessionKey
 * @key_len: its length (16)
 * @iov:     the message
 * @n:       number of kvecs
 * @sig:     out
 *
 * Return: 0, -ENODEV without a pool, or a crypto API error.
 */
int ksmbd_sign_hmac_sha256(const u8 *key, size_t key_len,
			   const struct kvec *iov, int n, u8 sig[16]);

/**
 * ksmbd_sign_aes_cmac() - 3.x: AES-128-CMAC (RFC 4493) with the signing key
 */
int ksmbd_sign_aes_cmac(const u8 key[16], const struct kvec *iov, int n,
			u8 sig[16]);

/**
 * ksmbd_sign_aes_gmac() - 3.1.1 with AES-GMAC signing negotiated
 * @key:   signing key
 * @nonce: from ksmbd_gmac_nonce()
 *
 * GCM tag over the whole message as additional data, empty plaintext.
 */
int ksmbd_sign_aes_gmac(const u8 key[16], const u8 nonce[12],
			const struct kvec *iov, int n, u8 sig[16]);

/**
 * ksmbd_gmac_nonce() - the AES-GMAC nonce of [MS-SMB2] 3.1.4.1
 * @message_id:  the header's MessageId
 * @is_response: SMB2_FLAGS_SERVER_TO_REDIR is set in the message
 * @is_cancel:   the message is an SMB2 CANCEL request
 * @nonce:       out: MessageId (8 bytes LE), then 4 bytes whose bit 0 is
 *               @is_response and bit 1 @is_cancel
 */
void ksmbd_gmac_nonce(u64 message_id, bool is_response, bool is_cancel,
		      u8 nonce[12]);

#endif /* _KSMBD_AUTH_SIGN_H */
