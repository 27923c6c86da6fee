// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NDR20 reader/writer: bounds-checked primitives, strings, SIDs, handles.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ndr.h"

/* ---- UTF-8 / UTF-16 ---------------------------------------------------- */

/* Decode one code point from UTF-8; invalid sequences give U+FFFD. */
static uint32_t utf8_next(const unsigned char **ps)
{
	const unsigned char *s = *ps;
	uint32_t c = s[0], min;
	int n, i;

	if (c < 0x80) {
		*ps = s + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0) {
		n = 1; c &= 0x1F; min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 2; c &= 0x0F; min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 3; c &= 0x07; min = 0x10000;
	} else {
		*ps = s + 1;
		return 0xFFFD;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*ps = s + i;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*ps = s + n + 1;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	return c;
}

size_t utf8_to_utf16(const char *str, uint16_t *out, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0;

	while (*s) {
		uint32_t c = utf8_next(&s);

		if (c >= 0x10000) {
			c -= 0x10000;
			if (out && n + 1 < max) {
				out[n] = 0xD800 | (c >> 10);
				out[n + 1] = 0xDC00 | (c & 0x3FF);
			}
			n += 2;
		} else {
			if (out && n < max)
				out[n] = c;
			n++;
		}
	}
	return n;
}

size_t utf8_to_utf16_len(const char *s)
{
	return utf8_to_utf16(s, NULL, 0);
}

char *utf16le_to_utf8(const uint8_t *in, size_t units)
{
	char *out = malloc(units * 3 + 1);
	size_t i, o = 0;

	if (!out)
		return NULL;
	for (i = 0; i < units; i++) {
		uint32_t c = in[2 * i] | (in[2 * i + 1] << 8);

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units) {
			uint32_t d = in[2 * i + 2] | (in[2 * i + 3] << 8);

			if (d >= 0xDC00 && d <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
				i++;
			} else {
				c = 0xFFFD;
			}
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		if (c == 0)
			break;	/* embedded NUL ends the C string */
		if (c < 0x80) {
			out[o++] = c;
		} else if (c < 0x800) {
			out[o++] = 0xC0 | (c >> 6);
			out[o++] = 0x80 | (c & 0x3F);
		} else if (c < 0x10000) {
			out[o++] = 0xE0 | (c >> 12);
			out[o++] = 0x80 | ((c >> 6) & 0x3F);
			out[o++] = 0x80 | (c & 0x3F);
		} else {
			/* 4 bytes from 2 units: still within units * 3 */
			out[o++] = 0xF0 | (c >> 18);
			out[o++] = 0x80 | ((c >> 12) & 0x3F);
			out[o++] = 0x80 | ((c >> 6) & 0x3F);
			out[o++] = 0x80 | (c & 0x3F);
		}
	}
	out[o] = 0;
	return out;
}

/* ---- reader ------------------------------------------------------------ */

void ndr_rd_init(struct ndr_rd *r, const void *buf, size_t len)
{
	r->p = buf;
	r->len = len;
	r->off = 0;
	r->err = 0;
}

void ndr_rd_fail(struct ndr_rd *r)
{
	if (!r->err)
		r->err = -EBADMSG;
}

static const uint8_t *rd_take(struct ndr_rd *r, size_t n)
{
	static const uint8_t nothing;
	const uint8_t *p;

	if (r->err)
		return NULL;
	if (!n)
		return &nothing;	/* r->p may be NULL for an empty stub */
	if (n > r->len - r->off) {
		ndr_rd_fail(r);
		return NULL;
	}
	p = r->p + r->off;
	r->off += n;
	return p;
}

void ndr_rd_align(struct ndr_rd *r, size_t n)
{
	size_t pad = (n - (r->off & (n - 1))) & (n - 1);

	rd_take(r, pad);
}

uint8_t ndr_rd_u8(struct ndr_rd *r)
{
	const uint8_t *p = rd_take(r, 1);

	return p ? p[0] : 0;
}

uint16_t ndr_rd_u16(struct ndr_rd *r)
{
	const uint8_t *p;

	ndr_rd_align(r, 2);
	p = rd_take(r, 2);
	return p ? (uint16_t)(p[0] | p[1] << 8) : 0;
}

uint32_t ndr_rd_u32(struct ndr_rd *r)
{
	const uint8_t *p;

	ndr_rd_align(r, 4);
	p = rd_take(r, 4);
	return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 |
		   (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 : 0;
}

uint64_t ndr_rd_u64(struct ndr_rd *r)
{
	uint64_t lo, hi;

	ndr_rd_align(r, 8);
	lo = ndr_rd_u32(r);
	hi = ndr_rd_u32(r);
	return lo | hi << 32;
}

void ndr_rd_bytes(struct ndr_rd *r, void *dst, size_t n)
{
	const uint8_t *p = rd_take(r, n);

	if (p)
		memcpy(dst, p, n);
	else
		memset(dst, 0, n);
}

uint32_t ndr_rd_ptr(struct ndr_rd *r)
{
	return ndr_rd_u32(r);
}

uint32_t ndr_rd_count(struct ndr_rd *r, uint32_t max, size_t elem_size)
{
	uint32_t n = ndr_rd_u32(r);

	if (r->err)
		return 0;
	if (n > max || (uint64_t)n * elem_size > r->len - r->off) {
		ndr_rd_fail(r);
		return 0;
	}
	return n;
}

/* max_count, offset, actual_count of a conformant varying array. */
static uint32_t rd_varying(struct ndr_rd *r, uint32_t limit, size_t elem,
			   uint32_t *pmax)
{
	uint32_t max, offset, actual;

	max = ndr_rd_u32(r);
	if (pmax)
		*pmax = max;
	offset = ndr_rd_u32(r);
	actual = ndr_rd_count(r, limit, elem);
	if (r->err)
		return 0;
	if (offset != 0 || actual > max) {
		ndr_rd_fail(r);
		return 0;
	}
	return actual;
}

static char *rd_utf16(struct ndr_rd *r, uint32_t units)
{
	const uint8_t *p = rd_take(r, (size_t)units * 2);
	char *s;

	if (!p)
		return NULL;
	s = utf16le_to_utf8(p, units);
	if (!s)
		r->err = -ENOMEM;
	return s;
}

char *ndr_rd_wstr(struct ndr_rd *r)
{
	uint32_t n = rd_varying(r, NDR_MAX_STRING_CHARS, 2, NULL);

	return r->err ? NULL : rd_utf16(r, n);
}

char *ndr_rd_unique_wstr(struct ndr_rd *r)
{
	if (!ndr_rd_ptr(r))
		return NULL;
	return ndr_rd_wstr(r);
}

void ndr_rd_ustr(struct ndr_rd *r, struct ndr_ustr *u)
{
	ndr_rd_align(r, 4);	/* the struct holds a pointer */
	u->len = ndr_rd_u16(r);
	u->maxlen = ndr_rd_u16(r);
	u->ptr = ndr_rd_ptr(r);
	if (!r->err && ((u->len & 1) || u->len > u->maxlen))
		ndr_rd_fail(r);
}

char *ndr_rd_ustr_body(struct ndr_rd *r, const struct ndr_ustr *u)
{
	uint32_t max, n;
	char *s;

	if (r->err)
		return NULL;
	if (!u->ptr) {
		s = strdup("");
		if (!s)
			r->err = -ENOMEM;
		return s;
	}
	/* size_is(MaximumLength / 2), length_is(Length / 2) */
	n = rd_varying(r, NDR_MAX_STRING_CHARS, 2, &max);
	if (r->err)
		return NULL;
	if (max != u->maxlen / 2u || n != u->len / 2u) {
		ndr_rd_fail(r);
		return NULL;
	}
	return rd_utf16(r, n);
}

void ndr_rd_sid(struct ndr_rd *r, struct rpc_sid *sid)
{
	uint32_t count = ndr_rd_count(r, RPC_SID_MAX_SUBAUTH, 4);
	unsigned int i;

	memset(sid, 0, sizeof(*sid));
	sid->revision = ndr_rd_u8(r);
	sid->num_subauth = ndr_rd_u8(r);
	ndr_rd_bytes(r, sid->authority, 6);
	if (r->err)
		return;
	if (sid->num_subauth != count || sid->revision != 1) {
		ndr_rd_fail(r);
		return;
	}
	for (i = 0; i < count; i++)
		sid->subauth[i] = ndr_rd_u32(r);
}

struct rpc_sid *ndr_rd_sid_array(struct ndr_rd *r, uint32_t max,
				 uint32_t *count)
{
	struct rpc_sid *sids;
	uint32_t n, i;

	*count = 0;
	n = ndr_rd_u32(r);
	if (!ndr_rd_ptr(r)) {
		if (n)
			ndr_rd_fail(r);
		return NULL;
	}
	if (ndr_rd_count(r, max, 4) != n || r->err) {
		ndr_rd_fail(r);
		return NULL;
	}
	sids = calloc(n ? n : 1, sizeof(*sids));
	if (!sids) {
		r->err = -ENOMEM;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (!ndr_rd_ptr(r))
			ndr_rd_fail(r);		/* [ref] in practice */
	for (i = 0; i < n && !r->err; i++)
		ndr_rd_sid(r, &sids[i]);
	if (r->err) {
		free(sids);
		return NULL;
	}
	*count = n;
	return sids;
}

void ndr_rd_handle(struct ndr_rd *r, uint8_t h[NDR_HANDLE_SIZE])
{
	ndr_rd_align(r, 4);
	ndr_rd_bytes(r, h, NDR_HANDLE_SIZE);
}

/* ---- writer ------------------------------------------------------------ */

void ndr_wr_init(struct ndr_wr *w)
{
	memset(w, 0, sizeof(*w));
	w->next_ref = 0x00020000;
}

void ndr_wr_free(struct ndr_wr *w)
{
	free(w->data);
	w->data = NULL;
	w->len = w->cap = 0;
}

static uint8_t *wr_room(struct ndr_wr *w, size_t n)
{
	uint8_t *p;

	if (w->err || !n)
		return NULL;
	if (n > NDR_MAX_STUB - w->len) {
		w->err = -E2BIG;
		return NULL;
	}
	if (w->len + n > w->cap) {
		size_t cap = w->cap ? w->cap : 256;

		while (cap < w->len + n)
			cap *= 2;
		p = realloc(w->data, cap);
		if (!p) {
			w->err = -ENOMEM;
			return NULL;
		}
		w->data = p;
		w->cap = cap;
	}
	p = w->data + w->len;
	w->len += n;
	return p;
}

void ndr_wr_align(struct ndr_wr *w, size_t n)
{
	size_t pad = (n - (w->len & (n - 1))) & (n - 1);
	uint8_t *p = wr_room(w, pad);

	if (p)
		memset(p, 0, pad);
}

void ndr_wr_bytes(struct ndr_wr *w, const void *src, size_t n)
{
	uint8_t *p = wr_room(w, n);

	if (p && n)
		memcpy(p, src, n);
}

void ndr_wr_u8(struct ndr_wr *w, uint8_t v)
{
	ndr_wr_bytes(w, &v, 1);
}

void ndr_wr_u16(struct ndr_wr *w, uint16_t v)
{
	uint8_t b[2] = { v, v >> 8 };

	ndr_wr_align(w, 2);
	ndr_wr_bytes(w, b, 2);
}

void ndr_wr_u32(struct ndr_wr *w, uint32_t v)
{
	uint8_t b[4] = { v, v >> 8, v >> 16, v >> 24 };

	ndr_wr_align(w, 4);
	ndr_wr_bytes(w, b, 4);
}

void ndr_wr_u64(struct ndr_wr *w, uint64_t v)
{
	ndr_wr_align(w, 8);
	ndr_wr_u32(w, (uint32_t)v);
	ndr_wr_u32(w, (uint32_t)(v >> 32));
}

bool ndr_wr_ptr(struct ndr_wr *w, bool present)
{
	if (!present) {
		ndr_wr_u32(w, 0);
		return false;
	}
	ndr_wr_u32(w, w->next_ref);
	w->next_ref += 4;
	return true;
}

static void wr_utf16(struct ndr_wr *w, const char *s, size_t n)
{
	uint8_t *p = wr_room(w, n * 2);
	uint16_t *tmp;
	size_t i;

	if (!p || !n)
		return;
	tmp = malloc(n * 2);
	if (!tmp) {
		w->err = -ENOMEM;
		return;
	}
	utf8_to_utf16(s, tmp, n);
	for (i = 0; i < n; i++) {
		p[2 * i] = tmp[i] & 0xFF;
		p[2 * i + 1] = tmp[i] >> 8;
	}
	free(tmp);
}

void ndr_wr_wstr(struct ndr_wr *w, const char *s)
{
	size_t n = utf8_to_utf16_len(s) + 1;

	if (n > NDR_MAX_STRING_CHARS) {
		w->err = -E2BIG;
		return;
	}
	ndr_wr_u32(w, n);
	ndr_wr_u32(w, 0);
	ndr_wr_u32(w, n);
	wr_utf16(w, s, n - 1);
	ndr_wr_u16(w, 0);
}

void ndr_wr_unique_wstr(struct ndr_wr *w, const char *s)
{
	if (ndr_wr_ptr(w, s))
		ndr_wr_wstr(w, s);
}

/* RPC_UNICODE_STRING lengths cap at 0xFFFE bytes. */
static size_t ustr_units(struct ndr_wr *w, const char *s)
{
	size_t n = s ? utf8_to_utf16_len(s) : 0;

	if (n > 0x7FFF) {
		w->err = -E2BIG;
		return 0;
	}
	return n;
}

void ndr_wr_ustr(struct ndr_wr *w, const char *s)
{
	size_t n = ustr_units(w, s);

	ndr_wr_align(w, 4);	/* the struct holds a pointer */
	ndr_wr_u16(w, n * 2);
	ndr_wr_u16(w, n * 2);
	ndr_wr_ptr(w, s != NULL);
}

void ndr_wr_ustr_body(struct ndr_wr *w, const char *s)
{
	size_t n;

	if (!s)
		return;
	n = ustr_units(w, s);
	ndr_wr_u32(w, n);
	ndr_wr_u32(w, 0);
	ndr_wr_u32(w, n);
	wr_utf16(w, s, n);
}

void ndr_wr_sid(struct ndr_wr *w, const struct rpc_sid *sid)
{
	unsigned int i;

	ndr_wr_u32(w, sid->num_subauth);
	ndr_wr_u8(w, sid->revision);
	ndr_wr_u8(w, sid->num_subauth);
	ndr_wr_bytes(w, sid->authority, 6);
	for (i = 0; i < sid->num_subauth && i < RPC_SID_MAX_SUBAUTH; i++)
		ndr_wr_u32(w, sid->subauth[i]);
}

void ndr_wr_handle(struct ndr_wr *w, const uint8_t h[NDR_HANDLE_SIZE])
{
	ndr_wr_align(w, 4);
	ndr_wr_bytes(w, h, NDR_HANDLE_SIZE);
}
