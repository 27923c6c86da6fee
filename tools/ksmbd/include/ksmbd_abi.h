/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel <-> daemon netlink ABI, from the tree's uapi header. */
#ifndef KSMBD_TOOLS_ABI_H
#define KSMBD_TOOLS_ABI_H

#include <linux/ksmbd_netlink.h>

/* Sizes of the 6.1 ABI: a daemon built against a moved layout must not build. */
_Static_assert(sizeof(struct ksmbd_heartbeat) == 4, "abi");
_Static_assert(sizeof(struct ksmbd_startup_request) == 744, "abi");
_Static_assert(sizeof(struct ksmbd_shutdown_request) == 64, "abi");
_Static_assert(sizeof(struct ksmbd_login_request) == 116, "abi");
_Static_assert(sizeof(struct ksmbd_login_response) == 148, "abi");
_Static_assert(sizeof(struct ksmbd_share_config_request) == 132, "abi");
_Static_assert(sizeof(struct ksmbd_share_config_response) == 536, "abi");
_Static_assert(sizeof(struct ksmbd_tree_connect_request) == 264, "abi");
_Static_assert(sizeof(struct ksmbd_tree_connect_response) == 72, "abi");
_Static_assert(sizeof(struct ksmbd_tree_disconnect_request) == 80, "abi");
_Static_assert(sizeof(struct ksmbd_logout_request) == 116, "abi");
_Static_assert(sizeof(struct ksmbd_rpc_command) == 12, "abi");
_Static_assert(sizeof(struct ksmbd_spnego_authen_request) == 8, "abi");
_Static_assert(sizeof(struct ksmbd_spnego_authen_response) == 156, "abi");

#endif
