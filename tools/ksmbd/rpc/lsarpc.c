// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lsarpc ([MS-LSAD], [MS-LSAT]): policy handles, policy information for the
 * primary and account domains, SID <-> name translation.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pdu.h"
#include "pipe.h"
#include "status.h"

#define OP_LSAR_CLOSE			0
#define OP_LSAR_OPEN_POLICY		6
#define OP_LSAR_QUERY_INFO_POLICY	7
#define OP_LSAR_LOOKUP_NAMES		14
#define OP_LSAR_LOOKUP_SIDS		15
#define OP_LSAR_OPEN_POLICY2		44
#define OP_LSAR_QUERY_INFO_POLICY2	46
#define OP_LSAR_LOOKUP_SIDS2		57
#define OP_LSAR_LOOKUP_NAMES2		58
#define OP_LSAR_LOOKUP_NAMES3		68
#define OP_LSAR_LOOKUP_SIDS3		76
#define OP_LSAR_LOOKUP_NAMES4		77

#define POLICY_PRIMARY_DOMAIN_INFO	3
#define POLICY_ACCOUNT_DOMAIN_INFO	5
#define POLICY_DNS_DOMAIN_INFO		12

#define LSA_MAX_SIDS			20480
#define LSA_MAX_NAMES			1000
#define LSA_MAX_REF_DOMAINS		16

/* ---- handles ------------------------------------------------------------ */

static struct rpc_handle *read_policy(struct rpc_call *c)
{
	uint8_t wire[NDR_HANDLE_SIZE];

	ndr_rd_handle(c->in, wire);
	if (c->in->err)
		return NULL;
	return rpc_handle_find(c->handles, wire, RPC_H_LSA_POLICY);
}

/* LSAPR_OBJECT_ATTRIBUTES with its deferred pointees; all ignored. */
static void read_object_attributes(struct ndr_rd *r)
{
	uint32_t root, name, sd, qos;

	ndr_rd_u32(r);				/* Length */
	root = ndr_rd_ptr(r);
	name = ndr_rd_ptr(r);
	ndr_rd_u32(r);				/* Attributes */
	sd = ndr_rd_ptr(r);
	qos = ndr_rd_ptr(r);
	if (root)
		ndr_rd_u8(r);
	if (name) {
		/* STRING: Length, MaximumLength, char *Buffer */
		uint16_t len = ndr_rd_u16(r), max = ndr_rd_u16(r);

		if (ndr_rd_ptr(r)) {
			uint32_t cmax = ndr_rd_u32(r), off = ndr_rd_u32(r);
			uint32_t n = ndr_rd_count(r, 0xFFFF, 1);
			uint8_t skip;

			if (cmax != max || off || n != len || len > max)
				ndr_rd_fail(r);
			while (n-- && !r->err)
				ndr_rd_bytes(r, &skip, 1);
		}
	}
	if (sd)
		ndr_rd_fail(r);		/* never sent by clients; see [MS-LSAD] */
	if (qos) {
		ndr_rd_u32(r);
		ndr_rd_u16(r);
		ndr_rd_u8(r);
		ndr_rd_u8(r);
	}
}

static uint32_t lsar_open_policy(struct rpc_call *c)
{
	struct rpc_handle *h = NULL;
	static const uint8_t zero[NDR_HANDLE_SIZE];
	uint32_t status = STATUS_SUCCESS;

	if (c->opnum == OP_LSAR_OPEN_POLICY) {
		if (ndr_rd_ptr(c->in))		/* wchar_t *SystemName */
			ndr_rd_u16(c->in);
	} else {
		free(ndr_rd_unique_wstr(c->in));
	}
	read_object_attributes(c->in);
	ndr_rd_u32(c->in);			/* DesiredAccess */
	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (c->env->restricted)
		status = STATUS_ACCESS_DENIED;
	else if (!(h = rpc_handle_new(c->handles, RPC_H_LSA_POLICY)))
		status = STATUS_INSUFFICIENT_RESOURCES;
	ndr_wr_handle(c->out, h ? h->wire : zero);
	ndr_wr_u32(c->out, status);
	return 0;
}

static uint32_t lsar_close(struct rpc_call *c)
{
	static const uint8_t zero[NDR_HANDLE_SIZE];
	struct rpc_handle *h = read_policy(c);

	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (h)
		rpc_handle_close(c->handles, h->wire);
	ndr_wr_handle(c->out, zero);
	ndr_wr_u32(c->out, h ? STATUS_SUCCESS : STATUS_INVALID_HANDLE);
	return 0;
}

