// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DCE/RPC connection-oriented PDUs: bind / alter_context negotiation,
 * request reassembly, response fragmentation, faults.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdu.h"
#include "pipe.h"

/* NDR 2.0 and the bind time feature negotiation prefix ([MS-RPCE] 3.3.1.5.3) */
static const char ndr20_uuid[] = "8a885d04-1ceb-11c9-9fe8-08002b104860";
#define NDR20_VERSION	2
static const uint8_t btfn_prefix[8] = {
	0x2c, 0x1c, 0xb7, 0x6c, 0x12, 0x98, 0x40, 0x45
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int rpc_uuid_parse(const char *str, uint8_t out[16])
{
	/* textual byte order; the first three groups are little-endian on
	 * the wire */
	static const int pos[16] = { 3, 2, 1, 0, 5, 4, 7, 6,
				     8, 9, 10, 11, 12, 13, 14, 15 };
	uint8_t raw[16];
	int i = 0, hi, lo;

	for (; *str && i < 16; str++) {
		if (*str == '-')
			continue;
		hi = hexval(str[0]);
		lo = str[1] ? hexval(str[1]) : -1;
		if (hi < 0 || lo < 0)
			return -EINVAL;
		raw[i++] = hi << 4 | lo;
		str++;
	}
	if (i != 16 || *str)
		return -EINVAL;
	for (i = 0; i < 16; i++)
		out[pos[i]] = raw[i];
	return 0;
}

void rpc_hdr_parse(const uint8_t *b, struct rpc_hdr *h)
{
	bool le = b[4] & 0x10;

	h->vers = b[0];
	h->vers_minor = b[1];
	h->ptype = b[2];
	h->flags = b[3];
	memcpy(h->drep, b + 4, 4);
	if (le) {
		h->frag_len = b[8] | b[9] << 8;
		h->auth_len = b[10] | b[11] << 8;
		h->call_id = (uint32_t)b[12] | (uint32_t)b[13] << 8 |
			     (uint32_t)b[14] << 16 | (uint32_t)b[15] << 24;
	} else {
		h->frag_len = b[8] << 8 | b[9];
		h->auth_len = b[10] << 8 | b[11];
		h->call_id = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 |
			     (uint32_t)b[14] << 8 | (uint32_t)b[15];
	}
}

/* Start a PDU in w: common header with frag_len patched by pdu_finish(). */
static void pdu_start(struct ndr_wr *w, uint8_t ptype, uint8_t flags,
		      uint32_t call_id)
{
	static const uint8_t drep[4] = { 0x10, 0, 0, 0 };

	ndr_wr_init(w);
	ndr_wr_u8(w, 5);
	ndr_wr_u8(w, 0);
	ndr_wr_u8(w, ptype);
	ndr_wr_u8(w, flags);
	ndr_wr_bytes(w, drep, 4);
	ndr_wr_u16(w, 0);	/* frag_length */
	ndr_wr_u16(w, 0);	/* auth_length */
	ndr_wr_u32(w, call_id);
}

static int pdu_finish(struct rpc_pipe *p, struct ndr_wr *w)
{
	int ret = w->err;

	if (!ret && w->len > 0xFFFF)
		ret = -E2BIG;
	if (!ret) {
		w->data[8] = w->len & 0xFF;
		w->data[9] = w->len >> 8;
		ret = rpc_pipe_queue(p, w->data, w->len);
	}
	ndr_wr_free(w);
	return ret;
}

static int send_fault(struct rpc_pipe *p, uint32_t call_id, uint16_t ctx_id,
		      uint32_t status, bool not_executed)
{
	struct ndr_wr w;

	pdu_start(&w, RPC_PT_FAULT, RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG |
		  (not_executed ? RPC_PFC_DID_NOT_EXECUTE : 0), call_id);
	ndr_wr_u32(&w, 0);		/* alloc_hint */
	ndr_wr_u16(&w, ctx_id);
	ndr_wr_u8(&w, 0);		/* cancel_count */
	ndr_wr_u8(&w, 0);
	ndr_wr_u32(&w, status);
	ndr_wr_u32(&w, 0);
	return pdu_finish(p, &w);
}

static int send_bind_nak(struct rpc_pipe *p, uint32_t call_id, uint16_t reason)
{
	struct ndr_wr w;

	pdu_start(&w, RPC_PT_BIND_NAK, RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG,
		  call_id);
	ndr_wr_u16(&w, reason);
	ndr_wr_u8(&w, 1);		/* n_protocols: we speak 5.0 */
	ndr_wr_u8(&w, 5);
	ndr_wr_u8(&w, 0);
	ndr_wr_align(&w, 4);
	return pdu_finish(p, &w);
}

/* ---- bind / alter_context ---------------------------------------------- */

struct ctx_result {
	uint16_t result;
	uint16_t reason;
	bool ndr20;		/* transfer syntax to echo: NDR20 or zeros */
	const struct rpc_iface *iface;	/* when accepted */
};

static void negotiate_one(struct rpc_pipe *p, struct ndr_rd *r,
			  struct ctx_result *res)
{
	uint8_t abstract[16], ts[16], ndr20[16];
	const struct rpc_iface *iface;
	uint16_t ctx_id, major, minor;
	uint32_t ts_vers;
	unsigned int n_ts, i;
	bool have_ndr20 = false, btfn = false;
	uint8_t features = 0;

	rpc_uuid_parse(ndr20_uuid, ndr20);
	ctx_id = ndr_rd_u16(r);
	n_ts = ndr_rd_u8(r);
	ndr_rd_u8(r);
	ndr_rd_bytes(r, abstract, 16);
	major = ndr_rd_u16(r);
	minor = ndr_rd_u16(r);
	if (!n_ts)
		ndr_rd_fail(r);
	for (i = 0; i < n_ts && !r->err; i++) {
		ndr_rd_bytes(r, ts, 16);
		ts_vers = ndr_rd_u32(r);
		if (!memcmp(ts, ndr20, 16) && ts_vers == NDR20_VERSION)
			have_ndr20 = true;
		if (!memcmp(ts, btfn_prefix, 8) && ts_vers == 1) {
			btfn = true;
			features = ts[8];
		}
	}
	memset(res, 0, sizeof(*res));
	if (r->err)
		return;
	if (btfn && !have_ndr20) {
		/* Of the features (0x01 security context multiplexing,
		 * 0x02 keep connection on orphan) we do the second: an
		 * orphaned PDU only drops the call being reassembled. */
		res->result = RPC_RESULT_NEGOTIATE_ACK;
		res->reason = features & 0x02;
		return;
	}
	iface = rpc_iface_lookup(abstract, major, minor);
	if (!iface) {
		res->result = RPC_RESULT_PROVIDER_REJECT;
		res->reason = RPC_REASON_ABSTRACT_NOT_SUPP;
		return;
	}
	if (!have_ndr20) {
		res->result = RPC_RESULT_PROVIDER_REJECT;
		res->reason = RPC_REASON_TRANSFER_NOT_SUPP;
		return;
	}
	for (i = 0; i < p->nctx; i++)
		if (p->ctx[i].id == ctx_id)
			break;
	if (i == p->nctx) {
		if (p->nctx == RPC_MAX_CONTEXTS) {
			res->result = RPC_RESULT_PROVIDER_REJECT;
			res->reason = 3;	/* local_limit_exceeded */
			return;
		}
		p->nctx++;
	}
	p->ctx[i].id = ctx_id;
	p->ctx[i].iface = iface;
	res->result = RPC_RESULT_ACCEPT;
	res->ndr20 = true;
	res->iface = iface;
}

static uint32_t new_assoc_group(void)
{
	static uint32_t counter;	/* pipes may bind from several threads */
	uint32_t n = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);

	return 0x10000000u | ((uint32_t)getpid() << 12 & 0x0FFFF000u) |
	       (n & 0xFFF);
}

