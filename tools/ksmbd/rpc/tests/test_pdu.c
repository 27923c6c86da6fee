// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * PDU layer: bind / alter_context negotiation, faults, request reassembly,
 * response fragmentation, stream framing, and malformed input at every
 * length (run under valgrind by `make check`).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "fake_provider.h"
#include "harness.h"
#include "requests.h"
#include "sid.h"

static struct fake fake;
static struct rpc_env env;

static void setup(void)
{
	fake_init(&fake);
	fake_env(&env, &fake, false);
}

static void check_ndr20(const struct bind_reply *b, unsigned int i)
{
	uint8_t u[16];

	rpc_uuid_parse(UUID_NDR20, u);
	CHECK(!memcmp(b->r[i].ts, u, 16));
	CHECK_EQ(b->r[i].ts_vers, 2);
}

static void test_bind_each_interface(void)
{
	static const struct {
		const char *uuid;
		uint16_t major;
		const char *sec;
	} ifs[] = {
		{ UUID_SRVSVC, 3, "\\PIPE\\srvsvc" },
		{ UUID_WKSSVC, 1, "\\PIPE\\wkssvc" },
		{ UUID_LSARPC, 0, "\\PIPE\\lsass" },
		{ UUID_SAMR, 1, "\\PIPE\\lsass" },
	};
	struct bind_reply b;
	struct client c;
	size_t i;

	setup();
	for (i = 0; i < sizeof(ifs) / sizeof(ifs[0]); i++) {
		cl_open(&c, &env, 2048);
		CHECK_EQ(cl_bind(&c, ifs[i].uuid, ifs[i].major, &b), 0);
		CHECK_EQ(b.call_id, 1);
		CHECK_EQ(b.flags, RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG);
		CHECK_EQ(b.max_xmit, 2048);	/* our client's max_recv */
		CHECK_EQ(b.max_recv, RPC_MAX_FRAG);
		CHECK(b.assoc != 0);
		CHECK_STR(b.sec_addr, ifs[i].sec);
		check_ndr20(&b, 0);
		cl_close(&c);
	}
}

static size_t bind_pdu(uint8_t *buf, uint8_t ptype, uint32_t call_id,
		       unsigned int n, const struct cl_ctx *ctx)
{
	return cl_build_bind(buf, 1024, ptype, call_id, 4280, 4280, n, ctx);
}

static void test_bind_context_results(void)
{
	const struct cl_ctx ctx[] = {
		{ 0, UUID_SRVSVC, 3, 0, UUID_NDR64, 1 },
		{ 1, "01234567-89ab-cdef-0123-456789abcdef", 1, 0, UUID_NDR20, 2 },
		{ 2, UUID_SRVSVC, 2, 0, UUID_NDR20, 2 },
		{ 3, UUID_SRVSVC, 3, 1, UUID_NDR20, 2 },	/* minor too new */
		{ 4, UUID_SRVSVC, 3, 0, UUID_NDR20, 1 },	/* NDR v1 */
		{ 5, UUID_SRVSVC, 3, 0, UUID_NDR20, 2 },
		{ 6, UUID_SRVSVC, 3, 0, UUID_BTFN, 1 },
	};
	uint8_t buf[1024], out[1024];
	struct bind_reply b;
	struct client c;
	size_t len;

	setup();
	cl_open(&c, &env, 4280);
	/* ask for a given association group: it is echoed */
	len = bind_pdu(buf, RPC_PT_BIND, 7, 7, ctx);
	buf[20] = 0x78;
	buf[21] = 0x56;
	CHECK_EQ(cl_write(&c, buf, len), 0);
	len = cl_read_pdu(&c, out, sizeof(out));
	CHECK_EQ(cl_parse_bind_reply(out, len, &b), 0);
	CHECK_EQ(b.ptype, RPC_PT_BIND_ACK);
	CHECK_EQ(b.call_id, 7);
	CHECK_EQ(b.assoc, 0x5678);
	CHECK_EQ(b.n, 7);
	CHECK_EQ(b.r[0].result, RPC_RESULT_PROVIDER_REJECT);
	CHECK_EQ(b.r[0].reason, RPC_REASON_TRANSFER_NOT_SUPP);
	CHECK_EQ(b.r[1].result, RPC_RESULT_PROVIDER_REJECT);
	CHECK_EQ(b.r[1].reason, RPC_REASON_ABSTRACT_NOT_SUPP);
	CHECK_EQ(b.r[2].reason, RPC_REASON_ABSTRACT_NOT_SUPP);
	CHECK_EQ(b.r[3].reason, RPC_REASON_ABSTRACT_NOT_SUPP);
	CHECK_EQ(b.r[4].reason, RPC_REASON_TRANSFER_NOT_SUPP);
	CHECK_EQ(b.r[5].result, RPC_RESULT_ACCEPT);
	check_ndr20(&b, 5);
	CHECK_EQ(b.r[6].result, RPC_RESULT_NEGOTIATE_ACK);
	CHECK_EQ(b.r[6].reason, 0x02);	/* of 0x03 asked, keep-on-orphan */
	CHECK_EQ(b.r[6].ts_vers, 0);
	/* the accepted context (5) works, a rejected one (0) does not */
	{
		struct ndr_wr stub, resp;

		ndr_wr_init(&stub);
		req_server_get_info(&stub, 100);
		c.ctx_id = 5;
		CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), 0);
		ndr_wr_free(&resp);
		c.ctx_id = 0;
		CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), NCA_S_UNK_IF);
		ndr_wr_free(&stub);
	}
	cl_close(&c);
}

