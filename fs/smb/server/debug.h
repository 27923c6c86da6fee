/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debug classes of the SMB server. Each class is a bit in ksmbd_debug_mask,
 * toggled at run time through /sys/class/ksmbd-control/debug (see main.c).
 * ksmbd_debug() compiles to pr_debug-like output prefixed with the class, and
 * costs one predictable branch when the class is off.
 */
#ifndef __KSMBD_DEBUG_H__
#define __KSMBD_DEBUG_H__

#include <linux/printk.h>
#include <linux/compiler.h>

#define KSMBD_DEBUG_SMB		BIT(0)
#define KSMBD_DEBUG_AUTH	BIT(1)
#define KSMBD_DEBUG_VFS		BIT(2)
#define KSMBD_DEBUG_OPLOCK	BIT(3)
#define KSMBD_DEBUG_IPC		BIT(4)
#define KSMBD_DEBUG_CONN	BIT(5)
#define KSMBD_DEBUG_RDMA	BIT(6)
#define KSMBD_DEBUG_ALL		(KSMBD_DEBUG_SMB | KSMBD_DEBUG_AUTH |	\
				 KSMBD_DEBUG_VFS | KSMBD_DEBUG_OPLOCK |	\
				 KSMBD_DEBUG_IPC | KSMBD_DEBUG_CONN |	\
				 KSMBD_DEBUG_RDMA)

extern unsigned int ksmbd_debug_mask;

#define ksmbd_debug(class, fmt, ...)					\
	do {								\
		if (unlikely(READ_ONCE(ksmbd_debug_mask) &		\
			     KSMBD_DEBUG_##class))			\
			pr_info("%s:%d: " fmt, __func__, __LINE__,	\
				##__VA_ARGS__);				\
	} while (0)

#endif /* __KSMBD_DEBUG_H__ */
