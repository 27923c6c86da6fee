// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Generic netlink IPC with the userspace daemon.
 * Temporary stub: no daemon is ever registered, every request fails.
 */
#include <linux/errno.h>
#include <linux/slab.h>

#include "ipc.h"

int ksmbd_ipc_init(void)
{
	return 0;
}

void ksmbd_ipc_exit(void)
{
}

bool ksmbd_ipc_daemon_alive(void)
{
	return false;
}

struct ksmbd_login_response *ksmbd_ipc_login(const char *account)
{
	return NULL;
}

struct ksmbd_login_response_ext *ksmbd_ipc_login_ext(const char *account)
{
	return NULL;
}

struct ksmbd_share_config_response *ksmbd_ipc_share_config(const char *name)
{
	return NULL;
}

struct ksmbd_tree_connect_response *
ksmbd_ipc_tree_connect(u64 sess_id, u64 tree_id, const char *account,
		       u16 account_flags, const char *share,
		       const struct sockaddr *peer)
{
	return NULL;
}

int ksmbd_ipc_tree_disconnect(u64 sess_id, u64 tree_id)
{
	return -ENOTCONN;
}

int ksmbd_ipc_logout(const char *account, u32 account_flags)
{
	return -ENOTCONN;
}

int ksmbd_ipc_rpc_handle_new(void)
{
	return -ENOTCONN;
}

void ksmbd_ipc_rpc_handle_free(int handle)
{
}

struct ksmbd_rpc_command *ksmbd_ipc_rpc(int handle, u32 method,
					const void *payload, size_t len)
{
	return NULL;
}

struct ksmbd_spnego_authen_response *
ksmbd_ipc_spnego_authen(const void *blob, size_t len)
{
	return NULL;
}

int ksmbd_ipc_validate(unsigned int event, const void *data, size_t len)
{
	return -EINVAL;
}
