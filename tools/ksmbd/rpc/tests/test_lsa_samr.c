// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lsarpc and samr calls, decoded with the NDR reader and compared with the
 * fake provider (server KSMBD, domain SID S-1-5-21-111-222-333).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "fake_provider.h"
#include "harness.h"
#include "requests.h"
#include "sid.h"
#include "status.h"

static struct fake fake;
static struct rpc_env env;

static char *sidstr(const struct rpc_sid *sid)
{
	static char buf[4][128];
	static int i;

	i = (i + 1) % 4;
	return sid_to_string(sid, buf[i], sizeof(buf[i]));
}

static void open_iface(struct client *c, const char *uuid, uint16_t major,
		       bool restricted)
{
	struct bind_reply b;

	fake_env(&env, &fake, restricted);
	cl_open(c, &env, 4280);
	CHECK_EQ(cl_bind(c, uuid, major, &b), 0);
}

/* Call and return the trailing status; the response stub stays in *resp. */
static uint32_t call(struct client *c, uint16_t opnum, struct ndr_wr *stub,
		     struct ndr_wr *resp)
{
	uint32_t st = 0xFFFFFFFF;

	CHECK_EQ(cl_call(c, opnum, stub, 0, resp), 0);
	ndr_wr_free(stub);
	ndr_wr_init(stub);
	if (resp->len >= 4)
		st = resp->data[resp->len - 4] | resp->data[resp->len - 3] << 8 |
		     resp->data[resp->len - 2] << 16 |
		     (uint32_t)resp->data[resp->len - 1] << 24;
	return st;
}

/* Calls whose response is a handle then the status. */
static uint32_t call_handle(struct client *c, uint16_t opnum,
			    struct ndr_wr *stub, handle_t20 h)
{
	struct ndr_wr resp;
	struct ndr_rd r;
	uint32_t st = call(c, opnum, stub, &resp);

	ndr_rd_init(&r, resp.data, resp.len);
	if (opnum == 64)
		r.off = 16;		/* SamrConnect5: OutVersion, info */
	ndr_rd_handle(&r, h);
	CHECK_EQ(ndr_rd_u32(&r), st);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
	return st;
}

/* ---- lsarpc ---------------------------------------------------------------- */

static void open_policy(struct client *c, handle_t20 pol)
{
	struct ndr_wr stub;

	ndr_wr_init(&stub);
	req_open_policy2(&stub);
	CHECK_EQ(call_handle(c, 44, &stub, pol), STATUS_SUCCESS);
	ndr_wr_free(&stub);
}

static void test_lsa_policy(void)
{
	static const uint8_t zero[20];
	struct ndr_wr stub, resp;
	handle_t20 pol, pol1, h;
	struct rpc_sid sid;
	struct ndr_ustr u;
	struct client c;
	struct ndr_rd r;
	char *s;

	fake_init(&fake);
	open_iface(&c, UUID_LSARPC, 0, false);
	open_policy(&c, pol);
	CHECK(memcmp(pol, zero, 20));
	ndr_wr_init(&stub);
	req_open_policy(&stub);
	CHECK_EQ(call_handle(&c, 6, &stub, pol1), STATUS_SUCCESS);
	CHECK(memcmp(pol, pol1, 20));

	/* account domain: the server's name and SID */
	req_query_info_policy(&stub, pol, 5);
	CHECK_EQ(call(&c, 7, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u16(&r), 5);
	ndr_rd_ustr(&r, &u);
	CHECK(ndr_rd_ptr(&r));
	s = ndr_rd_ustr_body(&r, &u);
	CHECK_STR(s, FAKE_SERVER);
	free(s);
	ndr_rd_sid(&r, &sid);
	CHECK_STR(sidstr(&sid), "S-1-5-21-111-222-333");
	ndr_rd_u32(&r);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);

	/* primary domain: the work group, no SID */
	req_query_info_policy(&stub, pol1, 3);
	CHECK_EQ(call(&c, 46, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u16(&r), 3);
	ndr_rd_ustr(&r, &u);
	CHECK_EQ(ndr_rd_ptr(&r), 0);
	s = ndr_rd_ustr_body(&r, &u);
	CHECK_STR(s, FAKE_DOMAIN);
	free(s);
	ndr_rd_u32(&r);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);

	/* DNS domain info: name only */
	req_query_info_policy(&stub, pol1, 12);
	CHECK_EQ(call(&c, 7, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u16(&r), 12);
	ndr_rd_ustr(&r, &u);
	{
		struct ndr_ustr u2, u3;
		uint8_t guid[16];

		ndr_rd_ustr(&r, &u2);
		ndr_rd_ustr(&r, &u3);
		CHECK_EQ(u2.ptr, 0);
		CHECK_EQ(u3.ptr, 0);
		ndr_rd_bytes(&r, guid, 16);
	}
	CHECK_EQ(ndr_rd_ptr(&r), 0);
	s = ndr_rd_ustr_body(&r, &u);
	CHECK_STR(s, FAKE_DOMAIN);
	free(s);
	ndr_rd_u32(&r);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);

	req_query_info_policy(&stub, pol, 2);
	CHECK_EQ(call(&c, 7, &stub, &resp), STATUS_INVALID_INFO_CLASS);
	CHECK_EQ(resp.len, 8);
	ndr_wr_free(&resp);

	req_handle(&stub, pol);
	CHECK_EQ(call_handle(&c, 0, &stub, h), STATUS_SUCCESS);
	CHECK(!memcmp(h, zero, 20));
	req_query_info_policy(&stub, pol, 5);
	CHECK_EQ(call(&c, 7, &stub, &resp), STATUS_INVALID_HANDLE);
	ndr_wr_free(&resp);
	req_handle(&stub, pol);
	CHECK_EQ(call_handle(&c, 0, &stub, h), STATUS_INVALID_HANDLE);
	ndr_wr_free(&stub);
	cl_close(&c);
}

