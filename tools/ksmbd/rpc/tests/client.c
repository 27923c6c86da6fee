// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "harness.h"

static unsigned int seed_no;

static void seed_save(const char *kind, const void *buf, size_t len)
{
	const char *dir = getenv("RPC_SEED_DIR");
	char path[512];
	FILE *f;

	if (!dir || !len)
		return;
	snprintf(path, sizeof(path), "%s/%s-%s-%04u", dir, kind,
		 program_invocation_short_name, seed_no++);
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(buf, 1, len, f);
	fclose(f);
}

void cl_open(struct client *c, const struct rpc_env *env, uint16_t max_recv)
{
	memset(c, 0, sizeof(*c));
	c->env = *env;
	c->p = rpc_pipe_open(env);
	c->call_id = 1;
	c->max_recv = max_recv;
	ndr_wr_init(&c->stream);
	/* first byte of a pipe seed: restricted flag */
	ndr_wr_u8(&c->stream, env->restricted);
}

void cl_close(struct client *c)
{
	if (c->stream.len > 1)
		seed_save("pipe", c->stream.data, c->stream.len);
	ndr_wr_free(&c->stream);
	rpc_pipe_close(c->p);
	c->p = NULL;
}

int cl_write(struct client *c, const void *buf, size_t len)
{
	if (c->stream.len + len < 65536)
		ndr_wr_bytes(&c->stream, buf, len);
	return rpc_pipe_write(c->p, buf, len);
}

size_t cl_read_pdu(struct client *c, uint8_t *buf, size_t size)
{
	size_t n = 0, got;
	bool more = true;

	while (more && n < size) {
		got = rpc_pipe_read(c->p, buf + n, size - n, &more);
		if (!got)
			break;
		n += got;
	}
	return n;
}

static void put_hdr(struct ndr_wr *w, uint8_t ptype, uint8_t flags,
		    uint32_t call_id)
{
	static const uint8_t drep[4] = { 0x10, 0, 0, 0 };

	ndr_wr_u8(w, 5);
	ndr_wr_u8(w, 0);
	ndr_wr_u8(w, ptype);
	ndr_wr_u8(w, flags);
	ndr_wr_bytes(w, drep, 4);
	ndr_wr_u16(w, 0);
	ndr_wr_u16(w, 0);
	ndr_wr_u32(w, call_id);
}

static void set_frag_len(struct ndr_wr *w, size_t start)
{
	size_t len = w->len - start;

	w->data[start + 8] = len & 0xFF;
	w->data[start + 9] = len >> 8;
}

size_t cl_build_bind(uint8_t *buf, size_t size, uint8_t ptype,
		     uint32_t call_id, uint16_t max_xmit, uint16_t max_recv,
		     unsigned int n, const struct cl_ctx *ctx)
{
	struct ndr_wr w;
	uint8_t u[16];
	unsigned int i;
	size_t len;

	ndr_wr_init(&w);
	put_hdr(&w, ptype, RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG, call_id);
	ndr_wr_u16(&w, max_xmit);
	ndr_wr_u16(&w, max_recv);
	ndr_wr_u32(&w, 0);
	ndr_wr_u8(&w, n);
	ndr_wr_u8(&w, 0);
	ndr_wr_u16(&w, 0);
	for (i = 0; i < n; i++) {
		ndr_wr_u16(&w, ctx[i].id);
		ndr_wr_u8(&w, 1);
		ndr_wr_u8(&w, 0);
		rpc_uuid_parse(ctx[i].abstract, u);
		ndr_wr_bytes(&w, u, 16);
		ndr_wr_u16(&w, ctx[i].major);
		ndr_wr_u16(&w, ctx[i].minor);
		rpc_uuid_parse(ctx[i].ts, u);
		ndr_wr_bytes(&w, u, 16);
		ndr_wr_u32(&w, ctx[i].ts_vers);
	}
	set_frag_len(&w, 0);
	len = w.len <= size ? w.len : 0;
	if (len)
		memcpy(buf, w.data, len);
	ndr_wr_free(&w);
	return len;
}

