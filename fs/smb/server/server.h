/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Server state and global configuration.
 *
 * Owner: server (main.c, server.c). The server is down after module load;
 * the daemon's KSMBD_EVENT_STARTING_UP fills ksmbd_cfg and moves it
 * down -> starting -> running; KSMBD_EVENT_SHUTTING_DOWN, the daemon's
 * death or /sys/class/ksmbd-control/kill_server move it
 * running -> stopping -> down. Transitions happen under a mutex private to
 * server.c, which also serializes ksmbd_transport_start()/stop().
 *
 * ksmbd_cfg is written only while the state is down or starting (before
 * ksmbd_transport_start() is called), so code running on behalf of a
 * connection may read it without locking. server_guid is set once at
 * module load and never changes.
 */
#ifndef __KSMBD_SERVER_H__
#define __KSMBD_SERVER_H__

#include <linux/types.h>
#include <linux/ksmbd_netlink.h>

#define KSMBD_DEFAULT_TCP_PORT		445
#define KSMBD_DEFAULT_IPC_TIMEOUT	10	/* seconds */
#define KSMBD_DEFAULT_MAX_IO		(8 * 1024 * 1024)
#define KSMBD_MIN_MAX_IO		(64 * 1024)
#define KSMBD_LIMIT_MAX_IO		(16 * 1024 * 1024)
#define KSMBD_DEFAULT_MAX_CREDITS	8192

struct ksmbd_server_config {
	char netbios_name[16 + 1];
	char work_group[64 + 1];
	char server_string[64 + 1];
	u16 tcp_port;
	u32 flags;			/* KSMBD_GLOBAL_FLAG_* */
	int signing;			/* KSMBD_CONFIG_OPT_* */
	u16 min_dialect, max_dialect;	/* SMB2 dialect numbers, 0x0202..0x0311 */
	u32 max_read, max_write, max_trans, max_credits, max_io_size;
	u32 deadtime_sec, ipc_timeout_sec, max_connections;
	u32 max_ip_connections, file_max;
	u32 share_fake_fscaps;
	u32 sub_auth[3];
	bool bind_interfaces_only;
	char **interfaces;		/* nr_interfaces NUL-terminated names */
	unsigned int nr_interfaces;
	u8 server_guid[16];		/* random, made once at module load */
};

extern struct ksmbd_server_config ksmbd_cfg;

enum ksmbd_server_state {
	KSMBD_SERVER_DOWN,
	KSMBD_SERVER_STARTING,
	KSMBD_SERVER_RUNNING,
	KSMBD_SERVER_STOPPING,
};

/* True while the server is running (lock-free snapshot). */
bool ksmbd_server_running(void);
enum ksmbd_server_state ksmbd_server_state(void);
const char *ksmbd_server_state_name(void);

/*
 * Start the server from a daemon's startup request (already checked to
 * hold at least sizeof(*req) + req->ifc_list_sz bytes, see ipc.c).
 * Returns 0, -EBUSY if not down, or the transport's error.
 */
int ksmbd_server_start(const struct ksmbd_startup_request *req, size_t len);
/* Stop the server if it is running; waits for every connection to go. */
void ksmbd_server_stop(const char *why);
/* Module unload: stop and release the configuration. */
void ksmbd_server_exit(void);

/* Fill a config from a startup request (pure; used by the KUnit tests). */
int ksmbd_config_parse(struct ksmbd_server_config *cfg,
		       const struct ksmbd_startup_request *req, size_t len);
void ksmbd_config_free(struct ksmbd_server_config *cfg);
/* "SMB2_02".."SMB3_11", "SMB2", "SMB3", "NT1": dialect or 0 if unknown. */
u16 ksmbd_parse_protocol(const char *s, bool is_max);

/* Core provides these (transport_tcp.c); called under the state mutex. */
int ksmbd_transport_start(void);
void ksmbd_transport_stop(void);

#endif /* __KSMBD_SERVER_H__ */