static void expect_nak(struct client *c, const uint8_t *pdu, size_t len,
		       uint16_t reason)
{
	uint8_t out[256];
	struct bind_reply b;
	size_t n;

	CHECK_EQ(cl_write(c, pdu, len), 0);
	n = cl_read_pdu(c, out, sizeof(out));
	CHECK_EQ(cl_parse_bind_reply(out, n, &b), 0);
	CHECK_EQ(b.ptype, RPC_PT_BIND_NAK);
	CHECK_EQ(b.nak_reason, reason);
	CHECK_EQ(n % 4, 0);
	CHECK_EQ(out[18], 1);		/* one protocol version: 5.0 */
	CHECK_EQ(out[19], 5);
}

static void test_bind_nak(void)
{
	const struct cl_ctx ctx = { 0, UUID_SRVSVC, 3, 0, UUID_NDR20, 2 };
	uint8_t buf[1024], be[1024];
	struct client c;
	size_t len, i;

	setup();
	cl_open(&c, &env, 4280);
	len = bind_pdu(buf, RPC_PT_BIND, 1, 1, &ctx);
	buf[0] = 4;
	expect_nak(&c, buf, len, RPC_NAK_VERSION_NOT_SUPP);
	buf[0] = 5;
	buf[10] = 200;			/* auth_length beyond the PDU */
	CHECK_EQ(cl_write(&c, buf, len), -EPROTO);
	CHECK_EQ(cl_read_pdu(&c, be, sizeof(be)), 0);
	buf[10] = 0;
	memcpy(be, buf, len);
	buf[10] = 8;			/* auth_length with room for it */
	expect_nak(&c, buf, len, RPC_NAK_AUTH_NOT_RECOGNIZED);
	buf[10] = 0;
	buf[24] = 0;			/* no contexts */
	expect_nak(&c, buf, len, RPC_NAK_NOT_SPECIFIED);
	buf[24] = 1;
	buf[18] = 32;			/* max_recv_frag 32 */
	buf[19] = 0;
	expect_nak(&c, buf, len, RPC_NAK_LOCAL_LIMIT);
	/* big-endian integer representation: header fields swapped */
	be[4] = 0x00;
	be[8] = len >> 8;
	be[9] = len & 0xFF;
	for (i = 12; i < 16; i++)
		be[i] = i == 15 ? 1 : 0;
	expect_nak(&c, be, len, RPC_NAK_NOT_SPECIFIED);
	/* nothing was bound */
	{
		struct ndr_wr stub, resp;

		ndr_wr_init(&stub);
		req_server_get_info(&stub, 100);
		CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), NCA_S_PROTO_ERROR);
		ndr_wr_free(&stub);
	}
	cl_close(&c);
}

static void test_alter_context_before_bind(void)
{
	const struct cl_ctx ctx = { 1, UUID_WKSSVC, 1, 0, UUID_NDR20, 2 };
	uint8_t buf[1024];
	struct bind_reply b;
	struct client c;
	size_t len;

	setup();
	cl_open(&c, &env, 4280);
	len = bind_pdu(buf, RPC_PT_ALTER_CONTEXT, 3, 1, &ctx);
	CHECK_EQ(cl_write(&c, buf, len), 0);
	len = cl_read_pdu(&c, buf, sizeof(buf));
	CHECK_EQ(cl_parse_bind_reply(buf, len, &b), 0);
	CHECK_EQ(b.ptype, RPC_PT_FAULT);
	CHECK_EQ(b.fault, NCA_S_PROTO_ERROR);
	cl_close(&c);
}

