// SPDX-License-Identifier: GPL-2.0-or-later
/* mountd decisions: login mapping, tree-connect policy, share config wire
 * format, host matching; and the RPC glue on a handle without a socket. */
#include <stdlib.h>

#include "config.h"
#include "handlers.h"
#include "harness.h"
#include "ksmbd_abi.h"
#include "log.h"
#include "policy.h"
#include "state.h"

static const char conf_text[] =
	"[global]\n"
	"\tmap to guest = never\n"
	"\troot directory = /chroot\n"
	"[data]\n"
	"\tpath = /srv/data\n"
	"\tread only = no\n"
	"\tvalid users = root, alice\n"
	"\tinvalid users = alice\n"
	"\tread list = bob\n"
	"\tveto files = /*.tmp/.git/\n"
	"\tforce user = root\n"
	"\thosts allow = 10.0.0.0/8, 192.168.1.\n"
	"[pub]\n"
	"\tpath = /srv/pub\n"
	"\tguest ok = yes\n"
	"\tmax connections = 1\n"
	"\tadmin users = root\n"
	"\thosts deny = 172.16.0.0/255.255.0.0\n"
	"[nopath]\n"
	"\tcomment = x\n";

/* main.c is not linked in: the receive path is not under test here. */
void ipc_dispatch(int event, const void *data, size_t len)
{
	(void)event; (void)data; (void)len;
}

static struct ksmbd_config *cfg;
static struct userdb db;

static void setup(void)
{
	char err[256];
	uint8_t h[16];

	cfg = config_parse(conf_text, strlen(conf_text), "t.conf", err, sizeof(err));
	nt_hash("Password", h);
	userdb_set(&db, "root", h);
	userdb_set(&db, "alice", h);
	userdb_set(&db, "bob", h);
	userdb_set(&db, "nosuchsystemuser", h);
}

static void test_login(void)
{
	struct login_result r;
	char hx[33];

	policy_login(cfg, &db, "ROOT", &r);
	CHECK(r.status == KSMBD_USER_FLAG_OK && r.uid == 0 && r.gid == 0);
	CHECK(r.hash_sz == 16);
	hex(r.hash, 16, hx);
	CHECK_STR(hx, "a4f49c406510bdcab6824ee7c30fd852");
	CHECK_STR(r.account, "root");

	policy_login(cfg, &db, "nosuchsystemuser", &r);
	CHECK(r.status == KSMBD_USER_FLAG_OK && r.uid == 65534);

	policy_login(cfg, &db, "stranger", &r);
	CHECK(r.status == KSMBD_USER_FLAG_BAD_USER);

	cfg->g.map_to_guest = MAP_GUEST_BAD_USER;
	policy_login(cfg, &db, "stranger", &r);
	CHECK(r.status == (KSMBD_USER_FLAG_OK | KSMBD_USER_FLAG_GUEST_ACCOUNT));
	CHECK_STR(r.account, "nobody");
	cfg->g.map_to_guest = MAP_GUEST_NEVER;
}

static void tc(const char *user, uint16_t af, const char *share,
	       const char *peer, unsigned int uses, uint16_t st, uint16_t fl)
{
	struct tc_result r;

	policy_tree_connect(cfg, &db, user, af, share, peer, uses, &r);
	CHECK(r.status == st);
	if (r.status != st || r.flags != fl)
		fprintf(stderr, "  %s on %s from %s: status %u flags 0x%x\n",
			user, share, peer, r.status, r.flags);
	CHECK(r.flags == fl);
}

