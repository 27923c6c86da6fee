// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * samr ([MS-SAMR]): the server's account domain (named after the server,
 * SID S-1-5-21-a-b-c, users from the user database) and BUILTIN, read only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdu.h"
#include "pipe.h"
#include "status.h"

#define OP_SAMR_CONNECT			0
#define OP_SAMR_CLOSE_HANDLE		1
#define OP_SAMR_LOOKUP_DOMAIN		5
#define OP_SAMR_ENUM_DOMAINS		6
#define OP_SAMR_OPEN_DOMAIN		7
#define OP_SAMR_QUERY_DOMAIN_INFO	8
#define OP_SAMR_ENUM_USERS		13
#define OP_SAMR_GET_ALIAS_MEMBERSHIP	16
#define OP_SAMR_LOOKUP_NAMES		17
#define OP_SAMR_OPEN_USER		34
#define OP_SAMR_QUERY_USER_INFO		36
#define OP_SAMR_GET_GROUPS_FOR_USER	39
#define OP_SAMR_QUERY_DOMAIN_INFO2	46
#define OP_SAMR_QUERY_USER_INFO2	47
#define OP_SAMR_CONNECT2		57
#define OP_SAMR_CONNECT5		64

#define DOMAIN_PASSWORD_INFO		1
#define DOMAIN_GENERAL_INFO		2
#define USER_CONTROL_INFO		16
#define USER_ALL_INFO			21

#define USER_ACCOUNT_DISABLED		0x00000001u
#define USER_NORMAL_ACCOUNT		0x00000010u
#define USER_DONT_EXPIRE_PASSWORD	0x00000200u

#define USER_ALL_USERNAME		0x00000001u
#define USER_ALL_USERID			0x00000004u
#define USER_ALL_PRIMARYGROUPID		0x00000008u
#define USER_ALL_USERACCOUNTCONTROL	0x00100000u

#define SE_GROUP_DEFAULT_ATTRS		0x00000007u	/* mandatory, enabled */

#define SAMR_MAX_NAMES			1000
#define SAMR_MAX_SIDS			1024

static const uint8_t zero_handle[NDR_HANDLE_SIZE];

static struct rpc_handle *read_handle(struct rpc_call *c,
				      enum rpc_handle_kind kind)
{
	uint8_t wire[NDR_HANDLE_SIZE];

	ndr_rd_handle(c->in, wire);
	if (c->in->err)
		return NULL;
	return rpc_handle_find(c->handles, wire, kind);
}

static void domain_sid(struct rpc_call *c, bool builtin, struct rpc_sid *sid)
{
	if (builtin)
		sid_builtin_domain(sid);
	else
		sid_server_domain(c->env, sid);
}

/* Write a new handle of that kind (or zeros) and the status. */
static struct rpc_handle *reply_handle(struct rpc_call *c,
				       enum rpc_handle_kind kind,
				       uint32_t status)
{
	struct rpc_handle *h = NULL;

	if (!status) {
		h = rpc_handle_new(c->handles, kind);
		if (!h)
			status = STATUS_INSUFFICIENT_RESOURCES;
	}
	ndr_wr_handle(c->out, h ? h->wire : zero_handle);
	ndr_wr_u32(c->out, status);
	return h;
}

/* ---- connect / close ------------------------------------------------------ */

static uint32_t samr_connect(struct rpc_call *c)
{
	uint32_t in_version = 0, status;

	if (c->opnum == OP_SAMR_CONNECT) {
		if (ndr_rd_ptr(c->in))		/* wchar_t *ServerName */
			ndr_rd_u16(c->in);
	} else {
		free(ndr_rd_unique_wstr(c->in));
	}
	ndr_rd_u32(c->in);			/* DesiredAccess */
	if (c->opnum == OP_SAMR_CONNECT5) {
		in_version = ndr_rd_u32(c->in);
		if (ndr_rd_u32(c->in) != in_version || in_version != 1)
			ndr_rd_fail(c->in);
		ndr_rd_u32(c->in);		/* Revision */
		ndr_rd_u32(c->in);		/* SupportedFeatures */
	}
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	status = c->env->restricted ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
	if (c->opnum == OP_SAMR_CONNECT5) {
		ndr_wr_u32(c->out, 1);		/* OutVersion */
		ndr_wr_u32(c->out, 1);
		ndr_wr_u32(c->out, 3);		/* Revision */
		ndr_wr_u32(c->out, 0);		/* SupportedFeatures */
	}
	reply_handle(c, RPC_H_SAMR_SERVER, status);
	return 0;
}