static void test_alter_context(void)
{
	const struct cl_ctx ctx = { 1, UUID_WKSSVC, 1, 0, UUID_NDR20, 2 };
	struct ndr_wr stub, resp;
	uint8_t buf[1024];
	struct bind_reply b;
	struct client c;
	size_t len;

	setup();
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	len = bind_pdu(buf, RPC_PT_ALTER_CONTEXT, 9, 1, &ctx);
	CHECK_EQ(cl_write(&c, buf, len), 0);
	len = cl_read_pdu(&c, buf, sizeof(buf));
	CHECK_EQ(cl_parse_bind_reply(buf, len, &b), 0);
	CHECK_EQ(b.ptype, RPC_PT_ALTER_CONTEXT_RESP);
	CHECK_EQ(b.sec_addr[0], 0);
	CHECK_EQ(b.n, 1);
	CHECK_EQ(b.r[0].result, RPC_RESULT_ACCEPT);

	ndr_wr_init(&stub);
	req_wksta_get_info(&stub, 100);
	c.ctx_id = 1;
	CHECK_EQ(cl_call(&c, 0, &stub, 0, &resp), 0);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
	ndr_wr_init(&stub);
	req_server_get_info(&stub, 100);
	c.ctx_id = 0;
	CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), 0);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_faults(void)
{
	struct ndr_wr stub, resp, req;
	struct bind_reply b;
	uint8_t out[64];
	struct client c;
	size_t len;

	setup();
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	ndr_wr_init(&stub);
	CHECK_EQ(cl_call(&c, 200, &stub, 0, &resp), NCA_S_OP_RNG_ERROR);
	CHECK_EQ(cl_call(&c, 15, &stub, 0, &resp), NCA_S_FAULT_NDR);
	c.ctx_id = 3;
	CHECK_EQ(cl_call(&c, 15, &stub, 0, &resp), NCA_S_UNK_IF);
	c.ctx_id = 0;

	/* DID_NOT_EXECUTE on the op range fault, 32-byte fault PDU */
	ndr_wr_init(&req);
	cl_build_request(&req, 77, 0, 99, NULL, 0, 0);
	CHECK_EQ(cl_write(&c, req.data, req.len), 0);
	len = cl_read_pdu(&c, out, sizeof(out));
	CHECK_EQ(len, 32);
	CHECK_EQ(out[2], RPC_PT_FAULT);
	CHECK_EQ(out[3], RPC_PFC_FIRST_FRAG | RPC_PFC_LAST_FRAG |
		 RPC_PFC_DID_NOT_EXECUTE);
	CHECK_EQ(out[12], 77);
	ndr_wr_free(&req);

	/* a request with an auth verifier is refused */
	ndr_wr_init(&req);
	cl_build_request(&req, 78, 0, 21, (const uint8_t *)"\0\0\0\0\0\0\0\0"
			 "\0\0\0\0\0\0\0\0", 16, 0);
	req.data[10] = 8;
	CHECK_EQ(cl_write(&c, req.data, req.len), 0);
	len = cl_read_pdu(&c, out, sizeof(out));
	CHECK_EQ(len, 32);
	CHECK_EQ(out[2], RPC_PT_FAULT);
	CHECK_EQ(out[24] | out[25] << 8 | out[26] << 16 |
		 (uint32_t)out[27] << 24, NCA_S_PROTO_ERROR);
	ndr_wr_free(&req);

	/* a big-endian request is framed and refused */
	ndr_wr_init(&req);
	cl_build_request(&req, 0x01020304, 0, 21, (const uint8_t *)"\0\0\0\0",
			 4, 0);
	req.data[4] = 0;
	len = req.data[8];
	req.data[8] = 0;
	req.data[9] = len;
	CHECK_EQ(cl_write(&c, req.data, req.len), 0);
	len = cl_read_pdu(&c, out, sizeof(out));
	CHECK_EQ(len, 32);
	CHECK_EQ(out[2], RPC_PT_FAULT);
	CHECK_EQ(out[24] | out[25] << 8 | out[26] << 16 |
		 (uint32_t)out[27] << 24, NCA_S_UNSUPPORTED_TYPE);
	ndr_wr_free(&req);

	/* a zero-byte read of a queued message says there is more */
	{
		bool more = false;

		CHECK_EQ(cl_write(&c, "\5\0\x12\3\x10\0\0\0\x10\0\0\0\1\0\0\0",
				  16), 0);	/* co_cancel: no reply */
		CHECK_EQ(rpc_pipe_read(c.p, out, 0, &more), 0);
		CHECK(!more);
		ndr_wr_init(&req);
		cl_build_request(&req, 79, 0, 99, NULL, 0, 0);
		CHECK_EQ(cl_write(&c, req.data, req.len), 0);
		CHECK_EQ(rpc_pipe_read(c.p, out, 0, &more), 0);
		CHECK(more);
		CHECK_EQ(cl_read_pdu(&c, out, sizeof(out)), 32);
		ndr_wr_free(&req);
	}

	/* frag_length below the header cannot be framed */
	memset(out, 0, sizeof(out));
	out[0] = 5;
	out[4] = 0x10;
	out[8] = 10;
	CHECK_EQ(cl_write(&c, out, 16), -EPROTO);
	ndr_wr_free(&stub);
	cl_close(&c);
}

