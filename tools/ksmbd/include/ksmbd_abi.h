/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel <-> daemon netlink ABI, from the tree's uapi header. */
#ifndef KSMBD_TOOLS_ABI_H
#define KSMBD_TOOLS_ABI_H
#include <linux/ksmbd_netlink.h>
#endif
