// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SIDs and the SID <-> name mapping shared by lsarpc and samr.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pipe.h"
#include "sid.h"

void sid_init(struct rpc_sid *sid, uint64_t authority, unsigned int n, ...)
{
	va_list ap;
	unsigned int i;

	memset(sid, 0, sizeof(*sid));
	sid->revision = 1;
	for (i = 0; i < 6; i++)
		sid->authority[i] = authority >> (8 * (5 - i));
	if (n > RPC_SID_MAX_SUBAUTH)
		n = RPC_SID_MAX_SUBAUTH;
	va_start(ap, n);
	for (i = 0; i < n; i++)
		sid->subauth[i] = va_arg(ap, uint32_t);
	va_end(ap);
	sid->num_subauth = n;
}

bool sid_equal(const struct rpc_sid *a, const struct rpc_sid *b)
{
	return a->revision == b->revision && a->num_subauth == b->num_subauth &&
	       !memcmp(a->authority, b->authority, 6) &&
	       !memcmp(a->subauth, b->subauth, a->num_subauth * 4);
}

bool sid_in_domain(const struct rpc_sid *sid, const struct rpc_sid *domain,
		   uint32_t *rid)
{
	if (sid->num_subauth != domain->num_subauth + 1 ||
	    sid->revision != domain->revision ||
	    memcmp(sid->authority, domain->authority, 6) ||
	    memcmp(sid->subauth, domain->subauth, domain->num_subauth * 4))
		return false;
	if (rid)
		*rid = sid->subauth[domain->num_subauth];
	return true;
}

bool sid_append(struct rpc_sid *sid, uint32_t rid)
{
	if (sid->num_subauth >= RPC_SID_MAX_SUBAUTH)
		return false;
	sid->subauth[sid->num_subauth++] = rid;
	return true;
}

char *sid_to_string(const struct rpc_sid *sid, char *buf, size_t size)
{
	uint64_t auth = 0;
	size_t o;
	int i;

	for (i = 0; i < 6; i++)
		auth = auth << 8 | sid->authority[i];
	o = snprintf(buf, size, "S-%u-%" PRIu64, sid->revision, auth);
	for (i = 0; i < sid->num_subauth && o < size; i++)
		o += snprintf(buf + o, size - o, "-%" PRIu32, sid->subauth[i]);
	return buf;
}

bool sid_from_string(struct rpc_sid *sid, const char *str)
{
	uint64_t auth;
	char *end;
	int i;

	memset(sid, 0, sizeof(*sid));
	if (strncasecmp(str, "S-1-", 4))
		return false;
	auth = strtoull(str + 4, &end, 10);
	if (end == str + 4 || auth >> 48)
		return false;
	sid->revision = 1;
	for (i = 0; i < 6; i++)
		sid->authority[i] = auth >> (8 * (5 - i));
	while (*end == '-') {
		const char *p = end + 1;
		unsigned long v = strtoul(p, &end, 10);

		if (end == p || v > UINT32_MAX ||
		    !sid_append(sid, (uint32_t)v))
			return false;
	}
	return *end == 0;
}

void sid_server_domain(const struct rpc_env *env, struct rpc_sid *sid)
{
	uint32_t sub[3] = { 0, 0, 0 };

	if (env->prov->domain_sid_subauth)
		env->prov->domain_sid_subauth(env->ctx, sub);
	sid_init(sid, 5, 4, 21u, sub[0], sub[1], sub[2]);
}

void sid_builtin_domain(struct rpc_sid *sid)
{
	sid_init(sid, 5, 1, 32u);
}

/* ---- fixed names -------------------------------------------------------- */

struct fixed_name {
	const char *name;
	uint8_t authority;
	uint32_t sub0, sub1;	/* sub1 == 0: a single sub-authority */
};

static const char *const domain_nt_authority = "NT AUTHORITY";

