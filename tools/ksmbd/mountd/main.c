// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ksmbd.mountd: the user space half of ksmbd.
 *   ksmbd.mountd [-v] [-p PORT] [-n[WAY]] [-C CONF] [-P PWDDB]
 * (-c CONF and -u PWDDB, the older spellings, are accepted too.)
 *
 * One thread receives from netlink and answers the quick requests itself;
 * RPC goes to worker threads (rpc_glue.c). Signals arrive through a
 * signalfd in the same poll loop: SIGHUP reloads, SIGTERM/SIGINT stop the
 * kernel server and exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "handlers.h"
#include "ipc.h"
#include "ksmbd_abi.h"
#include "log.h"
#include "module.h"
#include "pidfile.h"
#include "state.h"

#define PROBE_INTERVAL_MS	5000

static void usage(FILE *f)
{
	fprintf(f,
"Usage: ksmbd.mountd [-v] [-p PORT] [-n[WAY]] [-C CONF] [-P PWDDB]\n"
"       ksmbd.mountd {-V | -h}\n"
"\n"
"  -p, --port=PORT         listen on TCP port PORT instead of 445\n"
"  -n, --nodetach[=WAY]    stay in the foreground and log to stderr;\n"
"                          WAY 1 (default): become a process group leader,\n"
"                          WAY 0: detach anyway\n"
"  -C, --config=CONF       configuration file (default " KSMBD_DEFAULT_CONF ")\n"
"  -P, --pwddb=PWDDB       user database (default " KSMBD_DEFAULT_PWDDB ")\n"
"  -v, --verbose           log every message exchanged with the kernel\n"
"  -V, --version           print the version and exit\n"
"  -h, --help              print this help and exit\n"
"\n"
"ksmbd-tools 3.4 spellings work too: -c CONF, -u PWDDB, -s.\n"
"See ksmbd.mountd(8).\n");
}

void ipc_dispatch(int event, const void *data, size_t len)
{
	switch (event) {
	case KSMBD_EVENT_HEARTBEAT_REQUEST:
		handle_heartbeat(data, len);
		break;
	case KSMBD_EVENT_LOGIN_REQUEST:
		handle_login(data, len);
		break;
	case KSMBD_EVENT_LOGIN_REQUEST_EXT:
		handle_login_ext(data, len);
		break;
	case KSMBD_EVENT_SHARE_CONFIG_REQUEST:
		handle_share_config(data, len);
		break;
	case KSMBD_EVENT_TREE_CONNECT_REQUEST:
		handle_tree_connect(data, len);
		break;
	case KSMBD_EVENT_TREE_DISCONNECT_REQUEST:
		handle_tree_disconnect(data, len);
		break;
	case KSMBD_EVENT_LOGOUT_REQUEST:
		handle_logout(data, len);
		break;
	case KSMBD_EVENT_RPC_REQUEST:
		handle_rpc(data, len);
		break;
	case KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST:
		handle_spnego(data, len);
		break;
	default:
		pr_warn("netlink: unexpected %s (%d) from the kernel, ignored",
			ipc_event_name(event), event);
	}
}

/* Open the family and start the server; 0 or -errno. */
static int connect_kernel(bool quiet)
{
	int ret = ipc_open();

	if (ret == -ENOENT) {
		ksmbd_module_load();
		ret = ipc_open();
	}
	if (ret) {
		if (!quiet)
			pr_err("Cannot reach the ksmbd kernel server: generic netlink family `%s' %s",
			       KSMBD_GENL_NAME,
			       ret == -ENOENT ? "not found (is the ksmbd module loaded?)" :
						"unavailable");
		return ret;
	}
	ret = ipc_send_startup();
	if (ret) {
		ipc_close();
		return ret;
	}
	pr_info("Started the kernel server (family %d)", ipc_family());
	return 0;
}