static uint32_t lsar_query_info_policy(struct rpc_call *c)
{
	struct rpc_handle *h = read_policy(c);
	uint16_t level = ndr_rd_u16(c->in);
	struct rpc_sid sid;
	const char *name;

	if (c->in->err)
		return NCA_S_FAULT_NDR;
	if (!h || (level != POLICY_PRIMARY_DOMAIN_INFO &&
		   level != POLICY_ACCOUNT_DOMAIN_INFO &&
		   level != POLICY_DNS_DOMAIN_INFO)) {
		ndr_wr_ptr(c->out, false);
		ndr_wr_u32(c->out, h ? STATUS_INVALID_INFO_CLASS :
				       STATUS_INVALID_HANDLE);
		return 0;
	}
	ndr_wr_ptr(c->out, true);
	ndr_wr_u16(c->out, level);
	if (level == POLICY_ACCOUNT_DOMAIN_INFO) {
		/* the local account domain, named after the server */
		name = rpc_env_server_name(c->env);
		sid_server_domain(c->env, &sid);
		ndr_wr_ustr(c->out, name);
		ndr_wr_ptr(c->out, true);
		ndr_wr_ustr_body(c->out, name);
		ndr_wr_sid(c->out, &sid);
	} else {
		/* a stand-alone server: the work group, no domain SID */
		static const uint8_t guid[16];

		name = rpc_env_workgroup(c->env);
		ndr_wr_ustr(c->out, name);
		if (level == POLICY_DNS_DOMAIN_INFO) {
			ndr_wr_ustr(c->out, NULL);	/* DnsDomainName */
			ndr_wr_ustr(c->out, NULL);	/* DnsForestName */
			ndr_wr_bytes(c->out, guid, 16);
		}
		ndr_wr_ptr(c->out, false);
		ndr_wr_ustr_body(c->out, name);
	}
	ndr_wr_u32(c->out, STATUS_SUCCESS);
	return 0;
}

/* ---- referenced domain list --------------------------------------------- */

struct ref_domains {
	unsigned int n;
	struct {
		char name[256];
		struct rpc_sid sid;
	} d[LSA_MAX_REF_DOMAINS];
};

static int32_t ref_domain_index(struct ref_domains *rd,
				const struct rpc_sid_name *sn)
{
	unsigned int i;

	for (i = 0; i < rd->n; i++)
		if (sid_equal(&rd->d[i].sid, &sn->domain_sid))
			return i;
	if (rd->n == LSA_MAX_REF_DOMAINS)
		return -1;
	memcpy(rd->d[i].name, sn->domain, sizeof(rd->d[i].name));
	rd->d[i].sid = sn->domain_sid;
	rd->n++;
	return i;
}

/* [out] PLSAPR_REFERENCED_DOMAIN_LIST *ReferencedDomains */
static void write_ref_domains(struct ndr_wr *w, const struct ref_domains *rd,
			      bool present)
{
	unsigned int i;

	if (!ndr_wr_ptr(w, present))
		return;
	ndr_wr_u32(w, rd->n);
	ndr_wr_ptr(w, rd->n > 0);
	ndr_wr_u32(w, LSA_MAX_REF_DOMAINS);	/* MaxEntries */
	if (!rd->n)
		return;
	ndr_wr_u32(w, rd->n);
	for (i = 0; i < rd->n; i++) {
		ndr_wr_ustr(w, rd->d[i].name);
		ndr_wr_ptr(w, true);
	}
	for (i = 0; i < rd->n; i++) {
		ndr_wr_ustr_body(w, rd->d[i].name);
		ndr_wr_sid(w, &rd->d[i].sid);
	}
}

static uint32_t mapped_status(uint32_t mapped, uint32_t count)
{
	if (mapped == count)
		return STATUS_SUCCESS;
	return mapped ? STATUS_SOME_NOT_MAPPED : STATUS_NONE_MAPPED;
}

/* ---- LookupSids ---------------------------------------------------------- */

