// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Server state machine and global configuration.
 *
 * The server loads idle (DOWN). The daemon's startup request is turned
 * into ksmbd_cfg by ksmbd_config_parse(), which trusts nothing in it, and
 * the transport is started; stopping tears the transport down (every
 * connection, session, tree and open file) and forgets cached shares.
 * state_lock serializes every transition and therefore every call of
 * ksmbd_transport_start()/stop().
 */
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "debug.h"
#include "server.h"
#include "auth/sign.h"
#include "mgmt/share.h"

/* Largest interface list we accept; the transport binds to these. */
#define KSMBD_MAX_INTERFACES	64
#define KSMBD_IFNAME_MAX	16	/* IFNAMSIZ, including the NUL */

struct ksmbd_server_config ksmbd_cfg;

static DEFINE_MUTEX(state_lock);
static enum ksmbd_server_state server_state = KSMBD_SERVER_DOWN;

static const char * const state_names[] = {
	[KSMBD_SERVER_DOWN]	= "down",
	[KSMBD_SERVER_STARTING]	= "starting",
	[KSMBD_SERVER_RUNNING]	= "running",
	[KSMBD_SERVER_STOPPING]	= "stopping",
};

bool ksmbd_server_running(void)
{
	return READ_ONCE(server_state) == KSMBD_SERVER_RUNNING;
}

enum ksmbd_server_state ksmbd_server_state(void)
{
	return READ_ONCE(server_state);
}

const char *ksmbd_server_state_name(void)
{
	return state_names[ksmbd_server_state()];
}

static void set_state(enum ksmbd_server_state s)
{
	lockdep_assert_held(&state_lock);
	ksmbd_debug(IPC, "server state %s -> %s\n", state_names[server_state],
		    state_names[s]);
	WRITE_ONCE(server_state, s);
}

static const struct {
	const char *name;
	u16 min, max;	/* dialect when the name is a minimum / a maximum */
} protocols[] = {
	{ "SMB2_02",	0x0202, 0x0202 },
	{ "SMB2_10",	0x0210, 0x0210 },
	{ "SMB3_00",	0x0300, 0x0300 },
	{ "SMB3_02",	0x0302, 0x0302 },
	{ "SMB3_11",	0x0311, 0x0311 },
	{ "SMB2_22",	0x0300, 0x0300 },	/* 3.0's early name */
	{ "SMB2_24",	0x0300, 0x0300 },
	{ "SMB2",	0x0202, 0x0210 },	/* smb.conf family names */
	{ "SMB3",	0x0300, 0x0311 },
	/*
	 * SMB1 names: we do not speak SMB1, so a minimum of NT1 means "as
	 * low as we go" and a maximum of NT1 leaves only the lowest SMB2.
	 */
	{ "NT1",	0x0202, 0x0202 },
	{ "SMB1",	0x0202, 0x0202 },
	{ "LANMAN1",	0x0202, 0x0202 },
	{ "LANMAN2",	0x0202, 0x0202 },
	{ "CORE",	0x0202, 0x0202 },
	{ "COREPLUS",	0x0202, 0x0202 },
};

u16 ksmbd_parse_protocol(const char *s, bool is_max)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(protocols); i++)
		if (!strcasecmp(s, protocols[i].name))
			return is_max ? protocols[i].max : protocols[i].min;
	return 0;
}

