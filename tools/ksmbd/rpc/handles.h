/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Per-pipe table of RPC context handles (lsarpc policy handles, samr server,
 * domain and user handles). A handle on the wire is 20 bytes: a zero
 * attributes word and 16 random bytes. The table is embedded in and owned by
 * one struct rpc_pipe and, like the pipe, used by one thread at a time.
 */
#ifndef KSMBD_RPC_HANDLES_H
#define KSMBD_RPC_HANDLES_H

#include <stdbool.h>
#include <stdint.h>

#include "ndr.h"

#define RPC_MAX_HANDLES	64

enum rpc_handle_kind {
	RPC_H_FREE = 0,
	RPC_H_LSA_POLICY,
	RPC_H_SAMR_SERVER,
	RPC_H_SAMR_DOMAIN,
	RPC_H_SAMR_USER,
};

struct rpc_handle {
	enum rpc_handle_kind kind;
	uint8_t wire[NDR_HANDLE_SIZE];
	bool builtin;		/* SAMR_DOMAIN: BUILTIN rather than the server */
	uint32_t rid;		/* SAMR_USER */
};

struct rpc_handles {
	struct rpc_handle h[RPC_MAX_HANDLES];
};

/* A new handle of that kind, or NULL when the table is full. */
struct rpc_handle *rpc_handle_new(struct rpc_handles *t,
				  enum rpc_handle_kind kind);
/* The live handle with these wire bytes and kind, or NULL. */
struct rpc_handle *rpc_handle_find(struct rpc_handles *t,
				   const uint8_t wire[NDR_HANDLE_SIZE],
				   enum rpc_handle_kind kind);
/* Close any live handle with these wire bytes; false if none. */
bool rpc_handle_close(struct rpc_handles *t,
		      const uint8_t wire[NDR_HANDLE_SIZE]);

#endif /* KSMBD_RPC_HANDLES_H */