static uint32_t samr_close(struct rpc_call *c)
{
	uint8_t wire[NDR_HANDLE_SIZE];
	bool ok;

	ndr_rd_handle(c->in, wire);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	ok = rpc_handle_find(c->handles, wire, RPC_H_SAMR_SERVER) ||
	     rpc_handle_find(c->handles, wire, RPC_H_SAMR_DOMAIN) ||
	     rpc_handle_find(c->handles, wire, RPC_H_SAMR_USER);
	if (ok)
		rpc_handle_close(c->handles, wire);
	ndr_wr_handle(c->out, ok ? zero_handle : wire);
	ndr_wr_u32(c->out, ok ? STATUS_SUCCESS : STATUS_INVALID_HANDLE);
	return 0;
}

/* ---- domains -------------------------------------------------------------- */

static uint32_t samr_lookup_domain(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_SERVER);
	struct ndr_ustr u;
	struct rpc_sid sid;
	uint32_t status = STATUS_SUCCESS;
	char *name;

	ndr_rd_ustr(c->in, &u);
	name = ndr_rd_ustr_body(c->in, &u);
	if (c->in->err) {
		free(name);
		return NCA_S_FAULT_NDR;
	}
	if (!h)
		status = STATUS_INVALID_HANDLE;
	else if (!strcasecmp(name, "Builtin"))
		domain_sid(c, true, &sid);
	else if (!strcasecmp(name, rpc_env_server_name(c->env)))
		domain_sid(c, false, &sid);
	else
		status = STATUS_NO_SUCH_DOMAIN;
	free(name);
	if (ndr_wr_ptr(c->out, !status))
		ndr_wr_sid(c->out, &sid);
	ndr_wr_u32(c->out, status);
	return 0;
}

struct rid_name {
	uint32_t rid;
	char *name;
};

struct rid_list {
	struct rid_name *v;
	size_t n;
	size_t cap;
	int err;
};

static int rid_list_add(struct rid_list *l, uint32_t rid, const char *name)
{
	struct rid_name *v;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;

		if (cap > NDR_MAX_ARRAY) {
			l->err = -E2BIG;
			return 1;
		}
		v = realloc(l->v, cap * sizeof(*v));
		if (!v) {
			l->err = -ENOMEM;
			return 1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].rid = rid;
	l->v[l->n].name = strdup(name ? name : "");
	if (!l->v[l->n].name) {
		l->err = -ENOMEM;
		return 1;
	}
	l->n++;
	return 0;
}

static void rid_list_free(struct rid_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
}

/*
 * Write EnumerationContext, *Buffer (SAMPR_ENUMERATION_BUFFER),
 * CountReturned and the status for entries [*ctx, ...) of l, as many as
 * fit in prefmax; update the context.
 */
static void write_enum(struct ndr_wr *w, const struct rid_list *l,
		       uint32_t ctx, uint32_t prefmax)
{
	size_t first = ctx < l->n ? ctx : l->n, count = 0, size = 0, i;

	for (i = first; i < l->n; i++) {
		size += 12 + 2 * utf8_to_utf16_len(l->v[i].name);
		if (count && size > prefmax)
			break;
		count++;
	}
	ndr_wr_u32(w, first + count < l->n ? first + count : 0);
	ndr_wr_ptr(w, true);
	ndr_wr_u32(w, count);
	if (ndr_wr_ptr(w, count > 0)) {
		ndr_wr_u32(w, count);
		for (i = first; i < first + count; i++) {
			ndr_wr_u32(w, l->v[i].rid);
			ndr_wr_ustr(w, l->v[i].name);
		}
		for (i = first; i < first + count; i++)
			ndr_wr_ustr_body(w, l->v[i].name);
	}
	ndr_wr_u32(w, count);
	ndr_wr_u32(w, first + count < l->n ? STATUS_MORE_ENTRIES :
		   STATUS_SUCCESS);
}

