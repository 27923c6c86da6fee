// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit tests of what the daemon sends us: startup configuration, answers
 * to requests (short, lying sizes, missing NULs), users and shares built
 * from answers, protocol names and veto patterns.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/string.h>

#include "ipc.h"
#include "server.h"
#include "mgmt/share.h"
#include "mgmt/user.h"

/* ---- protocol names ---- */

static void protocol_names(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB2_02", false), 0x0202);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB2_10", true), 0x0210);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("smb3_00", false), 0x0300);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB3_02", true), 0x0302);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB3_11", false), 0x0311);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB2", false), 0x0202);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB2", true), 0x0210);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB3", false), 0x0300);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB3", true), 0x0311);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("NT1", false), 0x0202);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB1", true), 0x0202);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB3_12", true), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("", true), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_parse_protocol("SMB2_021", true), 0);
}

/* ---- startup request ---- */

static struct ksmbd_startup_request *startup(struct kunit *test,
					     const char *ifc, size_t ifc_sz,
					     size_t *len)
{
	struct ksmbd_startup_request *req;

	*len = sizeof(*req) + ifc_sz;
	req = kunit_kzalloc(test, *len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, req);
	req->ifc_list_sz = ifc_sz;
	memcpy(req->____payload, ifc, ifc_sz);
	return req;
}

static void startup_defaults(struct kunit *test)
{
	struct ksmbd_server_config cfg = {};
	struct ksmbd_startup_request *req;
	size_t len;

	req = startup(test, NULL, 0, &len);
	KUNIT_ASSERT_EQ(test, ksmbd_config_parse(&cfg, req, len), 0);
	KUNIT_EXPECT_EQ(test, cfg.tcp_port, 445);
	KUNIT_EXPECT_EQ(test, cfg.ipc_timeout_sec, 10U);
	KUNIT_EXPECT_EQ(test, cfg.max_read, 8U << 20);
	KUNIT_EXPECT_EQ(test, cfg.max_write, 8U << 20);
	KUNIT_EXPECT_EQ(test, cfg.max_trans, 8U << 20);
	KUNIT_EXPECT_EQ(test, cfg.max_credits, 8192U);
	KUNIT_EXPECT_EQ(test, cfg.min_dialect, 0x0202);
	KUNIT_EXPECT_EQ(test, cfg.max_dialect, 0x0311);
	KUNIT_EXPECT_EQ(test, cfg.nr_interfaces, 0U);
	KUNIT_EXPECT_STREQ(test, cfg.netbios_name, "");
	ksmbd_config_free(&cfg);
}

static void startup_clamps(struct kunit *test)
{
	struct ksmbd_server_config cfg = {};
	struct ksmbd_startup_request *req;
	size_t len;

	req = startup(test, NULL, 0, &len);
	req->smb2_max_read = 1;
	req->smb2_max_write = 1U << 30;
	req->smb2_max_trans = 12U << 20;
	req->smb2_max_credits = 1U << 20;
	req->signing = 7;
	req->deadtime = U32_MAX;
	req->tcp_port = 4445;
	memcpy(req->min_prot, "SMB3_11", 8);
	memcpy(req->max_prot, "SMB2_10", 8);
	/* full-width strings without a NUL */
	memset(req->netbios_name, 'N', sizeof(req->netbios_name));
	memset(req->work_group, 'W', sizeof(req->work_group));
	KUNIT_ASSERT_EQ(test, ksmbd_config_parse(&cfg, req, len), 0);
	KUNIT_EXPECT_EQ(test, cfg.max_read, 64U << 10);
	KUNIT_EXPECT_EQ(test, cfg.max_write, 16U << 20);
	KUNIT_EXPECT_EQ(test, cfg.max_trans, 12U << 20);
	KUNIT_EXPECT_EQ(test, cfg.max_credits, 65535U);
	KUNIT_EXPECT_EQ(test, cfg.signing, KSMBD_CONFIG_OPT_AUTO);
	KUNIT_EXPECT_EQ(test, cfg.tcp_port, 4445);
	KUNIT_EXPECT_LE(test, cfg.deadtime_sec, U32_MAX);
	KUNIT_EXPECT_GT(test, cfg.deadtime_sec, 0U);
	KUNIT_EXPECT_EQ(test, cfg.min_dialect, 0x0210);
	KUNIT_EXPECT_EQ(test, cfg.max_dialect, 0x0210);
	KUNIT_EXPECT_EQ(test, strlen(cfg.netbios_name), 16UL);
	KUNIT_EXPECT_EQ(test, strlen(cfg.work_group), 64UL);
	ksmbd_config_free(&cfg);
}

