// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * srvsvc ([MS-SRVS]): share enumeration and information, server information,
 * an empty session list, share check.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pdu.h"
#include "pipe.h"
#include "status.h"

#define OP_NETR_SESSION_ENUM	12
#define OP_NETR_SHARE_ENUM	15
#define OP_NETR_SHARE_GET_INFO	16
#define OP_NETR_SHARE_CHECK	20
#define OP_NETR_SERVER_GET_INFO	21
#define OP_NETR_SHARE_ENUM_STICKY	36

#define PLATFORM_ID_NT		500
#define SV_TYPE_DEFAULT		0x00009003u	/* wks|server|NT|server NT */
#define SERVER_VERSION_MAJOR	6
#define SERVER_VERSION_MINOR	1

struct share_ent {
	char *name;
	char *comment;
	char *path;		/* Windows form, "C:\dir" */
	uint32_t type;
	uint32_t max_uses;
	uint32_t cur_uses;
};

struct share_list {
	struct share_ent *v;
	size_t n;
	size_t cap;
	int err;
};

static char *windows_path(const char *path)
{
	size_t n = strlen(path), i;
	char *s;

	if (!n)
		return strdup("");
	s = malloc(n + 3);
	if (!s)
		return NULL;
	s[0] = 'C';
	s[1] = ':';
	for (i = 0; i <= n; i++)
		s[i + 2] = path[i] == '/' ? '\\' : path[i];
	return s;
}

static int share_add_cb(const struct rpc_share_info *si, void *arg)
{
	struct share_list *l = arg;
	struct share_ent *e;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;

		if (cap > NDR_MAX_ARRAY) {
			l->err = -E2BIG;
			return 1;
		}
		e = realloc(l->v, cap * sizeof(*e));
		if (!e) {
			l->err = -ENOMEM;
			return 1;
		}
		l->v = e;
		l->cap = cap;
	}
	e = &l->v[l->n];
	e->name = strdup(si->name ? si->name : "");
	e->comment = strdup(si->comment ? si->comment : "");
	e->path = windows_path(si->path ? si->path : "");
	e->type = si->type;
	e->max_uses = si->max_uses;
	e->cur_uses = si->current_uses;
	l->n++;
	if (!e->name || !e->comment || !e->path) {
		l->err = -ENOMEM;
		return 1;
	}
	return 0;
}

static void share_list_free(struct share_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].comment);
		free(l->v[i].path);
	}
	free(l->v);
}

static bool share_level_ok(uint32_t level)
{
	return level == 0 || level == 1 || level == 2 || level == 501 ||
	       level == 502;
}

static bool share_level_admin(uint32_t level)
{
	return level == 2 || level == 502;
}

/* The inline part of SHARE_INFO_<level>. */
static void share_inline(struct ndr_wr *w, uint32_t level,
			 const struct share_ent *s)
{
	if (level == 1005) {
		ndr_wr_u32(w, 0);	/* shi1005_flags */
		return;
	}
	ndr_wr_ptr(w, true);		/* netname */
	if (level == 0)
		return;
	ndr_wr_u32(w, s->type);
	ndr_wr_ptr(w, true);		/* remark */
	if (level == 501)
		ndr_wr_u32(w, 0);	/* shi501_flags */
	if (level != 2 && level != 502)
		return;
	ndr_wr_u32(w, 0);		/* permissions */
	ndr_wr_u32(w, s->max_uses);
	ndr_wr_u32(w, s->cur_uses);
	ndr_wr_ptr(w, true);		/* path */
	ndr_wr_ptr(w, false);		/* passwd */
	if (level == 502) {
		ndr_wr_u32(w, 0);	/* reserved: security descriptor size */
		ndr_wr_ptr(w, false);	/* security descriptor */
	}
}

/* Its deferred strings, in field order. */
static void share_deferred(struct ndr_wr *w, uint32_t level,
			   const struct share_ent *s)
{
	if (level == 1005)
		return;
	ndr_wr_wstr(w, s->name);
	if (level == 0)
		return;
	ndr_wr_wstr(w, s->comment);
	if (level == 2 || level == 502)
		ndr_wr_wstr(w, s->path);
}

/* Rough buffer size the entry would need on Windows, for PreferedMaxLength. */
static size_t share_size(uint32_t level, const struct share_ent *s)
{
	size_t n = (utf8_to_utf16_len(s->name) + 1) * 2 + 4;

	if (level != 0)
		n += (utf8_to_utf16_len(s->comment) + 1) * 2 + 8;
	if (level == 2 || level == 502)
		n += (utf8_to_utf16_len(s->path) + 1) * 2 + 20;
	return n;
}

/* Skip the [unique] input pointer of an enumeration container: only an
 * empty one (Buffer NULL) is accepted, as every client sends. */