static void write_enum_error(struct ndr_wr *w, uint32_t status)
{
	ndr_wr_u32(w, 0);
	ndr_wr_ptr(w, false);
	ndr_wr_u32(w, 0);
	ndr_wr_u32(w, status);
}

static uint32_t samr_enum_domains(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_SERVER);
	struct rid_list l = { 0 };
	uint32_t ctx, prefmax;

	ctx = ndr_rd_u32(c->in);
	prefmax = ndr_rd_u32(c->in);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h) {
		write_enum_error(c->out, STATUS_INVALID_HANDLE);
		return 0;
	}
	rid_list_add(&l, 0, rpc_env_server_name(c->env));
	rid_list_add(&l, 0, "Builtin");
	if (!l.err)
		write_enum(c->out, &l, ctx, prefmax);
	rid_list_free(&l);
	return l.err ? NCA_S_FAULT_REMOTE_NO_MEMORY : 0;
}

static uint32_t samr_open_domain(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_SERVER), *d;
	struct rpc_sid sid, dom;
	uint32_t status = STATUS_SUCCESS;
	bool builtin = false;

	ndr_rd_u32(c->in);			/* DesiredAccess */
	ndr_rd_sid(c->in, &sid);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h) {
		status = STATUS_INVALID_HANDLE;
	} else {
		domain_sid(c, true, &dom);
		builtin = sid_equal(&sid, &dom);
		domain_sid(c, false, &dom);
		if (!builtin && !sid_equal(&sid, &dom))
			status = STATUS_NO_SUCH_DOMAIN;
	}
	d = reply_handle(c, RPC_H_SAMR_DOMAIN, status);
	if (d)
		d->builtin = builtin;
	return 0;
}

static int count_user_cb(const struct rpc_user_info *u, void *arg)
{
	(void)u;
	++*(uint32_t *)arg;
	return 0;
}

static void write_old_large_int(struct ndr_wr *w, uint64_t v)
{
	ndr_wr_u32(w, (uint32_t)v);		/* LowPart */
	ndr_wr_u32(w, (uint32_t)(v >> 32));	/* HighPart */
}

#define NT_TIME_NEVER	0x8000000000000000ull	/* "no limit" for deltas */
#define NT_TIME_MAX	0x7FFFFFFFFFFFFFFFull

static uint32_t samr_query_domain_info(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_DOMAIN);
	uint16_t level = ndr_rd_u16(c->in);
	const char *name;
	uint32_t users = 0;

	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h || (level != DOMAIN_PASSWORD_INFO &&
		   level != DOMAIN_GENERAL_INFO)) {
		ndr_wr_ptr(c->out, false);
		ndr_wr_u32(c->out, h ? STATUS_INVALID_INFO_CLASS :
				       STATUS_INVALID_HANDLE);
		return 0;
	}
	ndr_wr_ptr(c->out, true);
	ndr_wr_u16(c->out, level);
	ndr_wr_align(c->out, 4);
	if (level == DOMAIN_PASSWORD_INFO) {
		ndr_wr_u16(c->out, 0);		/* MinPasswordLength */
		ndr_wr_u16(c->out, 0);		/* PasswordHistoryLength */
		ndr_wr_u32(c->out, 0);		/* PasswordProperties */
		write_old_large_int(c->out, NT_TIME_NEVER); /* MaxPasswordAge */
		write_old_large_int(c->out, 0);	/* MinPasswordAge */
		ndr_wr_u32(c->out, STATUS_SUCCESS);
		return 0;
	}
	name = h->builtin ? "Builtin" : rpc_env_server_name(c->env);
	if (!h->builtin && c->env->prov->for_each_user)
		c->env->prov->for_each_user(c->env->ctx, count_user_cb, &users);
	write_old_large_int(c->out, NT_TIME_NEVER);	/* ForceLogoff */
	ndr_wr_ustr(c->out, "");			/* OemInformation */
	ndr_wr_ustr(c->out, name);			/* DomainName */
	ndr_wr_ustr(c->out, "");		/* ReplicaSourceNodeName */
	write_old_large_int(c->out, 1);		/* DomainModifiedCount */
	ndr_wr_u32(c->out, 1);			/* DomainServerState: enabled */
	ndr_wr_u32(c->out, 3);			/* DomainServerRole: primary */
	ndr_wr_u8(c->out, 0);			/* UasCompatibilityRequired */
	ndr_wr_u32(c->out, users);
	ndr_wr_u32(c->out, 0);			/* GroupCount */
	ndr_wr_u32(c->out, 0);			/* AliasCount */
	ndr_wr_ustr_body(c->out, "");
	ndr_wr_ustr_body(c->out, name);
	ndr_wr_ustr_body(c->out, "");
	ndr_wr_u32(c->out, STATUS_SUCCESS);
	return 0;
}