static void startup_bad_sizes(struct kunit *test)
{
	struct ksmbd_server_config cfg = {};
	struct ksmbd_startup_request *req;
	size_t len;

	req = startup(test, "eth0", 5, &len);
	KUNIT_EXPECT_EQ(test, ksmbd_config_parse(&cfg, req, len - 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_config_parse(&cfg, req, sizeof(*req) - 1),
			-EINVAL);
	req->ifc_list_sz = 6;	/* one byte beyond the attribute */
	KUNIT_EXPECT_EQ(test, ksmbd_config_parse(&cfg, req, len), -EINVAL);
	req->ifc_list_sz = U32_MAX;
	KUNIT_EXPECT_EQ(test, ksmbd_config_parse(&cfg, req, len), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, cfg.interfaces, (char **)NULL);
}

static void startup_interfaces(struct kunit *test)
{
	static const char list[] = "eth0\0\0lo\0br-lan";	/* last unterminated */
	static const char longname[] = "a-very-long-interface-name";
	struct ksmbd_server_config cfg = {};
	struct ksmbd_startup_request *req;
	size_t len;

	req = startup(test, list, sizeof(list) - 1, &len);
	req->bind_interfaces_only = 1;
	KUNIT_ASSERT_EQ(test, ksmbd_config_parse(&cfg, req, len), 0);
	KUNIT_EXPECT_TRUE(test, cfg.bind_interfaces_only);
	KUNIT_ASSERT_EQ(test, cfg.nr_interfaces, 3U);
	KUNIT_EXPECT_STREQ(test, cfg.interfaces[0], "eth0");
	KUNIT_EXPECT_STREQ(test, cfg.interfaces[1], "lo");
	KUNIT_EXPECT_STREQ(test, cfg.interfaces[2], "br-lan");
	ksmbd_config_free(&cfg);
	KUNIT_EXPECT_EQ(test, cfg.nr_interfaces, 0U);

	req = startup(test, longname, sizeof(longname), &len);
	KUNIT_EXPECT_EQ(test, ksmbd_config_parse(&cfg, req, len), -EINVAL);
}

/* ---- answers ---- */

static void answer_fixed_sizes(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 4096, GFP_KERNEL);
	struct ksmbd_login_response *lr = (void *)buf;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_HEARTBEAT_REQUEST,
						 buf, 3), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_HEARTBEAT_REQUEST,
						 buf, 4), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE,
						 buf, sizeof(*lr) - 1), -EINVAL);
	lr->hash_sz = 16;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE,
						 buf, sizeof(*lr)), 0);
	lr->hash_sz = KSMBD_REQ_MAX_HASH_SZ + 1;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE,
						 buf, sizeof(*lr)), -EINVAL);
	KUNIT_EXPECT_EQ(test,
			ksmbd_ipc_validate(KSMBD_EVENT_TREE_CONNECT_RESPONSE,
					   buf, 71), -EINVAL);
	KUNIT_EXPECT_EQ(test,
			ksmbd_ipc_validate(KSMBD_EVENT_TREE_CONNECT_RESPONSE,
					   buf, 72), 0);
	/* a request event is never an answer */
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_REQUEST,
						 buf, 4096), -EINVAL);
}

static void answer_tails(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 4096, GFP_KERNEL);
	struct ksmbd_rpc_command *rpc = (void *)buf;
	struct ksmbd_login_response_ext *ext = (void *)buf;
	struct ksmbd_spnego_authen_response *sp = (void *)buf;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	rpc->payload_sz = 100;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_RPC_RESPONSE, buf,
						 sizeof(*rpc) + 100), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_RPC_RESPONSE, buf,
						 sizeof(*rpc) + 99), -EINVAL);
	rpc->payload_sz = U32_MAX;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_RPC_RESPONSE, buf,
						 4096), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_RPC_RESPONSE, buf,
						 11), -EINVAL);

	memset(buf, 0, 4096);
	ext->ngroups = 3;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE_EXT,
						 buf, sizeof(*ext) + 12), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE_EXT,
						 buf, sizeof(*ext) + 11), -EINVAL);
	ext->ngroups = -1;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE_EXT,
						 buf, 4096), -EINVAL);
	ext->ngroups = S32_MAX;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_LOGIN_RESPONSE_EXT,
						 buf, 4096), -EINVAL);

	memset(buf, 0, 4096);
	sp->session_key_len = 16;
	sp->spnego_blob_len = 200;
	KUNIT_EXPECT_EQ(test,
			ksmbd_ipc_validate(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE,
					   buf, sizeof(*sp) + 216), 0);
	KUNIT_EXPECT_EQ(test,
			ksmbd_ipc_validate(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE,
					   buf, sizeof(*sp) + 215), -EINVAL);
	sp->spnego_blob_len = U16_MAX;
	sp->session_key_len = U16_MAX;
	KUNIT_EXPECT_EQ(test,
			ksmbd_ipc_validate(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE,
					   buf, 4096), -EINVAL);
}

