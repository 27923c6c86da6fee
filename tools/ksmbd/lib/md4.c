// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * MD4 as specified by RFC 1320: three rounds of sixteen operations over a
 * 512-bit block, little-endian words, padding with 0x80, zeros and the
 * 64-bit bit length.
 */
#include <string.h>

#include "md4.h"

#define ROTL(x, n)	(((x) << (n)) | ((x) >> (32 - (n))))
#define F(x, y, z)	(((x) & (y)) | (~(x) & (z)))
#define G(x, y, z)	(((x) & (y)) | ((x) & (z)) | ((y) & (z)))
#define H(x, y, z)	((x) ^ (y) ^ (z))

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void md4_block(uint32_t s[4], const uint8_t blk[64])
{
	/* Word order and shift amounts of each round, RFC 1320 section 3.4. */
	static const uint8_t r2[16] = { 0, 4, 8, 12, 1, 5, 9, 13,
					2, 6, 10, 14, 3, 7, 11, 15 };
	static const uint8_t r3[16] = { 0, 8, 4, 12, 2, 10, 6, 14,
					1, 9, 5, 13, 3, 11, 7, 15 };
	static const uint8_t sh1[4] = { 3, 7, 11, 19 };
	static const uint8_t sh2[4] = { 3, 5, 9, 13 };
	static const uint8_t sh3[4] = { 3, 9, 11, 15 };
	uint32_t x[16], v[4], t;
	int i;

	for (i = 0; i < 16; i++)
		x[i] = get_le32(blk + 4 * i);
	memcpy(v, s, sizeof(v));

	/* Each step updates v[(4 - i) % 4] from the other three, in turn. */
	for (i = 0; i < 16; i++) {
		uint32_t *a = &v[(4 - i % 4) % 4];
		uint32_t b = v[(5 - i % 4) % 4], c = v[(6 - i % 4) % 4],
			 d = v[(7 - i % 4) % 4];

		t = *a + F(b, c, d) + x[i];
		*a = ROTL(t, sh1[i % 4]);
	}
	for (i = 0; i < 16; i++) {
		uint32_t *a = &v[(4 - i % 4) % 4];
		uint32_t b = v[(5 - i % 4) % 4], c = v[(6 - i % 4) % 4],
			 d = v[(7 - i % 4) % 4];

		t = *a + G(b, c, d) + x[r2[i]] + 0x5A827999u;
		*a = ROTL(t, sh2[i % 4]);
	}
	for (i = 0; i < 16; i++) {
		uint32_t *a = &v[(4 - i % 4) % 4];
		uint32_t b = v[(5 - i % 4) % 4], c = v[(6 - i % 4) % 4],
			 d = v[(7 - i % 4) % 4];

		t = *a + H(b, c, d) + x[r3[i]] + 0x6ED9EBA1u;
		*a = ROTL(t, sh3[i % 4]);
	}
	for (i = 0; i < 4; i++)
		s[i] += v[i];
}

void md4_init(struct md4_ctx *c)
{
	c->state[0] = 0x67452301u;
	c->state[1] = 0xefcdab89u;
	c->state[2] = 0x98badcfeu;
	c->state[3] = 0x10325476u;
	c->len = 0;
}

void md4_update(struct md4_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t used = c->len % 64;

	c->len += len;
	if (used) {
		size_t n = 64 - used;

		if (n > len)
			n = len;
		memcpy(c->block + used, p, n);
		p += n;
		len -= n;
		if (used + n < 64)
			return;
		md4_block(c->state, c->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		md4_block(c->state, p);
	memcpy(c->block, p, len);
}

void md4_final(struct md4_ctx *c, uint8_t out[MD4_DIGEST_SIZE])
{
	uint64_t bits = c->len * 8;
	size_t used = c->len % 64;
	int i;

	c->block[used++] = 0x80;
	if (used > 56) {
		memset(c->block + used, 0, 64 - used);
		md4_block(c->state, c->block);
		used = 0;
	}
	memset(c->block + used, 0, 56 - used);
	for (i = 0; i < 8; i++)
		c->block[56 + i] = (uint8_t)(bits >> (8 * i));
	md4_block(c->state, c->block);
	for (i = 0; i < 16; i++)
		out[i] = (uint8_t)(c->state[i / 4] >> (8 * (i % 4)));
	memset(c, 0, sizeof(*c));
}

void md4(const void *data, size_t len, uint8_t out[MD4_DIGEST_SIZE])
{
	struct md4_ctx c;

	md4_init(&c);
	md4_update(&c, data, len);
	md4_final(&c, out);
}