/* Well-known SIDs ([MS-DTYP] 2.4.2.4); domain name "" or NT AUTHORITY. */
static const struct fixed_name well_known[] = {
	{ "Everyone", 1, 0, 0 },
	{ "CREATOR OWNER", 3, 0, 0 },
	{ "CREATOR GROUP", 3, 1, 0 },
	{ "NETWORK", 5, 2, 0 },
	{ "INTERACTIVE", 5, 4, 0 },
	{ "ANONYMOUS LOGON", 5, 7, 0 },
	{ "Authenticated Users", 5, 11, 0 },
	{ "SYSTEM", 5, 18, 0 },
};

/* BUILTIN aliases, S-1-5-32-rid. */
static const struct fixed_name builtin_aliases[] = {
	{ "Administrators", 5, 32, 544 },
	{ "Users", 5, 32, 545 },
	{ "Guests", 5, 32, 546 },
	{ "Power Users", 5, 32, 547 },
	{ "Account Operators", 5, 32, 548 },
	{ "Server Operators", 5, 32, 549 },
	{ "Print Operators", 5, 32, 550 },
	{ "Backup Operators", 5, 32, 551 },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void fixed_sid(const struct fixed_name *f, struct rpc_sid *sid)
{
	if (f->sub1)
		sid_init(sid, f->authority, 2, f->sub0, f->sub1);
	else
		sid_init(sid, f->authority, 1, f->sub0);
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}


static void set_well_known(const struct fixed_name *f, struct rpc_sid_name *out)
{
	out->type = SID_TYPE_WELL_KNOWN_GROUP;
	copy_str(out->name, sizeof(out->name), f->name);
	copy_str(out->domain, sizeof(out->domain),
		 f->authority == 5 ? domain_nt_authority : "");
	fixed_sid(f, &out->sid);
	out->domain_sid = out->sid;
	out->domain_sid.num_subauth--;
	out->rid = out->sid.subauth[out->sid.num_subauth - 1];
}

static void set_alias(const struct fixed_name *f, struct rpc_sid_name *out)
{
	out->type = SID_TYPE_ALIAS;
	copy_str(out->name, sizeof(out->name), f->name);
	copy_str(out->domain, sizeof(out->domain), "BUILTIN");
	fixed_sid(f, &out->sid);
	sid_builtin_domain(&out->domain_sid);
	out->rid = f->sub1;
}

static void set_domain(const struct rpc_env *env, bool builtin,
		       struct rpc_sid_name *out)
{
	out->type = SID_TYPE_DOMAIN;
	if (builtin)
		sid_builtin_domain(&out->sid);
	else
		sid_server_domain(env, &out->sid);
	copy_str(out->name, sizeof(out->name),
		 builtin ? "BUILTIN" : rpc_env_server_name(env));
	copy_str(out->domain, sizeof(out->domain), out->name);
	out->domain_sid = out->sid;
	out->rid = 0;
}

static void set_account(const struct rpc_env *env, enum rpc_sid_type type,
			const char *name, uint32_t rid,
			struct rpc_sid_name *out)
{
	out->type = type;
	copy_str(out->name, sizeof(out->name), name);
	copy_str(out->domain, sizeof(out->domain), rpc_env_server_name(env));
	sid_server_domain(env, &out->domain_sid);
	out->sid = out->domain_sid;
	sid_append(&out->sid, rid);
	out->rid = rid;
}

struct user_found {
	char name[256];
	uint32_t rid;
	bool found;
};

static int user_found_cb(const struct rpc_user_info *u, void *arg)
{
	struct user_found *f = arg;

	copy_str(f->name, sizeof(f->name), u->name);
	f->rid = u->rid;
	f->found = true;
	return 1;
}

/* ---- lookups ------------------------------------------------------------ */

int sid_lookup_sid(const struct rpc_env *env, const struct rpc_sid *sid,
		   struct rpc_sid_name *out)
{
	struct rpc_sid dom, tmp;
	struct user_found uf = { .found = false };
	uint32_t rid;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < ARRAY_LEN(well_known); i++) {
		fixed_sid(&well_known[i], &tmp);
		if (sid_equal(sid, &tmp)) {
			set_well_known(&well_known[i], out);
			return 0;
		}
	}
	sid_builtin_domain(&dom);
	if (sid_equal(sid, &dom)) {
		set_domain(env, true, out);
		return 0;
	}
	if (sid_in_domain(sid, &dom, &rid)) {
		for (i = 0; i < ARRAY_LEN(builtin_aliases); i++) {
			if (builtin_aliases[i].sub1 == rid) {
				set_alias(&builtin_aliases[i], out);
				return 0;
			}
		}
		return -ENOENT;
	}
	sid_server_domain(env, &dom);
	if (sid_equal(sid, &dom)) {
		set_domain(env, false, out);
		return 0;
	}
	if (!sid_in_domain(sid, &dom, &rid))
		return -ENOENT;
	if (rid == RID_DOMAIN_USERS) {
		set_account(env, SID_TYPE_GROUP, "None", rid, out);
		return 0;
	}
	if (env->prov->user_by_rid &&
	    env->prov->user_by_rid(env->ctx, rid, user_found_cb, &uf) == 0 &&
	    uf.found) {
		set_account(env, SID_TYPE_USER, uf.name, uf.rid, out);
		return 0;
	}
	return -ENOENT;
}