static void read_enum_container(struct ndr_rd *r)
{
	if (ndr_rd_ptr(r)) {
		ndr_rd_u32(r);			/* EntriesRead */
		if (ndr_rd_ptr(r))
			ndr_rd_fail(r);
	}
}

static void read_resume(struct ndr_rd *r, bool *present, uint32_t *resume)
{
	*present = ndr_rd_ptr(r) != 0;
	*resume = *present ? ndr_rd_u32(r) : 0;
}

static void write_resume(struct ndr_wr *w, bool present, uint32_t resume)
{
	if (ndr_wr_ptr(w, present))
		ndr_wr_u32(w, resume);
}

static uint32_t netr_share_enum(struct rpc_call *c)
{
	struct share_list l = { 0 };
	uint32_t level, sw, prefmax, resume, werr = WERR_OK, total = 0;
	size_t first = 0, count = 0, i, size = 0;
	bool has_resume;
	char *server;

	server = ndr_rd_unique_wstr(c->in);
	free(server);
	level = ndr_rd_u32(c->in);
	sw = ndr_rd_u32(c->in);
	if (sw != level)
		ndr_rd_fail(c->in);
	if (share_level_ok(level))
		read_enum_container(c->in);
	prefmax = ndr_rd_u32(c->in);
	read_resume(c->in, &has_resume, &resume);
	if (c->in->err)
		return NCA_S_FAULT_NDR;

	if (!share_level_ok(level)) {
		werr = WERR_INVALID_LEVEL;
	} else if (c->env->restricted && share_level_admin(level)) {
		werr = WERR_ACCESS_DENIED;
	} else {
		if (c->env->prov->for_each_share)
			c->env->prov->for_each_share(c->env->ctx, share_add_cb,
						     &l);
		if (l.err) {
			share_list_free(&l);
			return NCA_S_FAULT_REMOTE_NO_MEMORY;
		}
		total = l.n;
		first = resume < l.n ? resume : l.n;
		for (i = first; i < l.n; i++) {
			size += share_size(level, &l.v[i]);
			if (prefmax != 0xFFFFFFFFu && count && size > prefmax)
				break;
			count++;
		}
		if (first + count < l.n)
			werr = WERR_MORE_DATA;
		resume = werr == WERR_MORE_DATA ? first + count : 0;
	}

	ndr_wr_u32(c->out, level);
	ndr_wr_u32(c->out, level);
	if (share_level_ok(level)) {
		ndr_wr_ptr(c->out, true);
		ndr_wr_u32(c->out, count);
		if (ndr_wr_ptr(c->out, count > 0)) {
			ndr_wr_u32(c->out, count);
			for (i = first; i < first + count; i++)
				share_inline(c->out, level, &l.v[i]);
			for (i = first; i < first + count; i++)
				share_deferred(c->out, level, &l.v[i]);
		}
	}
	ndr_wr_u32(c->out, total);
	write_resume(c->out, has_resume, werr == WERR_OK ? 0 : resume);
	ndr_wr_u32(c->out, werr);
	share_list_free(&l);
	return 0;
}

static uint32_t netr_share_get_info(struct rpc_call *c)
{
	struct share_list l = { 0 };
	uint32_t level, werr = WERR_OK;
	char *server, *name;
	bool known;

	server = ndr_rd_unique_wstr(c->in);
	free(server);
	name = ndr_rd_wstr(c->in);
	level = ndr_rd_u32(c->in);
	if (c->in->err) {
		free(name);
		return NCA_S_FAULT_NDR;
	}
	known = share_level_ok(level) || level == 1005;
	if (!known)
		werr = WERR_INVALID_LEVEL;
	else if (c->env->restricted && share_level_admin(level))
		werr = WERR_ACCESS_DENIED;
	else if (!c->env->prov->get_share ||
		 c->env->prov->get_share(c->env->ctx, name, share_add_cb, &l) ||
		 !l.n)
		werr = l.err ? WERR_INVALID_PARAMETER :
			       WERR_NERR_NET_NAME_NOT_FOUND;
	free(name);
	if (l.err) {
		share_list_free(&l);
		return NCA_S_FAULT_REMOTE_NO_MEMORY;
	}

	ndr_wr_u32(c->out, level);
	if (known && ndr_wr_ptr(c->out, werr == WERR_OK)) {
		share_inline(c->out, level, &l.v[0]);
		share_deferred(c->out, level, &l.v[0]);
	}
	ndr_wr_u32(c->out, werr);
	share_list_free(&l);
	return 0;
}

static uint32_t netr_share_check(struct rpc_call *c)
{
	char *server, *device;

	server = ndr_rd_unique_wstr(c->in);
	device = ndr_rd_wstr(c->in);
	free(server);
	free(device);
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	/* No devices (printers, comm ports) are ever shared here. */
	ndr_wr_u32(c->out, 0);		/* Type */
	ndr_wr_u32(c->out, WERR_NERR_DEVICE_NOT_SHARED);
	return 0;
}

