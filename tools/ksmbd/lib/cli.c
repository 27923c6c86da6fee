// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Command lines of ksmbd.adduser, ksmbd.addshare, ksmbd.control and
 * ksmbd.mountd; see cli.h.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"

/*
 * The long options of -a/-u/-d (3.5 flag and 3.4 "--add-NOUN=NAME" names)
 * and of -v/-V/-h, ending a table (initializers: no parentheses possible).
 */
#define MODE_OPTS(noun)							\
	{ "add", no_argument, NULL, 'a' },				\
	{ "add-" noun, optional_argument, NULL, 'a' },			\
	{ "update", no_argument, NULL, 'u' },				\
	{ "update-" noun, optional_argument, NULL, 'u' },		\
	{ "delete", no_argument, NULL, 'd' },				\
	{ "del-" noun, optional_argument, NULL, 'd' }
#define COMMON_OPTS							\
	{ "verbose", no_argument, NULL, 'v' },				\
	{ "version", no_argument, NULL, 'V' },				\
	{ "help", no_argument, NULL, 'h' },				\
	{ NULL, 0, NULL, 0 }

int cli_finish(int ret, enum cli_action action, const char *prog,
	       void (*usage)(FILE *f))
{
	if (ret) {
		usage(stderr);
		return 1;
	}
	if (action == CLI_VERSION) {
		printf("%s (ksmbd tools) " KSMBD_TOOLS_VERSION "\n", prog);
		return 0;
	}
	if (action == CLI_HELP) {
		usage(stdout);
		return 0;
	}
	return -1;
}

/* -v, -V and -h, the same in every program: true when c was one of them. */
static bool common_opt(int c, bool *verbose, enum cli_action *action)
{
	switch (c) {
	case 'v':
		*verbose = true;
		return true;
	case 'V':
		*action = CLI_VERSION;
		return true;
	case 'h':
		*action = CLI_HELP;
		return true;
	default:
		return false;
	}
}

/* -a/-u/-d: a flag, or (3.4.x) with the name attached or after `='. */
static int set_mode(enum cli_mode *mode, const char **name, int c,
		    const char *arg)
{
	if (*mode != CLI_AUTO)
		return -EINVAL;
	*mode = c == 'a' ? CLI_ADD : c == 'u' ? CLI_UPDATE : CLI_DELETE;
	if (arg) {
		if (!*arg)
			return -EINVAL;
		*name = arg;
	}
	return 0;
}

/* The one operand (USER or SHARE), unless it came with -a/-u/-d. */
static int take_operand(int argc, char **argv, const char **name)
{
	if (optind < argc && !*name)
		*name = argv[optind++];
	return *name && optind == argc ? 0 : -EINVAL;
}

