/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Security identifiers ([MS-DTYP] 2.4.2) and the mapping between SIDs and
 * names that lsarpc and samr share: the server's account domain
 * (S-1-5-21-a-b-c, named after the server), BUILTIN (S-1-5-32) and a few
 * well-known SIDs. Plain values, no shared state.
 */
#ifndef KSMBD_RPC_SID_H
#define KSMBD_RPC_SID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RPC_SID_MAX_SUBAUTH	15

struct rpc_sid {
	uint8_t revision;
	uint8_t num_subauth;
	uint8_t authority[6];
	uint32_t subauth[RPC_SID_MAX_SUBAUTH];
};

/* SID_NAME_USE ([MS-LSAT] 2.2.13) */
enum rpc_sid_type {
	SID_TYPE_USER = 1,
	SID_TYPE_GROUP = 2,
	SID_TYPE_DOMAIN = 3,
	SID_TYPE_ALIAS = 4,
	SID_TYPE_WELL_KNOWN_GROUP = 5,
	SID_TYPE_DELETED = 6,
	SID_TYPE_INVALID = 7,
	SID_TYPE_UNKNOWN = 8,
	SID_TYPE_COMPUTER = 9,
};

#define RID_DOMAIN_USERS	513u
#define RID_BUILTIN_ADMINS	544u

struct rpc_env;

/* What a SID or a name resolved to. */
struct rpc_sid_name {
	enum rpc_sid_type type;
	char name[256];			/* account name, UTF-8 */
	char domain[256];		/* its domain's name ("" for Everyone) */
	struct rpc_sid sid;		/* the account's SID */
	struct rpc_sid domain_sid;	/* its domain's SID */
	uint32_t rid;			/* last sub-authority, 0 for a domain */
};

void sid_init(struct rpc_sid *sid, uint64_t authority, unsigned int n, ...);
bool sid_equal(const struct rpc_sid *a, const struct rpc_sid *b);
/* True if sid is domain plus exactly one more sub-authority. */
bool sid_in_domain(const struct rpc_sid *sid, const struct rpc_sid *domain,
		   uint32_t *rid);
bool sid_append(struct rpc_sid *sid, uint32_t rid);
/* "S-1-5-21-1-2-3" into buf; returns buf. */
char *sid_to_string(const struct rpc_sid *sid, char *buf, size_t size);
bool sid_from_string(struct rpc_sid *sid, const char *str);

void sid_server_domain(const struct rpc_env *env, struct rpc_sid *sid);
void sid_builtin_domain(struct rpc_sid *sid);

/* 0 and *out filled, or -ENOENT. */
int sid_lookup_sid(const struct rpc_env *env, const struct rpc_sid *sid,
		   struct rpc_sid_name *out);
/* name is "NAME" or "DOMAIN\NAME", case-insensitive. */
int sid_lookup_name(const struct rpc_env *env, const char *name,
		    struct rpc_sid_name *out);

#endif /* KSMBD_RPC_SID_H */