/* The same call fragmented three ways gives the same answer. */
static void test_request_fragments(void)
{
	struct ndr_wr stub, r1, r2, r3, req;
	struct bind_reply b;
	uint8_t out[64];
	struct client c;
	size_t len;

	setup();
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	ndr_wr_init(&stub);
	req_share_get_info(&stub, "public", 2);
	CHECK_EQ(cl_call(&c, 16, &stub, 0, &r1), 0);
	CHECK_EQ(cl_call(&c, 16, &stub, 8, &r2), 0);
	CHECK_EQ(cl_call(&c, 16, &stub, 1, &r3), 0);
	CHECK_EQ(r1.len, r2.len);
	CHECK(r1.len && !memcmp(r1.data, r2.data, r1.len));
	CHECK(r1.len == r3.len && !memcmp(r1.data, r3.data, r1.len));
	ndr_wr_free(&r1);
	ndr_wr_free(&r2);
	ndr_wr_free(&r3);

	/* a middle fragment with no first one: fault */
	ndr_wr_init(&req);
	cl_build_request(&req, 50, 0, 16, stub.data, stub.len, 8);
	len = req.data[8] | req.data[9] << 8;
	CHECK_EQ(cl_write(&c, req.data + len, req.len - len), 0);
	CHECK_EQ(cl_read_pdu(&c, out, sizeof(out)), 32);
	CHECK_EQ(out[2], RPC_PT_FAULT);
	/* only fault for the first orphan fragment, the rest too */
	while (cl_read_pdu(&c, out, sizeof(out)))
		;
	/* first fragment, then an orphaned PDU, then the rest: dropped */
	CHECK_EQ(cl_write(&c, req.data, len), 0);
	CHECK_EQ(cl_read_pdu(&c, out, sizeof(out)), 0);
	{
		uint8_t orphan[16] = { 5, 0, RPC_PT_ORPHANED, 3, 0x10, 0, 0, 0,
				       16, 0, 0, 0, 50, 0, 0, 0 };

		CHECK_EQ(cl_write(&c, orphan, 16), 0);
		CHECK_EQ(cl_read_pdu(&c, out, sizeof(out)), 0);
	}
	ndr_wr_free(&req);
	/* and the pipe still works */
	CHECK_EQ(cl_call(&c, 16, &stub, 0, &r1), 0);
	ndr_wr_free(&r1);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_request_too_large(void)
{
	static uint8_t chunk[4096];
	struct ndr_wr stub, resp, req;
	struct bind_reply b;
	uint8_t out[64];
	struct client c;
	unsigned int i, faults = 0;
	size_t got;

	setup();
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	for (i = 0; i < (RPC_MAX_REQUEST / sizeof(chunk)) + 10; i++) {
		ndr_wr_init(&req);
		cl_build_request(&req, 60, 0, 16, chunk, sizeof(chunk), 0);
		req.data[3] = i == 0 ? RPC_PFC_FIRST_FRAG : 0;
		CHECK_EQ(rpc_pipe_write(c.p, req.data, req.len), 0);
		ndr_wr_free(&req);
		while ((got = cl_read_pdu(&c, out, sizeof(out))))
			faults += out[2] == RPC_PT_FAULT;
	}
	ndr_wr_init(&req);
	cl_build_request(&req, 60, 0, 16, chunk, 8, 0);
	req.data[3] = RPC_PFC_LAST_FRAG;
	CHECK_EQ(rpc_pipe_write(c.p, req.data, req.len), 0);
	ndr_wr_free(&req);
	while ((got = cl_read_pdu(&c, out, sizeof(out))))
		faults += out[2] == RPC_PT_FAULT;
	CHECK_EQ(faults, 1);
	ndr_wr_init(&stub);
	req_server_get_info(&stub, 101);
	CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), 0);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_response_fragments(void)
{
	static const uint16_t sizes[] = { 64, 100, 1432, 4096 };
	struct ndr_wr stub, ref, resp;
	struct bind_reply b;
	struct client c;
	size_t i;

	setup();
	fake_add_shares(&fake, 300);
	ndr_wr_init(&stub);
	req_share_enum(&stub, 2, 0xFFFFFFFF, true, 0);
	cl_open(&c, &env, 65535);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	CHECK_EQ(b.max_xmit, RPC_XMIT_FRAG);	/* not the client's 65535 */
	CHECK_EQ(cl_call(&c, 15, &stub, 0, &ref), 0);
	CHECK(ref.len > 20000);
	cl_close(&c);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t per = (sizes[i] - 24) & ~7u;

		cl_open(&c, &env, sizes[i]);
		CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
		CHECK_EQ(b.max_xmit, sizes[i]);
		CHECK_EQ(cl_call(&c, 15, &stub, 0, &resp), 0);
		CHECK_EQ(c.frags, (ref.len + per - 1) / per);
		CHECK(resp.len == ref.len &&
		      !memcmp(resp.data, ref.data, ref.len));
		ndr_wr_free(&resp);
		cl_close(&c);
	}
	/* smbclient's 4280: still fragments of 4096 (see RPC_XMIT_FRAG) */
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_SRVSVC, 3, &b), 0);
	CHECK_EQ(b.max_xmit, RPC_XMIT_FRAG);
	CHECK_EQ(cl_call(&c, 15, &stub, 0, &resp), 0);
	CHECK_EQ(c.frags, (ref.len + 4064 - 1) / 4064);
	CHECK(resp.len == ref.len && !memcmp(resp.data, ref.data, ref.len));
	ndr_wr_free(&resp);
	cl_close(&c);
	ndr_wr_free(&ref);
	ndr_wr_free(&stub);
}

