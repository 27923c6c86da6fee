/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Requests to the userspace daemon over generic netlink (ipc.c).
 *
 * Owner: server. Every call may sleep. A call waits at most
 * ksmbd_cfg.ipc_timeout_sec for the answer and returns NULL / -errno on
 * timeout or when no daemon is registered. Answers are validated (fixed
 * part and variable tail inside the netlink attribute) before they are
 * returned; they are kvmalloc'd and the caller kvfree()s them.
 */
#ifndef __KSMBD_IPC_H__
#define __KSMBD_IPC_H__

#include <linux/types.h>
#include <linux/socket.h>
#include <linux/ksmbd_netlink.h>

int ksmbd_ipc_init(void);
void ksmbd_ipc_exit(void);
/* True while a daemon is registered and answering heartbeats. */
bool ksmbd_ipc_daemon_alive(void);

struct ksmbd_login_response *ksmbd_ipc_login(const char *account);
struct ksmbd_login_response_ext *ksmbd_ipc_login_ext(const char *account);
struct ksmbd_share_config_response *ksmbd_ipc_share_config(const char *name);

struct ksmbd_tree_connect_response *
ksmbd_ipc_tree_connect(u64 sess_id, u64 tree_id, const char *account,
		       u16 account_flags, const char *share,
		       const struct sockaddr *peer);
int ksmbd_ipc_tree_disconnect(u64 sess_id, u64 tree_id);
int ksmbd_ipc_logout(const char *account, u32 account_flags);

/*
 * RPC pipe I/O: method is KSMBD_RPC_{OPEN,WRITE,READ,IOCTL,CLOSE}_METHOD
 * (| the pipe's KSMBD_RPC_*_METHOD_INVOKE bit); the handle comes from
 * ksmbd_ipc_rpc_handle_new() and is released with ..._free() after CLOSE.
 * The answer's payload_sz is checked against the attribute.
 */
int ksmbd_ipc_rpc_handle_new(void);
void ksmbd_ipc_rpc_handle_free(int handle);
struct ksmbd_rpc_command *ksmbd_ipc_rpc(int handle, u32 method,
					const void *payload, size_t len);

/* Kerberos: session_key_len + spnego_blob_len checked inside the answer. */
struct ksmbd_spnego_authen_response *
ksmbd_ipc_spnego_authen(const void *blob, size_t len);

/*
 * Validation of an answer (pure; used by the KUnit tests): 0 if an answer
 * of len bytes to event is well formed, -EINVAL otherwise. May normalize
 * the answer in place (a share config's zero payload_sz).
 */
int ksmbd_ipc_validate(unsigned int event, void *data, size_t len);

/* Counters for /sys/class/ksmbd-control/stats. */
void ksmbd_ipc_stats(unsigned int *requests, unsigned int *timeouts,
		     unsigned int *rejected, u32 *portid);

#endif /* __KSMBD_IPC_H__ */
