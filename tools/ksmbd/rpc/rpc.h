/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The boundary between ksmbd.mountd and the DCE/RPC named pipes.
 *
 * The kernel forwards what a client writes to / reads from an opened pipe
 * (\srvsvc, \wkssvc, \lsarpc, \samr) on IPC$ to mountd as KSMBD_EVENT_RPC_REQUEST
 * messages carrying a pipe handle. mountd keeps one struct rpc_pipe per handle
 * and feeds it through the four calls below. The RPC layer never touches
 * netlink or the config: everything it needs to know about the server, shares
 * and users it asks through struct rpc_provider, which mountd implements.
 *
 * Which interface a pipe speaks (srvsvc, wkssvc, lsarpc, samr) is decided by
 * the abstract syntax in the client's BIND, not by the pipe name, so the same
 * code serves kernels that do and do not tell the daemon the pipe name.
 *
 * Threading: a struct rpc_pipe is used by one thread at a time (mountd
 * serializes calls per handle); different pipes may be used concurrently, and
 * provider callbacks may be called from several threads at once.
 */
#ifndef KSMBD_TOOLS_RPC_H
#define KSMBD_TOOLS_RPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Share types as [MS-SRVS] 2.2.2.4 (STYPE_*). */
#define RPC_STYPE_DISKTREE	0x00000000u
#define RPC_STYPE_IPC		0x00000003u
#define RPC_STYPE_SPECIAL	0x80000000u

struct rpc_share_info {
	const char *name;	/* UTF-8, e.g. "share" or "IPC$" */
	const char *comment;	/* UTF-8, never NULL ("" if none) */
	const char *path;	/* local path, "" for IPC$ */
	uint32_t type;		/* RPC_STYPE_* */
	uint32_t max_uses;	/* 0xFFFFFFFF = unlimited */
	uint32_t current_uses;
};

struct rpc_user_info {
	const char *name;	/* account name as in the user database */
	uint32_t rid;		/* relative id inside the server's domain SID */
	uid_t uid;
	bool disabled;
};

/* Return non-zero from a callback to stop the iteration early. */
typedef int (*rpc_share_cb)(const struct rpc_share_info *share, void *arg);
typedef int (*rpc_user_cb)(const struct rpc_user_info *user, void *arg);

struct rpc_provider {
	/* NetBIOS name of this server, upper case, e.g. "KSMBD". */
	const char *(*server_name)(void *ctx);
	/* Work group / domain name, upper case, e.g. "WORKGROUP". */
	const char *(*domain_name)(void *ctx);
	/* "server string" from the config. */
	const char *(*server_comment)(void *ctx);
	/* The three sub-authorities of the server's domain SID S-1-5-21-a-b-c. */
	void (*domain_sid_subauth)(void *ctx, uint32_t subauth[3]);
	/* Visit every share that share enumeration may list (browseable + IPC$). */
	int (*for_each_share)(void *ctx, rpc_share_cb cb, void *arg);
	/* Look up one share by name (case-insensitive); 0 and *out filled, or -ENOENT. */
	int (*get_share)(void *ctx, const char *name, rpc_share_cb cb, void *arg);
	/* Visit every account of the user database. */
	int (*for_each_user)(void *ctx, rpc_user_cb cb, void *arg);
	/* Look up one account by name (case-insensitive) or by rid. -ENOENT if none. */
	int (*user_by_name)(void *ctx, const char *name, rpc_user_cb cb, void *arg);
	int (*user_by_rid)(void *ctx, uint32_t rid, rpc_user_cb cb, void *arg);
};

struct rpc_env {
	const struct rpc_provider *prov;
	void *ctx;		/* passed to every provider callback */
	bool restricted;	/* anonymous/guest session: KSMBD_RPC_RESTRICTED_CONTEXT */
};

struct rpc_pipe;

/* A new pipe instance; NULL on allocation failure. env is copied. */
struct rpc_pipe *rpc_pipe_open(const struct rpc_env *env);

/*
 * Feed bytes the client wrote to the pipe (one or more whole or partial PDUs).
 * Complete PDUs are processed at once and their responses queued. Malformed
 * input yields a fault/bind_nak PDU where [MS-RPCE] says so, or -EPROTO when the
 * stream cannot be resynchronized. Returns 0 or -errno.
 */
int rpc_pipe_write(struct rpc_pipe *p, const void *buf, size_t len);

/*
 * Take up to max bytes of queued response data. Returns the number of bytes
 * copied (0 if nothing is queued) and sets *more when bytes remain after this
 * read (the kernel answers STATUS_BUFFER_OVERFLOW then). The pipe is in
 * message mode: one message is one response PDU fragment, a read never
 * returns bytes of two messages, and *more refers to the current message
 * (further queued fragments are returned by the next reads).
 */
size_t rpc_pipe_read(struct rpc_pipe *p, void *buf, size_t max, bool *more);

/* Write then read in one step (FSCTL_PIPE_TRANSCEIVE). Same returns as read. */
int rpc_pipe_transceive(struct rpc_pipe *p, const void *in, size_t in_len,
			void *out, size_t max, size_t *out_len, bool *more);

void rpc_pipe_close(struct rpc_pipe *p);

#endif /* KSMBD_TOOLS_RPC_H */