static bool is_domain(const struct rpc_env *env, const char *d)
{
	return !strcasecmp(d, rpc_env_server_name(env)) || !strcasecmp(d, rpc_env_workgroup(env));
}

static int lookup_account(const struct rpc_env *env, const char *name,
			  struct rpc_sid_name *out)
{
	struct user_found uf = { .found = false };

	if (!strcasecmp(name, "None")) {
		set_account(env, SID_TYPE_GROUP, "None", RID_DOMAIN_USERS, out);
		return 0;
	}
	if (env->prov->user_by_name &&
	    env->prov->user_by_name(env->ctx, name, user_found_cb, &uf) == 0 &&
	    uf.found) {
		set_account(env, SID_TYPE_USER, uf.name, uf.rid, out);
		return 0;
	}
	return -ENOENT;
}

static int lookup_fixed(const struct fixed_name *tab, size_t n,
			const char *name, const struct fixed_name **found)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcasecmp(tab[i].name, name)) {
			*found = &tab[i];
			return 0;
		}
	}
	return -ENOENT;
}

int sid_lookup_name(const struct rpc_env *env, const char *full,
		    struct rpc_sid_name *out)
{
	const struct fixed_name *f;
	const char *sep = strchr(full, '\\');
	char domain[256];
	const char *name = full;

	memset(out, 0, sizeof(*out));
	if (sep) {
		size_t dlen = sep - full;

		if (dlen >= sizeof(domain))
			return -ENOENT;
		memcpy(domain, full, dlen);
		domain[dlen] = 0;
		name = sep + 1;
		if (!*name)	/* "DOMAIN\" names the domain itself */
			return sid_lookup_name(env, domain, out);
		if (!strcasecmp(domain, "BUILTIN")) {
			if (lookup_fixed(builtin_aliases,
					 ARRAY_LEN(builtin_aliases), name, &f))
				return -ENOENT;
			set_alias(f, out);
			return 0;
		}
		if (!strcasecmp(domain, domain_nt_authority)) {
			if (lookup_fixed(well_known, ARRAY_LEN(well_known),
					 name, &f) || f->authority != 5)
				return -ENOENT;
			set_well_known(f, out);
			return 0;
		}
		if (!is_domain(env, domain))
			return -ENOENT;
		return lookup_account(env, name, out);
	}
	if (!lookup_fixed(well_known, ARRAY_LEN(well_known), name, &f)) {
		set_well_known(f, out);
		return 0;
	}
	if (!lookup_fixed(builtin_aliases, ARRAY_LEN(builtin_aliases), name,
			  &f)) {
		set_alias(f, out);
		return 0;
	}
	if (!lookup_account(env, name, out))
		return 0;
	if (!strcasecmp(name, "BUILTIN")) {
		set_domain(env, true, out);
		return 0;
	}
	if (is_domain(env, name)) {
		set_domain(env, false, out);
		return 0;
	}
	return -ENOENT;
}
