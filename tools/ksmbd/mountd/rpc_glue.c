// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * RPC requests: the named pipe instances (one struct rpc_pipe per kernel
 * handle), the worker threads that run them, and the struct rpc_provider
 * that tells rpc/ about the server, shares and users.
 *
 * Threading: request for handle h always goes to worker h % NR_WORKERS, so
 * the operations on one pipe run in order on one thread, while a slow call
 * on one pipe never holds up logins (answered on the receiving thread) or
 * pipes of other workers. The pipe table is guarded by pipes_lock; a pipe is
 * only used by its worker, so it needs no lock of its own.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "handlers.h"
#include "ipc.h"
#include "ksmbd_abi.h"
#include "log.h"
#include "policy.h"
#include "rpc.h"
#include "state.h"

#define NR_WORKERS	4
#define RPC_READ_MAX	65536

/* ---- provider --------------------------------------------------------- */

static void upper(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; src[i] && i + 1 < size; i++)
		dst[i] = (char)toupper((unsigned char)src[i]);
	dst[i] = '\0';
}

static __thread char tl_name[64], tl_domain[64];

static const char *prov_server_name(void *ctx)
{
	(void)ctx;
	upper(tl_name, sizeof(tl_name), state.cfg->g.netbios_name);
	return tl_name;
}

static const char *prov_domain_name(void *ctx)
{
	(void)ctx;
	upper(tl_domain, sizeof(tl_domain), state.cfg->g.workgroup);
	return tl_domain;
}

static const char *prov_server_comment(void *ctx)
{
	(void)ctx;
	return state.cfg->g.server_string;
}

static void prov_sid(void *ctx, uint32_t sa[3])
{
	(void)ctx;
	memcpy(sa, state.sub_auth, 3 * sizeof(uint32_t));
}

static int visit_share(const struct share *s, rpc_share_cb cb, void *arg)
{
	struct rpc_share_info si = {
		.name = s->name,
		.comment = s->comment ? s->comment : "",
		.path = s->is_ipc ? "" : s->path,
		.type = s->is_ipc ? RPC_STYPE_IPC | RPC_STYPE_SPECIAL :
				    RPC_STYPE_DISKTREE,
		.max_uses = s->max_connections ? s->max_connections : 0xFFFFFFFFu,
		.current_uses = state_share_uses(s->name),
	};

	return cb(&si, arg);
}

static bool listable(const struct share *s)
{
	return s->is_ipc || (s->available && s->path && *s->path);
}

static int prov_for_each_share(void *ctx, rpc_share_cb cb, void *arg)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < state.cfg->nshares; i++) {
		const struct share *s = state.cfg->shares[i];

		if (!listable(s) || (!s->browseable && !s->is_ipc))
			continue;
		if (visit_share(s, cb, arg))
			break;
	}
	return 0;
}

static int prov_get_share(void *ctx, const char *name, rpc_share_cb cb,
			  void *arg)
{
	const struct share *s = config_share(state.cfg, name);

	(void)ctx;
	if (!s || !listable(s))
		return -ENOENT;
	visit_share(s, cb, arg);
	return 0;
}

/* Samba's algorithmic mapping when a system user exists, else by position. */
static void user_info(size_t idx, const struct user *u, struct rpc_user_info *ui)
{
	uint32_t uid, gid;

	memset(ui, 0, sizeof(*ui));
	ui->name = u->name;
	if (system_user(u->name, &uid, &gid)) {
		ui->uid = uid;
		ui->rid = 1000 + 2 * uid;
	} else {
		ui->uid = (uid_t)-1;
		ui->rid = 0x40000000u + 2 * (uint32_t)idx + 1;
	}
}

static int prov_for_each_user(void *ctx, rpc_user_cb cb, void *arg)
{
	struct rpc_user_info ui;
	size_t i;

	(void)ctx;
	for (i = 0; i < state.db->n; i++) {
		user_info(i, &state.db->u[i], &ui);
		if (cb(&ui, arg))
			break;
	}
	return 0;
}

static int prov_user_by_name(void *ctx, const char *name, rpc_user_cb cb,
			     void *arg)
{
	struct rpc_user_info ui;
	size_t i;

	(void)ctx;
	for (i = 0; i < state.db->n; i++) {
		if (strcasecmp(state.db->u[i].name, name))
			continue;
		user_info(i, &state.db->u[i], &ui);
		cb(&ui, arg);
		return 0;
	}
	return -ENOENT;
}

static int prov_user_by_rid(void *ctx, uint32_t rid, rpc_user_cb cb, void *arg)
{
	struct rpc_user_info ui;
	size_t i;

	(void)ctx;
	for (i = 0; i < state.db->n; i++) {
		user_info(i, &state.db->u[i], &ui);
		if (ui.rid != rid)
			continue;
		cb(&ui, arg);
		return 0;
	}
	return -ENOENT;
}