/* ---- users ---------------------------------------------------------------- */

static int add_user_cb(const struct rpc_user_info *u, void *arg)
{
	return rid_list_add(arg, u->rid, u->name);
}

static uint32_t samr_enum_users(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_DOMAIN);
	struct rid_list l = { 0 };
	uint32_t ctx, prefmax;

	ctx = ndr_rd_u32(c->in);
	ndr_rd_u32(c->in);			/* UserAccountControl filter */
	prefmax = ndr_rd_u32(c->in);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h) {
		write_enum_error(c->out, STATUS_INVALID_HANDLE);
		return 0;
	}
	if (!h->builtin && c->env->prov->for_each_user)
		c->env->prov->for_each_user(c->env->ctx, add_user_cb, &l);
	if (!l.err)
		write_enum(c->out, &l, ctx, prefmax);
	rid_list_free(&l);
	return l.err ? NCA_S_FAULT_REMOTE_NO_MEMORY : 0;
}

static void write_ulong_array(struct ndr_wr *w, const uint32_t *v, uint32_t n)
{
	uint32_t i;

	ndr_wr_u32(w, n);
	if (!ndr_wr_ptr(w, n > 0))
		return;
	ndr_wr_u32(w, n);
	for (i = 0; i < n; i++)
		ndr_wr_u32(w, v[i]);
}

static uint32_t samr_lookup_names(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_DOMAIN);
	uint32_t count, max, off, actual, i, mapped = 0, status;
	uint32_t *rids = NULL, *types = NULL;
	struct ndr_ustr *u = NULL;
	struct rpc_sid dom;

	count = ndr_rd_u32(c->in);
	max = ndr_rd_u32(c->in);
	off = ndr_rd_u32(c->in);
	actual = ndr_rd_count(c->in, SAMR_MAX_NAMES, 8);
	if (c->in->err || max > SAMR_MAX_NAMES || off || actual != count ||
	    actual > max)
		return NCA_S_FAULT_NDR;
	u = calloc(count + 1, sizeof(*u));
	rids = calloc(count + 1, sizeof(*rids));
	types = calloc(count + 1, sizeof(*types));
	if (!u || !rids || !types) {
		status = NCA_S_FAULT_REMOTE_NO_MEMORY;
		goto out;
	}
	for (i = 0; i < count; i++)
		ndr_rd_ustr(c->in, &u[i]);
	if (h)
		domain_sid(c, h->builtin, &dom);
	for (i = 0; i < count && !c->in->err; i++) {
		char *name = ndr_rd_ustr_body(c->in, &u[i]);
		char full[600];
		struct rpc_sid_name sn;

		types[i] = SID_TYPE_UNKNOWN;
		if (!name || !h)
			goto next;
		snprintf(full, sizeof(full), "%s\\%s",
			 h->builtin ? "BUILTIN" : rpc_env_server_name(c->env),
			 name);
		if (!sid_lookup_name(c->env, full, &sn) &&
		    sid_equal(&sn.domain_sid, &dom) &&
		    sn.type != SID_TYPE_DOMAIN) {
			rids[i] = sn.rid;
			types[i] = sn.type;
			mapped++;
		}
next:
		free(name);
	}
	if (c->in->err) {
		status = NCA_S_FAULT_NDR;
		goto out;
	}
	if (!h) {
		count = 0;
		status = STATUS_INVALID_HANDLE;
	} else if (mapped == count) {
		status = STATUS_SUCCESS;
	} else {
		status = mapped ? STATUS_SOME_NOT_MAPPED : STATUS_NONE_MAPPED;
	}
	write_ulong_array(c->out, rids, count);
	write_ulong_array(c->out, types, count);
	ndr_wr_u32(c->out, status);
	status = 0;
