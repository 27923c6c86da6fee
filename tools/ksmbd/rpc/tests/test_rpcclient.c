// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Samba's rpcclient as a black-box client: it talks ncacn_ip_tcp to pipes
 * of ours over loopback, the same connection-oriented PDUs and NDR stubs as
 * over SMB named pipes. rpcclient finds the port through the endpoint
 * mapper on 127.0.0.1:135, which this test answers itself (bind + ept_map
 * only). Skipped (exit 0 with a note) when rpcclient is not installed or
 * port 135 cannot be bound.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client.h"
#include "fake_provider.h"
#include "harness.h"

#define MAX_CONNS 32

static struct fake fake;
static struct rpc_env env;
static uint16_t svc_port;

struct conn {
	int fd;
	bool epm;
	struct rpc_pipe *p;
	uint8_t buf[65536];
	size_t len;
	struct ndr_wr seed;	/* what the client wrote, for fuzz seeds */
};

static unsigned int seeds_saved;

static int listen_on(uint16_t port, uint16_t *bound)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t al = sizeof(a);
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(port);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 8)) {
		close(fd);
		return -1;
	}
	getsockname(fd, (struct sockaddr *)&a, &al);
	if (bound)
		*bound = ntohs(a.sin_port);
	return fd;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void send_all(int fd, const void *buf, size_t len)
{
	const uint8_t *b = buf;

	while (len) {
		ssize_t n = write(fd, b, len);

		if (n <= 0)
			return;
		b += n;
		len -= n;
	}
}

/* Endpoint mapper: accept the first context of a bind, answer ept_map
 * with the client's own tower, its TCP port set to ours. */
static void epm_pdu(int fd, const uint8_t *pdu, size_t len)
{
	struct ndr_wr w, stub;
	struct ndr_rd r;
	uint8_t ndr20[16], tower[512];
	uint32_t tlen = 0, max_towers;
	size_t off;

	ndr_wr_init(&w);
	if (pdu[2] == RPC_PT_BIND) {
		rpc_uuid_parse(UUID_NDR20, ndr20);
		ndr_wr_bytes(&w, pdu, 16);
		w.data[2] = RPC_PT_BIND_ACK;
		ndr_wr_u16(&w, 4280);
		ndr_wr_u16(&w, 4280);
		ndr_wr_u32(&w, 0x1234);
		ndr_wr_u16(&w, 4);
		ndr_wr_bytes(&w, "135", 4);
		ndr_wr_align(&w, 4);
		ndr_wr_u32(&w, 1);
		ndr_wr_u16(&w, 0);
		ndr_wr_u16(&w, 0);
		ndr_wr_bytes(&w, ndr20, 16);
		ndr_wr_u32(&w, 2);
	} else if (pdu[2] == RPC_PT_REQUEST) {
		ndr_rd_init(&r, pdu + 24, len - 24);
		if (ndr_rd_ptr(&r)) {		/* object */
			uint8_t obj[16];

			ndr_rd_bytes(&r, obj, 16);
		}
		if (ndr_rd_ptr(&r)) {
			ndr_rd_u32(&r);
			tlen = ndr_rd_u32(&r);
			if (tlen > sizeof(tower))
				tlen = 0;
			ndr_rd_bytes(&r, tower, tlen);
		}
		r.off += 20;			/* entry handle */
		max_towers = ndr_rd_u32(&r);
		/* floors: count, then lhs_len lhs rhs_len rhs */
		for (off = 2; off + 2 <= tlen;) {
			uint16_t l = tower[off] | tower[off + 1] << 8, rl;

			if (off + 2 + l + 2 > tlen)
				break;
			rl = tower[off + 2 + l] | tower[off + 3 + l] << 8;
			if (l == 1 && tower[off + 2] == 0x07 && rl == 2) {
				tower[off + 4 + l] = svc_port >> 8;
				tower[off + 5 + l] = svc_port & 0xFF;
			}
			off += 4 + l + rl;
		}
		ndr_wr_init(&stub);
		ndr_wr_bytes(&stub, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
			     20);
		ndr_wr_u32(&stub, 1);		/* num_towers */
		ndr_wr_u32(&stub, max_towers);
		ndr_wr_u32(&stub, 0);
		ndr_wr_u32(&stub, 1);
		ndr_wr_ptr(&stub, true);
		ndr_wr_u32(&stub, tlen);
		ndr_wr_u32(&stub, tlen);
		ndr_wr_bytes(&stub, tower, tlen);
		ndr_wr_align(&stub, 4);
		ndr_wr_u32(&stub, 0);
		ndr_wr_bytes(&w, pdu, 16);
		w.data[2] = RPC_PT_RESPONSE;
		w.data[3] = 3;
		ndr_wr_u32(&w, stub.len);
		ndr_wr_u16(&w, 0);
		ndr_wr_u16(&w, 0);
		ndr_wr_bytes(&w, stub.data, stub.len);
		ndr_wr_free(&stub);
	}
	if (w.len) {
		put16(w.data + 8, w.len);
		put16(w.data + 10, 0);
		send_all(fd, w.data, w.len);
	}
	ndr_wr_free(&w);
}