struct ref_dom {
	char *name;
	struct rpc_sid sid;
};

struct xlat {
	uint16_t type;
	char *name;
	uint32_t rid;
	struct rpc_sid sid;
	bool has_sid;
	int32_t idx;
};

struct lookup_result {
	struct ref_dom dom[16];
	uint32_t ndom;
	struct xlat x[16];
	uint32_t n;
	uint32_t mapped;
	uint32_t status;
};

static void read_ref_domains(struct ndr_rd *r, struct lookup_result *lr)
{
	struct ndr_ustr u[16];
	uint32_t i, p;

	if (!ndr_rd_ptr(r))
		return;
	lr->ndom = ndr_rd_u32(r);
	p = ndr_rd_ptr(r);
	ndr_rd_u32(r);			/* MaxEntries */
	CHECK(lr->ndom <= 16);
	if (!p || lr->ndom > 16)
		return;
	CHECK_EQ(ndr_rd_u32(r), lr->ndom);
	for (i = 0; i < lr->ndom; i++) {
		ndr_rd_ustr(r, &u[i]);
		CHECK(ndr_rd_ptr(r));
	}
	for (i = 0; i < lr->ndom; i++) {
		lr->dom[i].name = ndr_rd_ustr_body(r, &u[i]);
		ndr_rd_sid(r, &lr->dom[i].sid);
	}
}

static void lookup_free(struct lookup_result *lr)
{
	uint32_t i;

	for (i = 0; i < lr->ndom; i++)
		free(lr->dom[i].name);
	for (i = 0; i < lr->n; i++)
		free(lr->x[i].name);
}

static void lookup_sids(struct client *c, uint16_t opnum, const handle_t20 h,
			const struct rpc_sid *sids, uint32_t n,
			struct lookup_result *lr)
{
	bool ex = opnum != 15;
	struct ndr_wr stub, resp;
	struct ndr_ustr u[16];
	struct ndr_rd r;
	uint32_t i;

	memset(lr, 0, sizeof(*lr));
	ndr_wr_init(&stub);
	req_lookup_sids(&stub, h, sids, n, ex);
	lr->status = call(c, opnum, &stub, &resp);
	ndr_wr_free(&stub);
	ndr_rd_init(&r, resp.data, resp.len);
	read_ref_domains(&r, lr);
	lr->n = ndr_rd_u32(&r);
	if (ndr_rd_ptr(&r) && lr->n <= 16) {
		CHECK_EQ(ndr_rd_u32(&r), lr->n);
		for (i = 0; i < lr->n; i++) {
			lr->x[i].type = ndr_rd_u16(&r);
			ndr_rd_ustr(&r, &u[i]);
			lr->x[i].idx = (int32_t)ndr_rd_u32(&r);
			if (ex)
				CHECK_EQ(ndr_rd_u32(&r), 0);
		}
		for (i = 0; i < lr->n; i++)
			if (u[i].ptr)
				lr->x[i].name = ndr_rd_ustr_body(&r, &u[i]);
	}
	lr->mapped = ndr_rd_u32(&r);
	CHECK_EQ(ndr_rd_u32(&r), lr->status);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
}

