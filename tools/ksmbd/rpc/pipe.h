/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside of a struct rpc_pipe (see rpc.h for the API and threading): the
 * negotiated presentation contexts, the request being reassembled, the queue
 * of response fragments and the context handle table. Everything here is
 * owned by the pipe and freed by rpc_pipe_close(); one thread at a time.
 *
 * Each interface (srvsvc.c, wkssvc.c, lsarpc.c, samr.c) exports one struct
 * rpc_iface whose dispatch() decodes a request stub from c->in, writes the
 * response stub to c->out and returns 0, or returns a fault status (then
 * c->out is discarded).
 */
#ifndef KSMBD_RPC_PIPE_H
#define KSMBD_RPC_PIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "handles.h"
#include "ndr.h"
#include "rpc.h"

struct rpc_call {
	const struct rpc_env *env;
	struct rpc_handles *handles;
	uint16_t opnum;
	struct ndr_rd *in;
	struct ndr_wr *out;
};

struct rpc_iface {
	const char *name;
	const char *sec_addr;	/* secondary address for bind_ack */
	const char *uuid;
	uint16_t vers_major;
	uint16_t vers_minor;
	uint32_t (*dispatch)(struct rpc_call *c);
};

extern const struct rpc_iface rpc_iface_srvsvc;
extern const struct rpc_iface rpc_iface_wkssvc;
extern const struct rpc_iface rpc_iface_lsarpc;
extern const struct rpc_iface rpc_iface_samr;

#define RPC_MAX_CONTEXTS	16

struct rpc_context {
	uint16_t id;
	const struct rpc_iface *iface;
};

struct rpc_msg {
	struct rpc_msg *next;
	size_t len;
	size_t off;		/* bytes already read */
	uint8_t data[];
};

struct rpc_pipe {
	struct rpc_env env;
	bool bound;
	uint16_t max_xmit;	/* largest fragment we send */
	uint32_t assoc_group;
	struct rpc_context ctx[RPC_MAX_CONTEXTS];
	unsigned int nctx;

	/* bytes of an incomplete PDU */
	uint8_t *in;
	size_t in_len;

	/* request being reassembled */
	bool req_active;
	bool req_discard;	/* too large: drop fragments up to LAST */
	uint32_t req_call_id;
	uint16_t req_ctx;
	uint16_t req_opnum;
	struct ndr_wr req;

	/* response fragments, oldest first */
	struct rpc_msg *out_head;
	struct rpc_msg *out_tail;
	size_t out_bytes;

	struct rpc_handles handles;
};

/* Provider strings, never NULL. */
const char *rpc_env_server_name(const struct rpc_env *env);
const char *rpc_env_workgroup(const struct rpc_env *env);
const char *rpc_env_comment(const struct rpc_env *env);

/* Queue one response fragment; -ENOMEM on failure. */
int rpc_pipe_queue(struct rpc_pipe *p, const uint8_t *data, size_t len);

/* The interface with this abstract syntax (wire-order UUID), same major and
 * a minor not above ours; NULL if none. */
const struct rpc_iface *rpc_iface_lookup(const uint8_t uuid[16],
					 uint16_t major, uint16_t minor);

#endif /* KSMBD_RPC_PIPE_H */
