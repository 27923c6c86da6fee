// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rpc_pipe_*: framing of the byte stream a client writes into PDUs, the
 * queue of response fragments it reads back, and interface lookup.
 *
 * The pipe is a message-mode pipe: each response fragment is one message,
 * and a read never returns bytes of two messages; *more tells that the
 * current message has bytes left (STATUS_BUFFER_OVERFLOW on the SMB side).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pdu.h"
#include "pipe.h"

/* Stop taking input while this much response data waits to be read. */
#define RPC_MAX_QUEUED	(16u << 20)

static const struct rpc_iface *const ifaces[] = {
	&rpc_iface_srvsvc,
	&rpc_iface_wkssvc,
	&rpc_iface_lsarpc,
	&rpc_iface_samr,
};

const struct rpc_iface *rpc_iface_lookup(const uint8_t uuid[16],
					 uint16_t major, uint16_t minor)
{
	uint8_t u[16];
	size_t i;

	for (i = 0; i < sizeof(ifaces) / sizeof(ifaces[0]); i++) {
		if (rpc_uuid_parse(ifaces[i]->uuid, u) || memcmp(u, uuid, 16))
			continue;
		if (ifaces[i]->vers_major == major &&
		    minor <= ifaces[i]->vers_minor)
			return ifaces[i];
	}
	return NULL;
}

static const char *prov_str(const char *(*fn)(void *), void *ctx)
{
	const char *s = fn ? fn(ctx) : NULL;

	return s ? s : "";
}

const char *rpc_env_server_name(const struct rpc_env *env)
{
	return prov_str(env->prov->server_name, env->ctx);
}

const char *rpc_env_workgroup(const struct rpc_env *env)
{
	return prov_str(env->prov->domain_name, env->ctx);
}

const char *rpc_env_comment(const struct rpc_env *env)
{
	return prov_str(env->prov->server_comment, env->ctx);
}

struct rpc_pipe *rpc_pipe_open(const struct rpc_env *env)
{
	struct rpc_pipe *p;

	if (!env || !env->prov)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->env = *env;
	p->max_xmit = RPC_XMIT_FRAG;
	ndr_wr_init(&p->req);
	return p;
}

int rpc_pipe_queue(struct rpc_pipe *p, const uint8_t *data, size_t len)
{
	struct rpc_msg *m = malloc(sizeof(*m) + len);

	if (!m)
		return -ENOMEM;
	m->next = NULL;
	m->len = len;
	m->off = 0;
	memcpy(m->data, data, len);
	if (p->out_tail)
		p->out_tail->next = m;
	else
		p->out_head = m;
	p->out_tail = m;
	p->out_bytes += len;
	return 0;
}

static void drop_input(struct rpc_pipe *p)
{
	free(p->in);
	p->in = NULL;
	p->in_len = 0;
}

int rpc_pipe_write(struct rpc_pipe *p, const void *buf, size_t len)
{
	struct rpc_hdr h;
	size_t off = 0;
	uint8_t *n;
	int ret = 0;

	if (p->out_bytes > RPC_MAX_QUEUED)
		return -ENOBUFS;
	if (!len)
		return 0;
	n = realloc(p->in, p->in_len + len);
	if (!n)
		return -ENOMEM;
	p->in = n;
	memcpy(p->in + p->in_len, buf, len);
	p->in_len += len;

	while (p->in_len - off >= RPC_HDR_LEN) {
		rpc_hdr_parse(p->in + off, &h);
		if (h.frag_len < RPC_HDR_LEN ||
		    (size_t)h.auth_len + RPC_HDR_LEN > h.frag_len) {
			drop_input(p);
			return -EPROTO;
		}
		if (p->in_len - off < h.frag_len)
			break;
		ret = rpc_pdu_process(p, p->in + off, &h);
		off += h.frag_len;
		if (ret) {
			drop_input(p);
			return ret;
		}
	}
	if (off == p->in_len) {
		drop_input(p);
	} else if (off) {
		memmove(p->in, p->in + off, p->in_len - off);
		p->in_len -= off;
	}
	return 0;
}

size_t rpc_pipe_read(struct rpc_pipe *p, void *buf, size_t max, bool *more)
{
	struct rpc_msg *m = p->out_head;
	size_t n;

	if (more)
		*more = m != NULL && !max;
	if (!m || !max)
		return 0;
	n = m->len - m->off;
	if (n > max)
		n = max;
	memcpy(buf, m->data + m->off, n);
	m->off += n;
	p->out_bytes -= n;
	if (m->off == m->len) {
		p->out_head = m->next;
		if (!p->out_head)
			p->out_tail = NULL;
		free(m);
	} else if (more) {
		*more = true;
	}
	return n;
}

int rpc_pipe_transceive(struct rpc_pipe *p, const void *in, size_t in_len,
			void *out, size_t max, size_t *out_len, bool *more)
{
	int ret = rpc_pipe_write(p, in, in_len);

	*out_len = 0;
	if (more)
		*more = false;
	if (ret)
		return ret;
	*out_len = rpc_pipe_read(p, out, max, more);
	return 0;
}

void rpc_pipe_close(struct rpc_pipe *p)
{
	struct rpc_msg *m, *next;

	if (!p)
		return;
	for (m = p->out_head; m; m = next) {
		next = m->next;
		free(m);
	}
	drop_input(p);
	ndr_wr_free(&p->req);
	free(p);
}
