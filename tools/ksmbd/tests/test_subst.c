// SPDX-License-Identifier: GPL-2.0-or-later
/* `%' substitutions: the expander alone, then as ksmbd.conf applies it. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "harness.h"
#include "log.h"
#include "subst.h"

static const struct subst_ctx full = {
	.netbios_name = "NB", .workgroup = "WG", .host_name = "host",
	.version = "9.9", .share = "data", .user = "alice", .group = "staff",
	.home = "/home/alice", .client_addr = "10.0.0.7",
	.client_name = "laptop", .protocol = "SMB3_11",
};

/* Expand in with ctx; returns the result (static) or "ERR<errno>:<letter>". */
static const char *exp1(const char *in, const struct subst_ctx *ctx)
{
	static char res[512];
	char *out = (char *)1, missing = 0;
	int ret = subst_expand(in, ctx, &out, &missing);

	if (ret) {
		snprintf(res, sizeof(res), "ERR%d:%c", -ret, missing ? missing : '-');
		CHECK(out == NULL);
		return res;
	}
	snprintf(res, sizeof(res), "%s", out);
	free(out);
	return res;
}

static void test_letters(void)
{
	CHECK_STR(exp1("", &full), "");
	CHECK_STR(exp1("/plain/path", &full), "/plain/path");
	CHECK_STR(exp1("%L %N %D %h %v %S", &full), "NB NB WG host 9.9 data");
	CHECK_STR(exp1("%U|%u|%G|%g|%H", &full), "alice|alice|staff|staff|/home/alice");
	CHECK_STR(exp1("%I %m %M %R", &full), "10.0.0.7 laptop laptop SMB3_11");
	CHECK_STR(exp1("/srv/%S/%U", &full), "/srv/data/alice");
	CHECK_STR(exp1("%S%S%S", &full), "datadatadata");
}

static void test_literal(void)
{
	CHECK_STR(exp1("100%%", &full), "100%");
	CHECK_STR(exp1("%%U", &full), "%U");
	CHECK_STR(exp1("%%%U", &full), "%alice");
	CHECK_STR(exp1("50%", &full), "50%");		/* trailing % */
	CHECK_STR(exp1("%x%Z%1%/", &full), "%x%Z%1%/");	/* not ours */
	CHECK_STR(exp1("%", &full), "%");
}

static void test_missing(void)
{
	struct subst_ctx share_only = {
		.netbios_name = "NB", .workgroup = "WG", .share = "s",
	};

	CHECK_STR(exp1("/home/%U", &share_only), "ERR2:U");
	CHECK_STR(exp1("%S then %H", &share_only), "ERR2:H");
	CHECK_STR(exp1("%I", &share_only), "ERR2:I");
	CHECK_STR(exp1("%h", &share_only), "ERR2:h");
	CHECK_STR(exp1("%D/%S", &share_only), "WG/s");
	CHECK_STR(exp1("%%U", &share_only), "%U");	/* escaped: no user needed */
}

static void test_big(void)
{
	struct subst_ctx big = { 0 };
	char *v = malloc(40000), *in = malloc(8), *out = NULL;

	memset(v, 'x', 39999);
	v[39999] = '\0';
	big.share = v;
	strcpy(in, "%S/%S");
	CHECK(subst_expand(in, &big, &out, NULL) == -E2BIG);
	CHECK(out == NULL);
	strcpy(in, "%S");
	CHECK(subst_expand(in, &big, &out, NULL) == 0);
	CHECK(out && strlen(out) == 39999);
	free(out);
	free(in);
	free(v);
}

static void test_uses(void)
{
	CHECK(subst_uses("/home/%U", SUBST_SESSION_LETTERS));
	CHECK(subst_uses("%I", SUBST_SESSION_LETTERS));
	CHECK(!subst_uses("/srv/%S", SUBST_SESSION_LETTERS));
	CHECK(!subst_uses("%%U", SUBST_SESSION_LETTERS));
	CHECK(subst_uses("%%%U", SUBST_SESSION_LETTERS));
	CHECK(!subst_uses("50%", SUBST_SESSION_LETTERS));
	CHECK(!subst_uses("", SUBST_SESSION_LETTERS));
}