int cl_parse_bind_reply(const uint8_t *pdu, size_t len, struct bind_reply *b)
{
	struct rpc_hdr h;
	struct ndr_rd r;
	unsigned int i, sl;

	memset(b, 0, sizeof(*b));
	if (len < RPC_HDR_LEN)
		return -1;
	rpc_hdr_parse(pdu, &h);
	if (h.frag_len != len || h.vers != 5 || h.drep[0] != 0x10)
		return -1;
	b->ptype = h.ptype;
	b->flags = h.flags;
	b->call_id = h.call_id;
	ndr_rd_init(&r, pdu, len);
	r.off = RPC_HDR_LEN;
	if (h.ptype == RPC_PT_BIND_NAK) {
		b->nak_reason = ndr_rd_u16(&r);
		return r.err ? -1 : 0;
	}
	if (h.ptype == RPC_PT_FAULT) {
		ndr_rd_u32(&r);
		ndr_rd_u16(&r);
		ndr_rd_u16(&r);
		b->fault = ndr_rd_u32(&r);
		return r.err ? -1 : 0;
	}
	b->max_xmit = ndr_rd_u16(&r);
	b->max_recv = ndr_rd_u16(&r);
	b->assoc = ndr_rd_u32(&r);
	sl = ndr_rd_u16(&r);
	if (sl >= sizeof(b->sec_addr))
		return -1;
	ndr_rd_bytes(&r, b->sec_addr, sl);
	ndr_rd_align(&r, 4);
	b->n = ndr_rd_u8(&r);
	ndr_rd_u8(&r);
	ndr_rd_u16(&r);
	if (b->n > 16)
		return -1;
	for (i = 0; i < b->n; i++) {
		b->r[i].result = ndr_rd_u16(&r);
		b->r[i].reason = ndr_rd_u16(&r);
		ndr_rd_bytes(&r, b->r[i].ts, 16);
		b->r[i].ts_vers = ndr_rd_u32(&r);
	}
	return r.err || r.off != len ? -1 : 0;
}

int cl_bind(struct client *c, const char *uuid, uint16_t major,
	    struct bind_reply *b)
{
	struct cl_ctx ctx = { 0, uuid, major, 0, UUID_NDR20, 2 };
	uint8_t buf[512];
	size_t len;

	if (!strcmp(uuid, UUID_SRVSVC))
		c->iface_idx = 0;
	else if (!strcmp(uuid, UUID_WKSSVC))
		c->iface_idx = 1;
	else if (!strcmp(uuid, UUID_LSARPC))
		c->iface_idx = 2;
	else
		c->iface_idx = 3;
	len = cl_build_bind(buf, sizeof(buf), RPC_PT_BIND, c->call_id++,
			    RPC_MAX_FRAG, c->max_recv, 1, &ctx);
	if (cl_write(c, buf, len))
		return -1;
	len = cl_read_pdu(c, buf, sizeof(buf));
	if (cl_parse_bind_reply(buf, len, b) || b->ptype != RPC_PT_BIND_ACK ||
	    b->n != 1 || b->r[0].result != RPC_RESULT_ACCEPT)
		return -1;
	c->ctx_id = 0;
	return 0;
}

void cl_build_request(struct ndr_wr *out, uint32_t call_id, uint16_t ctx_id,
		      uint16_t opnum, const uint8_t *stub, size_t len,
		      size_t frag_stub)
{
	size_t off = 0;

	if (!frag_stub)
		frag_stub = len ? len : 1;
	do {
		size_t n = len - off < frag_stub ? len - off : frag_stub;
		uint8_t flags = 0;
		struct ndr_wr f;

		if (!off)
			flags |= RPC_PFC_FIRST_FRAG;
		if (off + n == len)
			flags |= RPC_PFC_LAST_FRAG;
		/* each fragment on its own: NDR alignment is per PDU */
		ndr_wr_init(&f);
		put_hdr(&f, RPC_PT_REQUEST, flags, call_id);
		ndr_wr_u32(&f, len - off);
		ndr_wr_u16(&f, ctx_id);
		ndr_wr_u16(&f, opnum);
		if (n)
			ndr_wr_bytes(&f, stub + off, n);
		set_frag_len(&f, 0);
		ndr_wr_bytes(out, f.data, f.len);
		ndr_wr_free(&f);
		off += n;
	} while (off < len);
}

