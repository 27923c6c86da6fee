// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NDR20 reader/writer, UTF-16 conversion, SIDs and the SID/name mapping.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_provider.h"
#include "harness.h"
#include "ndr.h"
#include "sid.h"

static void test_primitives_roundtrip(void)
{
	struct ndr_wr w;
	struct ndr_rd r;

	ndr_wr_init(&w);
	ndr_wr_u8(&w, 0xAB);
	ndr_wr_u16(&w, 0x1234);		/* pad 1 */
	ndr_wr_u32(&w, 0xDEADBEEF);
	ndr_wr_u8(&w, 1);
	ndr_wr_u64(&w, 0x0102030405060708ull);	/* pad 7 */
	CHECK_EQ(w.len, 24);
	CHECK_EQ(w.data[1], 0);		/* padding is zero */
	CHECK_EQ(w.data[2], 0x34);
	CHECK_EQ(w.data[3], 0x12);
	CHECK_EQ(w.data[16], 0x08);

	ndr_rd_init(&r, w.data, w.len);
	CHECK_EQ(ndr_rd_u8(&r), 0xAB);
	CHECK_EQ(ndr_rd_u16(&r), 0x1234);
	CHECK_EQ(ndr_rd_u32(&r), 0xDEADBEEF);
	CHECK_EQ(ndr_rd_u8(&r), 1);
	CHECK_EQ(ndr_rd_u64(&r), 0x0102030405060708ull);
	CHECK_EQ(r.err, 0);
	CHECK_EQ(r.off, 24);
	/* past the end: sticky error, zero values */
	CHECK_EQ(ndr_rd_u8(&r), 0);
	CHECK(r.err != 0);
	r.off = 0;
	CHECK_EQ(ndr_rd_u32(&r), 0);	/* still failed */
	ndr_wr_free(&w);
}

static void test_truncated_reads(void)
{
	uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct ndr_rd r;
	size_t len;

	for (len = 0; len < 8; len++) {
		ndr_rd_init(&r, buf, len);
		ndr_rd_u64(&r);
		CHECK(r.err != 0);
		ndr_rd_init(&r, buf, len);
		ndr_rd_u32(&r);
		CHECK_EQ(r.err != 0, len < 4);
	}
	/* alignment is relative to the start of the stub */
	ndr_rd_init(&r, buf, 8);
	ndr_rd_u8(&r);
	CHECK_EQ(ndr_rd_u32(&r), 0x08070605u);
}