/* Bind and call written one byte at a time; reads in small pieces. */
static void test_stream_and_reads(void)
{
	const struct cl_ctx ctx = { 0, UUID_SRVSVC, 3, 0, UUID_NDR20, 2 };
	struct ndr_wr stub, req;
	uint8_t buf[1024], msg[4096];
	size_t len, i, n, total;
	struct client c;
	bool more;

	setup();
	cl_open(&c, &env, 4280);
	len = bind_pdu(buf, RPC_PT_BIND, 1, 1, &ctx);
	ndr_wr_init(&stub);
	req_share_enum(&stub, 1, 0xFFFFFFFF, false, 0);
	ndr_wr_init(&req);
	ndr_wr_bytes(&req, buf, len);
	cl_build_request(&req, 2, 0, 15, stub.data, stub.len, 0);
	cl_build_request(&req, 3, 0, 21, (const uint8_t *)"\0\0\0\0d\0\0\0", 8,
			 0);
	for (i = 0; i < req.len; i++)
		CHECK_EQ(cl_write(&c, req.data + i, 1), 0);
	/* bind_ack read in 7-byte pieces: *more until its end */
	total = 0;
	do {
		n = rpc_pipe_read(c.p, msg + total, 7, &more);
		total += n;
	} while (more && n);
	CHECK_EQ(msg[2], RPC_PT_BIND_ACK);
	CHECK_EQ(total, (size_t)(msg[8] | msg[9] << 8));
	/* a large read returns one message (the response), not two */
	n = rpc_pipe_read(c.p, msg, sizeof(msg), &more);
	CHECK(!more);
	CHECK_EQ(msg[2], RPC_PT_RESPONSE);
	CHECK_EQ(n, (size_t)(msg[8] | msg[9] << 8));
	CHECK_EQ(msg[12], 2);
	n = rpc_pipe_read(c.p, msg, sizeof(msg), &more);
	CHECK_EQ(msg[12], 3);
	CHECK_EQ(msg[2], RPC_PT_RESPONSE);
	CHECK_EQ(rpc_pipe_read(c.p, msg, sizeof(msg), &more), 0);
	/* transceive does write + first read */
	{
		size_t out_len;

		ndr_wr_free(&req);
		ndr_wr_init(&req);
		cl_build_request(&req, 4, 0, 21, (const uint8_t *)
				 "\0\0\0\0e\0\0\0", 8, 0);
		CHECK_EQ(rpc_pipe_transceive(c.p, req.data, req.len, msg, 16,
					     &out_len, &more), 0);
		CHECK_EQ(out_len, 16);
		CHECK(more);
		CHECK_EQ(msg[12], 4);
		while (rpc_pipe_read(c.p, msg, sizeof(msg), &more))
			;
	}
	ndr_wr_free(&req);
	ndr_wr_free(&stub);
	cl_close(&c);
}