out:
	free(u);
	free(rids);
	free(types);
	return status;
}

struct user_copy {
	char name[256];
	uint32_t rid;
	bool disabled;
	bool found;
};

static int user_copy_cb(const struct rpc_user_info *u, void *arg)
{
	struct user_copy *uc = arg;

	snprintf(uc->name, sizeof(uc->name), "%s", u->name ? u->name : "");
	uc->rid = u->rid;
	uc->disabled = u->disabled;
	uc->found = true;
	return 1;
}

static bool user_by_rid(struct rpc_call *c, uint32_t rid, struct user_copy *uc)
{
	memset(uc, 0, sizeof(*uc));
	return c->env->prov->user_by_rid &&
	       !c->env->prov->user_by_rid(c->env->ctx, rid, user_copy_cb, uc) &&
	       uc->found && uc->rid == rid;
}

static uint32_t samr_open_user(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_DOMAIN), *uh;
	uint32_t rid, status = STATUS_SUCCESS;
	struct user_copy uc;

	ndr_rd_u32(c->in);			/* DesiredAccess */
	rid = ndr_rd_u32(c->in);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h)
		status = STATUS_INVALID_HANDLE;
	else if (h->builtin || !user_by_rid(c, rid, &uc))
		status = STATUS_NO_SUCH_USER;
	uh = reply_handle(c, RPC_H_SAMR_USER, status);
	if (uh)
		uh->rid = rid;
	return 0;
}

static uint32_t account_control(const struct user_copy *uc)
{
	return USER_NORMAL_ACCOUNT | USER_DONT_EXPIRE_PASSWORD |
	       (uc->disabled ? USER_ACCOUNT_DISABLED : 0);
}

/* SAMPR_USER_ALL_INFORMATION ([MS-SAMR] 2.2.6.6), mostly empty. */
static void write_user_all(struct ndr_wr *w, const struct user_copy *uc)
{
	static const uint8_t hours[21] = {
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF
	};
	int i;

	write_old_large_int(w, 0);		/* LastLogon */
	write_old_large_int(w, 0);		/* LastLogoff */
	write_old_large_int(w, 0);		/* PasswordLastSet */
	write_old_large_int(w, NT_TIME_MAX);	/* AccountExpires */
	write_old_large_int(w, 0);		/* PasswordCanChange */
	write_old_large_int(w, NT_TIME_MAX);	/* PasswordMustChange */
	ndr_wr_ustr(w, uc->name);		/* UserName */
	for (i = 0; i < 9; i++)			/* FullName .. Parameters */
		ndr_wr_ustr(w, NULL);
	for (i = 0; i < 3; i++)			/* LmOwf, NtOwf, PrivateData */
		ndr_wr_ustr(w, NULL);
	ndr_wr_u32(w, 0);			/* SecurityDescriptor.Length */
	ndr_wr_ptr(w, false);
	ndr_wr_u32(w, uc->rid);			/* UserId */
	ndr_wr_u32(w, RID_DOMAIN_USERS);	/* PrimaryGroupId */
	ndr_wr_u32(w, account_control(uc));
	ndr_wr_u32(w, USER_ALL_USERNAME | USER_ALL_USERID |
		   USER_ALL_PRIMARYGROUPID | USER_ALL_USERACCOUNTCONTROL);
	ndr_wr_u16(w, 168);			/* LogonHours.UnitsPerWeek */
	ndr_wr_ptr(w, true);
	ndr_wr_u16(w, 0);			/* BadPasswordCount */
	ndr_wr_u16(w, 0);			/* LogonCount */
	ndr_wr_u16(w, 0);			/* CountryCode */
	ndr_wr_u16(w, 0);			/* CodePage */
	ndr_wr_u8(w, 0);			/* LmPasswordPresent */
	ndr_wr_u8(w, 0);			/* NtPasswordPresent */
	ndr_wr_u8(w, 0);			/* PasswordExpired */
	ndr_wr_u8(w, 0);			/* PrivateDataSensitive */
	ndr_wr_ustr_body(w, uc->name);
	ndr_wr_u32(w, 1260);			/* size_is(1260) */
	ndr_wr_u32(w, 0);
	ndr_wr_u32(w, sizeof(hours));		/* length_is((168 + 7) / 8) */
	ndr_wr_bytes(w, hours, sizeof(hours));
}

