// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Module entry points and the /sys/class/ksmbd-control interface.
 *
 * The module loads idle: it registers the netlink family and waits for
 * ksmbd.mountd's startup event (ipc.c, server.c). The control class
 * offers:
 *   kill_server  read: the server state; write "hard": stop the server
 *                (every connection is closed; the daemon may start it again)
 *   debug        read: the debug classes, active ones in [brackets];
 *                write a class name (or "all") to toggle it
 *   stats        read: server state and IPC counters
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <net/genetlink.h>

#include "debug.h"
#include "ipc.h"
#include "server.h"
#include "mgmt/share.h"
#include "vfs/notify.h"

unsigned int ksmbd_debug_mask;

static const struct {
	const char *name;
	unsigned int bit;
} debug_classes[] = {
	{ "all",	KSMBD_DEBUG_ALL },
	{ "smb",	KSMBD_DEBUG_SMB },
	{ "auth",	KSMBD_DEBUG_AUTH },
	{ "vfs",	KSMBD_DEBUG_VFS },
	{ "oplock",	KSMBD_DEBUG_OPLOCK },
	{ "ipc",	KSMBD_DEBUG_IPC },
	{ "conn",	KSMBD_DEBUG_CONN },
	{ "rdma",	KSMBD_DEBUG_RDMA },
};

static ssize_t kill_server_show(struct class *class,
				struct class_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", ksmbd_server_state_name());
}

static ssize_t kill_server_store(struct class *class,
				 struct class_attribute *attr,
				 const char *buf, size_t len)
{
	if (!sysfs_streq(buf, "hard"))
		return -EINVAL;
	ksmbd_server_stop("kill_server");
	return len;
}
static CLASS_ATTR_RW(kill_server);

static ssize_t debug_show(struct class *class, struct class_attribute *attr,
			  char *buf)
{
	unsigned int mask = READ_ONCE(ksmbd_debug_mask);
	ssize_t n = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(debug_classes); i++) {
		bool on = (mask & debug_classes[i].bit) == debug_classes[i].bit;

		n += sysfs_emit_at(buf, n, on ? "%s[%s]" : "%s%s",
				   i ? " " : "", debug_classes[i].name);
	}
	n += sysfs_emit_at(buf, n, "\n");
	return n;
}

static ssize_t debug_store(struct class *class, struct class_attribute *attr,
			   const char *buf, size_t len)
{
	unsigned int i, mask = READ_ONCE(ksmbd_debug_mask);

	for (i = 0; i < ARRAY_SIZE(debug_classes); i++) {
		unsigned int bit = debug_classes[i].bit;

		if (!sysfs_streq(buf, debug_classes[i].name))
			continue;
		if ((mask & bit) == bit)
			mask &= ~bit;
		else
			mask |= bit;
		WRITE_ONCE(ksmbd_debug_mask, mask);
		return len;
	}
	return -EINVAL;
}
static CLASS_ATTR_RW(debug);

static ssize_t stats_show(struct class *class, struct class_attribute *attr,
			  char *buf)
{
	unsigned int requests, timeouts, rejected;
	u32 portid;

	ksmbd_ipc_stats(&requests, &timeouts, &rejected, &portid);
	return sysfs_emit(buf,
			  "state: %s\ndaemon port: %u\ndaemon alive: %d\n"
			  "ipc requests: %u\nipc timeouts: %u\nipc refused: %u\n",
			  ksmbd_server_state_name(), portid,
			  ksmbd_ipc_daemon_alive(), requests, timeouts,
			  rejected);
}
static CLASS_ATTR_RO(stats);

static struct attribute *ksmbd_control_attrs[] = {
	&class_attr_kill_server.attr,
	&class_attr_debug.attr,
	&class_attr_stats.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ksmbd_control);

static struct class ksmbd_control_class = {
	.name		= "ksmbd-control",
	.owner		= THIS_MODULE,
	.class_groups	= ksmbd_control_groups,
};

static int __init ksmbd_init(void)
{
	int rc;

	get_random_bytes(ksmbd_cfg.server_guid, sizeof(ksmbd_cfg.server_guid));
	rc = class_register(&ksmbd_control_class);
	if (rc) {
		pr_err("cannot register class ksmbd-control: %d\n", rc);
		return rc;
	}
	rc = ksmbd_ipc_init();
	if (rc) {
		class_unregister(&ksmbd_control_class);
		return rc;
	}
	pr_info("loaded, waiting for ksmbd.mountd\n");
	return 0;
}

static void __exit ksmbd_exit(void)
{
	/* no daemon, no new messages; then every connection goes */
	ksmbd_ipc_exit();
	ksmbd_server_exit();
	ksmbd_notify_exit();	/* after the connections: no watch is left */
	ksmbd_share_cache_flush();
	class_unregister(&ksmbd_control_class);
}

module_init(ksmbd_init);
module_exit(ksmbd_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("In-kernel SMB3 server");
MODULE_VERSION("3.5.0");
MODULE_ALIAS_GENL_FAMILY(KSMBD_GENL_NAME);