static void expect_xlat(const struct lookup_result *lr, uint32_t i,
			uint16_t type, const char *name, const char *domain,
			const char *domain_sid)
{
	const struct xlat *x = &lr->x[i];

	CHECK_EQ(x->type, type);
	if (!name) {
		CHECK_EQ(x->idx, -1);
		return;
	}
	if (x->name)
		CHECK_STR(x->name, name);
	CHECK(x->idx >= 0 && (uint32_t)x->idx < lr->ndom);
	if (x->idx < 0 || (uint32_t)x->idx >= lr->ndom)
		return;
	CHECK_STR(lr->dom[x->idx].name, domain);
	CHECK_STR(sidstr(&lr->dom[x->idx].sid), domain_sid);
}

static void test_lsa_lookup_sids(void)
{
	static const uint16_t ops[] = { 15, 57, 76 };
	struct lookup_result lr;
	struct rpc_sid sids[6];
	struct client c;
	handle_t20 pol;
	size_t i;

	fake_init(&fake);
	sid_from_string(&sids[0], "S-1-5-21-111-222-333-1000");
	sid_from_string(&sids[1], "S-1-1-0");
	sid_from_string(&sids[2], "S-1-5-32-544");
	sid_from_string(&sids[3], "S-1-5-21-9-9-9-1000");
	sid_from_string(&sids[4], "S-1-5-21-111-222-333");
	sid_from_string(&sids[5], "S-1-5-21-111-222-333-1001");
	open_iface(&c, UUID_LSARPC, 0, false);
	open_policy(&c, pol);
	for (i = 0; i < 3; i++) {
		lookup_sids(&c, ops[i], ops[i] == 76 ? NULL : pol, sids, 6, &lr);
		CHECK_EQ(lr.status, STATUS_SOME_NOT_MAPPED);
		CHECK_EQ(lr.mapped, 5);
		CHECK_EQ(lr.n, 6);
		CHECK_EQ(lr.ndom, 3);
		expect_xlat(&lr, 0, SID_TYPE_USER, "alice", FAKE_SERVER,
			    "S-1-5-21-111-222-333");
		expect_xlat(&lr, 1, SID_TYPE_WELL_KNOWN_GROUP, "Everyone", "",
			    "S-1-1");
		expect_xlat(&lr, 2, SID_TYPE_ALIAS, "Administrators",
			    "BUILTIN", "S-1-5-32");
		expect_xlat(&lr, 3, SID_TYPE_UNKNOWN, NULL, NULL, NULL);
		CHECK(!lr.x[3].name);
		expect_xlat(&lr, 4, SID_TYPE_DOMAIN, FAKE_SERVER, FAKE_SERVER,
			    "S-1-5-21-111-222-333");
		expect_xlat(&lr, 5, SID_TYPE_USER, "bob", FAKE_SERVER,
			    "S-1-5-21-111-222-333");
		CHECK_EQ(lr.x[0].idx, lr.x[5].idx);
		lookup_free(&lr);
	}
	lookup_sids(&c, 57, pol, &sids[3], 1, &lr);
	CHECK_EQ(lr.status, STATUS_NONE_MAPPED);
	CHECK_EQ(lr.mapped, 0);
	lookup_free(&lr);
	lookup_sids(&c, 57, pol, sids, 3, &lr);
	CHECK_EQ(lr.status, STATUS_SUCCESS);
	lookup_free(&lr);
	lookup_sids(&c, 15, (const uint8_t *)"bad handle bad handl", sids, 3,
		    &lr);
	CHECK_EQ(lr.status, STATUS_INVALID_HANDLE);
	lookup_free(&lr);
	cl_close(&c);
}

static void lookup_names(struct client *c, uint16_t opnum, const handle_t20 h,
			 const char *const *names, uint32_t n,
			 struct lookup_result *lr)
{
	bool ex = opnum != 14, ex2 = opnum == 68 || opnum == 77;
	struct ndr_wr stub, resp;
	struct ndr_rd r;
	uint32_t i;