/* Copy a fixed-size, possibly unterminated wire string into dst[n + 1]. */
static void copy_wire_str(char *dst, const __s8 *src, size_t n)
{
	size_t len = strnlen((const char *)src, n);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

static u32 clamp_io(u32 v, u32 def)
{
	if (!v)
		return def;
	return clamp_t(u32, v, KSMBD_MIN_MAX_IO, KSMBD_LIMIT_MAX_IO);
}

/*
 * Split the interface list: ifc_list_sz bytes of NUL-separated names. A
 * last name without its NUL ends at the end of the list; empty names are
 * skipped; over-long names are refused.
 */
static int parse_interfaces(struct ksmbd_server_config *cfg, const char *p,
			    size_t sz)
{
	const char *end = p + sz;
	char **list;
	unsigned int n = 0;

	list = kcalloc(KSMBD_MAX_INTERFACES, sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	cfg->interfaces = list;
	while (p < end) {
		size_t len = strnlen(p, end - p);

		if (len >= KSMBD_IFNAME_MAX) {
			pr_warn("interface name too long in startup request\n");
			return -EINVAL;
		}
		if (len) {
			if (n == KSMBD_MAX_INTERFACES) {
				pr_warn("more than %d interfaces, ignoring the rest\n",
					KSMBD_MAX_INTERFACES);
				break;
			}
			list[n] = kmemdup_nul(p, len, GFP_KERNEL);
			if (!list[n])
				return -ENOMEM;
			cfg->nr_interfaces = ++n;
		}
		p += len + 1;
	}
	return 0;
}

void ksmbd_config_free(struct ksmbd_server_config *cfg)
{
	unsigned int i;

	if (cfg->interfaces) {
		for (i = 0; i < cfg->nr_interfaces; i++)
			kfree(cfg->interfaces[i]);
		kfree(cfg->interfaces);
	}
	cfg->interfaces = NULL;
	cfg->nr_interfaces = 0;
}

static void parse_protocols(struct ksmbd_server_config *cfg,
			    const struct ksmbd_startup_request *req)
{
	char min[sizeof(req->min_prot) + 1], max[sizeof(req->max_prot) + 1];

	copy_wire_str(min, req->min_prot, sizeof(req->min_prot));
	copy_wire_str(max, req->max_prot, sizeof(req->max_prot));
	cfg->min_dialect = 0x0202;
	cfg->max_dialect = 0x0311;
	if (min[0]) {
		u16 d = ksmbd_parse_protocol(min, false);

		if (d)
			cfg->min_dialect = d;
		else
			pr_warn("unknown server min protocol \"%s\"\n", min);
	}
	if (max[0]) {
		u16 d = ksmbd_parse_protocol(max, true);

		if (d)
			cfg->max_dialect = d;
		else
			pr_warn("unknown server max protocol \"%s\"\n", max);
	}
	if (cfg->min_dialect > cfg->max_dialect) {
		pr_warn("server min protocol above max protocol, using max\n");
		cfg->min_dialect = cfg->max_dialect;
	}
}

/*
 * Fill cfg (except server_guid) from a startup request of len bytes.
 * Every field is checked or clamped; the interface list must lie inside
 * len. On error cfg holds nothing to free.
 */
int ksmbd_config_parse(struct ksmbd_server_config *cfg,
		       const struct ksmbd_startup_request *req, size_t len)
{
	size_t need;
	int rc;

	if (len < sizeof(*req))
		return -EINVAL;
	if (check_add_overflow(sizeof(*req), (size_t)req->ifc_list_sz, &need) ||
	    need > len)
		return -EINVAL;

	cfg->interfaces = NULL;
	cfg->nr_interfaces = 0;
	copy_wire_str(cfg->netbios_name, req->netbios_name,
		      sizeof(req->netbios_name));
	copy_wire_str(cfg->work_group, req->work_group,
		      sizeof(req->work_group));
	copy_wire_str(cfg->server_string, req->server_string,
		      sizeof(req->server_string));

	cfg->flags = req->flags & (KSMBD_GLOBAL_FLAG_SMB2_LEASES |
				   KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION |
				   KSMBD_GLOBAL_FLAG_SMB3_MULTICHANNEL |
				   KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION_OFF);
	cfg->signing = req->signing;
	if (cfg->signing < KSMBD_CONFIG_OPT_DISABLED ||
	    cfg->signing > KSMBD_CONFIG_OPT_MANDATORY) {
		pr_warn("invalid signing option %d, using auto\n", req->signing);
		cfg->signing = KSMBD_CONFIG_OPT_AUTO;
	}
	parse_protocols(cfg, req);

	cfg->tcp_port = req->tcp_port ?: KSMBD_DEFAULT_TCP_PORT;
	cfg->ipc_timeout_sec = req->ipc_timeout ?: KSMBD_DEFAULT_IPC_TIMEOUT;
	cfg->deadtime_sec = min_t(u32, req->deadtime, U32_MAX / 60) * 60;
	cfg->file_max = req->file_max;
	cfg->max_write = clamp_io(req->smb2_max_write, KSMBD_DEFAULT_MAX_IO);
	cfg->max_read = clamp_io(req->smb2_max_read, KSMBD_DEFAULT_MAX_IO);
	cfg->max_trans = clamp_io(req->smb2_max_trans, KSMBD_DEFAULT_MAX_IO);
	cfg->max_io_size = clamp_io(req->smbd_max_io_size,
				    KSMBD_DEFAULT_MAX_IO);
	cfg->max_credits = req->smb2_max_credits ?: KSMBD_DEFAULT_MAX_CREDITS;
	cfg->max_credits = min_t(u32, cfg->max_credits, U16_MAX);
	cfg->share_fake_fscaps = req->share_fake_fscaps;
	memcpy(cfg->sub_auth, req->sub_auth, sizeof(cfg->sub_auth));
	cfg->max_connections = req->max_connections;
	cfg->max_ip_connections = req->max_ip_connections;
	cfg->bind_interfaces_only = req->bind_interfaces_only != 0;

	rc = parse_interfaces(cfg, (const char *)req->____payload,
			      req->ifc_list_sz);
	if (rc)
		ksmbd_config_free(cfg);
	return rc;
}

int ksmbd_server_start(const struct ksmbd_startup_request *req, size_t len)
{
	struct ksmbd_server_config cfg = {};
	int rc;

	rc = ksmbd_config_parse(&cfg, req, len);
	if (rc) {
		pr_err("invalid startup request from the daemon: %d\n", rc);
		return rc;
	}

	mutex_lock(&state_lock);
	if (server_state != KSMBD_SERVER_DOWN) {
		mutex_unlock(&state_lock);
		ksmbd_config_free(&cfg);
		return -EBUSY;
	}
	set_state(KSMBD_SERVER_STARTING);
	ksmbd_config_free(&ksmbd_cfg);
	memcpy(cfg.server_guid, ksmbd_cfg.server_guid,
	       sizeof(cfg.server_guid));
	ksmbd_cfg = cfg;
	ksmbd_share_cache_flush();

	/*
	 * Transforms are made here rather than at module init: built in,
	 * ksmbd initializes before the crypto templates it needs register.
	 */
	rc = ksmbd_crypto_init();
	if (rc) {
		pr_err("cannot set up the crypto transforms: %d\n", rc);
		set_state(KSMBD_SERVER_DOWN);
		mutex_unlock(&state_lock);
		return rc;
	}
	rc = ksmbd_transport_start();
	if (rc) {
		pr_err("cannot start the transport: %d\n", rc);
		ksmbd_crypto_exit();
		set_state(KSMBD_SERVER_DOWN);
	} else {
		pr_info("server running (%s, port %u, dialects %x..%x)\n",
			ksmbd_cfg.netbios_name, ksmbd_cfg.tcp_port,
			ksmbd_cfg.min_dialect, ksmbd_cfg.max_dialect);
		set_state(KSMBD_SERVER_RUNNING);
	}
	mutex_unlock(&state_lock);
	return rc;
}

void ksmbd_server_stop(const char *why)
{
	mutex_lock(&state_lock);
	if (server_state != KSMBD_SERVER_RUNNING) {
		mutex_unlock(&state_lock);
		return;
	}
	pr_info("stopping server: %s\n", why);
	set_state(KSMBD_SERVER_STOPPING);
	ksmbd_transport_stop();
	ksmbd_share_cache_flush();
	ksmbd_crypto_exit();
	set_state(KSMBD_SERVER_DOWN);
	mutex_unlock(&state_lock);
	pr_info("server stopped\n");
}

/* Module unload: the server is stopped; release what the config holds. */
void ksmbd_server_exit(void)
{
	ksmbd_server_stop("module unload");
	mutex_lock(&state_lock);
	ksmbd_config_free(&ksmbd_cfg);
	mutex_unlock(&state_lock);
}