static uint32_t netr_server_get_info(struct rpc_call *c)
{
	const char *name = rpc_env_server_name(c->env);
	const char *comment = rpc_env_comment(c->env);
	uint32_t level;
	char *server;

	server = ndr_rd_unique_wstr(c->in);
	free(server);
	level = ndr_rd_u32(c->in);
	if (c->in->err)
		return NCA_S_FAULT_NDR;

	ndr_wr_u32(c->out, level);
	if (level != 100 && level != 101 && level != 102) {
		ndr_wr_u32(c->out, WERR_INVALID_LEVEL);
		return 0;
	}
	ndr_wr_ptr(c->out, true);
	ndr_wr_u32(c->out, PLATFORM_ID_NT);
	ndr_wr_ptr(c->out, true);		/* name */
	if (level >= 101) {
		ndr_wr_u32(c->out, SERVER_VERSION_MAJOR);
		ndr_wr_u32(c->out, SERVER_VERSION_MINOR);
		ndr_wr_u32(c->out, SV_TYPE_DEFAULT);
		ndr_wr_ptr(c->out, true);	/* comment */
	}
	if (level == 102) {
		ndr_wr_u32(c->out, 0);		/* users */
		ndr_wr_u32(c->out, (uint32_t)-1); /* disc: never */
		ndr_wr_u32(c->out, 0);		/* hidden */
		ndr_wr_u32(c->out, 240);	/* announce */
		ndr_wr_u32(c->out, 3000);	/* anndelta */
		ndr_wr_u32(c->out, 0);		/* licenses */
		ndr_wr_ptr(c->out, true);	/* userpath */
	}
	ndr_wr_wstr(c->out, name);
	if (level >= 101)
		ndr_wr_wstr(c->out, comment);
	if (level == 102)
		ndr_wr_wstr(c->out, "C:\\");
	ndr_wr_u32(c->out, WERR_OK);
	return 0;
}

static bool session_level_ok(uint32_t level)
{
	return level == 0 || level == 1 || level == 2 || level == 10 ||
	       level == 502;
}

static uint32_t netr_session_enum(struct rpc_call *c)
{
	uint32_t level, sw, resume;
	bool has_resume;
	char *s;

	s = ndr_rd_unique_wstr(c->in);		/* ServerName */
	free(s);
	s = ndr_rd_unique_wstr(c->in);		/* ClientName */
	free(s);
	s = ndr_rd_unique_wstr(c->in);		/* UserName */
	free(s);
	level = ndr_rd_u32(c->in);
	sw = ndr_rd_u32(c->in);
	if (sw != level)
		ndr_rd_fail(c->in);
	if (session_level_ok(level))
		read_enum_container(c->in);
	ndr_rd_u32(c->in);			/* PreferedMaximumLength */
	read_resume(c->in, &has_resume, &resume);
	if (c->in->err)
		return NCA_S_FAULT_NDR;

	/* Sessions live in the kernel; we list none. */
	ndr_wr_u32(c->out, level);
	ndr_wr_u32(c->out, level);
	if (session_level_ok(level)) {
		ndr_wr_ptr(c->out, true);
		ndr_wr_u32(c->out, 0);
		ndr_wr_ptr(c->out, false);
	}
	ndr_wr_u32(c->out, 0);			/* TotalEntries */
	write_resume(c->out, has_resume, 0);
	ndr_wr_u32(c->out, !session_level_ok(level) ? WERR_INVALID_LEVEL :
		   c->env->restricted ? WERR_ACCESS_DENIED : WERR_OK);
	return 0;
}

static uint32_t srvsvc_dispatch(struct rpc_call *c)
{
	switch (c->opnum) {
	case OP_NETR_SESSION_ENUM:
		return netr_session_enum(c);
	case OP_NETR_SHARE_ENUM:
	case OP_NETR_SHARE_ENUM_STICKY:	/* same arguments; all ours persist */
		return netr_share_enum(c);
	case OP_NETR_SHARE_GET_INFO:
		return netr_share_get_info(c);
	case OP_NETR_SHARE_CHECK:
		return netr_share_check(c);
	case OP_NETR_SERVER_GET_INFO:
		return netr_server_get_info(c);
	default:
		return NCA_S_OP_RNG_ERROR;
	}
}

const struct rpc_iface rpc_iface_srvsvc = {
	.name = "srvsvc",
	.sec_addr = "\\PIPE\\srvsvc",
	.uuid = "4b324fc8-1670-01d3-1278-5a47bf6ee188",
	.vers_major = 3,
	.vers_minor = 0,
	.dispatch = srvsvc_dispatch,
};