/* Returns false when the connection is done. */
static bool conn_input(struct conn *c)
{
	ssize_t n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
	uint8_t out[8192];
	size_t got, flen;
	bool more;

	if (n <= 0)
		return false;
	if (!c->epm) {
		if (c->seed.len + n < 65536)
			ndr_wr_bytes(&c->seed, c->buf, n);
		CHECK_EQ(rpc_pipe_write(c->p, c->buf, n), 0);
		while ((got = rpc_pipe_read(c->p, out, sizeof(out), &more)))
			send_all(c->fd, out, got);
		return true;
	}
	c->len += n;
	while (c->len >= 16) {
		flen = c->buf[8] | c->buf[9] << 8;
		if (flen < 16 || c->len < flen)
			break;
		epm_pdu(c->fd, c->buf, flen);
		memmove(c->buf, c->buf + flen, c->len - flen);
		c->len -= flen;
	}
	return true;
}

static void conn_close(struct conn *c)
{
	const char *dir = getenv("RPC_SEED_DIR");

	if (dir && c->seed.len > 1) {
		char path[512];
		FILE *f;

		snprintf(path, sizeof(path), "%s/pipe-rpcclient-%04u", dir,
			 seeds_saved++);
		f = fopen(path, "wb");
		if (f) {
			fwrite(c->seed.data, 1, c->seed.len, f);
			fclose(f);
		}
	}
	ndr_wr_free(&c->seed);
	close(c->fd);
	rpc_pipe_close(c->p);
	c->fd = -1;
	c->p = NULL;
}

