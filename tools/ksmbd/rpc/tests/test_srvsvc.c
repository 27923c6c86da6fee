// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * srvsvc and wkssvc calls, decoded with the NDR reader and compared with
 * the fake provider's content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "fake_provider.h"
#include "harness.h"
#include "requests.h"

static struct fake fake;
static struct rpc_env env;

struct got_share {
	char *name, *comment, *path;
	uint32_t type, max_uses, cur_uses, flags;
	uint32_t p_name, p_comment, p_path, p_passwd, p_sd;
};

struct enum_result {
	uint32_t level;
	struct got_share s[FAKE_MAX];
	uint32_t n;
	uint32_t total;
	bool resume_present;
	uint32_t resume;
	uint32_t werr;
};

static void got_free(struct got_share *g)
{
	free(g->name);
	free(g->comment);
	free(g->path);
	memset(g, 0, sizeof(*g));
}

static void read_share_inline(struct ndr_rd *r, uint32_t level,
			      struct got_share *g)
{
	memset(g, 0, sizeof(*g));
	if (level == 1005) {
		g->flags = ndr_rd_u32(r);
		return;
	}
	g->p_name = ndr_rd_ptr(r);
	if (level == 0)
		return;
	g->type = ndr_rd_u32(r);
	g->p_comment = ndr_rd_ptr(r);
	if (level == 501)
		g->flags = ndr_rd_u32(r);
	if (level == 2 || level == 502) {
		CHECK_EQ(ndr_rd_u32(r), 0);	/* permissions */
		g->max_uses = ndr_rd_u32(r);
		g->cur_uses = ndr_rd_u32(r);
		g->p_path = ndr_rd_ptr(r);
		g->p_passwd = ndr_rd_ptr(r);
	}
	if (level == 502) {
		CHECK_EQ(ndr_rd_u32(r), 0);	/* reserved */
		g->p_sd = ndr_rd_ptr(r);
	}
}

static void read_share_deferred(struct ndr_rd *r, struct got_share *g)
{
	if (g->p_name)
		g->name = ndr_rd_wstr(r);
	if (g->p_comment)
		g->comment = ndr_rd_wstr(r);
	if (g->p_path)
		g->path = ndr_rd_wstr(r);
	CHECK_EQ(g->p_passwd, 0);
	CHECK_EQ(g->p_sd, 0);
}

static uint32_t share_enum(struct client *c, uint32_t level, uint32_t prefmax,
			   bool resume_ptr, uint32_t resume,
			   struct enum_result *er)
{
	struct ndr_wr stub, resp;
	struct ndr_rd r;
	uint32_t fault, i;
	bool known = level == 0 || level == 1 || level == 2 ||
		     level == 501 || level == 502;

	memset(er, 0, sizeof(*er));
	ndr_wr_init(&stub);
	req_share_enum(&stub, level, prefmax, resume_ptr, resume);
	fault = cl_call(c, 15, &stub, 0, &resp);
	ndr_wr_free(&stub);
	if (fault)
		return fault;
	ndr_rd_init(&r, resp.data, resp.len);
	er->level = ndr_rd_u32(&r);
	CHECK_EQ(ndr_rd_u32(&r), er->level);
	if (known) {
		CHECK(ndr_rd_ptr(&r) != 0);
		er->n = ndr_rd_u32(&r);
		CHECK(er->n <= FAKE_MAX);
		if (ndr_rd_ptr(&r) && er->n <= FAKE_MAX) {
			CHECK_EQ(ndr_rd_u32(&r), er->n);
			for (i = 0; i < er->n; i++)
				read_share_inline(&r, level, &er->s[i]);
			for (i = 0; i < er->n; i++)
				read_share_deferred(&r, &er->s[i]);
		} else {
			CHECK_EQ(er->n, 0);
		}
	}
	er->total = ndr_rd_u32(&r);
	er->resume_present = ndr_rd_ptr(&r) != 0;
	if (er->resume_present)
		er->resume = ndr_rd_u32(&r);
	er->werr = ndr_rd_u32(&r);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
	return 0;
}

static void enum_free(struct enum_result *er)
{
	uint32_t i;

	for (i = 0; i < er->n; i++)
		got_free(&er->s[i]);
}

