// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Command lines of the four programs in both ksmbd-tools spellings:
 * 3.5 (-C, -P, -a/-u/-d flags) and 3.4.x as Debian 12 ships it (-c, adduser
 * -i, mountd -u, -a NAME, one -o with newline-separated options).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "config.h"
#include "harness.h"

#define MAXARGS	16

/* Split a command line on spaces ('~' stands for a newline) into argv. */
static int args(char *buf, size_t size, char **argv, const char *line)
{
	int argc = 0;
	char *p, *save = NULL;

	snprintf(buf, size, "%s", line);
	for (p = buf; *p; p++)
		if (*p == '~')
			*p = '\n';
	for (p = strtok_r(buf, " ", &save); p && argc < MAXARGS - 1;
	     p = strtok_r(NULL, " ", &save))
		argv[argc++] = p;
	argv[argc] = NULL;
	return argc;
}

static char buf[512];
static char *av[MAXARGS];

static int adduser(const char *line, struct cli_adduser *o)
{
	return cli_adduser(args(buf, sizeof(buf), av, line), av, o);
}

static int addshare(const char *line, struct cli_addshare *o)
{
	return cli_addshare(args(buf, sizeof(buf), av, line), av, o);
}

static int control(const char *line, struct cli_control *o)
{
	return cli_control(args(buf, sizeof(buf), av, line), av, o);
}

static int mountd(const char *line, struct cli_mountd *o)
{
	return cli_mountd(args(buf, sizeof(buf), av, line), av, o);
}

static void test_adduser_35(void)
{
	struct cli_adduser o;

	CHECK(adduser("ksmbd.adduser -P /p.db -C /c.conf -a -p pw alice", &o) == 0);
	CHECK(o.action == CLI_RUN && o.mode == CLI_ADD);
	CHECK_STR(o.user, "alice");
	CHECK_STR(o.password, "pw");
	CHECK_STR(o.pwddb, "/p.db");
	CHECK_STR(o.conf, "/c.conf");
	CHECK(adduser("ksmbd.adduser alice", &o) == 0);
	CHECK(o.mode == CLI_AUTO && o.password == NULL);
	CHECK_STR(o.pwddb, KSMBD_DEFAULT_PWDDB);
	CHECK_STR(o.conf, KSMBD_DEFAULT_CONF);
	CHECK(adduser("ksmbd.adduser --update --pwddb=/x bob -v", &o) == 0);
	CHECK(o.mode == CLI_UPDATE && o.verbose);
	CHECK_STR(o.user, "bob");
	CHECK_STR(o.pwddb, "/x");
	CHECK(adduser("ksmbd.adduser -d carol", &o) == 0);
	CHECK(o.mode == CLI_DELETE);
	CHECK_STR(o.user, "carol");
	CHECK(adduser("ksmbd.adduser --delete -- -odd", &o) == 0);
	CHECK_STR(o.user, "-odd");
}

static void test_adduser_34(void)
{
	struct cli_adduser o;

	/* the spellings of the 3.4.7 usage text */
	CHECK(adduser("ksmbd.adduser -a alice -p pw -i /p.db -c /c.conf", &o) == 0);
	CHECK(o.mode == CLI_ADD);
	CHECK_STR(o.user, "alice");
	CHECK_STR(o.pwddb, "/p.db");
	CHECK_STR(o.conf, "/c.conf");
	CHECK(adduser("ksmbd.adduser -aalice -ppw", &o) == 0);
	CHECK_STR(o.user, "alice");
	CHECK_STR(o.password, "pw");
	CHECK(adduser("ksmbd.adduser --add-user=alice --password=pw", &o) == 0);
	CHECK(o.mode == CLI_ADD);
	CHECK_STR(o.user, "alice");
	CHECK(adduser("ksmbd.adduser --update-user=bob --import-users=/q", &o) == 0);
	CHECK(o.mode == CLI_UPDATE);
	CHECK_STR(o.user, "bob");
	CHECK_STR(o.pwddb, "/q");
	CHECK(adduser("ksmbd.adduser -u bob -i /q", &o) == 0);
	CHECK(o.mode == CLI_UPDATE);
	CHECK_STR(o.user, "bob");
	CHECK(adduser("ksmbd.adduser --del-user carol", &o) == 0);
	CHECK(o.mode == CLI_DELETE);
	CHECK_STR(o.user, "carol");
	CHECK(adduser("ksmbd.adduser -dcarol -i /q", &o) == 0);
	CHECK_STR(o.user, "carol");
}

static void test_adduser_bad(void)
{
	struct cli_adduser o;

	CHECK(adduser("ksmbd.adduser", &o) == -EINVAL);		/* no user */
	CHECK(adduser("ksmbd.adduser -a", &o) == -EINVAL);
	CHECK(adduser("ksmbd.adduser -a -u alice", &o) == -EINVAL);
	CHECK(adduser("ksmbd.adduser -aalice bob", &o) == -EINVAL);	/* two */
	CHECK(adduser("ksmbd.adduser alice bob", &o) == -EINVAL);
	CHECK(adduser("ksmbd.adduser --add-user= alice", &o) == -EINVAL);
	CHECK(adduser("ksmbd.adduser -x alice", &o) == -EINVAL);
	CHECK(adduser("ksmbd.adduser alice -p", &o) == -EINVAL);	/* no PWD */
	CHECK(adduser("ksmbd.adduser -V", &o) == 0 && o.action == CLI_VERSION);
	CHECK(adduser("ksmbd.adduser -h bogus", &o) == 0 && o.action == CLI_HELP);
}