/* ---- malformed input at every length ------------------------------------ */

struct sample {
	const char *uuid;
	uint16_t major;
	uint16_t opnum;
	struct ndr_wr stub;
};

#define MAX_SAMPLES 64
static struct sample samples[MAX_SAMPLES];
static unsigned int nsamples;

static struct ndr_wr *add_sample(const char *uuid, uint16_t major,
				 uint16_t opnum)
{
	struct sample *s = &samples[nsamples++];

	s->uuid = uuid;
	s->major = major;
	s->opnum = opnum;
	ndr_wr_init(&s->stub);
	return &s->stub;
}

/* Handles opened in client c are valid in the truncation runs because
 * those use the same pipe. */
static void open_handles(struct client *lsa, struct client *samr,
			 handle_t20 pol, handle_t20 srv, handle_t20 dom,
			 handle_t20 usr)
{
	struct ndr_wr stub, resp;
	struct bind_reply b;
	struct rpc_sid sid;
	struct ndr_rd r;

	CHECK_EQ(cl_bind(lsa, UUID_LSARPC, 0, &b), 0);
	CHECK_EQ(cl_bind(samr, UUID_SAMR, 1, &b), 0);
	ndr_wr_init(&stub);
	req_open_policy2(&stub);
	CHECK_EQ(cl_call(lsa, 44, &stub, 0, &resp), 0);
	ndr_rd_init(&r, resp.data, resp.len);
	ndr_rd_handle(&r, pol);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);

	ndr_wr_init(&stub);
	req_samr_connect5(&stub);
	CHECK_EQ(cl_call(samr, 64, &stub, 0, &resp), 0);
	ndr_rd_init(&r, resp.data, resp.len);
	r.off = 16;
	ndr_rd_handle(&r, srv);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);

	sid_init(&sid, 5, 4, 21u, FAKE_SUB0, FAKE_SUB1, FAKE_SUB2);
	ndr_wr_init(&stub);
	req_open_domain(&stub, srv, &sid);
	CHECK_EQ(cl_call(samr, 7, &stub, 0, &resp), 0);
	ndr_rd_init(&r, resp.data, resp.len);
	ndr_rd_handle(&r, dom);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);

	ndr_wr_init(&stub);
	req_open_user(&stub, dom, 1000);
	CHECK_EQ(cl_call(samr, 34, &stub, 0, &resp), 0);
	ndr_rd_init(&r, resp.data, resp.len);
	ndr_rd_handle(&r, usr);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
}