static void open_srvsvc(struct client *c, bool restricted)
{
	struct bind_reply b;

	fake_env(&env, &fake, restricted);
	cl_open(c, &env, 4280);
	CHECK_EQ(cl_bind(c, UUID_SRVSVC, 3, &b), 0);
}

static void expect_path(const char *got, const char *unix_path)
{
	char want[256];
	size_t i;

	if (!*unix_path) {
		CHECK_STR(got, "");
		return;
	}
	snprintf(want, sizeof(want), "C:%s", unix_path);
	for (i = 0; want[i]; i++)
		if (want[i] == '/')
			want[i] = '\\';
	CHECK_STR(got, want);
}

static void check_share(const struct got_share *g, uint32_t level,
			const struct rpc_share_info *s)
{
	CHECK_STR(g->name, s->name);
	if (level == 0)
		return;
	CHECK_EQ(g->type, s->type);
	CHECK_STR(g->comment, s->comment);
	if (level == 2 || level == 502) {
		CHECK_EQ(g->max_uses, s->max_uses);
		CHECK_EQ(g->cur_uses, s->current_uses);
		expect_path(g->path, s->path);
	}
}

static void test_share_enum_levels(void)
{
	static const uint32_t levels[] = { 0, 1, 2, 501, 502 };
	struct enum_result er;
	struct client c;
	size_t i, j;

	fake_init(&fake);
	open_srvsvc(&c, false);
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		CHECK_EQ(share_enum(&c, levels[i], 0xFFFFFFFF, true, 0, &er), 0);
		CHECK_EQ(er.level, levels[i]);
		CHECK_EQ(er.werr, 0);
		CHECK_EQ(er.n, fake.nshares);
		CHECK_EQ(er.total, fake.nshares);
		CHECK(er.resume_present);
		CHECK_EQ(er.resume, 0);
		for (j = 0; j < er.n && j < fake.nshares; j++)
			check_share(&er.s[j], levels[i], &fake.shares[j]);
		enum_free(&er);
	}
	/* no resume handle in, none out */
	CHECK_EQ(share_enum(&c, 1, 0xFFFFFFFF, false, 0, &er), 0);
	CHECK(!er.resume_present);
	enum_free(&er);
	/* unknown level: only the discriminant, ERROR_INVALID_LEVEL */
	CHECK_EQ(share_enum(&c, 3, 0xFFFFFFFF, true, 0, &er), 0);
	CHECK_EQ(er.werr, 124);
	cl_close(&c);
}

static void test_share_enum_restricted(void)
{
	struct enum_result er;
	struct client c;

	fake_init(&fake);
	open_srvsvc(&c, true);
	CHECK_EQ(share_enum(&c, 1, 0xFFFFFFFF, true, 0, &er), 0);
	CHECK_EQ(er.werr, 0);
	CHECK_EQ(er.n, 3);
	enum_free(&er);
	CHECK_EQ(share_enum(&c, 2, 0xFFFFFFFF, true, 0, &er), 0);
	CHECK_EQ(er.werr, 5);
	CHECK_EQ(er.n, 0);
	CHECK_EQ(share_enum(&c, 502, 0xFFFFFFFF, true, 0, &er), 0);
	CHECK_EQ(er.werr, 5);
	cl_close(&c);
}

static void test_share_enum_resume(void)
{
	static bool seen[FAKE_MAX];
	struct enum_result er;
	uint32_t resume = 0, got = 0, calls = 0, i;
	struct client c;

	fake_init(&fake);
	fake_add_shares(&fake, 40);
	memset(seen, 0, sizeof(seen));
	open_srvsvc(&c, false);
	do {
		CHECK_EQ(share_enum(&c, 1, 300, true, resume, &er), 0);
		CHECK(er.n >= 1);
		CHECK_EQ(er.total, fake.nshares);
		for (i = 0; i < er.n && got + i < fake.nshares; i++) {
			CHECK_STR(er.s[i].name, fake.shares[got + i].name);
			CHECK(!seen[got + i]);
			seen[got + i] = true;
		}
		got += er.n;
		resume = er.resume;
		calls++;
		if (er.werr == 234)
			CHECK_EQ(resume, got);
		else
			CHECK_EQ(er.werr, 0);
		enum_free(&er);
	} while (er.werr == 234 && calls < 100);
	CHECK_EQ(got, fake.nshares);
	CHECK(calls > 3);
	cl_close(&c);
}