static uint32_t lsar_lookup_sids(struct rpc_call *c)
{
	bool ex = c->opnum != OP_LSAR_LOOKUP_SIDS;
	struct rpc_handle *h = NULL;
	struct rpc_sid_name *res = NULL;
	struct ref_domains rd = { .n = 0 };
	struct rpc_sid *sids;
	uint32_t n, i, mapped = 0, status;
	int32_t *idx = NULL;

	if (c->opnum != OP_LSAR_LOOKUP_SIDS3)
		h = read_policy(c);
	sids = ndr_rd_sid_array(c->in, LSA_MAX_SIDS, &n);
	ndr_rd_u32(c->in);			/* TranslatedNames.Entries */
	if (ndr_rd_ptr(c->in))
		ndr_rd_fail(c->in);		/* input names: always empty */
	ndr_rd_u16(c->in);			/* LookupLevel */
	ndr_rd_u32(c->in);			/* MappedCount */
	if (ex) {
		ndr_rd_u32(c->in);		/* LookupOptions */
		ndr_rd_u32(c->in);		/* ClientRevision */
	}
	if (c->in->err) {
		free(sids);
		return NCA_S_FAULT_NDR;
	}
	if (c->opnum == OP_LSAR_LOOKUP_SIDS3)
		status = c->env->restricted ? STATUS_ACCESS_DENIED : 0;
	else
		status = h ? 0 : STATUS_INVALID_HANDLE;
	if (status || !n) {
		free(sids);
		write_ref_domains(c->out, &rd, !status);
		ndr_wr_u32(c->out, 0);
		ndr_wr_ptr(c->out, false);
		ndr_wr_u32(c->out, 0);
		ndr_wr_u32(c->out, status);
		return 0;
	}
	res = calloc(n, sizeof(*res));
	idx = calloc(n, sizeof(*idx));
	if (!res || !idx) {
		free(sids);
		free(res);
		free(idx);
		return NCA_S_FAULT_REMOTE_NO_MEMORY;
	}
	for (i = 0; i < n; i++) {
		idx[i] = -1;
		if (sid_lookup_sid(c->env, &sids[i], &res[i])) {
			res[i].type = SID_TYPE_UNKNOWN;
			continue;
		}
		idx[i] = ref_domain_index(&rd, &res[i]);
		mapped++;
	}
	write_ref_domains(c->out, &rd, true);
	ndr_wr_u32(c->out, n);
	ndr_wr_ptr(c->out, true);
	ndr_wr_u32(c->out, n);
	for (i = 0; i < n; i++) {
		bool known = res[i].type != SID_TYPE_UNKNOWN;

		ndr_wr_u16(c->out, res[i].type);
		ndr_wr_ustr(c->out, known ? res[i].name : NULL);
		ndr_wr_u32(c->out, (uint32_t)idx[i]);
		if (ex)
			ndr_wr_u32(c->out, 0);	/* Flags */
	}
	for (i = 0; i < n; i++)
		if (res[i].type != SID_TYPE_UNKNOWN)
			ndr_wr_ustr_body(c->out, res[i].name);
	ndr_wr_u32(c->out, mapped);
	ndr_wr_u32(c->out, mapped_status(mapped, n));
	free(sids);
	free(res);
	free(idx);
	return 0;
}

/* ---- LookupNames --------------------------------------------------------- */

/* [in, size_is(Count)] PRPC_UNICODE_STRING Names; NULL and *count 0 for
 * none, NULL with ->err on error. Free each string, then the array. */
static char **read_names(struct ndr_rd *r, uint32_t n, uint32_t *count)
{
	struct ndr_ustr *u;
	char **names;
	uint32_t i;

	*count = 0;
	if (ndr_rd_count(r, LSA_MAX_NAMES, 8) != n || r->err) {
		ndr_rd_fail(r);
		return NULL;
	}
	names = calloc(n + 1, sizeof(*names));
	u = calloc(n + 1, sizeof(*u));
	if (!names || !u) {
		free(names);
		free(u);
		r->err = -ENOMEM;
		return NULL;
	}
	for (i = 0; i < n; i++)
		ndr_rd_ustr(r, &u[i]);
	for (i = 0; i < n && !r->err; i++)
		names[i] = ndr_rd_ustr_body(r, &u[i]);
	free(u);
	if (r->err) {
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return NULL;
	}
	*count = n;
	return names;
}