static void build_samples(const handle_t20 pol, const handle_t20 srv,
			  const handle_t20 dom, const handle_t20 usr)
{
	const char *names[] = { "alice", "BUILTIN\\Users", "nobody",
				"KSMBD\\bob" };
	struct rpc_sid sids[4];

	sid_init(&sids[0], 5, 5, 21u, FAKE_SUB0, FAKE_SUB1, FAKE_SUB2, 1000u);
	sid_init(&sids[1], 1, 1, 0u);
	sid_init(&sids[2], 5, 2, 32u, 544u);
	sid_init(&sids[3], 5, 5, 21u, 9u, 9u, 9u, 500u);
	nsamples = 0;
	req_share_enum(add_sample(UUID_SRVSVC, 3, 15), 502, 100, true, 1);
	req_share_enum(add_sample(UUID_SRVSVC, 3, 15), 1, 0xFFFFFFFF, false, 0);
	req_share_get_info(add_sample(UUID_SRVSVC, 3, 16), "public", 502);
	req_share_get_info(add_sample(UUID_SRVSVC, 3, 16), "docs", 1005);
	req_server_get_info(add_sample(UUID_SRVSVC, 3, 21), 102);
	req_session_enum(add_sample(UUID_SRVSVC, 3, 12), 10);
	req_share_check(add_sample(UUID_SRVSVC, 3, 20), "LPT1:");
	req_wksta_get_info(add_sample(UUID_WKSSVC, 1, 0), 102);
	req_open_policy2(add_sample(UUID_LSARPC, 0, 44));
	req_open_policy(add_sample(UUID_LSARPC, 0, 6));
	req_query_info_policy(add_sample(UUID_LSARPC, 0, 7), pol, 5);
	req_query_info_policy(add_sample(UUID_LSARPC, 0, 46), pol, 12);
	req_lookup_sids(add_sample(UUID_LSARPC, 0, 15), pol, sids, 4, false);
	req_lookup_sids(add_sample(UUID_LSARPC, 0, 57), pol, sids, 4, true);
	req_lookup_sids(add_sample(UUID_LSARPC, 0, 76), NULL, sids, 4, true);
	req_lookup_names(add_sample(UUID_LSARPC, 0, 14), pol, names, 4, false);
	req_lookup_names(add_sample(UUID_LSARPC, 0, 58), pol, names, 4, true);
	req_lookup_names(add_sample(UUID_LSARPC, 0, 68), pol, names, 4, true);
	req_lookup_names(add_sample(UUID_LSARPC, 0, 77), NULL, names, 4, true);
	req_samr_connect5(add_sample(UUID_SAMR, 1, 64));
	req_samr_connect2(add_sample(UUID_SAMR, 1, 57));
	req_samr_connect(add_sample(UUID_SAMR, 1, 0));
	req_lookup_domain(add_sample(UUID_SAMR, 1, 5), srv, "KSMBD");
	req_enum(add_sample(UUID_SAMR, 1, 6), srv, 0, false, 0xFFFF);
	req_open_domain(add_sample(UUID_SAMR, 1, 7), srv, &sids[3]);
	req_handle_level(add_sample(UUID_SAMR, 1, 8), dom, 2);
	req_handle_level(add_sample(UUID_SAMR, 1, 46), dom, 1);
	req_enum(add_sample(UUID_SAMR, 1, 13), dom, 0, true, 0xFFFF);
	req_samr_lookup_names(add_sample(UUID_SAMR, 1, 17), dom, names, 4);
	req_open_user(add_sample(UUID_SAMR, 1, 34), dom, 1001);
	req_handle_level(add_sample(UUID_SAMR, 1, 36), usr, 21);
	req_handle_level(add_sample(UUID_SAMR, 1, 47), usr, 16);
	req_handle(add_sample(UUID_SAMR, 1, 39), usr);
	req_alias_membership(add_sample(UUID_SAMR, 1, 16), dom, sids, 4);
}

static void free_samples(void)
{
	unsigned int i;

	for (i = 0; i < nsamples; i++)
		ndr_wr_free(&samples[i].stub);
}

/* One reply PDU per request PDU, a fault or a response; nothing else. */
static void expect_one_reply(struct client *c, bool fault_ok, bool resp_ok)
{
	uint8_t *buf = malloc(65536);
	unsigned int n = 0;
	bool last = false;
	size_t len;

	while ((len = cl_read_pdu(c, buf, 65536))) {
		CHECK(!last);
		CHECK(len >= 16);
		if (buf[2] == RPC_PT_FAULT)
			CHECK(fault_ok);
		else if (buf[2] == RPC_PT_RESPONSE)
			CHECK(resp_ok);
		else
			CHECK(0);
		last = buf[3] & RPC_PFC_LAST_FRAG;
		n++;
	}
	CHECK(n >= 1 && last);
	free(buf);
}

static struct client *client_for(struct sample *s, struct client *lsa,
				 struct client *samr, struct client *srv,
				 struct client *wks)
{
	if (!strcmp(s->uuid, UUID_LSARPC))
		return lsa;
	if (!strcmp(s->uuid, UUID_SAMR))
		return samr;
	return !strcmp(s->uuid, UUID_SRVSVC) ? srv : wks;
}

static void test_truncated_stubs(void)
{
	struct client lsa, samr, srv, wks;
	handle_t20 pol, shnd, dom, usr;
	struct bind_reply b;
	unsigned int i;
	size_t len;

	setup();
	cl_open(&lsa, &env, 4280);
	cl_open(&samr, &env, 4280);
	cl_open(&srv, &env, 4280);
	cl_open(&wks, &env, 4280);
	CHECK_EQ(cl_bind(&srv, UUID_SRVSVC, 3, &b), 0);
	CHECK_EQ(cl_bind(&wks, UUID_WKSSVC, 1, &b), 0);
	open_handles(&lsa, &samr, pol, shnd, dom, usr);
	build_samples(pol, shnd, dom, usr);
	for (i = 0; i < nsamples; i++) {
		struct sample *s = &samples[i];
		struct client *c = client_for(s, &lsa, &samr, &srv, &wks);
		struct ndr_wr resp;

		/* the whole stub works */
		CHECK_EQ(cl_call(c, s->opnum, &s->stub, 0, &resp), 0);
		ndr_wr_free(&resp);
		/* every shorter stub gets a clean fault (or, where the tail
		 * was optional, a response) */
		for (len = 0; len < s->stub.len; len++) {
			struct ndr_wr req;

			ndr_wr_init(&req);
			cl_build_request(&req, 1000 + len, 0, s->opnum,
					 s->stub.data, len, 0);
			CHECK_EQ(cl_write(c, req.data, req.len), 0);
			expect_one_reply(c, true, false);
			ndr_wr_free(&req);
		}
	}
	free_samples();
	cl_close(&lsa);
	cl_close(&samr);
	cl_close(&srv);
	cl_close(&wks);
}