static void test_addshare(void)
{
	struct cli_addshare o;

	CHECK(addshare("ksmbd.addshare -C /c -a -o path=/srv -o comment=x data", &o) == 0);
	CHECK(o.mode == CLI_ADD && o.noptions == 2);
	CHECK_STR(o.share, "data");
	CHECK_STR(o.conf, "/c");
	CHECK_STR(o.options[0], "path=/srv");
	CHECK_STR(o.options[1], "comment=x");
	/* 3.4.7: -a SHARE, one -o of lines, -c CONF */
	CHECK(addshare("ksmbd.addshare -a data -o path=/srv~comment=x -c /c", &o) == 0);
	CHECK(o.mode == CLI_ADD && o.noptions == 1);
	CHECK_STR(o.share, "data");
	CHECK_STR(o.options[0], "path=/srv\ncomment=x");
	CHECK_STR(o.conf, "/c");
	CHECK(addshare("ksmbd.addshare --update-share=data --options=x=1", &o) == 0);
	CHECK(o.mode == CLI_UPDATE);
	CHECK_STR(o.share, "data");
	CHECK(addshare("ksmbd.addshare -ddata", &o) == 0);
	CHECK(o.mode == CLI_DELETE && o.noptions == 0);
	CHECK_STR(o.share, "data");
	CHECK(addshare("ksmbd.addshare -P /p -o x=1 data", &o) == 0);
	CHECK(o.mode == CLI_AUTO);
	CHECK(addshare("ksmbd.addshare -a -d data", &o) == -EINVAL);
	CHECK(addshare("ksmbd.addshare -o x=1", &o) == -EINVAL);
	CHECK(addshare("ksmbd.addshare -a one two", &o) == -EINVAL);
	CHECK(addshare("ksmbd.addshare -a data -o", &o) == -EINVAL);
}

static void test_addshare_many_options(void)
{
	struct cli_addshare o;
	char *argv[2 * CLI_MAX_OPTIONS + 8];
	int argc = 0, i;

	argv[argc++] = "ksmbd.addshare";
	for (i = 0; i <= CLI_MAX_OPTIONS; i++) {
		argv[argc++] = "-o";
		argv[argc++] = "comment = x";
	}
	argv[argc++] = "s";
	argv[argc] = NULL;
	CHECK(cli_addshare(argc, argv, &o) == -EINVAL);	/* one too many */
	argc -= 3;
	argv[argc++] = "s";
	argv[argc] = NULL;
	CHECK(cli_addshare(argc, argv, &o) == 0);
	CHECK(o.noptions == CLI_MAX_OPTIONS);
}

static void test_control(void)
{
	struct cli_control o;

	CHECK(control("ksmbd.control -s", &o) == 0 && o.cmd == 's');
	CHECK(control("ksmbd.control --reload", &o) == 0 && o.cmd == 'r');
	CHECK(control("ksmbd.control -l -C /c", &o) == 0 && o.cmd == 'l');
	CHECK(o.conf_given);
	CHECK_STR(o.conf, "/c");
	CHECK(control("ksmbd.control -l", &o) == 0 && !o.conf_given);
	CHECK(control("ksmbd.control -d all", &o) == 0 && o.cmd == 'd');
	CHECK_STR(o.component, "all");
	CHECK(control("ksmbd.control --debug=smb", &o) == 0);
	CHECK_STR(o.component, "smb");
	/* -c is the kernel version in both generations */
	CHECK(control("ksmbd.control -c", &o) == 0 && o.cmd == 'c');
	CHECK(control("ksmbd.control --cifsd-version", &o) == 0 && o.cmd == 'c');
	CHECK(control("ksmbd.control", &o) == -EINVAL);
	CHECK(control("ksmbd.control -s -r", &o) == -EINVAL);
	CHECK(control("ksmbd.control -d", &o) == -EINVAL);
	CHECK(control("ksmbd.control -s extra", &o) == -EINVAL);
	CHECK(control("ksmbd.control -h", &o) == 0 && o.action == CLI_HELP);
}

static void test_mountd(void)
{
	struct cli_mountd o;

	CHECK(mountd("ksmbd.mountd", &o) == 0);
	CHECK(o.nodetach == -1 && o.port == 0 && !o.systemd);
	CHECK_STR(o.conf, KSMBD_DEFAULT_CONF);
	CHECK_STR(o.pwddb, KSMBD_DEFAULT_PWDDB);
	CHECK(mountd("ksmbd.mountd -C /c -P /p -n -v", &o) == 0);
	CHECK(o.nodetach == 1 && o.verbose);
	CHECK_STR(o.conf, "/c");
	CHECK_STR(o.pwddb, "/p");
	/* 3.4.7: -c CONF -u PWDDB, --users, -s */
	CHECK(mountd("ksmbd.mountd -c /c -u /p -s", &o) == 0);
	CHECK_STR(o.conf, "/c");
	CHECK_STR(o.pwddb, "/p");
	CHECK(o.systemd);
	CHECK(mountd("ksmbd.mountd --config=/c2 --users=/p2 --port=4450 -n0", &o) == 0);
	CHECK_STR(o.conf, "/c2");
	CHECK_STR(o.pwddb, "/p2");
	CHECK(o.port == 4450 && o.nodetach == 0);
	CHECK(mountd("ksmbd.mountd -n1 -p 1", &o) == 0);
	CHECK(o.nodetach == 1 && o.port == 1);
	CHECK(mountd("ksmbd.mountd -n2", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -p 0", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -p 65536", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -p 44x", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -p -1", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -p", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd extra", &o) == -EINVAL);
	CHECK(mountd("ksmbd.mountd -V", &o) == 0 && o.action == CLI_VERSION);
}

int main(void)
{
	RUN(test_adduser_35);
	RUN(test_adduser_34);
	RUN(test_adduser_bad);
	RUN(test_addshare);
	RUN(test_addshare_many_options);
	RUN(test_control);
	RUN(test_mountd);
	return t_report("test_cli");
}
