// SPDX-License-Identifier: GPL-2.0-or-later
#include <linux/module.h>

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