static void free_names(char **names, uint32_t n)
{
	uint32_t i;

	if (!names)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static uint32_t lsar_lookup_names(struct rpc_call *c)
{
	bool ex2 = c->opnum == OP_LSAR_LOOKUP_NAMES3 ||
		   c->opnum == OP_LSAR_LOOKUP_NAMES4;
	bool ex = c->opnum != OP_LSAR_LOOKUP_NAMES;
	struct ref_domains rd = { .n = 0 };
	struct rpc_handle *h = NULL;
	struct rpc_sid_name *res;
	uint32_t n = 0, nout, i, mapped = 0, status;
	int32_t *idx;
	char **names;

	if (c->opnum != OP_LSAR_LOOKUP_NAMES4)
		h = read_policy(c);
	n = ndr_rd_u32(c->in);			/* Count */
	names = read_names(c->in, n, &n);
	ndr_rd_u32(c->in);			/* TranslatedSids.Entries */
	if (ndr_rd_ptr(c->in))
		ndr_rd_fail(c->in);
	ndr_rd_u16(c->in);			/* LookupLevel */
	ndr_rd_u32(c->in);			/* MappedCount */
	if (ex) {
		ndr_rd_u32(c->in);		/* LookupOptions */
		ndr_rd_u32(c->in);		/* ClientRevision */
	}
	if (c->in->err) {
		free_names(names, n);
		return NCA_S_FAULT_NDR;
	}
	if (c->opnum == OP_LSAR_LOOKUP_NAMES4)
		status = c->env->restricted ? STATUS_ACCESS_DENIED : 0;
	else
		status = h ? 0 : STATUS_INVALID_HANDLE;
	res = calloc(n + 1, sizeof(*res));
	idx = calloc(n + 1, sizeof(*idx));
	if (!res || !idx) {
		free_names(names, n);
		free(res);
		free(idx);
		return NCA_S_FAULT_REMOTE_NO_MEMORY;
	}
	nout = status ? 0 : n;
	for (i = 0; i < nout; i++) {
		idx[i] = -1;
		if (sid_lookup_name(c->env, names[i], &res[i])) {
			res[i].type = SID_TYPE_UNKNOWN;
			continue;
		}
		idx[i] = ref_domain_index(&rd, &res[i]);
		mapped++;
	}
	write_ref_domains(c->out, &rd, !status);
	ndr_wr_u32(c->out, nout);
	if (ndr_wr_ptr(c->out, nout > 0)) {
		ndr_wr_u32(c->out, nout);
		for (i = 0; i < nout; i++) {
			bool known = res[i].type != SID_TYPE_UNKNOWN;

			ndr_wr_u16(c->out, res[i].type);
			if (ex2)
				ndr_wr_ptr(c->out, known);
			else
				ndr_wr_u32(c->out, known ? res[i].rid : 0);
			ndr_wr_u32(c->out, (uint32_t)idx[i]);
			if (ex)
				ndr_wr_u32(c->out, 0);	/* Flags */
		}
		for (i = 0; ex2 && i < nout; i++)
			if (res[i].type != SID_TYPE_UNKNOWN)
				ndr_wr_sid(c->out, &res[i].sid);
	}
	ndr_wr_u32(c->out, mapped);
	ndr_wr_u32(c->out, status ? status : mapped_status(mapped, nout));
	free_names(names, n);
	free(res);
	free(idx);
	return 0;
}

static uint32_t lsarpc_dispatch(struct rpc_call *c)
{
	switch (c->opnum) {
	case OP_LSAR_CLOSE:
		return lsar_close(c);
	case OP_LSAR_OPEN_POLICY:
	case OP_LSAR_OPEN_POLICY2:
		return lsar_open_policy(c);
	case OP_LSAR_QUERY_INFO_POLICY:
	case OP_LSAR_QUERY_INFO_POLICY2:
		return lsar_query_info_policy(c);
	case OP_LSAR_LOOKUP_SIDS:
	case OP_LSAR_LOOKUP_SIDS2:
	case OP_LSAR_LOOKUP_SIDS3:
		return lsar_lookup_sids(c);
	case OP_LSAR_LOOKUP_NAMES:
	case OP_LSAR_LOOKUP_NAMES2:
	case OP_LSAR_LOOKUP_NAMES3:
	case OP_LSAR_LOOKUP_NAMES4:
		return lsar_lookup_names(c);
	default:
		return NCA_S_OP_RNG_ERROR;
	}
}

const struct rpc_iface rpc_iface_lsarpc = {
	.name = "lsarpc",
	.sec_addr = "\\PIPE\\lsass",
	.uuid = "12345778-1234-abcd-ef00-0123456789ab",
	.vers_major = 0,
	.vers_minor = 0,
	.dispatch = lsarpc_dispatch,
};