/* A share answer with tail bytes, as a daemon would send it. */
static struct ksmbd_share_config_response *
share_answer(struct kunit *test, const char *tail, size_t tail_sz,
	     u32 payload_sz, u32 veto_sz, size_t *len)
{
	struct ksmbd_share_config_response *r;

	*len = sizeof(*r) + tail_sz;
	r = kunit_kzalloc(test, *len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	r->flags = KSMBD_SHARE_FLAG_AVAILABLE;
	r->payload_sz = payload_sz;
	r->veto_list_sz = veto_sz;
	memcpy(r->____payload, tail, tail_sz);
	return r;
}

static void answer_share_config(struct kunit *test)
{
	static const char tail[] = "a*\0b\0/tmp";
	struct ksmbd_share_config_response *r;
	const unsigned int ev = KSMBD_EVENT_SHARE_CONFIG_RESPONSE;
	size_t len;

	r = share_answer(test, tail, sizeof(tail), sizeof(tail), 4, &len);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, sizeof(*r) - 1),
			-EINVAL);
	/* payload_sz beyond the attribute */
	r->payload_sz = sizeof(tail) + 1;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), -EINVAL);
	/* 0: ksmbd-tools 3.4 style, the rest of the attribute */
	r->payload_sz = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), 0);
	KUNIT_EXPECT_EQ(test, r->payload_sz, (u32)sizeof(tail));
	/* veto list beyond the payload, or with no room for its NUL */
	r->veto_list_sz = sizeof(tail) + 1;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), -EINVAL);
	r->veto_list_sz = sizeof(tail);
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), -EINVAL);
	r->veto_list_sz = U32_MAX;
	KUNIT_EXPECT_EQ(test, ksmbd_ipc_validate(ev, r, len), -EINVAL);
}

/* ---- users ---- */

static void user_from_answer(struct kunit *test)
{
	struct ksmbd_login_response *r;
	struct ksmbd_user *u;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	strscpy((char *)r->account, "alice", sizeof(r->account));
	r->uid = 1000;
	r->gid = 100;
	r->hash_sz = 16;
	memset(r->hash, 0xab, 16);

	r->status = KSMBD_USER_FLAG_INVALID;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, "alice"),
			    (struct ksmbd_user *)NULL);
	r->status = KSMBD_USER_FLAG_OK | KSMBD_USER_FLAG_BAD_USER;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, "alice"),
			    (struct ksmbd_user *)NULL);
	r->status = KSMBD_USER_FLAG_OK;
	r->hash_sz = 15;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, "alice"),
			    (struct ksmbd_user *)NULL);
	r->hash_sz = 16;

	u = ksmbd_user_from_login(r, "alice");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_STREQ(test, u->name, "alice");
	KUNIT_EXPECT_EQ(test, u->uid, 1000U);
	KUNIT_EXPECT_EQ(test, u->gid, 100U);
	KUNIT_EXPECT_FALSE(test, u->guest);
	KUNIT_EXPECT_EQ(test, u->nt_hash[15], 0xab);
	ksmbd_user_put(u);

	/* a guest needs no hash */
	r->status = KSMBD_USER_FLAG_OK | KSMBD_USER_FLAG_GUEST_ACCOUNT;
	r->hash_sz = 0;
	u = ksmbd_user_from_login(r, "alice");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_TRUE(test, u->guest);
	ksmbd_user_put(u);

	/* mapped to guest, as ksmbd-tools answers: keeps the asked name */
	memset(r->account, 0, sizeof(r->account));
	u = ksmbd_user_from_login(r, "bob");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_TRUE(test, u->guest);
	KUNIT_EXPECT_STREQ(test, u->name, "bob");
	ksmbd_user_put(u);
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, ""),
			    (struct ksmbd_user *)NULL);
	/* a SPNEGO answer needs no hash, but a name */
	r->status = KSMBD_USER_FLAG_OK;
	r->hash_sz = 0;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_response(r),
			    (struct ksmbd_user *)NULL);
	strscpy((char *)r->account, "carol", sizeof(r->account));
	u = ksmbd_user_from_response(r);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_STREQ(test, u->name, "carol");
	ksmbd_user_put(u);
	memset(r->account, 0, sizeof(r->account));
	/* ... but a real account needs its name */
	r->status = KSMBD_USER_FLAG_OK;
	r->hash_sz = 16;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, "bob"),
			    (struct ksmbd_user *)NULL);
	r->status = KSMBD_USER_FLAG_OK | KSMBD_USER_FLAG_GUEST_ACCOUNT;

	/* an account name without its NUL */
	memset(r->account, 'x', sizeof(r->account));
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_user_from_login(r, "alice"),
			    (struct ksmbd_user *)NULL);
}