static void test_config(void)
{
	static const char text[] =
		"[global]\n"
		"\tnetbios name = KSRV\n"
		"\tworkgroup = HOME\n"
		"\tserver string = %L on %h (ksmbd %v)\n"
		"\tcomment = %S of %D\n"
		"\tvalid users = %S, alice\n"
		"[data]\n"
		"\tpath = /srv/%S\n"
		"[pct]\n"
		"\tpath = /srv/100%%/%x\n"
		"\tcomment = for %U\n"
		"[homes]\n"
		"\tpath = /home/%U\n";
	char err[256], host[256] = "", want[600];
	struct ksmbd_config *c = config_parse(text, strlen(text), "t.conf", err,
					      sizeof(err));
	const struct share *s;

	CHECK(c != NULL);
	if (!c)
		return;
	gethostname(host, sizeof(host) - 1);
	snprintf(want, sizeof(want), "KSRV on %s (ksmbd " KSMBD_TOOLS_VERSION ")",
		 host);
	CHECK_STR(c->g.server_string, want);
	s = config_share(c, "data");
	CHECK(s && s->available);
	CHECK_STR(s ? s->path : NULL, "/srv/data");
	CHECK_STR(s ? s->comment : NULL, "data of HOME");
	CHECK(s && s->valid_users.n == 2 &&
	      strlist_has(&s->valid_users, "data") &&
	      strlist_has(&s->valid_users, "alice") &&
	      !strlist_has(&s->valid_users, "%S"));
	s = config_share(c, "pct");
	CHECK(s && s->available);
	CHECK_STR(s ? s->path : NULL, "/srv/100%/%x");
	CHECK_STR(s ? s->comment : NULL, "for %U");	/* kept, warned */
	s = config_share(c, "homes");
	CHECK(s && !s->available);		/* needs the session user */
	CHECK(c->nwarnings == 2);
	config_free(c);
}

static bool fake_account(const char *user, char *home, size_t hsize,
			 char *group, size_t gsize)
{
	if (!strcmp(user, "nohome"))
		return false;
	snprintf(home, hsize, "/h/%s", user);
	snprintf(group, gsize, "grp-%s", user);
	return true;
}

static void test_homes(void)
{
	static const char text[] =
		"[global]\n"
		"\tread only = no\n"
		"[homes]\n"
		"\tpath = %H/smb\n"
		"\tcomment = %U's files (%G)\n"
		"\tbrowseable = no\n"
		"[bob]\n"
		"\tpath = /srv/bob\n";
	static const char *const names[] = {
		"alice", "bob", "nohome", "bad[name]"
	};
	const struct config_users users = {
		.names = names, .n = 4, .account = fake_account,
	};
	char err[256];
	struct ksmbd_config *c = config_parse_users(text, strlen(text), "t.conf",
						    &users, err, sizeof(err));
	const struct share *s;

	CHECK(c != NULL);
	if (!c)
		return;
	s = config_share(c, "alice");
	CHECK(s && s->available && s->writeable && !s->browseable);
	CHECK_STR(s ? s->path : NULL, "/h/alice/smb");
	CHECK_STR(s ? s->comment : NULL, "alice's files (grp-alice)");
	CHECK(s && s->valid_users.n == 1 &&
	      strlist_has(&s->valid_users, "alice"));
	s = config_share(c, "bob");		/* his own section wins */
	CHECK_STR(s ? s->path : NULL, "/srv/bob");
	CHECK(s && s->valid_users.n == 0);
	s = config_share(c, "nohome");		/* %H unknown: not available */
	CHECK(s && !s->available);
	CHECK(config_share(c, "bad[name]") == NULL);
	s = config_share(c, "homes");		/* itself: needs a session */
	CHECK(s && !s->available);
	config_free(c);

	/* without users (ksmbd.control -l, ksmbd.addshare): no home shares */
	c = config_parse(text, strlen(text), "t.conf", err, sizeof(err));
	CHECK(c && !config_share(c, "alice"));
	config_free(c);
}

int main(void)
{
	log_init("test_subst", false);
	RUN(test_letters);
	RUN(test_literal);
	RUN(test_missing);
	RUN(test_big);
	RUN(test_uses);
	RUN(test_config);
	RUN(test_homes);
	return t_report("test_subst");
}