	memset(lr, 0, sizeof(*lr));
	ndr_wr_init(&stub);
	req_lookup_names(&stub, h, names, n, ex);
	lr->status = call(c, opnum, &stub, &resp);
	ndr_wr_free(&stub);
	ndr_rd_init(&r, resp.data, resp.len);
	read_ref_domains(&r, lr);
	lr->n = ndr_rd_u32(&r);
	if (ndr_rd_ptr(&r) && lr->n <= 16) {
		CHECK_EQ(ndr_rd_u32(&r), lr->n);
		for (i = 0; i < lr->n; i++) {
			lr->x[i].type = ndr_rd_u16(&r);
			if (ex2)
				lr->x[i].has_sid = ndr_rd_ptr(&r) != 0;
			else
				lr->x[i].rid = ndr_rd_u32(&r);
			lr->x[i].idx = (int32_t)ndr_rd_u32(&r);
			if (ex)
				CHECK_EQ(ndr_rd_u32(&r), 0);
		}
		for (i = 0; i < lr->n; i++)
			if (lr->x[i].has_sid)
				ndr_rd_sid(&r, &lr->x[i].sid);
	}
	lr->mapped = ndr_rd_u32(&r);
	CHECK_EQ(ndr_rd_u32(&r), lr->status);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
}

static void test_lsa_lookup_names(void)
{
	static const uint16_t ops[] = { 14, 58, 68, 77 };
	const char *names[] = { "alice", "KSMBD\\bob", "BUILTIN\\Users",
				"Everyone", "nobody", "workgroup\\\xc3\x89mile" };
	static const char *const sids[] = {
		"S-1-5-21-111-222-333-1000", "S-1-5-21-111-222-333-1001",
		"S-1-5-32-545", "S-1-1-0", NULL, "S-1-5-21-111-222-333-1002",
	};
	static const uint16_t types[] = { 1, 1, 4, 5, 8, 1 };
	struct lookup_result lr;
	struct client c;
	handle_t20 pol;
	size_t i, j;

	fake_init(&fake);
	open_iface(&c, UUID_LSARPC, 0, false);
	open_policy(&c, pol);
	for (i = 0; i < 4; i++) {
		lookup_names(&c, ops[i], ops[i] == 77 ? NULL : pol, names, 6,
			     &lr);
		CHECK_EQ(lr.status, STATUS_SOME_NOT_MAPPED);
		CHECK_EQ(lr.mapped, 5);
		CHECK_EQ(lr.n, 6);
		for (j = 0; j < 6 && j < lr.n; j++) {
			struct rpc_sid full;

			CHECK_EQ(lr.x[j].type, types[j]);
			if (!sids[j]) {
				CHECK_EQ(lr.x[j].idx, -1);
				CHECK(!lr.x[j].has_sid);
				continue;
			}
			CHECK(lr.x[j].idx >= 0 &&
			      (uint32_t)lr.x[j].idx < lr.ndom);
			if (lr.x[j].idx < 0 || (uint32_t)lr.x[j].idx >= lr.ndom)
				continue;
			if (ops[i] == 68 || ops[i] == 77) {
				CHECK_STR(sidstr(&lr.x[j].sid), sids[j]);
			} else {
				full = lr.dom[lr.x[j].idx].sid;
				sid_append(&full, lr.x[j].rid);
				CHECK_STR(sidstr(&full), sids[j]);
			}
		}
		lookup_free(&lr);
	}
	lookup_names(&c, 14, pol, names + 4, 1, &lr);
	CHECK_EQ(lr.status, STATUS_NONE_MAPPED);
	lookup_free(&lr);
	lookup_names(&c, 14, pol, names, 0, &lr);
	CHECK_EQ(lr.status, STATUS_SUCCESS);
	CHECK_EQ(lr.n, 0);
	lookup_free(&lr);
	cl_close(&c);
}