static int process_bind(struct rpc_pipe *p, const uint8_t *pdu,
			const struct rpc_hdr *h)
{
	bool alter = h->ptype == RPC_PT_ALTER_CONTEXT;
	struct ctx_result res[RPC_MAX_CONTEXTS];
	const struct rpc_iface *first = NULL;
	uint16_t max_xmit, max_recv;
	uint32_t assoc;
	unsigned int n, i, nctx_before;
	uint8_t ndr20[16];
	struct ndr_rd r;
	struct ndr_wr w;

	if (h->auth_len) {
		if (alter)
			return send_fault(p, h->call_id, 0, NCA_S_PROTO_ERROR,
					  true);
		return send_bind_nak(p, h->call_id,
				     RPC_NAK_AUTH_NOT_RECOGNIZED);
	}
	ndr_rd_init(&r, pdu, h->frag_len);
	r.off = RPC_HDR_LEN;
	max_xmit = ndr_rd_u16(&r);
	max_recv = ndr_rd_u16(&r);
	assoc = ndr_rd_u32(&r);
	n = ndr_rd_u8(&r);
	ndr_rd_u8(&r);
	ndr_rd_u16(&r);
	if (r.err || n == 0 || n > RPC_MAX_CONTEXTS ||
	    (!alter && max_recv < RPC_MIN_FRAG)) {
		if (alter)
			return send_fault(p, h->call_id, 0, NCA_S_PROTO_ERROR,
					  true);
		return send_bind_nak(p, h->call_id, r.err || n == 0 ?
				     RPC_NAK_NOT_SPECIFIED : RPC_NAK_LOCAL_LIMIT);
	}
	nctx_before = p->nctx;
	if (!alter)
		p->nctx = 0;
	for (i = 0; i < n; i++) {
		negotiate_one(p, &r, &res[i]);
		if (res[i].result == RPC_RESULT_ACCEPT && !first)
			first = res[i].iface;
	}
	if (r.err) {
		/* truncated context list: undo and refuse the whole PDU */
		p->nctx = alter ? nctx_before : 0;
		if (alter)
			return send_fault(p, h->call_id, 0, NCA_S_PROTO_ERROR,
					  true);
		return send_bind_nak(p, h->call_id, RPC_NAK_NOT_SPECIFIED);
	}
	if (!alter) {
		p->bound = true;
		p->max_xmit = max_recv < RPC_XMIT_FRAG ? max_recv : RPC_XMIT_FRAG;
		p->assoc_group = assoc ? assoc : new_assoc_group();
	}
	(void)max_xmit;	/* we accept any fragment size up to 64 KiB */

	pdu_start(&w, alter ? RPC_PT_ALTER_CONTEXT_RESP : RPC_PT_BIND_ACK,
		  RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG, h->call_id);
	ndr_wr_u16(&w, p->max_xmit);
	ndr_wr_u16(&w, RPC_MAX_FRAG);
	ndr_wr_u32(&w, p->assoc_group);
	if (!alter && first) {
		size_t len = strlen(first->sec_addr) + 1;

		ndr_wr_u16(&w, len);
		ndr_wr_bytes(&w, first->sec_addr, len);
	} else {
		ndr_wr_u16(&w, 0);
	}
	ndr_wr_align(&w, 4);
	ndr_wr_u8(&w, n);
	ndr_wr_u8(&w, 0);
	ndr_wr_u16(&w, 0);
	rpc_uuid_parse(ndr20_uuid, ndr20);
	for (i = 0; i < n; i++) {
		ndr_wr_u16(&w, res[i].result);
		ndr_wr_u16(&w, res[i].reason);
		if (res[i].ndr20) {
			ndr_wr_bytes(&w, ndr20, 16);
			ndr_wr_u32(&w, NDR20_VERSION);
		} else {
			static const uint8_t zero[20];

			ndr_wr_bytes(&w, zero, 20);
		}
	}
	return pdu_finish(p, &w);
}

