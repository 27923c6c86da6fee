// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ksmbd.adduser: add, update or delete an account of ksmbdpwd.db.
 *   ksmbd.adduser [-v] [-P PWDDB] [-C CONF] [-a|-u|-d] [-p PWD] USER
 * The older spelling (-a USER, -i PWDDB, -c CONF) is accepted too.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "log.h"
#include "pidfile.h"
#include "userdb.h"

static void usage(FILE *f)
{
	fprintf(f,
"Usage: ksmbd.adduser [-v] [-P PWDDB] [-C CONF] [-a | -u | -d] [-p PWD] USER\n"
"       ksmbd.adduser {-V | -h}\n"
"\n"
"  -a, --add               add USER (fails if it exists)\n"
"  -u, --update            update USER (fails if it does not exist)\n"
"  -d, --delete            delete USER\n"
"                          (none of them: add USER or update it)\n"
"  -p, --password=PWD      use PWD instead of prompting; UTF-8, [0, 129) bytes\n"
"  -P, --pwddb=PWDDB       user database (default " KSMBD_DEFAULT_PWDDB ")\n"
"  -C, --config=CONF       configuration file (default " KSMBD_DEFAULT_CONF ")\n"
"  -v, --verbose           be verbose\n"
"  -V, --version           print the version and exit\n"
"  -h, --help              print this help and exit\n"
"\n"
"USER must be UTF-8, [1, 48) bytes, without `:' or newline.\n"
"ksmbd-tools 3.4 spellings work too: -a USER, -i PWDDB, -c CONF.\n"
"See ksmbd.adduser(8).\n");
}

/* Read one line from the terminal without echo (or from stdin). */
static int read_secret(const char *prompt, char *buf, size_t len)
{
	struct termios old, noecho;
	bool tty = isatty(STDIN_FILENO);
	char *nl;

	if (tty) {
		fputs(prompt, stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			noecho = old;
			noecho.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &noecho);
		} else {
			tty = false;
		}
	}
	if (!fgets(buf, (int)len, stdin))
		buf[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	else if (strlen(buf) == len - 1)
		return -EINVAL;
	return 0;
}

static int get_password(const char *given, uint8_t hash[NT_HASH_SIZE])
{
	char a[PASSWORD_MAX + 2], b[PASSWORD_MAX + 2];
	int ret;

	if (given) {
		if (strchr(given, '\n') || nt_hash(given, hash)) {
			pr_err("Invalid password: UTF-8, [0, 129) bytes, no newline");
			return -EINVAL;
		}
		return 0;
	}
	if (read_secret("New password: ", a, sizeof(a)) ||
	    read_secret("Retype new password: ", b, sizeof(b))) {
		pr_err("Password too long");
		return -EINVAL;
	}
	if (strcmp(a, b)) {
		pr_err("Passwords do not match");
		ret = -EINVAL;
	} else if (nt_hash(a, hash)) {
		pr_err("Invalid password: UTF-8, [0, 129) bytes");
		ret = -EINVAL;
	} else {
		ret = 0;
	}
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	return ret;
}

int main(int argc, char **argv)
{
	struct cli_adduser o;
	const char *pwddb, *user;
	uint8_t hash[NT_HASH_SIZE];
	struct userdb db;
	int c, lock, ret;

	log_init("ksmbd.adduser", false);
	ret = cli_adduser(argc, argv, &o);
	ret = cli_finish(ret, o.action, "ksmbd.adduser", usage);
	if (ret >= 0)
		return ret;
	log_set_verbose(o.verbose);
	pwddb = o.pwddb;
	user = o.user;
	if (!userdb_valid_name(user)) {
		pr_err("Invalid user name `%s': UTF-8, [1, 48) bytes, no `:'", user);
		return 1;
	}
	/* o.conf: accepted for compatibility; nothing to check in it */

	lock = lock_dir_of(pwddb);
	if (lock < 0) {
		pr_err("Cannot lock the directory of %s: %s", pwddb, strerror(-lock));
		return 1;
	}
	ret = userdb_load(&db, pwddb);
	if (ret) {
		pr_err("Cannot read %s: %s", pwddb, strerror(-ret));
		close(lock);
		return 1;
	}
	ret = 1;
	if (o.mode == CLI_DELETE) {
		if (userdb_del(&db, user)) {
			pr_info("User `%s' does not exist", user);
			ret = 0;
			goto out;
		}
		pr_info("Deleting user `%s'", user);
	} else {
		bool exists = userdb_find(&db, user) != NULL;

		if (o.mode == CLI_ADD && exists) {
			pr_err("User `%s' already exists", user);
			goto out;
		}
		if (o.mode == CLI_UPDATE && !exists) {
			pr_err("User `%s' does not exist", user);
			goto out;
		}
		if (get_password(o.password, hash))
			goto out;
		userdb_set(&db, user, hash);
		memset(hash, 0, sizeof(hash));
		pr_info("%s user `%s'", exists ? "Updating" : "Adding", user);
	}
	c = userdb_save(&db, pwddb);
	if (c) {
		pr_err("Cannot write %s: %s", pwddb, strerror(-c));
		goto out;
	}
	ret = 0;
	if (pidfile_signal(KSMBD_LOCK_FILE, SIGHUP) == 0)
		pr_info("Notified ksmbd.mountd of the change");
out:
	userdb_free(&db);
	close(lock);
	return ret;
}