static const struct rpc_provider provider = {
	.server_name = prov_server_name,
	.domain_name = prov_domain_name,
	.server_comment = prov_server_comment,
	.domain_sid_subauth = prov_sid,
	.for_each_share = prov_for_each_share,
	.get_share = prov_get_share,
	.for_each_user = prov_for_each_user,
	.user_by_name = prov_user_by_name,
	.user_by_rid = prov_user_by_rid,
};

const struct rpc_provider *mountd_rpc_provider(void)
{
	return &provider;
}

/* ---- pipe table -------------------------------------------------------- */

struct pipe_ent {
	struct pipe_ent *next;
	uint32_t handle;
	struct rpc_pipe *pipe;
};

static pthread_mutex_t pipes_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pipe_ent *pipes;

static struct rpc_pipe *pipe_get(uint32_t handle)
{
	struct pipe_ent *e;
	struct rpc_pipe *p = NULL;

	pthread_mutex_lock(&pipes_lock);
	for (e = pipes; e; e = e->next)
		if (e->handle == handle) {
			p = e->pipe;
			break;
		}
	pthread_mutex_unlock(&pipes_lock);
	return p;
}

/* Remove the entry of handle; returns its pipe (caller closes) or NULL. */
static struct rpc_pipe *pipe_take(uint32_t handle)
{
	struct pipe_ent **pe, *e;
	struct rpc_pipe *p = NULL;

	pthread_mutex_lock(&pipes_lock);
	for (pe = &pipes; *pe; pe = &(*pe)->next) {
		if ((*pe)->handle == handle) {
			e = *pe;
			*pe = e->next;
			p = e->pipe;
			free(e);
			break;
		}
	}
	pthread_mutex_unlock(&pipes_lock);
	return p;
}

static void pipe_put(uint32_t handle, struct rpc_pipe *p)
{
	struct pipe_ent *e = xcalloc(1, sizeof(*e));

	e->handle = handle;
	e->pipe = p;
	pthread_mutex_lock(&pipes_lock);
	e->next = pipes;
	pipes = e;
	pthread_mutex_unlock(&pipes_lock);
}

void rpc_glue_close_all(void)
{
	struct pipe_ent *e, *next;

	pthread_mutex_lock(&pipes_lock);
	for (e = pipes; e; e = next) {
		next = e->next;
		rpc_pipe_close(e->pipe);
		free(e);
	}
	pipes = NULL;
	pthread_mutex_unlock(&pipes_lock);
}

static void rpc_reply(uint32_t handle, uint32_t status, const void *payload,
		      size_t len)
{
	struct ksmbd_rpc_command *resp = calloc(1, sizeof(*resp) + len);

	if (!resp)
		return;
	resp->handle = handle;
	resp->flags = status;	/* the status travels in flags */
	resp->payload_sz = (uint32_t)len;
	if (len)
		memcpy(resp->payload, payload, len);
	ipc_send(KSMBD_EVENT_RPC_RESPONSE, resp, sizeof(*resp) + len);
	free(resp);
}

static uint32_t errno_status(int err)
{
	switch (err) {
	case 0:
		return KSMBD_RPC_OK;
	case -ENOMEM:
		return KSMBD_RPC_ENOMEM;
	default:
		return KSMBD_RPC_EBAD_DATA;
	}
}

static bool has(uint32_t flags, uint32_t method)
{
	return (flags & method) == method;
}