static void test_tree_connect(void)
{
	const uint16_t ok = KSMBD_USER_FLAG_OK, guest = KSMBD_USER_FLAG_GUEST_ACCOUNT;

	tc("root", ok, "data", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_OK,
	   KSMBD_TREE_CONN_FLAG_WRITABLE);
	tc("root", ok, "data", "::ffff:192.168.1.20", 0,
	   KSMBD_TREE_CONN_STATUS_OK, KSMBD_TREE_CONN_FLAG_WRITABLE);
	tc("root", ok, "data", "192.168.2.20", 0,
	   KSMBD_TREE_CONN_STATUS_HOST_DENIED, 0);
	tc("alice", ok, "data", "10.1.2.3", 0,
	   KSMBD_TREE_CONN_STATUS_INVALID_USER, 0);	/* invalid wins */
	tc("bob", ok, "data", "10.1.2.3", 0,
	   KSMBD_TREE_CONN_STATUS_INVALID_USER, 0);	/* not in valid users */
	tc("ghost", ok, "data", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_NO_USER, 0);
	tc("root", ok, "nope", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_NO_SHARE, 0);
	tc("root", ok, "nopath", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_NO_SHARE, 0);
	tc("bob", ok, "pub", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_OK,
	   KSMBD_TREE_CONN_FLAG_READ_ONLY);
	tc("root", ok, "pub", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_OK,
	   KSMBD_TREE_CONN_FLAG_ADMIN_ACCOUNT | KSMBD_TREE_CONN_FLAG_WRITABLE);
	tc("bob", ok, "pub", "10.1.2.3", 1, KSMBD_TREE_CONN_STATUS_TOO_MANY_CONNS, 0);
	tc("bob", ok, "pub", "172.16.9.9", 0, KSMBD_TREE_CONN_STATUS_HOST_DENIED, 0);
	tc("nobody", ok | guest, "pub", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_OK,
	   KSMBD_TREE_CONN_FLAG_GUEST_ACCOUNT | KSMBD_TREE_CONN_FLAG_READ_ONLY);
	tc("nobody", ok | guest, "data", "10.1.2.3", 0,
	   KSMBD_TREE_CONN_STATUS_INVALID_USER, 0);
	tc("nobody", ok | guest, "IPC$", "10.1.2.3", 0, KSMBD_TREE_CONN_STATUS_OK,
	   KSMBD_TREE_CONN_FLAG_GUEST_ACCOUNT);
	cfg->g.restrict_anonymous = 1;
	tc("nobody", ok | guest, "IPC$", "10.1.2.3", 0,
	   KSMBD_TREE_CONN_STATUS_INVALID_USER, 0);
	cfg->g.restrict_anonymous = 0;
}

static void test_share_config(void)
{
	struct ksmbd_share_config_response *r = NULL;
	void *buf = NULL;
	size_t sz;
	const char *p;

	sz = build_share_config(cfg, 77, "DATA", &buf);
	r = buf;
	CHECK(sz == sizeof(*r) + r->payload_sz);
	CHECK(r->handle == 77);
	CHECK(r->flags & KSMBD_SHARE_FLAG_AVAILABLE);
	CHECK(r->flags & KSMBD_SHARE_FLAG_WRITEABLE);
	CHECK(!(r->flags & KSMBD_SHARE_FLAG_READONLY));
	CHECK(r->veto_list_sz == strlen("*.tmp") + 1 + strlen(".git"));
	p = (const char *)r->____payload;
	CHECK_STR(p, "*.tmp");
	CHECK_STR(p + 6, ".git");
	CHECK_STR(ksmbd_share_config_path(r), "/chroot/srv/data");
	CHECK(r->payload_sz == r->veto_list_sz + 1 + strlen("/chroot/srv/data") + 1);
	CHECK(r->force_uid == 0);		/* root */
	CHECK(r->force_gid == 0xFFFF);		/* not set */
	CHECK(r->create_mask == 0744 && r->directory_mask == 0755);
	free(buf);

	sz = build_share_config(cfg, 5, "IPC$", &buf);
	r = buf;
	CHECK(r->flags == (KSMBD_SHARE_FLAG_AVAILABLE | KSMBD_SHARE_FLAG_PIPE));
	CHECK(r->payload_sz == 1 && sz == sizeof(*r) + 1);
	free(buf);

	sz = build_share_config(cfg, 6, "missing", &buf);
	r = buf;
	CHECK(r->flags == KSMBD_SHARE_FLAG_INVALID);
	CHECK(r->payload_sz == 1 && sz == sizeof(*r) + 1);
	free(buf);
}