/* ---- request / response ------------------------------------------------ */

static const struct rpc_iface *context_iface(struct rpc_pipe *p, uint16_t id)
{
	unsigned int i;

	for (i = 0; i < p->nctx; i++)
		if (p->ctx[i].id == id)
			return p->ctx[i].iface;
	return NULL;
}

static int send_response(struct rpc_pipe *p, uint32_t call_id, uint16_t ctx_id,
			 const uint8_t *stub, size_t len)
{
	size_t chunk = ((size_t)p->max_xmit - RPC_RESP_HDR_LEN) & ~(size_t)7;
	size_t off = 0;
	int ret;

	do {
		size_t n = len - off < chunk ? len - off : chunk;
		uint8_t flags = 0;
		struct ndr_wr w;

		if (off == 0)
			flags |= RPC_PFC_FIRST_FRAG;
		if (off + n == len)
			flags |= RPC_PFC_LAST_FRAG;
		pdu_start(&w, RPC_PT_RESPONSE, flags, call_id);
		ndr_wr_u32(&w, len - off);	/* alloc_hint */
		ndr_wr_u16(&w, ctx_id);
		ndr_wr_u8(&w, 0);
		ndr_wr_u8(&w, 0);
		if (n)
			ndr_wr_bytes(&w, stub + off, n);
		ret = pdu_finish(p, &w);
		if (ret)
			return ret;
		off += n;
	} while (off < len);
	return 0;
}

static int run_call(struct rpc_pipe *p)
{
	const struct rpc_iface *iface = context_iface(p, p->req_ctx);
	struct rpc_call c;
	struct ndr_rd in;
	struct ndr_wr out;
	uint32_t status;
	int ret;

	if (!iface)
		return send_fault(p, p->req_call_id, p->req_ctx, NCA_S_UNK_IF,
				  true);
	ndr_rd_init(&in, p->req.data, p->req.len);
	ndr_wr_init(&out);
	c.env = &p->env;
	c.handles = &p->handles;
	c.opnum = p->req_opnum;
	c.in = &in;
	c.out = &out;
	status = iface->dispatch(&c);
	if (!status && in.err)
		status = NCA_S_FAULT_NDR;
	if (!status && out.err)
		status = NCA_S_FAULT_REMOTE_NO_MEMORY;
	if (status)
		ret = send_fault(p, p->req_call_id, p->req_ctx, status,
				 status != NCA_S_FAULT_REMOTE_NO_MEMORY);
	else
		ret = send_response(p, p->req_call_id, p->req_ctx, out.data,
				    out.len);
	ndr_wr_free(&out);
	return ret;
}

