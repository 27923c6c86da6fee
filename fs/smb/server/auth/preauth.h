/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB 3.1.1 preauthentication integrity ([MS-SMB2] 3.3.5.4, 3.3.5.5):
 * H = SHA-512(H || message), H(0) = 64 zero bytes. The caller owns the
 * hash value and serializes updates of one value (connection: only the
 * NEGOTIATE exchange; session: under the session's setup lock).
 */
#ifndef _KSMBD_AUTH_PREAUTH_H
#define _KSMBD_AUTH_PREAUTH_H

#include <linux/types.h>
#include <linux/uio.h>

#define KSMBD_PREAUTH_HASH_SIZE	64

/**
 * ksmbd_preauth_update() - fold one message into the hash
 * @hash: the value, updated in place (unchanged on error)
 * @iov:  the whole SMB2 message (one compound element), as sent/received
 * @n:    number of kvecs
 *
 * Return: 0, -ENODEV without the crypto pool, or a crypto API error.
 */
int ksmbd_preauth_update(u8 hash[64], const struct kvec *iov, int n);

/* The same for a message in one buffer. */
static inline int ksmbd_preauth_update_buf(u8 hash[64], const void *buf,
					   size_t len)
{
	struct kvec iov = { .iov_base = (void *)buf, .iov_len = len };

	return ksmbd_preauth_update(hash, &iov, 1);
}

#endif /* _KSMBD_AUTH_PREAUTH_H */
