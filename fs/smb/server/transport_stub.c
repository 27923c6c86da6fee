// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * TEMPORARY (server): stand-ins for core's transport so the module links
 * before transport_tcp.o is in the build. The Makefile drops this file by
 * itself once core's block lists transport_tcp.o; core deletes it then.
 */
#include <linux/printk.h>

#include "server.h"

int ksmbd_transport_start(void)
{
	pr_warn("no transport linked: not listening on port %u\n",
		ksmbd_cfg.tcp_port);
	return 0;
}

void ksmbd_transport_stop(void)
{
}