/* Run rpcclient with commands, serving it; its stdout into out. */
static int run_rpcclient(int lepm, int lsvc, const char *cmds, char *out,
			 size_t size)
{
	static struct conn conns[MAX_CONNS];	/* 2 MiB: not on the stack */
	int pfd[2], status = -1, nconn = 0, i;
	size_t olen = 0;
	pid_t pid;

	if (pipe(pfd))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		close(pfd[0]);
		execlp("rpcclient", "rpcclient", "-N", "-U%", "-s", "/dev/null",
		       "-d", getenv("RPCCLIENT_DEBUG") ? getenv("RPCCLIENT_DEBUG") :
		       "0", "ncacn_ip_tcp:127.0.0.1", "-c", cmds, (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		struct pollfd pf[MAX_CONNS + 3];
		int n = 0, ret;

		pf[n++] = (struct pollfd){ .fd = pfd[0], .events = POLLIN };
		pf[n++] = (struct pollfd){ .fd = lepm, .events = POLLIN };
		pf[n++] = (struct pollfd){ .fd = lsvc, .events = POLLIN };
		for (i = 0; i < nconn; i++)
			pf[n++] = (struct pollfd){ .fd = conns[i].fd,
						   .events = POLLIN };
		ret = poll(pf, n, 20000);
		if (ret <= 0)
			break;
		if (pf[0].revents) {
			ssize_t r = read(pfd[0], out + olen, size - 1 - olen);

			if (r <= 0)
				break;
			olen += r;
		}
		for (i = 1; i <= 2; i++) {
			int fd;

			if (!(pf[i].revents & POLLIN) || nconn == MAX_CONNS)
				continue;
			fd = accept(pf[i].fd, NULL, NULL);
			if (fd < 0)
				continue;
			memset(&conns[nconn], 0, sizeof(conns[nconn]));
			conns[nconn].fd = fd;
			conns[nconn].epm = i == 1;
			ndr_wr_init(&conns[nconn].seed);
			ndr_wr_u8(&conns[nconn].seed, 0);	/* not restricted */
			if (i == 2)
				conns[nconn].p = rpc_pipe_open(&env);
			nconn++;
		}
		/* only the connections that were polled; then compact */
		for (i = 0; i < n - 3; i++)
			if (pf[3 + i].revents && !conn_input(&conns[i]))
				conn_close(&conns[i]);
		for (i = 0; i < nconn;) {
			if (conns[i].fd < 0)
				conns[i] = conns[--nconn];
			else
				i++;
		}
	}
	out[olen] = 0;
	for (i = 0; i < nconn; i++)
		conn_close(&conns[i]);
	close(pfd[0]);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return status;
}

static void expect_in(const char *out, const char *what)
{
	test_checks++;
	if (!strstr(out, what)) {
		char m[256];

		snprintf(m, sizeof(m), "rpcclient output has \"%s\"", what);
		test_fail(__FILE__, __LINE__, m);
	}
}

static int lepm = -1, lsvc = -1;

static void test_rpcclient(void)
{
	static char out[65536];

	fake_init(&fake);
	fake_env(&env, &fake, false);

	run_rpcclient(lepm, lsvc, "srvinfo", out, sizeof(out));
	printf("--- srvinfo\n%s", out);
	expect_in(out, FAKE_SERVER);
	expect_in(out, FAKE_COMMENT);
	expect_in(out, "platform_id     :\t500");

	run_rpcclient(lepm, lsvc, "netshareenumall", out, sizeof(out));
	printf("--- netshareenumall\n%s", out);
	expect_in(out, "netname: public");
	expect_in(out, "remark:\tPublic files");
	expect_in(out, "path:\tC:\\srv\\public");

	run_rpcclient(lepm, lsvc, "netsharegetinfo docs", out, sizeof(out));
	printf("--- netsharegetinfo docs\n%s", out);
	expect_in(out, "netname: docs");

	run_rpcclient(lepm, lsvc, "lookupnames alice", out, sizeof(out));
	printf("--- lookupnames alice\n%s", out);
	expect_in(out, "alice S-1-5-21-111-222-333-1000 (User: 1)");

	run_rpcclient(lepm, lsvc,
		      "lookupsids S-1-5-21-111-222-333-1001 S-1-1-0 S-1-5-32-544",
		      out, sizeof(out));
	printf("--- lookupsids\n%s", out);
	expect_in(out, "S-1-5-21-111-222-333-1001 KSMBD\\bob (1)");
	expect_in(out, "S-1-1-0 \\Everyone (5)");
	expect_in(out, "S-1-5-32-544 BUILTIN\\Administrators (4)");

	run_rpcclient(lepm, lsvc, "lsaquery", out, sizeof(out));
	printf("--- lsaquery\n%s", out);
	expect_in(out, "Domain Name: " FAKE_DOMAIN);

	run_rpcclient(lepm, lsvc, "enumdomusers", out, sizeof(out));
	printf("--- enumdomusers\n%s", out);
	expect_in(out, "user:[alice] rid:[0x3e8]");
	expect_in(out, "user:[bob] rid:[0x3e9]");

	run_rpcclient(lepm, lsvc, "queryuser 1000", out, sizeof(out));
	printf("--- queryuser 1000\n%s", out);
	expect_in(out, "User Name   :\talice");
	expect_in(out, "user_rid :\t0x3e8");

	run_rpcclient(lepm, lsvc, "querydominfo", out, sizeof(out));
	printf("--- querydominfo\n%s", out);
	expect_in(out, "Domain:\t\t" FAKE_SERVER);

	{
		static const struct {
			const char *cmd, *want1, *want2;
		} more[] = {
			{ "enumdomains", "name:[KSMBD] idx:[0x0]",
			  "name:[Builtin] idx:[0x0]" },
			{ "lookupdomain KSMBD", "Domain SID: S-1-5-21-111-222-333",
			  NULL },
			{ "queryusergroups 1000", "group rid:[0x201] attr:[0x7]",
			  NULL },
			{ "netsessenum", "Received 0 entries.", NULL },
			{ "netshareenum 1", "netname: public",
			  "remark:\tPublic files" },
			{ "lookupnames BUILTIN\\\\Users nobody",
			  "BUILTIN\\Users S-1-5-32-545 (Local Group: 4)",
			  "nobody S-0-0 (UNKNOWN: 8)" },
			{ "lsaquery 5", "Domain Name: " FAKE_SERVER,
			  "Domain Sid: S-1-5-21-111-222-333" },
			{ "netsharegetinfo nosuch", "WERR_NERR_NETNAMENOTFOUND",
			  NULL },
			{ "samlookupnames domain alice bob",
			  "name alice: 0x3e8 (1)", "name bob: 0x3e9 (1)" },
			{ "lookupsids3 S-1-5-21-111-222-333-1000",
			  "S-1-5-21-111-222-333-1000 alice (1)", NULL },
			{ "lookupnames4 alice",
			  "alice S-1-5-21-111-222-333-1000 (User: 1)", NULL },
			{ "queryuseraliases builtin S-1-5-21-111-222-333-1000",
			  NULL, NULL },
			{ "wkssvc_wkstagetinfo", NULL, NULL },
		};
		size_t i;

		for (i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
			run_rpcclient(lepm, lsvc, more[i].cmd, out, sizeof(out));
			printf("--- %s\n%s", more[i].cmd, out);
			if (more[i].want1)
				expect_in(out, more[i].want1);
			if (more[i].want2)
				expect_in(out, more[i].want2);
			/* no error report from rpcclient but the one wanted */
			test_checks++;
			if (strcmp(more[i].cmd, "netsharegetinfo nosuch") &&
			    strstr(out, "result was"))
				test_fail(__FILE__, __LINE__, more[i].cmd);
		}
	}
}

static const struct test_case tests[] = {
	{ "rpcclient", test_rpcclient },
	{ NULL, NULL }
};

int main(void)
{
	int ret;

	if (system("command -v rpcclient >/dev/null 2>&1")) {
		printf("rpcclient: SKIP (rpcclient not installed)\n");
		return 0;
	}
	lepm = listen_on(135, NULL);
	lsvc = listen_on(0, &svc_port);
	if (lepm < 0 || lsvc < 0) {
		printf("rpcclient: SKIP (cannot listen on 127.0.0.1:135: %s)\n",
		       strerror(errno));
		return 0;
	}
	ret = run_tests("rpcclient", tests);
	close(lepm);
	close(lsvc);
	return ret;
}
