/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NDR20 (transfer syntax 8a885d04-1ceb-11c9-9fe8-08002b104860 v2) reader and
 * writer, little-endian only, alignment relative to the start of the stub.
 *
 * Both sides use a sticky error: the first failure sets ->err and every later
 * call becomes a no-op returning zero/NULL, so decoders read a whole request
 * and check ->err once. The reader never reads past ->len; every count read
 * from the wire is checked against what remains before it is used.
 *
 * Ownership: a struct ndr_rd only borrows its buffer. A struct ndr_wr owns
 * ->data (free with ndr_wr_free()). Strings returned by the reader are
 * malloc'ed UTF-8 owned by the caller.
 */
#ifndef KSMBD_RPC_NDR_H
#define KSMBD_RPC_NDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sid.h"

/* Upper bounds on anything counted on the wire. */
#define NDR_MAX_STRING_CHARS	4096u	/* UTF-16 code units in one string */
#define NDR_MAX_ARRAY		4096u	/* elements in one array */
#define NDR_MAX_STUB		(4u << 20)

#define NDR_HANDLE_SIZE		20

struct ndr_rd {
	const uint8_t *p;
	size_t len;
	size_t off;
	int err;
};

struct ndr_wr {
	uint8_t *data;
	size_t len;
	size_t cap;
	int err;
	uint32_t next_ref;	/* next referent id handed out */
};

/* RPC_UNICODE_STRING head (the inline part): lengths are in bytes. */
struct ndr_ustr {
	uint16_t len;
	uint16_t maxlen;
	uint32_t ptr;
};

void ndr_rd_init(struct ndr_rd *r, const void *buf, size_t len);
void ndr_rd_fail(struct ndr_rd *r);
void ndr_rd_align(struct ndr_rd *r, size_t n);
uint8_t ndr_rd_u8(struct ndr_rd *r);
uint16_t ndr_rd_u16(struct ndr_rd *r);
uint32_t ndr_rd_u32(struct ndr_rd *r);
uint64_t ndr_rd_u64(struct ndr_rd *r);
void ndr_rd_bytes(struct ndr_rd *r, void *dst, size_t n);
/* A pointer's referent id (0 = NULL). */
uint32_t ndr_rd_ptr(struct ndr_rd *r);
/* A conformance/array count, checked against max and against the bytes left
 * assuming each element takes at least elem_size bytes. */
uint32_t ndr_rd_count(struct ndr_rd *r, uint32_t max, size_t elem_size);
/* [string] wchar_t * body: max_count, offset, actual_count, UTF-16LE. */
char *ndr_rd_wstr(struct ndr_rd *r);
/* [unique, string] wchar_t *: referent id then the body; NULL and no error
 * for a NULL pointer. */
char *ndr_rd_unique_wstr(struct ndr_rd *r);
void ndr_rd_ustr(struct ndr_rd *r, struct ndr_ustr *u);
/* The deferred body of an RPC_UNICODE_STRING whose head is u. Returns ""
 * (allocated) for a NULL buffer. */
char *ndr_rd_ustr_body(struct ndr_rd *r, const struct ndr_ustr *u);
/* An RPC_SID as the pointee of a pointer: conformance then the SID. */
void ndr_rd_sid(struct ndr_rd *r, struct rpc_sid *sid);
/* { unsigned long Count; [size_is(Count)] struct { PRPC_SID Sid; } *p; }
 * as in LSAPR_SID_ENUM_BUFFER and SAMPR_PSID_ARRAY. NULL with *count 0 for
 * an empty one; NULL with ->err set on error. Free the result. */
struct rpc_sid *ndr_rd_sid_array(struct ndr_rd *r, uint32_t max,
				 uint32_t *count);
void ndr_rd_handle(struct ndr_rd *r, uint8_t h[NDR_HANDLE_SIZE]);

void ndr_wr_init(struct ndr_wr *w);
void ndr_wr_free(struct ndr_wr *w);
void ndr_wr_align(struct ndr_wr *w, size_t n);
void ndr_wr_u8(struct ndr_wr *w, uint8_t v);
void ndr_wr_u16(struct ndr_wr *w, uint16_t v);
void ndr_wr_u32(struct ndr_wr *w, uint32_t v);
void ndr_wr_u64(struct ndr_wr *w, uint64_t v);
void ndr_wr_bytes(struct ndr_wr *w, const void *src, size_t n);
/* Write a referent id (fresh, non-zero) when present, else 0. Returns present. */
bool ndr_wr_ptr(struct ndr_wr *w, bool present);
/* [string] wchar_t * body (with NUL terminator) from UTF-8. */
void ndr_wr_wstr(struct ndr_wr *w, const char *s);
/* [unique, string] wchar_t *: referent then body right away (top level). */
void ndr_wr_unique_wstr(struct ndr_wr *w, const char *s);
/* RPC_UNICODE_STRING head and, later, its deferred body (no NUL). A NULL s
 * gives lengths 0 and a NULL buffer; ndr_wr_ustr_body(NULL) writes nothing. */
void ndr_wr_ustr(struct ndr_wr *w, const char *s);
void ndr_wr_ustr_body(struct ndr_wr *w, const char *s);
/* RPC_SID as a pointee (conformance first). */
void ndr_wr_sid(struct ndr_wr *w, const struct rpc_sid *sid);
void ndr_wr_handle(struct ndr_wr *w, const uint8_t h[NDR_HANDLE_SIZE]);

/* UTF-8 <-> UTF-16LE. utf16 lengths in code units, no terminator counted. */
size_t utf8_to_utf16_len(const char *s);
size_t utf8_to_utf16(const char *s, uint16_t *out, size_t max);
char *utf16le_to_utf8(const uint8_t *in, size_t units);

#endif /* KSMBD_RPC_NDR_H */