/* Run one RPC request (worker thread). */
static void rpc_run(const struct ksmbd_rpc_command *req, const uint8_t *payload)
{
	uint32_t h = req->handle, f = req->flags;
	struct rpc_pipe *p;
	static __thread uint8_t out[RPC_READ_MAX];
	bool more = false;
	size_t n = 0;
	int ret;

	pr_debug("rpc: handle %u flags 0x%x payload %u", h, f, req->payload_sz);
	if (has(f, KSMBD_RPC_OPEN_METHOD)) {
		struct rpc_env env = {
			.prov = &provider,
			.ctx = NULL,
			.restricted = f & KSMBD_RPC_RESTRICTED_CONTEXT,
		};

		rpc_pipe_close(pipe_take(h));	/* a reused handle: start over */
		p = rpc_pipe_open(&env);
		if (!p) {
			rpc_reply(h, KSMBD_RPC_ENOMEM, NULL, 0);
			return;
		}
		pipe_put(h, p);
		rpc_reply(h, KSMBD_RPC_OK, NULL, 0);
		return;
	}
	if (has(f, KSMBD_RPC_CLOSE_METHOD)) {
		p = pipe_take(h);
		rpc_pipe_close(p);
		rpc_reply(h, p ? KSMBD_RPC_OK : KSMBD_RPC_EBAD_FID, NULL, 0);
		return;
	}
	p = pipe_get(h);
	if (!p) {
		rpc_reply(h, KSMBD_RPC_EBAD_FID, NULL, 0);
		return;
	}
	pthread_rwlock_rdlock(&state.lock);
	if (has(f, KSMBD_RPC_IOCTL_METHOD)) {
		ret = rpc_pipe_transceive(p, payload, req->payload_sz, out,
					  sizeof(out), &n, &more);
		pthread_rwlock_unlock(&state.lock);
		rpc_reply(h, ret ? errno_status(ret) :
			     more ? KSMBD_RPC_EMORE_DATA : KSMBD_RPC_OK, out, n);
	} else if (has(f, KSMBD_RPC_WRITE_METHOD)) {
		ret = rpc_pipe_write(p, payload, req->payload_sz);
		pthread_rwlock_unlock(&state.lock);
		rpc_reply(h, errno_status(ret), NULL, 0);
	} else if (has(f, KSMBD_RPC_READ_METHOD)) {
		n = rpc_pipe_read(p, out, sizeof(out), &more);
		pthread_rwlock_unlock(&state.lock);
		rpc_reply(h, more ? KSMBD_RPC_EMORE_DATA : KSMBD_RPC_OK, out, n);
	} else {
		pthread_rwlock_unlock(&state.lock);
		rpc_reply(h, KSMBD_RPC_ENOTIMPLEMENTED, NULL, 0);
	}
}

/* ---- workers ----------------------------------------------------------- */

struct work {
	struct work *next;
	size_t len;
	uint8_t data[];
};

static struct worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct work *head, *tail;
	bool stop;
} workers[NR_WORKERS];

static bool workers_started;

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	for (;;) {
		struct work *wk;

		pthread_mutex_lock(&w->lock);
		while (!w->head && !w->stop)
			pthread_cond_wait(&w->cond, &w->lock);
		wk = w->head;
		if (wk) {
			w->head = wk->next;
			if (!w->head)
				w->tail = NULL;
		}
		pthread_mutex_unlock(&w->lock);
		if (!wk)
			break;	/* stopping and drained */
		rpc_run((const struct ksmbd_rpc_command *)wk->data,
			wk->data + sizeof(struct ksmbd_rpc_command));
		free(wk);
	}
	return NULL;
}

int rpc_workers_start(void)
{
	int i;

	for (i = 0; i < NR_WORKERS; i++) {
		pthread_mutex_init(&workers[i].lock, NULL);
		pthread_cond_init(&workers[i].cond, NULL);
		if (pthread_create(&workers[i].thread, NULL, worker_main,
				   &workers[i]))
			return -EAGAIN;
	}
	workers_started = true;
	return 0;
}

void rpc_workers_stop(void)
{
	int i;

	if (!workers_started)
		return;
	for (i = 0; i < NR_WORKERS; i++) {
		pthread_mutex_lock(&workers[i].lock);
		workers[i].stop = true;
		pthread_cond_signal(&workers[i].cond);
		pthread_mutex_unlock(&workers[i].lock);
	}
	for (i = 0; i < NR_WORKERS; i++)
		pthread_join(workers[i].thread, NULL);
	workers_started = false;
	rpc_glue_close_all();
}

void handle_rpc(const void *data, size_t len)
{
	struct ksmbd_rpc_command req;
	struct worker *w;
	struct work *wk;

	if (len < sizeof(req)) {
		pr_warn("rpc: %zu bytes, expected at least %zu: dropped", len,
			sizeof(req));
		return;
	}
	memcpy(&req, data, sizeof(req));
	if (req.payload_sz > len - sizeof(req)) {
		pr_warn("rpc: payload_sz %u beyond the %zu bytes received",
			req.payload_sz, len);
		rpc_reply(req.handle, KSMBD_RPC_EBAD_DATA, NULL, 0);
		return;
	}
	wk = malloc(sizeof(*wk) + sizeof(req) + req.payload_sz);
	if (!wk) {
		rpc_reply(req.handle, KSMBD_RPC_ENOMEM, NULL, 0);
		return;
	}
	wk->next = NULL;
	wk->len = sizeof(req) + req.payload_sz;
	memcpy(wk->data, data, wk->len);
	if (!workers_started) {	/* unit tests: run inline */
		rpc_run((const struct ksmbd_rpc_command *)wk->data,
			wk->data + sizeof(req));
		free(wk);
		return;
	}
	w = &workers[req.handle % NR_WORKERS];
	pthread_mutex_lock(&w->lock);
	if (w->tail)
		w->tail->next = wk;
	else
		w->head = wk;
	w->tail = wk;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}
