/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Command lines of the four programs, parsed without side effects so that
 * they can be unit-tested (tests/test_cli.c). Both generations of
 * ksmbd-tools are accepted:
 *
 *   3.5 and later: -C CONF, -P PWDDB, -a | -u | -d as flags with the USER or
 *                  SHARE operand, -o repeated;
 *   3.4.x (Debian 12): -c CONF, adduser -i PWDDB, mountd -u PWDDB,
 *                  -a USER / -aUSER / --add-user=USER (same for -u, -d and
 *                  the share variants), one -o with newline-separated
 *                  options.
 *
 * No letter means two things within one program, except -a/-u/-d that take
 * an argument in 3.4.x and none in 3.5: we take them as flags, which reads
 * "-a alice" the same (alice becomes the operand) and "-aalice" too (an
 * attached argument is the operand). See the man pages.
 *
 * Each parser returns 0 (out filled, its strings point into argv) or -EINVAL
 * for a command line to refuse with the usage text. It uses getopt_long and
 * resets it first (optind = 0), so it may be called more than once.
 */
#ifndef KSMBD_CLI_H
#define KSMBD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum cli_action { CLI_RUN, CLI_HELP, CLI_VERSION };
enum cli_mode { CLI_AUTO, CLI_ADD, CLI_UPDATE, CLI_DELETE };

struct cli_adduser {
	enum cli_action action;
	enum cli_mode mode;
	const char *user, *password, *pwddb, *conf;
	bool verbose;
};

#define CLI_MAX_OPTIONS	64

struct cli_addshare {
	enum cli_action action;
	enum cli_mode mode;
	const char *share, *conf;
	const char *options[CLI_MAX_OPTIONS];	/* each -o as given */
	size_t noptions;
	bool verbose;
};

struct cli_control {
	enum cli_action action;
	char cmd;		/* 's', 'r', 'l', 'd' or 'c' */
	const char *component;	/* of -d */
	const char *conf;
	bool conf_given, verbose;
};

struct cli_mountd {
	enum cli_action action;
	unsigned int port;	/* 0: from the config */
	int nodetach;		/* -1 detach, 0 -n0, 1 -n / -n1 */
	const char *conf, *pwddb;
	bool verbose, systemd;
};

/*
 * What main() does after a parser returned ret with o->action: the exit
 * status for a refused line (usage on stderr, 1), -V (the version line, 0)
 * and -h (usage on stdout, 0), or -1 when the program goes on.
 */
int cli_finish(int ret, enum cli_action action, const char *prog,
	       void (*usage)(FILE *f));

int cli_adduser(int argc, char **argv, struct cli_adduser *out);
int cli_addshare(int argc, char **argv, struct cli_addshare *out);
int cli_control(int argc, char **argv, struct cli_control *out);
int cli_mountd(int argc, char **argv, struct cli_mountd *out);

#endif