/* ---- shares ---- */

static void share_from_answer(struct kunit *test)
{
	static const char tail[] = "*.tmp/.DS_Store/\0/";
	static const char rel[] = "srv/share";
	static const char nonul[] = { '/', 'x' };
	struct ksmbd_share_config_response *r;
	struct ksmbd_share *s;
	size_t len;

	/* veto list as smb.conf writes it, then the path "/" */
	r = share_answer(test, tail, sizeof(tail), 0, sizeof(tail) - 3, &len);
	KUNIT_ASSERT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_SHARE_CONFIG_RESPONSE,
						 r, len), 0);
	s = ksmbd_share_from_response("data", r);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s->path, "/");
	KUNIT_EXPECT_FALSE(test, s->is_pipe);
	KUNIT_ASSERT_EQ(test, s->nr_veto, 2U);
	KUNIT_EXPECT_STREQ(test, s->veto[0], "*.tmp");
	KUNIT_EXPECT_STREQ(test, s->veto[1], ".DS_Store");
	KUNIT_EXPECT_TRUE(test, ksmbd_share_veto(s, "a.TMP"));
	KUNIT_EXPECT_TRUE(test, ksmbd_share_veto(s, ".ds_store"));
	KUNIT_EXPECT_FALSE(test, ksmbd_share_veto(s, "a.tmpx"));
	ksmbd_share_put(s);

	/* a relative path is refused */
	r = share_answer(test, rel, sizeof(rel), sizeof(rel), 0, &len);
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_share_from_response("x", r),
			    (struct ksmbd_share *)NULL);

	/* a path without its NUL ends at the payload */
	r = share_answer(test, nonul, sizeof(nonul), sizeof(nonul) - 1, 0,
			 &len);
	KUNIT_ASSERT_EQ(test, ksmbd_ipc_validate(KSMBD_EVENT_SHARE_CONFIG_RESPONSE,
						 r, len), 0);
	s = ksmbd_share_from_response("x", r);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s->path, "/");
	ksmbd_share_put(s);

	/* IPC$: no path needed */
	r = share_answer(test, NULL, 0, 0, 0, &len);
	r->flags |= KSMBD_SHARE_FLAG_PIPE;
	s = ksmbd_share_from_response("IPC$", r);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s);
	KUNIT_EXPECT_TRUE(test, s->is_pipe);
	KUNIT_EXPECT_PTR_EQ(test, s->path, (char *)NULL);
	ksmbd_share_put(s);

	/* "no such share" */
	r->flags = KSMBD_SHARE_FLAG_INVALID;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_share_from_response("nope", r),
			    (struct ksmbd_share *)NULL);
}

static void glob_patterns(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("", ""));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("", "a"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("a?c", "abc"));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("a?c", "ac"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("a?c", "a\303\251c"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("*.txt", "notes.TXT"));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("*.txt", "notes.txt~"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("a*b*c", "aXbYbZc"));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("a*b*c", "aXbYbZ"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("**x", "abx"));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("x**", "x"));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("?", ""));
	KUNIT_EXPECT_TRUE(test, ksmbd_glob_match("*a", "aaaa"));
	KUNIT_EXPECT_FALSE(test, ksmbd_glob_match("*a?", "bbba"));
}

static struct kunit_case ksmbd_ipc_cases[] = {
	KUNIT_CASE(protocol_names),
	KUNIT_CASE(startup_defaults),
	KUNIT_CASE(startup_clamps),
	KUNIT_CASE(startup_bad_sizes),
	KUNIT_CASE(startup_interfaces),
	KUNIT_CASE(answer_fixed_sizes),
	KUNIT_CASE(answer_tails),
	KUNIT_CASE(answer_share_config),
	KUNIT_CASE(user_from_answer),
	KUNIT_CASE(share_from_answer),
	KUNIT_CASE(glob_patterns),
	{}
};

static struct kunit_suite ksmbd_ipc_suite = {
	.name = "ksmbd_ipc",
	.test_cases = ksmbd_ipc_cases,
};

kunit_test_suite(ksmbd_ipc_suite);