static void test_wstr(void)
{
	/* é (2 bytes), € (3 bytes), U+1F600 (surrogate pair) */
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";
	struct ndr_wr w;
	struct ndr_rd r;
	char *out;

	CHECK_EQ(utf8_to_utf16_len(s), 6);
	ndr_wr_init(&w);
	ndr_wr_unique_wstr(&w, s);
	CHECK_EQ(w.len, 4 + 12 + 7 * 2);
	CHECK_EQ(w.data[4], 7);		/* max_count includes NUL */
	CHECK_EQ(w.data[12], 7);	/* actual_count */
	CHECK_EQ(w.data[16 + 4], 0xAC);	/* € = U+20AC */
	CHECK_EQ(w.data[16 + 5], 0x20);
	CHECK_EQ(w.data[16 + 6], 0x3D);	/* D83D DE00 */
	CHECK_EQ(w.data[16 + 7], 0xD8);
	ndr_rd_init(&r, w.data, w.len);
	out = ndr_rd_unique_wstr(&r);
	CHECK_STR(out, s);
	CHECK_EQ(r.err, 0);
	free(out);

	/* invalid UTF-8 becomes U+FFFD on the wire */
	CHECK_EQ(utf8_to_utf16_len("\xff\xc3"), 2);
	ndr_wr_free(&w);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void test_wstr_validation(void)
{
	uint8_t buf[64] = { 0 };
	struct ndr_rd r;
	char *s;

	/* offset != 0 */
	put32(buf, 2);
	put32(buf + 4, 1);
	put32(buf + 8, 1);
	ndr_rd_init(&r, buf, 20);
	CHECK(!ndr_rd_wstr(&r) && r.err);
	/* actual > max */
	put32(buf, 1);
	put32(buf + 4, 0);
	put32(buf + 8, 2);
	ndr_rd_init(&r, buf, 20);
	CHECK(!ndr_rd_wstr(&r) && r.err);
	/* actual beyond the buffer */
	put32(buf, 0x40000000);
	put32(buf + 8, 0x40000000);
	ndr_rd_init(&r, buf, 64);
	CHECK(!ndr_rd_wstr(&r) && r.err);
	/* a huge count within max but beyond the bound */
	put32(buf, 5000);
	put32(buf + 8, 5000);
	ndr_rd_init(&r, buf, 64);
	CHECK(!ndr_rd_wstr(&r) && r.err);
	/* lone surrogates decode to U+FFFD */
	put32(buf, 2);
	put32(buf + 8, 2);
	buf[12] = 0x00;
	buf[13] = 0xDC;
	buf[14] = 'x';
	buf[15] = 0;
	ndr_rd_init(&r, buf, 16);
	s = ndr_rd_wstr(&r);
	CHECK_STR(s, "\xef\xbf\xbdx");
	free(s);
}

static void test_ustr(void)
{
	struct ndr_wr w;
	struct ndr_rd r;
	struct ndr_ustr u;
	char *s;

	ndr_wr_init(&w);
	ndr_wr_u16(&w, 7);
	ndr_wr_ustr(&w, "alice");	/* aligned to 4 */
	ndr_wr_ustr(&w, NULL);
	ndr_wr_ustr_body(&w, "alice");
	ndr_wr_ustr_body(&w, NULL);
	CHECK_EQ(w.len, 4 + 8 + 8 + 12 + 10);
	CHECK_EQ(w.data[4], 10);	/* Length in bytes */
	CHECK_EQ(w.data[6], 10);	/* MaximumLength */
	CHECK_EQ(w.data[12], 0);	/* NULL string: lengths 0, ptr 0 */
	CHECK_EQ(w.data[16], 0);

	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_u16(&r);
	ndr_rd_ustr(&r, &u);
	CHECK_EQ(u.len, 10);
	s = ndr_rd_ustr_body(&r, &u);
	CHECK(!s);		/* the NULL string's head comes first */
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_u16(&r);
	ndr_rd_ustr(&r, &u);
	r.off = 20;
	s = ndr_rd_ustr_body(&r, &u);
	CHECK_STR(s, "alice");
	CHECK_EQ(r.err, 0);
	free(s);

	/* Length odd, Length > MaximumLength, counts that disagree */
	w.data[4] = 9;
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_u16(&r);
	ndr_rd_ustr(&r, &u);
	CHECK(r.err);
	w.data[4] = 12;
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_u16(&r);
	ndr_rd_ustr(&r, &u);
	CHECK(r.err);
	w.data[4] = 10;
	w.data[20] = 6;			/* max_count != MaximumLength / 2 */
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_u16(&r);
	ndr_rd_ustr(&r, &u);
	r.off = 20;
	CHECK(!ndr_rd_ustr_body(&r, &u) && r.err);
	ndr_wr_free(&w);
}

static void test_sid_wire(void)
{
	struct rpc_sid a, b;
	struct ndr_wr w;
	struct ndr_rd r;
	char buf[128];

	sid_init(&a, 5, 5, 21u, 1u, 2u, 3u, 1000u);
	CHECK_STR(sid_to_string(&a, buf, sizeof(buf)), "S-1-5-21-1-2-3-1000");
	CHECK(sid_from_string(&b, "S-1-5-21-1-2-3-1000"));
	CHECK(sid_equal(&a, &b));
	CHECK(!sid_from_string(&b, "S-1-5-x"));
	CHECK(!sid_from_string(&b, "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"));

	ndr_wr_init(&w);
	ndr_wr_sid(&w, &a);
	CHECK_EQ(w.len, 4 + 8 + 5 * 4);
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_sid(&r, &b);
	CHECK_EQ(r.err, 0);
	CHECK(sid_equal(&a, &b));
	/* conformance disagreeing with SubAuthorityCount */
	w.data[0] = 4;
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_sid(&r, &b);
	CHECK(r.err);
	/* too many sub-authorities */
	w.data[0] = 16;
	w.data[5] = 16;
	ndr_rd_init(&r, w.data, w.len);
	ndr_rd_sid(&r, &b);
	CHECK(r.err);
	ndr_wr_free(&w);
}

static void test_sid_names(void)
{
	struct rpc_sid_name sn;
	struct rpc_env env;
	struct rpc_sid sid;
	struct fake f;
	char buf[128];

	fake_init(&f);
	fake_env(&env, &f, false);

	sid_server_domain(&env, &sid);
	CHECK_STR(sid_to_string(&sid, buf, sizeof(buf)),
		  "S-1-5-21-111-222-333");
	sid_append(&sid, 1000);
	CHECK_EQ(sid_lookup_sid(&env, &sid, &sn), 0);
	CHECK_STR(sn.name, "alice");
	CHECK_STR(sn.domain, FAKE_SERVER);
	CHECK_EQ(sn.type, SID_TYPE_USER);
	CHECK_EQ(sn.rid, 1000);
	sid.subauth[4] = 4242;
	CHECK_EQ(sid_lookup_sid(&env, &sid, &sn), -ENOENT);

	CHECK(sid_from_string(&sid, "S-1-1-0"));
	CHECK_EQ(sid_lookup_sid(&env, &sid, &sn), 0);
	CHECK_STR(sn.name, "Everyone");
	CHECK_EQ(sn.type, SID_TYPE_WELL_KNOWN_GROUP);
	CHECK_STR(sid_to_string(&sn.domain_sid, buf, sizeof(buf)), "S-1-1");

	CHECK(sid_from_string(&sid, "S-1-5-32-544"));
	CHECK_EQ(sid_lookup_sid(&env, &sid, &sn), 0);
	CHECK_STR(sn.name, "Administrators");
	CHECK_STR(sn.domain, "BUILTIN");
	CHECK_EQ(sn.type, SID_TYPE_ALIAS);

	CHECK_EQ(sid_lookup_name(&env, "workgroup\\ALICE", &sn), 0);
	CHECK_STR(sid_to_string(&sn.sid, buf, sizeof(buf)),
		  "S-1-5-21-111-222-333-1000");
	CHECK_EQ(sid_lookup_name(&env, "\xc3\x89mile", &sn), 0);
	CHECK_EQ(sn.rid, 1002);
	CHECK_EQ(sid_lookup_name(&env, "NT AUTHORITY\\SYSTEM", &sn), 0);
	CHECK_STR(sid_to_string(&sn.sid, buf, sizeof(buf)), "S-1-5-18");
	CHECK_EQ(sid_lookup_name(&env, "KSMBD", &sn), 0);
	CHECK_EQ(sn.type, SID_TYPE_DOMAIN);
	CHECK_EQ(sid_lookup_name(&env, "OTHER\\alice", &sn), -ENOENT);
	CHECK_EQ(sid_lookup_name(&env, "nobody", &sn), -ENOENT);
	CHECK_EQ(sid_lookup_name(&env, "BUILTIN\\nobody", &sn), -ENOENT);
}

static void test_writer_limits(void)
{
	struct ndr_wr w;
	char *big = malloc(NDR_MAX_STRING_CHARS + 2);

	memset(big, 'x', NDR_MAX_STRING_CHARS + 1);
	big[NDR_MAX_STRING_CHARS + 1] = 0;
	ndr_wr_init(&w);
	ndr_wr_wstr(&w, big);
	CHECK(w.err != 0);
	ndr_wr_u32(&w, 1);		/* sticky */
	CHECK_EQ(w.len, 0);
	ndr_wr_free(&w);
	free(big);
}

static const struct test_case tests[] = {
	{ "primitives_roundtrip", test_primitives_roundtrip },
	{ "truncated_reads", test_truncated_reads },
	{ "wstr", test_wstr },
	{ "wstr_validation", test_wstr_validation },
	{ "ustr", test_ustr },
	{ "sid_wire", test_sid_wire },
	{ "sid_names", test_sid_names },
	{ "writer_limits", test_writer_limits },
	{ NULL, NULL }
};

int main(void)
{
	return run_tests("ndr", tests);
}