static uint32_t samr_query_user_info(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_USER);
	uint16_t level = ndr_rd_u16(c->in);
	uint32_t status = STATUS_SUCCESS;
	struct user_copy uc;

	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h)
		status = STATUS_INVALID_HANDLE;
	else if (level != USER_ALL_INFO && level != USER_CONTROL_INFO)
		status = STATUS_INVALID_INFO_CLASS;
	else if (!user_by_rid(c, h->rid, &uc))
		status = STATUS_NO_SUCH_USER;	/* deleted since opened */
	if (!ndr_wr_ptr(c->out, !status)) {
		ndr_wr_u32(c->out, status);
		return 0;
	}
	ndr_wr_u16(c->out, level);
	ndr_wr_align(c->out, 4);
	if (level == USER_CONTROL_INFO)
		ndr_wr_u32(c->out, account_control(&uc));
	else
		write_user_all(c->out, &uc);
	ndr_wr_u32(c->out, STATUS_SUCCESS);
	return 0;
}

static uint32_t samr_get_groups_for_user(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_USER);

	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!ndr_wr_ptr(c->out, h)) {
		ndr_wr_u32(c->out, STATUS_INVALID_HANDLE);
		return 0;
	}
	/* Every account is in the domain's "None" group (513) only. */
	ndr_wr_u32(c->out, 1);
	ndr_wr_ptr(c->out, true);
	ndr_wr_u32(c->out, 1);
	ndr_wr_u32(c->out, RID_DOMAIN_USERS);
	ndr_wr_u32(c->out, SE_GROUP_DEFAULT_ATTRS);
	ndr_wr_u32(c->out, STATUS_SUCCESS);
	return 0;
}

static uint32_t samr_get_alias_membership(struct rpc_call *c)
{
	struct rpc_handle *h = read_handle(c, RPC_H_SAMR_DOMAIN);
	struct rpc_sid *sids;
	uint32_t n;

	sids = ndr_rd_sid_array(c->in, SAMR_MAX_SIDS, &n);
	free(sids);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	/* No aliases have members here. */
	write_ulong_array(c->out, NULL, 0);
	ndr_wr_u32(c->out, h ? STATUS_SUCCESS : STATUS_INVALID_HANDLE);
	return 0;
}

static uint32_t samr_dispatch(struct rpc_call *c)
{
	switch (c->opnum) {
	case OP_SAMR_CONNECT:
	case OP_SAMR_CONNECT2:
	case OP_SAMR_CONNECT5:
		return samr_connect(c);
	case OP_SAMR_CLOSE_HANDLE:
		return samr_close(c);
	case OP_SAMR_LOOKUP_DOMAIN:
		return samr_lookup_domain(c);
	case OP_SAMR_ENUM_DOMAINS:
		return samr_enum_domains(c);
	case OP_SAMR_OPEN_DOMAIN:
		return samr_open_domain(c);
	case OP_SAMR_QUERY_DOMAIN_INFO:
	case OP_SAMR_QUERY_DOMAIN_INFO2:
		return samr_query_domain_info(c);
	case OP_SAMR_ENUM_USERS:
		return samr_enum_users(c);
	case OP_SAMR_GET_ALIAS_MEMBERSHIP:
		return samr_get_alias_membership(c);
	case OP_SAMR_LOOKUP_NAMES:
		return samr_lookup_names(c);
	case OP_SAMR_OPEN_USER:
		return samr_open_user(c);
	case OP_SAMR_QUERY_USER_INFO:
	case OP_SAMR_QUERY_USER_INFO2:
		return samr_query_user_info(c);
	case OP_SAMR_GET_GROUPS_FOR_USER:
		return samr_get_groups_for_user(c);
	default:
		return NCA_S_OP_RNG_ERROR;
	}
}

const struct rpc_iface rpc_iface_samr = {
	.name = "samr",
	.sec_addr = "\\PIPE\\lsass",
	.uuid = "12345778-1234-abcd-ef00-0123456789ac",
	.vers_major = 1,
	.vers_minor = 0,
	.dispatch = samr_dispatch,
};
