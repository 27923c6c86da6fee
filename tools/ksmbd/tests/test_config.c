// SPDX-License-Identifier: GPL-2.0-or-later
/* ksmbd.conf parser: good files, defaults, inheritance, malformed files. */
#include <stdlib.h>

#include "config.h"
#include "harness.h"
#include "ini.h"
#include "log.h"

static struct ksmbd_config *parse(const char *text, char *err, size_t errlen)
{
	return config_parse(text, strlen(text), "t.conf", err, errlen);
}

static void test_defaults(void)
{
	char err[256];
	struct ksmbd_config *c = parse("", err, sizeof(err));

	CHECK(c != NULL);
	if (!c)
		return;
	CHECK_STR(c->g.netbios_name, "KSMBD SERVER");
	CHECK_STR(c->g.workgroup, "WORKGROUP");
	CHECK_STR(c->g.guest_account, "nobody");
	CHECK(c->g.tcp_port == 445);
	CHECK(c->g.smb2_max_read == 4u << 20);
	CHECK(c->g.smb2_max_trans == 1u << 20);
	CHECK(c->g.server_signing == CFG_DISABLED);
	CHECK(c->g.smb3_encryption == CFG_AUTO);
	CHECK(c->nshares == 1 && c->shares[0]->is_ipc);
	CHECK(config_share(c, "ipc$") != NULL);
	config_free(c);
}

static void test_full(void)
{
	static const char text[] =
		"; a comment\n"
		"# another\n"
		"[global]\n"
		"  Server String = Test Box   ; trailing comment\n"
		"\tNETBIOS  name=BOX\n"
		"\tworkgroup = HOME\n"
		"\tserver signing = mandatory\n"
		"\tsmb3 encryption = disabled\n"
		"\tmap to guest = Bad User\n"
		"\tsmb2 max read = 64K\n"
		"\ttcp port = 4445\n"
		"\tinterfaces = eth0, lo\n"
		"\tbind interfaces only = yes\n"
		"\tread only = no\n"
		"\tmax connections = 7\n"
		"\tunknown thing = 1\n"
		"\n"
		"[Data]\n"
		"\tpath = /srv/\\\n"
		"data\n"
		"\tcomment = Data share\n"
		"\tvalid users = alice, @staff\n"
		"\tread list = bob\n"
		"\tcreate mask = 0600\n"
		"\tveto files = /*.tmp/.git/\n"
		"\tvfs objects = acl_xattr streams_xattr fruit\n"
		"\tmax connections = 2\n"
		"\tworkgroup = X\n"
		"\tbrowseable = maybe\n"
		"[ro]\n"
		"\tpath = /srv/ro\n"
		"\tread only = yes\n"
		"\tguest ok = true\n"
		"[IPC$]\n"
		"\tcomment = remote IPC\n";
	char err[256];
	struct ksmbd_config *c = parse(text, err, sizeof(err));
	const struct share *s;

	CHECK(c != NULL);
	if (!c)
		return;
	CHECK_STR(c->g.server_string, "Test Box");
	CHECK_STR(c->g.netbios_name, "BOX");
	CHECK_STR(c->g.workgroup, "HOME");
	CHECK(c->g.server_signing == CFG_MANDATORY);
	CHECK(c->g.smb3_encryption == CFG_DISABLED);
	CHECK(c->g.map_to_guest == MAP_GUEST_BAD_USER);
	CHECK(c->g.smb2_max_read == 65536);
	CHECK(c->g.tcp_port == 4445);
	CHECK(c->g.interfaces.n == 2);
	CHECK(c->g.bind_interfaces_only);
	CHECK(c->g.max_connections == 7);
	/* unknown thing, fruit, workgroup-in-share, browseable=maybe */
	CHECK(c->nwarnings == 4);
	CHECK(c->nshares == 3);

	s = config_share(c, "data");
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->path, "/srv/data");
		CHECK_STR(s->comment, "Data share");
		CHECK(s->writeable);			/* from [global] */
		CHECK(s->browseable);			/* bad value ignored */
		CHECK(s->valid_users.n == 2);
		CHECK(s->create_mask == 0600);
		CHECK(s->directory_mask == 0755);
		CHECK_STR(s->veto_files, "/*.tmp/.git/");
		CHECK(s->acl_xattr && s->streams);
		CHECK(s->max_connections == 2);
	}
	s = config_share(c, "RO");
	CHECK(s && !s->writeable && s->guest_ok && s->max_connections == 0);
	s = config_share(c, "IPC$");
	CHECK(s && s->is_ipc);
	CHECK(s && !strcmp(s->comment, "remote IPC"));
	config_free(c);
}

static void test_malformed(void)
{
	static const struct { const char *text, *err; } v[] = {
		{ "[global\n", "t.conf:1: malformed section header" },
		{ "[]\n", "t.conf:1: empty section name" },
		{ "[a]\npath = /x\njunk line\n", "t.conf:3: expected `key = value'" },
		{ "[a]\n = value\n", "t.conf:2: missing parameter name" },
		{ "[a] trailing\n", "t.conf:1: malformed section header" },
		{ "[a]\ncomment = \xff\xfe\n", "t.conf:2: invalid UTF-8" },
	};
	char err[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		struct ksmbd_config *c;

		err[0] = '\0';
		c = parse(v[i].text, err, sizeof(err));
		CHECK(c == NULL);
		CHECK_STR(err, v[i].err);
		config_free(c);
	}
	/* an embedded NUL */
	CHECK(config_parse("[a]\0x", 5, "t.conf", err, sizeof(err)) == NULL);
}

static void test_ini_lines(void)
{
	static const char text[] = "[global]\nx = 1\n\n[s]\n a = 1\n b = 2 \\\n  3\n\n[t]\n";
	struct ini_doc d;
	char err[128];
	struct ini_section *s;

	CHECK(ini_parse(&d, text, strlen(text), "t", err, sizeof(err)) == 0);
	s = ini_find(&d, "S");
	CHECK(s && s->line == 4 && s->last_line == 8 && s->n == 2);
	CHECK(s && s->n == 2 && !strcmp(s->e[1].value, "2   3") && s->e[1].line == 6);
	s = ini_find(&d, "t");
	CHECK(s && s->line == 9 && s->last_line == 9);
	ini_free(&d);
}

static void test_share_names(void)
{
	CHECK(config_valid_share_name("data"));
	CHECK(config_valid_share_name("d\xc3\xa9j\xc3\xa0"));
	CHECK(!config_valid_share_name(""));
	CHECK(!config_valid_share_name("a]b"));
	CHECK(!config_valid_share_name("a\nb"));
	CHECK(!config_valid_share_name(
		"0123456789012345678901234567890123456789012345678901234567890123"));
	CHECK(config_key_scope("Read Only") == 1);
	CHECK(config_key_scope("workgroup") == 2);
	CHECK(config_key_scope("nope") == 0);
}

int main(void)
{
	log_init("test_config", false);
	RUN(test_defaults);
	RUN(test_full);
	RUN(test_malformed);
	RUN(test_ini_lines);
	RUN(test_share_names);
	return t_report("test_config");
}
