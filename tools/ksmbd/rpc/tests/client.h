/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The client side of the tests: builds bind and request PDUs by hand,
 * writes them into a pipe, reads the reply fragments back, checks their
 * framing and reassembles response stubs. With RPC_SEED_DIR set, every
 * session's input stream and every request stub are saved as fuzz seeds.
 */
#ifndef KSMBD_RPC_TEST_CLIENT_H
#define KSMBD_RPC_TEST_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ndr.h"
#include "pdu.h"
#include "pipe.h"
#include "rpc.h"

#define UUID_SRVSVC	"4b324fc8-1670-01d3-1278-5a47bf6ee188"
#define UUID_WKSSVC	"6bffd098-a112-3610-9833-46c3f87e345a"
#define UUID_LSARPC	"12345778-1234-abcd-ef00-0123456789ab"
#define UUID_SAMR	"12345778-1234-abcd-ef00-0123456789ac"
#define UUID_NDR20	"8a885d04-1ceb-11c9-9fe8-08002b104860"
#define UUID_NDR64	"71710533-beba-4937-8319-b5dbef9ccc36"
#define UUID_BTFN	"6cb71c2c-9812-4540-0300-000000000000"

struct client {
	struct rpc_pipe *p;
	struct rpc_env env;
	uint32_t call_id;
	uint16_t max_recv;	/* our max_recv_frag */
	uint16_t ctx_id;
	uint8_t iface_idx;	/* for seeds: 0 srvsvc 1 wkssvc 2 lsarpc 3 samr */
	unsigned int frags;	/* fragments in the last response */
	struct ndr_wr stream;	/* everything written, for seeds */
};

struct cl_ctx {
	uint16_t id;
	const char *abstract;
	uint16_t major, minor;
	const char *ts;
	uint32_t ts_vers;
};

struct bind_reply {
	uint8_t ptype;
	uint8_t flags;
	uint32_t call_id;
	uint16_t max_xmit, max_recv;
	uint32_t assoc;
	char sec_addr[64];
	unsigned int n;
	struct {
		uint16_t result, reason;
		uint8_t ts[16];
		uint32_t ts_vers;
	} r[16];
	uint16_t nak_reason;
	uint32_t fault;
};

void cl_open(struct client *c, const struct rpc_env *env, uint16_t max_recv);
void cl_close(struct client *c);
/* Write raw bytes into the pipe (and the seed stream). */
int cl_write(struct client *c, const void *buf, size_t len);
/* Read one whole reply PDU into buf; its length, 0 if nothing queued. */
size_t cl_read_pdu(struct client *c, uint8_t *buf, size_t size);

size_t cl_build_bind(uint8_t *buf, size_t size, uint8_t ptype,
		     uint32_t call_id, uint16_t max_xmit, uint16_t max_recv,
		     unsigned int n, const struct cl_ctx *ctx);
int cl_parse_bind_reply(const uint8_t *pdu, size_t len, struct bind_reply *b);
/* Bind one interface with NDR20; 0 if accepted. */
int cl_bind(struct client *c, const char *uuid, uint16_t major,
	    struct bind_reply *b);

/* Build request fragments for a stub into out (frag_stub 0 = one). */
void cl_build_request(struct ndr_wr *out, uint32_t call_id, uint16_t ctx_id,
		      uint16_t opnum, const uint8_t *stub, size_t len,
		      size_t frag_stub);
/* One call: 0 and the response stub in resp (caller frees), or the fault
 * status (resp empty). Framing of every fragment is CHECKed. */
uint32_t cl_call(struct client *c, uint16_t opnum, const struct ndr_wr *stub,
		 size_t frag_stub, struct ndr_wr *resp);

/* The handle at h as an out parameter of a response. */
void cl_get_handle(struct ndr_rd *r, uint8_t h[NDR_HANDLE_SIZE]);

#endif