static void test_stale_shares(void)
{
	static const char text2[] =
		"[global]\n\troot directory = /chroot\n"
		"[data]\n\tpath = /srv/data2\n"		/* moved */
		"[pub]\n\tpath = /srv/pub\n\tguest ok = yes\n"
		"\tmax connections = 1\n\tadmin users = root\n"
		"\thosts deny = 172.16.0.0/255.255.0.0\n"
		"[new]\n\tpath = /srv/new\n";
	char err[256];
	struct ksmbd_config *c2 = config_parse(text2, strlen(text2), "t2.conf",
					       err, sizeof(err));

	CHECK(c2 != NULL);
	if (!c2)
		return;
	state_mark_stale(cfg, c2);
	CHECK(state_share_take_stale("DATA"));
	CHECK(!state_share_take_stale("data"));		/* once */
	CHECK(state_share_take_stale("new"));		/* appeared */
	CHECK(!state_share_take_stale("pub"));		/* same answer */
	CHECK(!state_share_take_stale("IPC$"));
	CHECK(state.stale.n == 0);	/* nopath: invalid in both */
	state_mark_stale(c2, cfg);
	CHECK(state_share_take_stale("new"));		/* went away */
	strlist_free(&state.stale);
	config_free(c2);
}

static void test_hosts(void)
{
	struct strlist l = { 0 };

	strlist_split(&l, "10.0.0.0/8 fe80::/10 192.168.1. 1.2.3.4");
	CHECK(host_match(&l, "10.255.0.1"));
	CHECK(!host_match(&l, "11.0.0.1"));
	CHECK(host_match(&l, "fe80::1"));
	CHECK(!host_match(&l, "2001:db8::1"));
	CHECK(host_match(&l, "192.168.1.7"));
	CHECK(!host_match(&l, "192.168.10.7"));
	CHECK(host_match(&l, "::ffff:1.2.3.4"));
	CHECK(!host_match(&l, "garbage"));
	strlist_free(&l);

	strlist_split(&l, "10.0.0.0/8, 192.168.1. EXCEPT 10.1.0.0/16 192.168.1.9");
	CHECK(host_match(&l, "10.2.0.1"));
	CHECK(!host_match(&l, "10.1.0.1"));
	CHECK(host_match(&l, "192.168.1.8"));
	CHECK(!host_match(&l, "192.168.1.9"));
	CHECK(!host_match(&l, "11.0.0.1"));
	strlist_free(&l);
	strlist_split(&l, "ALL EXCEPT 10.0.0.0/8 EXCEPT 10.9.9.9");
	CHECK(host_match(&l, "1.2.3.4"));
	CHECK(!host_match(&l, "10.1.1.1"));
	CHECK(host_match(&l, "10.9.9.9"));
	strlist_free(&l);
	strlist_split(&l, "except 1.2.3.4");	/* nothing before EXCEPT */
	CHECK(!host_match(&l, "1.2.3.4"));
	CHECK(!host_match(&l, "5.6.7.8"));
	strlist_free(&l);
	strlist_split(&l, "1.2.3.4 EXCEPT");	/* nothing after it */
	CHECK(host_match(&l, "1.2.3.4"));
	strlist_free(&l);
}

static void test_rpc_no_socket(void)
{
	/* A malformed RPC request must be rejected, not read past its end. */
	uint8_t msg[sizeof(struct ksmbd_rpc_command) + 4] = { 0 };
	struct ksmbd_rpc_command *c = (void *)msg;

	c->handle = 1;
	c->flags = KSMBD_RPC_OPEN_METHOD;
	state.cfg = cfg;
	state.db = &db;
	handle_rpc(msg, sizeof(*c));		/* open (reply send fails: no socket) */
	c->flags = KSMBD_RPC_WRITE_METHOD;
	c->payload_sz = 1000;			/* beyond the message */
	handle_rpc(msg, sizeof(msg));
	c->payload_sz = 4;
	handle_rpc(msg, sizeof(msg));		/* garbage PDU bytes */
	c->flags = KSMBD_RPC_CLOSE_METHOD;
	handle_rpc(msg, sizeof(*c));
	handle_rpc(msg, 3);			/* short */
	rpc_glue_close_all();
	state.cfg = NULL;
	state.db = NULL;
	CHECK(1);
}

int main(void)
{
	log_init("test_mountd", false);
	setup();
	CHECK(cfg != NULL);
	if (!cfg)
		return 1;
	RUN(test_login);
	RUN(test_tree_connect);
	RUN(test_share_config);
	RUN(test_stale_shares);
	RUN(test_hosts);
	RUN(test_rpc_no_socket);
	config_free(cfg);
	userdb_free(&db);
	return t_report("test_mountd");
}