int cli_adduser(int argc, char **argv, struct cli_adduser *o)
{
	static const struct option opts[] = {
		MODE_OPTS("user"),
		{ "password", required_argument, NULL, 'p' },
		{ "pwddb", required_argument, NULL, 'P' },
		{ "import-users", required_argument, NULL, 'i' },
		{ "config", required_argument, NULL, 'C' },
		COMMON_OPTS
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->pwddb = KSMBD_DEFAULT_PWDDB;
	o->conf = KSMBD_DEFAULT_CONF;
	optind = 0;
	while ((c = getopt_long(argc, argv, "a::u::d::p:P:i:C:c:vVh", opts,
				NULL)) != -1) {
		switch (c) {
		case 'a':
		case 'u':
		case 'd':
			if (set_mode(&o->mode, &o->user, c, optarg))
				return -EINVAL;
			break;
		case 'p':
			o->password = optarg;
			break;
		case 'P':
		case 'i':
			o->pwddb = optarg;
			break;
		case 'C':
		case 'c':
			o->conf = optarg;
			break;
		default:
			if (!common_opt(c, &o->verbose, &o->action))
				return -EINVAL;
			if (o->action != CLI_RUN)
				return 0;
		}
	}
	return take_operand(argc, argv, &o->user);
}

int cli_addshare(int argc, char **argv, struct cli_addshare *o)
{
	static const struct option opts[] = {
		MODE_OPTS("share"),
		{ "option", required_argument, NULL, 'o' },
		{ "options", required_argument, NULL, 'o' },
		{ "config", required_argument, NULL, 'C' },
		{ "pwddb", required_argument, NULL, 'P' },
		COMMON_OPTS
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->conf = KSMBD_DEFAULT_CONF;
	optind = 0;
	while ((c = getopt_long(argc, argv, "a::u::d::o:C:c:P:vVh", opts,
				NULL)) != -1) {
		switch (c) {
		case 'a':
		case 'u':
		case 'd':
			if (set_mode(&o->mode, &o->share, c, optarg))
				return -EINVAL;
			break;
		case 'o':
			if (o->noptions == CLI_MAX_OPTIONS)
				return -EINVAL;
			o->options[o->noptions++] = optarg;
			break;
		case 'C':
		case 'c':
			o->conf = optarg;
			break;
		case 'P':
			break;	/* 3.5 takes it for guest/user checks; unused */
		default:
			if (!common_opt(c, &o->verbose, &o->action))
				return -EINVAL;
			if (o->action != CLI_RUN)
				return 0;
		}
	}
	return take_operand(argc, argv, &o->share);
}

int cli_control(int argc, char **argv, struct cli_control *o)
{
	static const struct option opts[] = {
		{ "shutdown", no_argument, NULL, 's' },
		{ "reload", no_argument, NULL, 'r' },
		{ "list", no_argument, NULL, 'l' },
		{ "debug", required_argument, NULL, 'd' },
		{ "ksmbd-version", no_argument, NULL, 'c' },
		{ "cifsd-version", no_argument, NULL, 'c' },
		{ "config", required_argument, NULL, 'C' },
		COMMON_OPTS
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->conf = KSMBD_DEFAULT_CONF;
	optind = 0;
	while ((c = getopt_long(argc, argv, "srld:cC:vVh", opts, NULL)) != -1) {
		switch (c) {
		case 's':
		case 'r':
		case 'l':
		case 'c':
		case 'd':
			if (o->cmd)
				return -EINVAL;
			o->cmd = (char)c;
			if (c == 'd')
				o->component = optarg;
			break;
		case 'C':
			o->conf = optarg;
			o->conf_given = true;
			break;
		default:
			if (!common_opt(c, &o->verbose, &o->action))
				return -EINVAL;
			if (o->action != CLI_RUN)
				return 0;
		}
	}
	return o->cmd && optind == argc ? 0 : -EINVAL;
}

int cli_mountd(int argc, char **argv, struct cli_mountd *o)
{
	static const struct option opts[] = {
		{ "port", required_argument, NULL, 'p' },
		{ "nodetach", optional_argument, NULL, 'n' },
		{ "config", required_argument, NULL, 'C' },
		{ "pwddb", required_argument, NULL, 'P' },
		{ "users", required_argument, NULL, 'u' },
		{ "systemd", no_argument, NULL, 's' },
		COMMON_OPTS
	};
	unsigned long port;
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->nodetach = -1;
	o->conf = KSMBD_DEFAULT_CONF;
	o->pwddb = KSMBD_DEFAULT_PWDDB;
	optind = 0;
	while ((c = getopt_long(argc, argv, "p:n::C:c:P:u:svVh", opts,
				NULL)) != -1) {
		switch (c) {
		case 'p':
			errno = 0;
			port = strtoul(optarg, &end, 10);
			if (errno || end == optarg || *end || !port ||
			    port > 65535 || *optarg == '-' || *optarg == '+')
				return -EINVAL;
			o->port = (unsigned int)port;
			break;
		case 'n':
			if (!optarg || !strcmp(optarg, "1"))
				o->nodetach = 1;
			else if (!strcmp(optarg, "0"))
				o->nodetach = 0;
			else
				return -EINVAL;
			break;
		case 'C':
		case 'c':
			o->conf = optarg;
			break;
		case 'P':
		case 'u':
			o->pwddb = optarg;
			break;
		case 's':
			o->systemd = true;
			break;
		default:
			if (!common_opt(c, &o->verbose, &o->action))
				return -EINVAL;
			if (o->action != CLI_RUN)
				return 0;
		}
	}
	return optind == argc ? 0 : -EINVAL;
}