static void test_lsa_restricted_and_limits(void)
{
	const char *names[] = { "alice" };
	struct lookup_result lr;
	struct ndr_wr stub;
	struct rpc_sid sid;
	handle_t20 h, keep;
	struct client c;
	int i;

	fake_init(&fake);
	open_iface(&c, UUID_LSARPC, 0, true);
	ndr_wr_init(&stub);
	req_open_policy2(&stub);
	CHECK_EQ(call_handle(&c, 44, &stub, h), STATUS_ACCESS_DENIED);
	sid_from_string(&sid, "S-1-1-0");
	lookup_sids(&c, 76, NULL, &sid, 1, &lr);
	CHECK_EQ(lr.status, STATUS_ACCESS_DENIED);
	lookup_free(&lr);
	lookup_names(&c, 77, NULL, names, 1, &lr);
	CHECK_EQ(lr.status, STATUS_ACCESS_DENIED);
	lookup_free(&lr);
	cl_close(&c);

	/* the per-pipe handle table is bounded */
	open_iface(&c, UUID_LSARPC, 0, false);
	for (i = 0; i < RPC_MAX_HANDLES; i++) {
		req_open_policy2(&stub);
		CHECK_EQ(call_handle(&c, 44, &stub, h), STATUS_SUCCESS);
		if (i == 10)
			memcpy(keep, h, 20);
	}
	req_open_policy2(&stub);
	CHECK_EQ(call_handle(&c, 44, &stub, h), STATUS_INSUFFICIENT_RESOURCES);
	req_handle(&stub, keep);
	CHECK_EQ(call_handle(&c, 0, &stub, h), STATUS_SUCCESS);
	req_open_policy2(&stub);
	CHECK_EQ(call_handle(&c, 44, &stub, h), STATUS_SUCCESS);
	ndr_wr_free(&stub);
	cl_close(&c);
}

/* ---- samr ------------------------------------------------------------------ */

static void samr_open(struct client *c, handle_t20 srv, handle_t20 dom,
		      bool builtin)
{
	struct ndr_wr stub;
	struct rpc_sid sid;

	ndr_wr_init(&stub);
	req_samr_connect5(&stub);
	CHECK_EQ(call_handle(c, 64, &stub, srv), STATUS_SUCCESS);
	if (builtin)
		sid_from_string(&sid, "S-1-5-32");
	else
		sid_from_string(&sid, "S-1-5-21-111-222-333");
	req_open_domain(&stub, srv, &sid);
	CHECK_EQ(call_handle(c, 7, &stub, dom), STATUS_SUCCESS);
	ndr_wr_free(&stub);
}

struct enum_names {
	char *name[FAKE_MAX];
	uint32_t rid[FAKE_MAX];
	uint32_t n;
	uint32_t ctx;
	uint32_t status;
};

static void samr_enum(struct client *c, uint16_t opnum, const handle_t20 h,
		      uint32_t ctx, uint32_t prefmax, struct enum_names *en)
{
	struct ndr_wr stub, resp;
	struct ndr_ustr u[FAKE_MAX];
	struct ndr_rd r;
	uint32_t i, n;

	memset(en, 0, sizeof(*en));
	ndr_wr_init(&stub);
	req_enum(&stub, h, ctx, opnum == 13, prefmax);
	en->status = call(c, opnum, &stub, &resp);
	ndr_wr_free(&stub);
	ndr_rd_init(&r, resp.data, resp.len);
	en->ctx = ndr_rd_u32(&r);
	if (ndr_rd_ptr(&r)) {
		n = ndr_rd_u32(&r);
		CHECK(n <= FAKE_MAX);
		if (ndr_rd_ptr(&r) && n <= FAKE_MAX) {
			CHECK_EQ(ndr_rd_u32(&r), n);
			for (i = 0; i < n; i++) {
				en->rid[i] = ndr_rd_u32(&r);
				ndr_rd_ustr(&r, &u[i]);
			}
			for (i = 0; i < n; i++)
				en->name[i] = ndr_rd_ustr_body(&r, &u[i]);
			en->n = n;
		}
	}
	CHECK_EQ(ndr_rd_u32(&r), en->n);
	ndr_rd_u32(&r);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
}

static void enum_free(struct enum_names *en)
{
	uint32_t i;

	for (i = 0; i < en->n; i++)
		free(en->name[i]);
}