static uint32_t share_get_info(struct client *c, const char *name,
			       uint32_t level, struct got_share *g)
{
	struct ndr_wr stub, resp;
	struct ndr_rd r;
	uint32_t werr;

	memset(g, 0, sizeof(*g));
	ndr_wr_init(&stub);
	req_share_get_info(&stub, name, level);
	CHECK_EQ(cl_call(c, 16, &stub, 0, &resp), 0);
	ndr_wr_free(&stub);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK_EQ(ndr_rd_u32(&r), level);
	if (level != 7 && ndr_rd_ptr(&r)) {
		read_share_inline(&r, level, g);
		read_share_deferred(&r, g);
	}
	werr = ndr_rd_u32(&r);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
	return werr;
}

static void test_share_get_info(void)
{
	static const uint32_t levels[] = { 0, 1, 2, 501, 502 };
	struct got_share g;
	struct client c;
	size_t i;

	fake_init(&fake);
	open_srvsvc(&c, false);
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		CHECK_EQ(share_get_info(&c, "PUBLIC", levels[i], &g), 0);
		check_share(&g, levels[i], &fake.shares[1]);
		got_free(&g);
	}
	CHECK_EQ(share_get_info(&c, "docs", 1005, &g), 0);
	CHECK_EQ(g.flags, 0);
	CHECK_EQ(share_get_info(&c, "nosuch", 1, &g), 2310);
	CHECK(!g.name);
	CHECK_EQ(share_get_info(&c, "docs", 7, &g), 124);
	cl_close(&c);

	open_srvsvc(&c, true);
	CHECK_EQ(share_get_info(&c, "docs", 2, &g), 5);
	CHECK_EQ(share_get_info(&c, "docs", 1, &g), 0);
	CHECK_STR(g.comment, "");
	got_free(&g);
	cl_close(&c);
}

static void test_server_get_info(void)
{
	static const uint32_t levels[] = { 100, 101, 102, 7 };
	struct ndr_wr stub, resp;
	struct client c;
	struct ndr_rd r;
	size_t i;

	fake_init(&fake);
	open_srvsvc(&c, false);
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		uint32_t level = levels[i], p_name, p_comment = 0, p_path = 0;
		char *s;

		ndr_wr_init(&stub);
		req_server_get_info(&stub, level);
		CHECK_EQ(cl_call(&c, 21, &stub, 0, &resp), 0);
		ndr_wr_free(&stub);
		ndr_rd_init(&r, resp.data, resp.len);
		CHECK_EQ(ndr_rd_u32(&r), level);
		if (level == 7) {
			CHECK_EQ(ndr_rd_u32(&r), 124);
			CHECK_EQ(r.off, resp.len);
			ndr_wr_free(&resp);
			continue;
		}
		CHECK(ndr_rd_ptr(&r));
		CHECK_EQ(ndr_rd_u32(&r), 500);
		p_name = ndr_rd_ptr(&r);
		if (level >= 101) {
			CHECK_EQ(ndr_rd_u32(&r), 6);
			CHECK_EQ(ndr_rd_u32(&r), 1);
			CHECK_EQ(ndr_rd_u32(&r), 0x9003);
			p_comment = ndr_rd_ptr(&r);
		}
		if (level == 102) {
			ndr_rd_u32(&r);
			ndr_rd_u32(&r);
			ndr_rd_u32(&r);
			ndr_rd_u32(&r);
			ndr_rd_u32(&r);
			ndr_rd_u32(&r);
			p_path = ndr_rd_ptr(&r);
		}
		CHECK(p_name);
		s = ndr_rd_wstr(&r);
		CHECK_STR(s, FAKE_SERVER);
		free(s);
		if (p_comment) {
			s = ndr_rd_wstr(&r);
			CHECK_STR(s, FAKE_COMMENT);
			free(s);
		}
		if (p_path) {
			s = ndr_rd_wstr(&r);
			CHECK_STR(s, "C:\\");
			free(s);
		}
		CHECK_EQ(ndr_rd_u32(&r), 0);
		CHECK_EQ(r.err, 0);
		CHECK_EQ(r.off, resp.len);
		ndr_wr_free(&resp);
	}
	cl_close(&c);
}

