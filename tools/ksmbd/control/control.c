// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ksmbd.control: manage a running ksmbd.mountd and the kernel server.
 *   -s shut both down, -r reload, -l list shares, -d COMPONENT toggle
 *   kernel debug output, -c print the kernel server version.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "log.h"
#include "module.h"
#include "pidfile.h"

#define SYSFS_CTRL	"/sys/class/ksmbd-control"
#define SYSFS_VERSION	"/sys/module/ksmbd/version"

static void usage(FILE *f)
{
	fprintf(f,
"Usage: ksmbd.control [-v] [-C CONF] {-s | -r | -l | -d COMPONENT | -c}\n"
"       ksmbd.control {-V | -h}\n"
"\n"
"  -s, --shutdown          stop ksmbd.mountd and the kernel server\n"
"  -r, --reload            make ksmbd.mountd reload its configuration\n"
"  -l, --list              list the shares the running ksmbd.mountd serves\n"
"                          (those of CONF when -C is given)\n"
"  -d, --debug=COMPONENT   toggle kernel debug output for COMPONENT: all,\n"
"                          smb, auth, vfs, oplock, ipc, conn or rdma;\n"
"                          enabled ones are printed in brackets\n"
"  -c, --ksmbd-version     print the kernel server version\n"
"  -C, --config=CONF       configuration file (default " KSMBD_DEFAULT_CONF ")\n"
"  -v, --verbose           be verbose\n"
"  -V, --version           print the version and exit\n"
"  -h, --help              print this help and exit\n"
"\n"
"See ksmbd.control(8).\n");
}

static int write_sysfs(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, val, strlen(val));
	close(fd);
	return n < 0 ? -errno : 0;
}

static int cat_file(const char *path)
{
	char buf[512];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	fputs(buf, stdout);
	if (n && buf[n - 1] != '\n')
		putchar('\n');
	return 0;
}

static int do_shutdown(void)
{
	pid_t pid = pidfile_running(KSMBD_LOCK_FILE);
	int i, ret;

	if (pid) {
		if (kill(pid, SIGTERM) < 0) {
			pr_err("Cannot signal ksmbd.mountd (%d): %s", (int)pid,
			       strerror(errno));
			return 1;
		}
		/* mountd tells the kernel to stop before it exits */
		for (i = 0; i < 100 && pidfile_running(KSMBD_LOCK_FILE); i++) {
			struct timespec ts = { 0, 50 * 1000 * 1000 };

			nanosleep(&ts, NULL);
		}
		if (pidfile_running(KSMBD_LOCK_FILE))
			pr_warn("ksmbd.mountd (%d) is still running", (int)pid);
	}
	ret = write_sysfs(SYSFS_CTRL "/kill_server", "hard");
	if (ret && ret != -ENOENT) {
		pr_err("Cannot stop the kernel server: %s", strerror(-ret));
		return 1;
	}
	if (!pid && ret == -ENOENT) {
		pr_err("Neither ksmbd.mountd nor the kernel server is running");
		return 1;
	}
	pr_info("Shut down ksmbd");
	return 0;
}

static int do_reload(void)
{
	int ret = pidfile_signal(KSMBD_LOCK_FILE, SIGHUP);

	if (ret) {
		pr_err("Failed to notify ksmbd.mountd of changes: %s",
		       ret == -ESRCH ? "not running" : strerror(-ret));
		return 1;
	}
	pr_info("Notified ksmbd.mountd of changes");
	return 0;
}

/*
 * The shares of CONF when -C named it; else those a running ksmbd.mountd
 * serves (as of its last load); else those of the default configuration.
 */
static int do_list(const char *conf, bool conf_given)
{
	char err[256];
	struct ksmbd_config *c;
	char *list;

	if (!conf_given && pidfile_running(KSMBD_LOCK_FILE)) {
		list = read_file(KSMBD_SHARES_FILE, NULL);
		if (list) {
			fputs(list, stdout);
			free(list);
			return 0;
		}
		pr_warn("Cannot read " KSMBD_SHARES_FILE ": %s; listing %s",
			strerror(errno), conf);
	} else if (!conf_given) {
		pr_info("ksmbd.mountd is not running; listing %s", conf);
	}
	c = config_load(conf, err, sizeof(err));
	if (!c) {
		pr_err("%s", err);
		return 1;
	}
	list = config_share_list(c);
	fputs(list, stdout);
	free(list);
	config_free(c);
	return 0;
}

static int do_debug(const char *comp)
{
	static const char *const comps[] = { "all", "smb", "auth", "vfs",
		"oplock", "ipc", "conn", "rdma" };
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(comps); i++)
		if (!strcmp(comp, comps[i]))
			break;
	if (i == ARRAY_SIZE(comps)) {
		pr_err("Invalid component `%s'", comp);
		return 1;
	}
	ksmbd_module_load();
	ret = write_sysfs(SYSFS_CTRL "/debug", comp);
	if (!ret)
		ret = cat_file(SYSFS_CTRL "/debug");
	if (ret) {
		pr_err("Cannot use `" SYSFS_CTRL "/debug': %s", strerror(-ret));
		return 1;
	}
	return 0;
}

static int do_version(void)
{
	int ret;

	ksmbd_module_load();
	ret = cat_file(SYSFS_VERSION);
	if (ret == -ENOENT && access(SYSFS_CTRL, F_OK) == 0) {
		/* a built-in server has no module version file */
		printf("built-in\n");
		return 0;
	}
	if (ret) {
		pr_err("Cannot read `" SYSFS_VERSION "': %s", strerror(-ret));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_control o;
	int ret;

	log_init("ksmbd.control", false);
	ret = cli_control(argc, argv, &o);
	ret = cli_finish(ret, o.action, "ksmbd.control", usage);
	if (ret >= 0)
		return ret;
	log_set_verbose(o.verbose);
	switch (o.cmd) {
	case 's':
		return do_shutdown();
	case 'r':
		return do_reload();
	case 'l':
		return do_list(o.conf, o.conf_given);
	case 'd':
		return do_debug(o.component);
	default:
		return do_version();
	}
}
