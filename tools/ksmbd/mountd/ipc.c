// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "ipc.h"
#include "ksmbd_abi.h"
#include "log.h"
#include "state.h"

static struct nl_sock *sk;
static int family_id;
static pthread_mutex_t send_lock = PTHREAD_MUTEX_INITIALIZER;

const char *ipc_event_name(int event)
{
	static const char *const names[] = {
		"UNSPEC", "HEARTBEAT_REQUEST", "STARTING_UP", "SHUTTING_DOWN",
		"LOGIN_REQUEST", "LOGIN_RESPONSE", "SHARE_CONFIG_REQUEST",
		"SHARE_CONFIG_RESPONSE", "TREE_CONNECT_REQUEST",
		"TREE_CONNECT_RESPONSE", "TREE_DISCONNECT_REQUEST",
		"LOGOUT_REQUEST", "RPC_REQUEST", "RPC_RESPONSE",
		"SPNEGO_AUTHEN_REQUEST", "SPNEGO_AUTHEN_RESPONSE",
		"LOGIN_REQUEST_EXT", "LOGIN_RESPONSE_EXT",
	};

	if (event < 0 || (size_t)event >= sizeof(names) / sizeof(names[0]))
		return "UNKNOWN";
	return names[event];
}

static int on_message(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *gh;
	struct nlattr *attrs[KSMBD_EVENT_MAX + 1];
	int event;

	(void)arg;
	if (!genlmsg_valid_hdr(nlh, 0)) {
		pr_warn("netlink: short message dropped");
		return NL_SKIP;
	}
	gh = nlmsg_data(nlh);
	event = gh->cmd;
	if (event <= KSMBD_EVENT_UNSPEC || event > KSMBD_EVENT_MAX) {
		pr_warn("netlink: unknown event %d dropped", event);
		return NL_SKIP;
	}
	/* No policy: sizes are checked by each handler against the struct. */
	if (genlmsg_parse(nlh, 0, attrs, KSMBD_EVENT_MAX, NULL) ||
	    !attrs[event]) {
		pr_warn("netlink: %s without its attribute dropped",
			ipc_event_name(event));
		return NL_SKIP;
	}
	pr_debug("netlink: received %s (%d), %d bytes, genl version %u",
		 ipc_event_name(event), event, nla_len(attrs[event]),
		 gh->version);
	ipc_dispatch(event, nla_data(attrs[event]), (size_t)nla_len(attrs[event]));
	return NL_OK;
}

int ipc_open(void)
{
	int ret;

	sk = nl_socket_alloc();
	if (!sk)
		return -ENOMEM;
	/* The kernel starts the exchanges: no sequence checks, no acks. */
	nl_socket_disable_seq_check(sk);
	nl_socket_disable_auto_ack(sk);
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_message, NULL);
	ret = genl_connect(sk);
	if (ret < 0) {
		pr_err("Cannot open a generic netlink socket: %s", nl_geterror(ret));
		nl_socket_free(sk);
		sk = NULL;
		return -EIO;
	}
	/* Requests with big RPC payloads: be generous with buffers. */
	nl_socket_set_buffer_size(sk, 1 << 20, 1 << 20);
	nl_socket_set_msg_buf_size(sk, 1 << 18);
	family_id = genl_ctrl_resolve(sk, KSMBD_GENL_NAME);
	if (family_id < 0) {
		family_id = 0;
		nl_socket_free(sk);
		sk = NULL;
		return -ENOENT;
	}
	nl_socket_set_nonblocking(sk);
	pr_debug("netlink: family %s is %d, our port %u", KSMBD_GENL_NAME,
		 family_id, nl_socket_get_local_port(sk));
	return 0;
}

void ipc_close(void)
{
	if (sk)
		nl_socket_free(sk);
	sk = NULL;
	family_id = 0;
}

int ipc_fd(void)
{
	return sk ? nl_socket_get_fd(sk) : -1;
}

int ipc_family(void)
{
	return family_id;
}

int ipc_family_probe(void)
{
	struct nl_sock *s = nl_socket_alloc();
	int id;

	if (!s)
		return -ENOMEM;
	if (genl_connect(s) < 0) {
		nl_socket_free(s);
		return -EIO;
	}
	id = genl_ctrl_resolve(s, KSMBD_GENL_NAME);
	nl_socket_free(s);
	return id < 0 ? -ENOENT : id;
}