static void session_enum(bool restricted, uint32_t werr)
{
	struct ndr_wr stub, resp;
	struct client c;
	struct ndr_rd r;

	open_srvsvc(&c, restricted);
	ndr_wr_init(&stub);
	req_session_enum(&stub, 10);
	CHECK_EQ(cl_call(&c, 12, &stub, 0, &resp), 0);
	ndr_rd_init(&r, resp.data, resp.len);
	CHECK_EQ(ndr_rd_u32(&r), 10);
	CHECK_EQ(ndr_rd_u32(&r), 10);
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u32(&r), 0);		/* EntriesRead */
	CHECK_EQ(ndr_rd_ptr(&r), 0);
	CHECK_EQ(ndr_rd_u32(&r), 0);		/* TotalEntries */
	CHECK(ndr_rd_ptr(&r));
	CHECK_EQ(ndr_rd_u32(&r), 0);
	CHECK_EQ(ndr_rd_u32(&r), werr);
	CHECK_EQ(r.off, resp.len);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_session_enum_and_check(void)
{
	struct ndr_wr stub, resp;
	struct client c;

	fake_init(&fake);
	session_enum(false, 0);
	session_enum(true, 5);
	open_srvsvc(&c, false);
	ndr_wr_init(&stub);
	req_share_check(&stub, "LPT1:");
	CHECK_EQ(cl_call(&c, 20, &stub, 0, &resp), 0);
	CHECK_EQ(resp.len, 8);
	CHECK_EQ(resp.len == 8 ? resp.data[4] | resp.data[5] << 8 : 0, 2311);
	ndr_wr_free(&resp);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static void test_wksta_get_info(void)
{
	static const uint32_t levels[] = { 100, 101, 102, 103 };
	struct ndr_wr stub, resp;
	struct bind_reply b;
	struct client c;
	struct ndr_rd r;
	size_t i;

	fake_init(&fake);
	fake_env(&env, &fake, true);	/* allowed anonymously */
	cl_open(&c, &env, 4280);
	CHECK_EQ(cl_bind(&c, UUID_WKSSVC, 1, &b), 0);
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		uint32_t level = levels[i], p_root = 0;
		char *s;

		ndr_wr_init(&stub);
		req_wksta_get_info(&stub, level);
		CHECK_EQ(cl_call(&c, 0, &stub, 0, &resp), 0);
		ndr_wr_free(&stub);
		ndr_rd_init(&r, resp.data, resp.len);
		CHECK_EQ(ndr_rd_u32(&r), level);
		if (level == 103) {
			CHECK_EQ(ndr_rd_u32(&r), 124);
			ndr_wr_free(&resp);
			continue;
		}
		CHECK(ndr_rd_ptr(&r));
		CHECK_EQ(ndr_rd_u32(&r), 500);
		CHECK(ndr_rd_ptr(&r));
		CHECK(ndr_rd_ptr(&r));
		CHECK_EQ(ndr_rd_u32(&r), 6);
		CHECK_EQ(ndr_rd_u32(&r), 1);
		if (level >= 101)
			p_root = ndr_rd_ptr(&r);
		if (level == 102)
			CHECK_EQ(ndr_rd_u32(&r), 0);
		s = ndr_rd_wstr(&r);
		CHECK_STR(s, FAKE_SERVER);
		free(s);
		s = ndr_rd_wstr(&r);
		CHECK_STR(s, FAKE_DOMAIN);
		free(s);
		if (p_root) {
			s = ndr_rd_wstr(&r);
			CHECK_STR(s, "C:\\");
			free(s);
		}
		CHECK_EQ(ndr_rd_u32(&r), 0);
		CHECK_EQ(r.off, resp.len);
		ndr_wr_free(&resp);
	}
	ndr_wr_init(&stub);
	CHECK_EQ(cl_call(&c, 1, &stub, 0, &resp), NCA_S_OP_RNG_ERROR);
	ndr_wr_free(&stub);
	cl_close(&c);
}

static const struct test_case tests[] = {
	{ "share_enum_levels", test_share_enum_levels },
	{ "share_enum_restricted", test_share_enum_restricted },
	{ "share_enum_resume", test_share_enum_resume },
	{ "share_get_info", test_share_get_info },
	{ "server_get_info", test_server_get_info },
	{ "session_enum_and_check", test_session_enum_and_check },
	{ "wksta_get_info", test_wksta_get_info },
	{ NULL, NULL }
};

int main(void)
{
	return run_tests("srvsvc", tests);
}