/* Seeds for the stub fuzzer: [iface][opnum lo][opnum hi][restricted][stub]
 * with live handles replaced by the fixed ones the fuzzer installs. */
static void save_stub_seed(struct client *c, uint16_t opnum,
			   const struct ndr_wr *stub)
{
	uint8_t *buf;
	size_t i, j;

	if (!getenv("RPC_SEED_DIR"))
		return;
	buf = malloc(stub->len + 4);
	if (!buf)
		return;
	buf[0] = c->iface_idx;
	buf[1] = opnum & 0xFF;
	buf[2] = opnum >> 8;
	buf[3] = c->env.restricted;
	if (stub->len)
		memcpy(buf + 4, stub->data, stub->len);
	for (i = 0; i < RPC_MAX_HANDLES; i++) {
		struct rpc_handle *h = &c->p->handles.h[i];
		uint8_t fixed = h->kind == RPC_H_SAMR_DOMAIN && h->builtin ?
				0x06 : (uint8_t)h->kind;

		if (h->kind == RPC_H_FREE)
			continue;
		for (j = 4; j + NDR_HANDLE_SIZE <= stub->len + 4; j++)
			if (!memcmp(buf + j, h->wire, NDR_HANDLE_SIZE))
				memset(buf + j, fixed, NDR_HANDLE_SIZE);
	}
	seed_save("stub", buf, stub->len + 4);
	free(buf);
}

uint32_t cl_call(struct client *c, uint16_t opnum, const struct ndr_wr *stub,
		 size_t frag_stub, struct ndr_wr *resp)
{
	uint32_t call_id = c->call_id++;
	uint8_t *buf = malloc(c->max_recv);
	struct ndr_wr req;
	struct rpc_hdr h;
	uint32_t status = 0;
	bool first = true;
	size_t len;

	ndr_wr_init(resp);
	save_stub_seed(c, opnum, stub);
	ndr_wr_init(&req);
	cl_build_request(&req, call_id, c->ctx_id, opnum, stub->data,
			 stub->len, frag_stub);
	CHECK_EQ(cl_write(c, req.data, req.len), 0);
	ndr_wr_free(&req);
	c->frags = 0;
	for (;;) {
		bool more = false;

		len = rpc_pipe_read(c->p, buf, c->max_recv, &more);
		CHECK(!more);		/* a fragment never exceeds max_recv */
		if (len < RPC_HDR_LEN) {
			CHECK(len >= RPC_HDR_LEN);
			status = 0xFFFFFFFF;
			break;
		}
		rpc_hdr_parse(buf, &h);
		CHECK_EQ(h.frag_len, len);
		CHECK_EQ(h.call_id, call_id);
		CHECK_EQ(h.auth_len, 0);
		CHECK_EQ(!!(h.flags & RPC_PFC_FIRST_FRAG), first);
		c->frags++;
		if (h.ptype == RPC_PT_FAULT) {
			struct ndr_rd r;

			ndr_rd_init(&r, buf, len);
			r.off = 24;
			status = ndr_rd_u32(&r);
			CHECK(!r.err && status != 0);
			CHECK(h.flags & RPC_PFC_LAST_FRAG);
			ndr_wr_free(resp);
			break;
		}
		CHECK_EQ(h.ptype, RPC_PT_RESPONSE);
		if (h.ptype != RPC_PT_RESPONSE || len < RPC_RESP_HDR_LEN) {
			status = 0xFFFFFFFF;
			break;
		}
		if (!(h.flags & RPC_PFC_LAST_FRAG))
			CHECK_EQ((len - RPC_RESP_HDR_LEN) % 8, 0);
		ndr_wr_bytes(resp, buf + RPC_RESP_HDR_LEN,
			     len - RPC_RESP_HDR_LEN);
		first = false;
		if (h.flags & RPC_PFC_LAST_FRAG)
			break;
	}
	/* nothing else queued */
	CHECK_EQ(rpc_pipe_read(c->p, buf, c->max_recv, NULL), 0);
	free(buf);
	return status;
}

void cl_get_handle(struct ndr_rd *r, uint8_t h[NDR_HANDLE_SIZE])
{
	ndr_rd_handle(r, h);
}
