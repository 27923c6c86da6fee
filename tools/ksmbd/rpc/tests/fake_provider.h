/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A provider with a fixed server identity, a table of shares and users that
 * tests (and the fuzzers) can change between calls.
 */
#ifndef KSMBD_RPC_FAKE_PROVIDER_H
#define KSMBD_RPC_FAKE_PROVIDER_H

#include "rpc.h"

#define FAKE_SERVER	"KSMBD"
#define FAKE_DOMAIN	"WORKGROUP"
#define FAKE_COMMENT	"ksmbd test server"
#define FAKE_SUB0	111u
#define FAKE_SUB1	222u
#define FAKE_SUB2	333u
#define FAKE_MAX	512

struct fake {
	struct rpc_share_info shares[FAKE_MAX];
	unsigned int nshares;
	struct rpc_user_info users[FAKE_MAX];
	unsigned int nusers;
	char names[FAKE_MAX][64];	/* storage for generated share names */
};

extern const struct rpc_provider fake_provider;

/* Default content: IPC$, "public", "docs"; users alice (1000), bob (1001,
 * disabled), "Émile" (1002). */
void fake_init(struct fake *f);
/* Append n generated shares share000.. with long comments. */
void fake_add_shares(struct fake *f, unsigned int n);
void fake_env(struct rpc_env *env, struct fake *f, bool restricted);

#endif