static void test_samr_domains(void)
{
	struct ndr_wr stub, resp;
	handle_t20 srv, dom, h;
	struct enum_names en;
	struct rpc_sid sid;
	struct ndr_ustr u;
	struct client c;
	struct ndr_rd r;
	char *s;

	fake_init(&fake);
	open_iface(&c, UUID_SAMR, 1, false);
	ndr_wr_init(&stub);
	req_samr_connect2(&stub);
	CHECK_EQ(call_handle(&c, 57, &stub, h), STATUS_SUCCESS);
	req_samr_connect(&stub);
	CHECK_EQ(call_handle(&c, 0, &stub, h), STATUS_SUCCESS);
	samr_open(&c, srv, dom, false);

	samr_enum(&c, 6, srv, 0, 0xFFFFFFFF, &en);
	CHECK_EQ(en.status, STATUS_SUCCESS);
	CHECK_EQ(en.n, 2);
	CHECK_STR(en.name[0], FAKE_SERVER);
	CHECK_STR(en.name[1], "Builtin");
	enum_free(&en);

	req_lookup_domain(&stub, srv, "ksmbd");
	CHECK_EQ(call(&c, 5, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	ndr_rd_sid(&r, &sid);
	CHECK_STR(sidstr(&sid), "S-1-5-21-111-222-333");
	ndr_wr_free(&resp);
	req_lookup_domain(&stub, srv, "Builtin");
	CHECK_EQ(call(&c, 5, &stub, &resp), STATUS_SUCCESS);
	ndr_wr_free(&resp);
	req_lookup_domain(&stub, srv, "OTHER");
	CHECK_EQ(call(&c, 5, &stub, &resp), STATUS_NO_SUCH_DOMAIN);
	CHECK_EQ(resp.len, 8);
	ndr_wr_free(&resp);
	/* a domain handle is not a server handle */
	req_lookup_domain(&stub, dom, "ksmbd");
	CHECK_EQ(call(&c, 5, &stub, &resp), STATUS_INVALID_HANDLE);
	ndr_wr_free(&resp);
	sid_from_string(&sid, "S-1-5-21-1-2-3");
	req_open_domain(&stub, srv, &sid);
	CHECK_EQ(call_handle(&c, 7, &stub, h), STATUS_NO_SUCH_DOMAIN);

	/* general information */
	req_handle_level(&stub, dom, 2);
	CHECK_EQ(call(&c, 8, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u16(&r), 2);
	ndr_rd_u32(&r);
	ndr_rd_u32(&r);
	{
		struct ndr_ustr oem, rep;

		ndr_rd_ustr(&r, &oem);
		ndr_rd_ustr(&r, &u);
		ndr_rd_ustr(&r, &rep);
		ndr_rd_u32(&r);
		ndr_rd_u32(&r);
		CHECK_EQ(ndr_rd_u32(&r), 1);	/* state */
		CHECK_EQ(ndr_rd_u32(&r), 3);	/* role */
		CHECK_EQ(ndr_rd_u8(&r), 0);
		CHECK_EQ(ndr_rd_u32(&r), fake.nusers);
		ndr_rd_u32(&r);
		ndr_rd_u32(&r);
		free(ndr_rd_ustr_body(&r, &oem));
		s = ndr_rd_ustr_body(&r, &u);
		CHECK_STR(s, FAKE_SERVER);
		free(s);
		free(ndr_rd_ustr_body(&r, &rep));
	}
	CHECK_EQ(ndr_rd_u32(&r), 0);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
	req_handle_level(&stub, dom, 1);
	CHECK_EQ(call(&c, 46, &stub, &resp), STATUS_SUCCESS);
	CHECK_EQ(resp.len, 4 + 4 + 8 + 16 + 4);
	ndr_wr_free(&resp);
	req_handle_level(&stub, dom, 99);
	CHECK_EQ(call(&c, 8, &stub, &resp), STATUS_INVALID_INFO_CLASS);
	ndr_wr_free(&resp);

	req_handle(&stub, dom);
	CHECK_EQ(call_handle(&c, 1, &stub, h), STATUS_SUCCESS);
	req_handle(&stub, dom);
	CHECK_EQ(call_handle(&c, 1, &stub, h), STATUS_INVALID_HANDLE);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_samr_enum_users(void)
{
	static bool seen[FAKE_MAX];
	handle_t20 srv, dom, bdom;
	struct enum_names en;
	uint32_t ctx = 0, got = 0, calls = 0, i;
	struct client c;

	fake_init(&fake);
	for (i = 0; i < 40; i++) {
		snprintf(fake.names[i], sizeof(fake.names[i]), "user%02u", i);
		fake.users[fake.nusers].name = fake.names[i];
		fake.users[fake.nusers].rid = 2000 + i;
		fake.nusers++;
	}
	open_iface(&c, UUID_SAMR, 1, false);
	samr_open(&c, srv, dom, false);
	samr_enum(&c, 13, dom, 0, 0xFFFFFFFF, &en);
	CHECK_EQ(en.status, STATUS_SUCCESS);
	CHECK_EQ(en.n, fake.nusers);
	for (i = 0; i < en.n && i < fake.nusers; i++) {
		CHECK_STR(en.name[i], fake.users[i].name);
		CHECK_EQ(en.rid[i], fake.users[i].rid);
	}
	enum_free(&en);
	memset(seen, 0, sizeof(seen));
	do {
		samr_enum(&c, 13, dom, ctx, 100, &en);
		CHECK(en.n >= 1);
		for (i = 0; i < en.n && got + i < fake.nusers; i++) {
			CHECK_EQ(en.rid[i], fake.users[got + i].rid);
			CHECK(!seen[got + i]);
			seen[got + i] = true;
		}
		got += en.n;
		ctx = en.ctx;
		calls++;
		enum_free(&en);
	} while (en.status == STATUS_MORE_ENTRIES && calls < 100);
	CHECK_EQ(en.status, STATUS_SUCCESS);
	CHECK_EQ(got, fake.nusers);
	CHECK(calls > 3);

	samr_open(&c, srv, bdom, true);
	samr_enum(&c, 13, bdom, 0, 0xFFFFFFFF, &en);
	CHECK_EQ(en.status, STATUS_SUCCESS);
	CHECK_EQ(en.n, 0);
	cl_close(&c);
}

static void read_ulong_array(struct ndr_rd *r, uint32_t *v, uint32_t max,
			     uint32_t *n)
{
	uint32_t i;

	*n = ndr_rd_u32(r);
	if (!ndr_rd_ptr(r))
		return;
	CHECK_EQ(ndr_rd_u32(r), *n);
	CHECK(*n <= max);
	for (i = 0; i < *n && i < max; i++)
		v[i] = ndr_rd_u32(r);
}

static void test_samr_users(void)
{
	const char *names[] = { "ALICE", "nobody", "None", "Users" };
	struct ndr_wr stub, resp;
	handle_t20 srv, dom, bdom, usr, h;
	uint32_t rids[8], types[8], n, i;
	struct ndr_ustr u[13];
	struct client c;
	struct ndr_rd r;
	char *s;

	fake_init(&fake);
	open_iface(&c, UUID_SAMR, 1, false);
	samr_open(&c, srv, dom, false);
	ndr_wr_init(&stub);
	req_samr_lookup_names(&stub, dom, names, 4);
	CHECK_EQ(call(&c, 17, &stub, &resp), STATUS_SOME_NOT_MAPPED);
	ndr_rd_init(&r, resp.data, resp.len);
	read_ulong_array(&r, rids, 8, &n);
	CHECK_EQ(n, 4);
	read_ulong_array(&r, types, 8, &n);
	CHECK_EQ(n, 4);
	CHECK_EQ(rids[0], 1000);
	CHECK_EQ(types[0], SID_TYPE_USER);
	CHECK_EQ(types[1], SID_TYPE_UNKNOWN);
	CHECK_EQ(rids[2], 513);
	CHECK_EQ(types[2], SID_TYPE_GROUP);
	CHECK_EQ(types[3], SID_TYPE_UNKNOWN);	/* an alias of BUILTIN */
	ndr_rd_u32(&r);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);

	samr_open(&c, srv, bdom, true);
	req_samr_lookup_names(&stub, bdom, names + 3, 1);
	CHECK_EQ(call(&c, 17, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	read_ulong_array(&r, rids, 8, &n);
	CHECK_EQ(rids[0], 545);
	read_ulong_array(&r, types, 8, &n);
	CHECK_EQ(types[0], SID_TYPE_ALIAS);
	ndr_wr_free(&resp);

	req_open_user(&stub, dom, 4242);
	CHECK_EQ(call_handle(&c, 34, &stub, h), STATUS_NO_SUCH_USER);
	req_open_user(&stub, bdom, 1000);
	CHECK_EQ(call_handle(&c, 34, &stub, h), STATUS_NO_SUCH_USER);
	req_open_user(&stub, dom, 1001);
	CHECK_EQ(call_handle(&c, 34, &stub, usr), STATUS_SUCCESS);

	/* UserAllInformation */
	req_handle_level(&stub, usr, 21);
	CHECK_EQ(call(&c, 36, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u16(&r), 21);
	for (i = 0; i < 12; i++)
		ndr_rd_u32(&r);			/* six OLD_LARGE_INTEGERs */
	for (i = 0; i < 13; i++)
		ndr_rd_ustr(&r, &u[i]);
	CHECK(u[0].ptr);
	for (i = 1; i < 13; i++)
		CHECK_EQ(u[i].ptr, 0);
	CHECK_EQ(ndr_rd_u32(&r), 0);		/* SD length */
	CHECK_EQ(ndr_rd_ptr(&r), 0);
	CHECK_EQ(ndr_rd_u32(&r), 1001);		/* UserId */
	CHECK_EQ(ndr_rd_u32(&r), 513);
	CHECK_EQ(ndr_rd_u32(&r), 0x211);	/* disabled, normal, no expiry */
	ndr_rd_u32(&r);
	CHECK_EQ(ndr_rd_u16(&r), 168);
	CHECK(ndr_rd_ptr(&r));
	for (i = 0; i < 4; i++)
		ndr_rd_u16(&r);
	for (i = 0; i < 4; i++)
		ndr_rd_u8(&r);
	s = ndr_rd_ustr_body(&r, &u[0]);
	CHECK_STR(s, "bob");
	free(s);
	CHECK_EQ(ndr_rd_u32(&r), 1260);
	CHECK_EQ(ndr_rd_u32(&r), 0);
	CHECK_EQ(ndr_rd_u32(&r), 21);
	r.off += 21;
	CHECK_EQ(ndr_rd_u32(&r), 0);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);

	req_handle_level(&stub, usr, 16);
	CHECK_EQ(call(&c, 47, &stub, &resp), STATUS_SUCCESS);
	CHECK_EQ(resp.len, 16);
	CHECK_EQ(resp.len == 16 ? resp.data[8] : 0, 0x11);
	ndr_wr_free(&resp);
	req_handle_level(&stub, usr, 1);
	CHECK_EQ(call(&c, 36, &stub, &resp), STATUS_INVALID_INFO_CLASS);
	ndr_wr_free(&resp);
	/* a user handle is not a domain handle */
	req_handle_level(&stub, usr, 2);
	CHECK_EQ(call(&c, 8, &stub, &resp), STATUS_INVALID_HANDLE);
	ndr_wr_free(&resp);

	req_handle(&stub, usr);
	CHECK_EQ(call(&c, 39, &stub, &resp), STATUS_SUCCESS);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u32(&r), 1);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u32(&r), 1);
	CHECK_EQ(ndr_rd_u32(&r), 513);
	CHECK_EQ(ndr_rd_u32(&r), 7);
	ndr_wr_free(&resp);

	{
		struct rpc_sid sids[2];

		sid_from_string(&sids[0], "S-1-5-21-111-222-333-1001");
		sid_from_string(&sids[1], "S-1-5-21-111-222-333-513");
		req_alias_membership(&stub, bdom, sids, 2);
		CHECK_EQ(call(&c, 16, &stub, &resp), STATUS_SUCCESS);
		ndr_rd_init(&r, resp.data, resp.len);
		read_ulong_array(&r, rids, 8, &n);
		CHECK_EQ(n, 0);
		ndr_wr_free(&resp);
	}

	/* the user is deleted while its handle is open */
	fake.nusers = 1;
	req_handle_level(&stub, usr, 21);
	CHECK_EQ(call(&c, 36, &stub, &resp), STATUS_NO_SUCH_USER);
	ndr_wr_free(&resp);
	req_handle(&stub, usr);
	CHECK_EQ(call_handle(&c, 1, &stub, h), STATUS_SUCCESS);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_samr_restricted(void)
{
	struct ndr_wr stub;
	struct client c;
	handle_t20 h;

	fake_init(&fake);
	open_iface(&c, UUID_SAMR, 1, true);
	ndr_wr_init(&stub);
	req_samr_connect5(&stub);
	CHECK_EQ(call_handle(&c, 64, &stub, h), STATUS_ACCESS_DENIED);
	req_samr_connect2(&stub);
	CHECK_EQ(call_handle(&c, 57, &stub, h), STATUS_ACCESS_DENIED);
	req_samr_connect(&stub);
	CHECK_EQ(call_handle(&c, 0, &stub, h), STATUS_ACCESS_DENIED);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static const struct test_case tests[] = {
	{ "lsa_policy", test_lsa_policy },
	{ "lsa_lookup_sids", test_lsa_lookup_sids },
	{ "lsa_lookup_names", test_lsa_lookup_names },
	{ "lsa_restricted_and_limits", test_lsa_restricted_and_limits },
	{ "samr_domains", test_samr_domains },
	{ "samr_enum_users", test_samr_enum_users },
	{ "samr_users", test_samr_users },
	{ "samr_restricted", test_samr_restricted },
	{ NULL, NULL }
};

int main(void)
{
	return run_tests("lsa_samr", tests);
}
