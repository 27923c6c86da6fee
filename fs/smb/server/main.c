// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Module entry points. The server-lifecycle engineer replaces this stub with
 * the real server state machine.
 */
#include <linux/module.h>

#include "debug.h"

unsigned int ksmbd_debug_mask;

static int __init ksmbd_init(void)
{
	return 0;
}

static void __exit ksmbd_exit(void)
{
}

module_init(ksmbd_init);
module_exit(ksmbd_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("In-kernel SMB3 server");