int ipc_send(int event, const void *data, size_t len)
{
	struct nl_msg *msg;
	int ret = -ENOMEM;

	if (!sk)
		return -ENOTCONN;
	msg = nlmsg_alloc_size(len + 256);
	if (!msg)
		return -ENOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family_id, 0, 0,
			 (uint8_t)event, KSMBD_GENL_VERSION) ||
	    nla_put(msg, event, (int)len, data) < 0)
		goto out;
	pthread_mutex_lock(&send_lock);
	ret = nl_send_auto(sk, msg);
	pthread_mutex_unlock(&send_lock);
	if (ret < 0) {
		pr_err("netlink: sending %s failed: %s", ipc_event_name(event),
		       nl_geterror(ret));
		ret = -EIO;
	} else {
		pr_debug("netlink: sent %s (%d), %zu bytes",
			 ipc_event_name(event), event, len);
		ret = 0;
	}
out:
	nlmsg_free(msg);
	return ret;
}

int ipc_receive(void)
{
	int ret;

	if (!sk)
		return -ENOTCONN;
	ret = nl_recvmsgs_default(sk);
	if (ret == -NLE_AGAIN)
		return 0;
	if (ret < 0) {
		pr_debug("netlink: receive: %s", nl_geterror(ret));
		return -EIO;
	}
	return 0;
}

static void copy_str(__s8 *dst, size_t size, const char *src)
{
	strncpy((char *)dst, src ? src : "", size - 1);
	((char *)dst)[size - 1] = '\0';
}

int ipc_send_startup(void)
{
	const struct global_config *g;
	struct ksmbd_startup_request *req;
	size_t ifc = 0, i, len;
	char *p;
	int ret;

	pthread_rwlock_rdlock(&state.lock);
	g = &state.cfg->g;
	if (g->bind_interfaces_only)
		for (i = 0; i < g->interfaces.n; i++)
			ifc += strlen(g->interfaces.v[i]) + 1;
	len = sizeof(*req) + ifc;
	req = calloc(1, len);
	if (!req) {
		pthread_rwlock_unlock(&state.lock);
		return -ENOMEM;
	}
	if (g->smb2_leases)
		req->flags |= KSMBD_GLOBAL_FLAG_SMB2_LEASES;
	if (g->multichannel)
		req->flags |= KSMBD_GLOBAL_FLAG_SMB3_MULTICHANNEL;
	if (g->smb3_encryption == CFG_MANDATORY)
		req->flags |= KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION;
	else if (g->smb3_encryption == CFG_DISABLED)
		req->flags |= KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION_OFF;
	req->signing = g->server_signing;
	copy_str(req->min_prot, sizeof(req->min_prot), g->min_prot);
	copy_str(req->max_prot, sizeof(req->max_prot), g->max_prot);
	copy_str(req->netbios_name, sizeof(req->netbios_name), g->netbios_name);
	copy_str(req->work_group, sizeof(req->work_group), g->workgroup);
	copy_str(req->server_string, sizeof(req->server_string),
		 g->server_string);
	req->tcp_port = state.tcp_port_override ? state.tcp_port_override :
						  (uint16_t)g->tcp_port;
	req->ipc_timeout = (uint16_t)g->ipc_timeout;
	req->deadtime = g->deadtime;
	req->file_max = g->max_open_files;
	req->smb2_max_write = g->smb2_max_write;
	req->smb2_max_read = g->smb2_max_read;
	req->smb2_max_trans = g->smb2_max_trans;
	req->share_fake_fscaps = g->fake_fscaps;
	memcpy(req->sub_auth, state.sub_auth, sizeof(req->sub_auth));
	req->smb2_max_credits = g->smb2_max_credits;
	req->smbd_max_io_size = g->smbd_max_io_size;
	req->max_connections = g->max_connections;
	req->max_ip_connections = g->max_ip_connections;
	req->bind_interfaces_only = g->bind_interfaces_only;
	req->ifc_list_sz = (uint32_t)ifc;
	p = (char *)KSMBD_STARTUP_CONFIG_INTERFACES(req);
	if (g->bind_interfaces_only)
		for (i = 0; i < g->interfaces.n; i++) {
			strcpy(p, g->interfaces.v[i]);
			p += strlen(p) + 1;
		}
	pthread_rwlock_unlock(&state.lock);
	ret = ipc_send(KSMBD_EVENT_STARTING_UP, req, len);
	free(req);
	return ret;
}

int ipc_send_shutdown(void)
{
	struct ksmbd_shutdown_request req;

	memset(&req, 0, sizeof(req));
	return ipc_send(KSMBD_EVENT_SHUTTING_DOWN, &req, sizeof(req));
}
