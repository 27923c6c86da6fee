// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fake_provider.h"

static const char *fk_server(void *ctx)
{
	(void)ctx;
	return FAKE_SERVER;
}

static const char *fk_domain(void *ctx)
{
	(void)ctx;
	return FAKE_DOMAIN;
}

static const char *fk_comment(void *ctx)
{
	(void)ctx;
	return FAKE_COMMENT;
}

static void fk_sid(void *ctx, uint32_t sub[3])
{
	(void)ctx;
	sub[0] = FAKE_SUB0;
	sub[1] = FAKE_SUB1;
	sub[2] = FAKE_SUB2;
}

static int fk_for_each_share(void *ctx, rpc_share_cb cb, void *arg)
{
	struct fake *f = ctx;
	unsigned int i;

	for (i = 0; i < f->nshares; i++)
		if (cb(&f->shares[i], arg))
			break;
	return 0;
}

static int fk_get_share(void *ctx, const char *name, rpc_share_cb cb,
			void *arg)
{
	struct fake *f = ctx;
	unsigned int i;

	for (i = 0; i < f->nshares; i++)
		if (!strcasecmp(f->shares[i].name, name)) {
			cb(&f->shares[i], arg);
			return 0;
		}
	return -ENOENT;
}

static int fk_for_each_user(void *ctx, rpc_user_cb cb, void *arg)
{
	struct fake *f = ctx;
	unsigned int i;

	for (i = 0; i < f->nusers; i++)
		if (cb(&f->users[i], arg))
			break;
	return 0;
}

static int fk_user_by_name(void *ctx, const char *name, rpc_user_cb cb,
			   void *arg)
{
	struct fake *f = ctx;
	unsigned int i;

	for (i = 0; i < f->nusers; i++)
		if (!strcasecmp(f->users[i].name, name)) {
			cb(&f->users[i], arg);
			return 0;
		}
	return -ENOENT;
}

static int fk_user_by_rid(void *ctx, uint32_t rid, rpc_user_cb cb, void *arg)
{
	struct fake *f = ctx;
	unsigned int i;

	for (i = 0; i < f->nusers; i++)
		if (f->users[i].rid == rid) {
			cb(&f->users[i], arg);
			return 0;
		}
	return -ENOENT;
}

const struct rpc_provider fake_provider = {
	.server_name = fk_server,
	.domain_name = fk_domain,
	.server_comment = fk_comment,
	.domain_sid_subauth = fk_sid,
	.for_each_share = fk_for_each_share,
	.get_share = fk_get_share,
	.for_each_user = fk_for_each_user,
	.user_by_name = fk_user_by_name,
	.user_by_rid = fk_user_by_rid,
};

void fake_init(struct fake *f)
{
	static const struct rpc_share_info shares[] = {
		{ "IPC$", "IPC Service", "", RPC_STYPE_IPC | RPC_STYPE_SPECIAL,
		  0xFFFFFFFFu, 1 },
		{ "public", "Public files", "/srv/public", RPC_STYPE_DISKTREE,
		  0xFFFFFFFFu, 2 },
		{ "docs", "", "/srv/docs", RPC_STYPE_DISKTREE, 10, 0 },
	};
	static const struct rpc_user_info users[] = {
		{ "alice", 1000, 1000, false },
		{ "bob", 1001, 1001, true },
		{ "\xc3\x89mile", 1002, 1002, false },
	};

	memset(f, 0, sizeof(*f));
	memcpy(f->shares, shares, sizeof(shares));
	f->nshares = 3;
	memcpy(f->users, users, sizeof(users));
	f->nusers = 3;
}

void fake_add_shares(struct fake *f, unsigned int n)
{
	while (n-- && f->nshares < FAKE_MAX) {
		unsigned int i = f->nshares;

		snprintf(f->names[i], sizeof(f->names[i]), "share%03u", i);
		f->shares[i].name = f->names[i];
		f->shares[i].comment = "a generated share with a longish comment";
		f->shares[i].path = "/srv/generated";
		f->shares[i].type = RPC_STYPE_DISKTREE;
		f->shares[i].max_uses = 0xFFFFFFFFu;
		f->shares[i].current_uses = i;
		f->nshares++;
	}
}

void fake_env(struct rpc_env *env, struct fake *f, bool restricted)
{
	env->prov = &fake_provider;
	env->ctx = f;
	env->restricted = restricted;
}