static void req_reset(struct rpc_pipe *p)
{
	ndr_wr_free(&p->req);
	ndr_wr_init(&p->req);
	p->req_active = false;
	p->req_discard = false;
}

static int process_request(struct rpc_pipe *p, const uint8_t *pdu,
			   const struct rpc_hdr *h)
{
	size_t hdr = RPC_REQ_HDR_LEN;
	uint16_t ctx_id, opnum;
	struct ndr_rd r;
	int ret;

	if (h->flags & RPC_PFC_OBJECT_UUID)
		hdr += 16;
	ndr_rd_init(&r, pdu, h->frag_len);
	r.off = RPC_HDR_LEN;
	ndr_rd_u32(&r);			/* alloc_hint: only a hint */
	ctx_id = ndr_rd_u16(&r);
	opnum = ndr_rd_u16(&r);
	if (r.err || h->frag_len < hdr || h->auth_len) {
		req_reset(p);
		return send_fault(p, h->call_id, ctx_id, NCA_S_PROTO_ERROR,
				  true);
	}
	if (!p->bound) {
		req_reset(p);
		return send_fault(p, h->call_id, ctx_id, NCA_S_PROTO_ERROR,
				  true);
	}
	if (h->flags & RPC_PFC_FIRST_FRAG) {
		req_reset(p);
		p->req_active = true;
		p->req_call_id = h->call_id;
		p->req_ctx = ctx_id;
		p->req_opnum = opnum;
	} else if (!p->req_active || p->req_call_id != h->call_id) {
		req_reset(p);
		return send_fault(p, h->call_id, ctx_id, NCA_S_PROTO_ERROR,
				  true);
	}
	if (!p->req_discard) {
		if (p->req.len + (h->frag_len - hdr) > RPC_MAX_REQUEST) {
			p->req_discard = true;
			ndr_wr_free(&p->req);
			ndr_wr_init(&p->req);
			ret = send_fault(p, h->call_id, ctx_id,
					 NCA_S_PROTO_ERROR, true);
			if (ret)
				return ret;
		} else {
			ndr_wr_bytes(&p->req, pdu + hdr, h->frag_len - hdr);
			if (p->req.err) {
				req_reset(p);
				return -ENOMEM;
			}
		}
	}
	if (!(h->flags & RPC_PFC_LAST_FRAG))
		return 0;
	ret = p->req_discard ? 0 : run_call(p);
	req_reset(p);
	return ret;
}

int rpc_pdu_process(struct rpc_pipe *p, const uint8_t *pdu,
		    const struct rpc_hdr *h)
{
	bool bind = h->ptype == RPC_PT_BIND;
	bool le = (h->drep[0] & 0xF0) == 0x10;

	if (h->vers != 5) {
		if (bind)
			return send_bind_nak(p, h->call_id,
					     RPC_NAK_VERSION_NOT_SUPP);
		return -EPROTO;
	}
	if (!le) {
		/* Big-endian integers: refused, but framed and answered. */
		if (bind)
			return send_bind_nak(p, h->call_id,
					     RPC_NAK_NOT_SPECIFIED);
		if (h->ptype == RPC_PT_REQUEST || h->ptype == RPC_PT_ALTER_CONTEXT)
			return send_fault(p, h->call_id, 0,
					  NCA_S_UNSUPPORTED_TYPE, true);
		return 0;
	}
	switch (h->ptype) {
	case RPC_PT_BIND:
	case RPC_PT_ALTER_CONTEXT:
		if (h->ptype == RPC_PT_ALTER_CONTEXT && !p->bound)
			return send_fault(p, h->call_id, 0, NCA_S_PROTO_ERROR,
					  true);
		return process_bind(p, pdu, h);
	case RPC_PT_REQUEST:
		return process_request(p, pdu, h);
	case RPC_PT_AUTH3:
	case RPC_PT_CO_CANCEL:
		return 0;	/* nothing to cancel: calls run to completion */
	case RPC_PT_ORPHANED:
		if (p->req_active && p->req_call_id == h->call_id)
			req_reset(p);
		return 0;
	default:
		return send_fault(p, h->call_id, 0, NCA_S_PROTO_ERROR, true);
	}
}
