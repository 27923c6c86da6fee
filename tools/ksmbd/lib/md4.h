/* SPDX-License-Identifier: GPL-2.0-or-later */
/* MD4 message digest, RFC 1320. Only used for the NT password hash. */
#ifndef KSMBD_MD4_H
#define KSMBD_MD4_H

#include <stddef.h>
#include <stdint.h>

#define MD4_DIGEST_SIZE 16

struct md4_ctx {
	uint32_t state[4];
	uint64_t len;		/* bytes hashed so far */
	uint8_t block[64];
};

void md4_init(struct md4_ctx *c);
void md4_update(struct md4_ctx *c, const void *data, size_t len);
void md4_final(struct md4_ctx *c, uint8_t out[MD4_DIGEST_SIZE]);
void md4(const void *data, size_t len, uint8_t out[MD4_DIGEST_SIZE]);

#endif