static int make_signalfd(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL))
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static int run(int sfd)
{
	bool connected = true;

	for (;;) {
		struct pollfd pfd[2] = {
			{ .fd = sfd, .events = POLLIN },
			{ .fd = ipc_fd(), .events = POLLIN },
		};
		int n = poll(pfd, connected ? 2 : 1, PROBE_INTERVAL_MS);

		if (n < 0 && errno != EINTR) {
			pr_err("poll: %s", strerror(errno));
			return 1;
		}
		if (n > 0 && (pfd[0].revents & POLLIN)) {
			struct signalfd_siginfo si;

			while (read(sfd, &si, sizeof(si)) == sizeof(si)) {
				if (si.ssi_signo == SIGHUP) {
					pr_info("Reloading configuration");
					if (!state_reload())
						state_publish_shares();
					continue;
				}
				pr_info("Signal %u: stopping", si.ssi_signo);
				if (connected)
					ipc_send_shutdown();
				return 0;
			}
		}
		if (connected && n > 0 && pfd[1].revents) {
			if (ipc_receive() < 0 || (pfd[1].revents & (POLLERR | POLLHUP))) {
				pr_warn("Lost the netlink link, reconnecting");
				ipc_close();
				connected = false;
			}
			continue;
		}
		if (n == 0) {
			/* The module went away or came back with a new id? */
			int id = ipc_family_probe();

			if (connected && id != ipc_family()) {
				pr_warn("The kernel server went away, waiting for it");
				ipc_close();
				connected = false;
			}
			if (!connected && id > 0) {
				sleep_ms(200);
				connected = connect_kernel(true) == 0;
			}
		}
	}
}

int main(int argc, char **argv)
{
	int c, way, lock, sfd, ready[2] = { -1, -1 }, ret;
	struct cli_mountd o;

	ret = cli_mountd(argc, argv, &o);
	ret = cli_finish(ret, o.action, "ksmbd.mountd", usage);
	if (ret >= 0)
		return ret;
	log_set_verbose(o.verbose);
	way = o.nodetach;
	log_init("ksmbd.mountd", false);
	state_init(o.conf, o.pwddb);
	state.tcp_port_override = (uint16_t)o.port;
	if (state_reload())
		return 1;

	lock = pidfile_acquire(KSMBD_LOCK_FILE);
	if (lock < 0) {
		if (lock == -EBUSY)
			pr_err("ksmbd.mountd is already running (pid %d)",
			       (int)pidfile_running(KSMBD_LOCK_FILE));
		else
			pr_err("Cannot take " KSMBD_LOCK_FILE ": %s", strerror(-lock));
		state_free();
		return 1;
	}

	if (way != 1) {
		pid_t pid;
		char ok = 0;

		if (pipe(ready) < 0) {
			pr_err("pipe: %s", strerror(errno));
			return 1;
		}
		pid = fork();
		if (pid < 0) {
			pr_err("fork: %s", strerror(errno));
			return 1;
		}
		if (pid > 0) {
			/* Exit when the child is up, with its verdict. */
			close(ready[1]);
			if (read(ready[0], &ok, 1) != 1)
				ok = 0;
			_exit(ok ? 0 : 1);
		}
		close(ready[0]);
		setsid();
		if (chdir("/") < 0)
			pr_warn("chdir /: %s", strerror(errno));
		umask(022);
		log_init("ksmbd.mountd", true);
		pidfile_write(lock);
		c = open("/dev/null", O_RDWR);
		if (c >= 0) {
			dup2(c, STDIN_FILENO);
			dup2(c, STDOUT_FILENO);
			dup2(c, STDERR_FILENO);
			if (c > STDERR_FILENO)
				close(c);
		}
	} else if (getpgrp() != getpid() && setpgid(0, 0) < 0) {
		pr_debug("setpgid: %s", strerror(errno));
	}
	signal(SIGPIPE, SIG_IGN);
	state_publish_shares();
	sfd = make_signalfd();
	if (sfd < 0) {
		pr_err("signalfd: %s", strerror(errno));
		ret = 1;
		goto out;
	}
	if (rpc_workers_start()) {
		pr_err("Cannot start worker threads");
		ret = 1;
		goto out;
	}
	if (connect_kernel(false)) {
		ret = 1;
		goto out_workers;
	}
	if (ready[1] >= 0) {
		char ok = 1;

		if (write(ready[1], &ok, 1) != 1)
			pr_debug("parent gone");
		close(ready[1]);
		ready[1] = -1;
	}
	ret = run(sfd);
	ipc_close();
out_workers:
	rpc_workers_stop();
out:
	if (sfd >= 0)
		close(sfd);
	if (ready[1] >= 0)
		close(ready[1]);
	state_free();
	unlink(KSMBD_SHARES_FILE);
	unlink(KSMBD_LOCK_FILE);
	close(lock);
	pr_info("Exiting");
	return ret;
}