/* Truncate whole PDUs (frag_length patched) and corrupt bytes at random. */
static void test_truncated_and_corrupt_pdus(void)
{
	const struct cl_ctx ctx[2] = {
		{ 0, UUID_SAMR, 1, 0, UUID_NDR20, 2 },
		{ 1, UUID_LSARPC, 0, 0, UUID_BTFN, 1 },
	};
	uint8_t bind[1024], pdu[2048];
	struct ndr_wr stub, req;
	uint32_t seed = 12345;
	struct client c;
	size_t len, blen, i, k;

	setup();
	blen = bind_pdu(bind, RPC_PT_BIND, 1, 2, ctx);
	for (len = RPC_HDR_LEN; len < blen; len++) {
		cl_open(&c, &env, 4280);
		memcpy(pdu, bind, len);
		pdu[8] = len;
		pdu[9] = 0;
		CHECK_EQ(cl_write(&c, pdu, len), 0);
		k = cl_read_pdu(&c, pdu, sizeof(pdu));
		CHECK(k >= 16 && pdu[2] == RPC_PT_BIND_NAK);
		cl_close(&c);
	}
	ndr_wr_init(&stub);
	req_samr_lookup_names(&stub, (const uint8_t *)"01234567890123456789",
			      (const char *const[]){ "alice", "bob" }, 2);
	ndr_wr_init(&req);
	cl_build_request(&req, 5, 0, 17, stub.data, stub.len, 0);
	for (len = RPC_HDR_LEN; len < req.len; len++) {
		cl_open(&c, &env, 4280);
		CHECK_EQ(cl_write(&c, bind, blen), 0);
		cl_read_pdu(&c, pdu, sizeof(pdu));
		memcpy(pdu, req.data, len);
		pdu[8] = len;
		pdu[9] = 0;
		CHECK_EQ(cl_write(&c, pdu, len), 0);
		expect_one_reply(&c, true, false);
		cl_close(&c);
	}
	/* random corruption of bind + request, frag_length kept */
	for (i = 0; i < 3000; i++) {
		uint8_t in[2048];
		size_t n = blen + req.len, flips;
		int ret;

		memcpy(in, bind, blen);
		memcpy(in + blen, req.data, req.len);
		for (flips = 0; flips < 1 + i % 4; flips++) {
			seed = seed * 1103515245 + 12345;
			k = (seed >> 8) % n;
			if (k == 8 || k == 9 || k == blen + 8 || k == blen + 9)
				continue;
			in[k] ^= 1 << ((seed >> 4) & 7);
		}
		cl_open(&c, &env, 4280);
		ret = cl_write(&c, in, n);
		CHECK(ret == 0 || ret == -EPROTO);
		while (cl_read_pdu(&c, pdu, sizeof(pdu)))
			;
		cl_close(&c);
	}
	ndr_wr_free(&req);
	ndr_wr_free(&stub);
}

static const struct test_case tests[] = {
	{ "bind_each_interface", test_bind_each_interface },
	{ "bind_context_results", test_bind_context_results },
	{ "bind_nak", test_bind_nak },
	{ "alter_context_before_bind", test_alter_context_before_bind },
	{ "alter_context", test_alter_context },
	{ "faults", test_faults },
	{ "request_fragments", test_request_fragments },
	{ "request_too_large", test_request_too_large },
	{ "response_fragments", test_response_fragments },
	{ "stream_and_reads", test_stream_and_reads },
	{ "truncated_stubs", test_truncated_stubs },
	{ "truncated_and_corrupt_pdus", test_truncated_and_corrupt_pdus },
	{ NULL, NULL }
};

int main(void)
{
	return run_tests("pdu", tests);
}
