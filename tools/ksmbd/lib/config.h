/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ksmbd.conf model: [global] settings and the shares, built from an
 * ini_doc by config_load(). A struct ksmbd_config is immutable once loaded;
 * ksmbd.mountd swaps whole configs on reload (see mountd/state.h), so readers
 * never see a half-updated share.
 */
#ifndef KSMBD_CONFIG_H
#define KSMBD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define KSMBD_DEFAULT_CONF	SYSCONFDIR "/ksmbd/ksmbd.conf"
#define KSMBD_DEFAULT_PWDDB	SYSCONFDIR "/ksmbd/ksmbdpwd.db"
#define KSMBD_LOCK_FILE		RUNSTATEDIR "/ksmbd.lock"
/* The shares a running ksmbd.mountd serves, for ksmbd.control -l. */
#define KSMBD_SHARES_FILE	RUNSTATEDIR "/ksmbd.shares"

#define SHARE_NAME_MAX		64	/* bytes, with the NUL */
#define ACCOUNT_NAME_MAX	48	/* bytes, with the NUL */

enum cfg_tristate { CFG_DISABLED = 0, CFG_ENABLED = 1, CFG_AUTO = 2,
		    CFG_MANDATORY = 3 };
enum map_to_guest { MAP_GUEST_NEVER, MAP_GUEST_BAD_USER };

struct share {
	char *name;
	char *path;
	char *comment;
	char *guest_account;
	char *force_user;
	char *force_group;
	char *veto_files;		/* "/a/b/" as written */
	struct strlist valid_users, invalid_users, read_list, write_list,
		       admin_users, hosts_allow, hosts_deny, vfs_objects;
	bool browseable, writeable, guest_ok, guest_only, store_dos_attrs,
	     oplocks, hide_dot_files, inherit_owner, follow_symlinks,
	     streams, acl_xattr, crossmnt, available;
	bool is_ipc;
	uint32_t create_mask, directory_mask, force_create_mode,
		 force_directory_mode;
	uint32_t max_connections;	/* 0: unlimited */
};

struct global_config {
	char *server_string, *workgroup, *netbios_name, *guest_account;
	char *min_prot, *max_prot, *krb5_service_name, *krb5_keytab;
	char *root_dir;
	struct strlist interfaces;
	bool bind_interfaces_only, smb2_leases, multichannel;
	int server_signing;		/* enum cfg_tristate */
	int smb3_encryption;		/* enum cfg_tristate */
	int map_to_guest;		/* enum map_to_guest */
	uint32_t restrict_anonymous;
	uint32_t tcp_port, max_connections, max_ip_connections, deadtime,
		 ipc_timeout, max_open_files, max_active_sessions;
	uint32_t smb2_max_read, smb2_max_write, smb2_max_trans,
		 smb2_max_credits, smbd_max_io_size, fake_fscaps;
};

struct ksmbd_config {
	struct global_config g;
	struct share **shares;		/* IPC$ first, then in file order */
	size_t nshares;
	unsigned int nwarnings;		/* unknown keys, bad values */
};

/*
 * Parse text (len bytes) named fname. Unknown keys and bad values are logged
 * as warnings with file:line and skipped. Returns NULL on a syntax error and
 * writes "file:line: what" into err.
 */
struct ksmbd_config *config_parse(const char *text, size_t len,
				  const char *fname, char *err, size_t errlen);
/* Read and parse a file; a missing file gives an all-defaults config. */
struct ksmbd_config *config_load(const char *path, char *err, size_t errlen);

/*
 * The users a [homes] section makes a share for (see ksmbd.conf(5)):
 * account() gives a user's home directory and primary group name, false
 * when the system does not know the user (then %H and %G stay unknown).
 */
struct config_users {
	const char *const *names;
	size_t n;
	bool (*account)(const char *user, char *home, size_t hsize,
			char *group, size_t gsize);
};

/* config_parse() / config_load() with one share per user of a [homes]. */
struct ksmbd_config *config_parse_users(const char *text, size_t len,
					const char *fname,
					const struct config_users *users,
					char *err, size_t errlen);
struct ksmbd_config *config_load_users(const char *path,
				       const struct config_users *users,
				       char *err, size_t errlen);
void config_free(struct ksmbd_config *c);

/*
 * The shares of c that can be connected to (IPC$ left out), one
 * "NAME<TAB>COMMENT" line each (no tab without a comment), as a malloc'ed
 * string; for ksmbd.control -l.
 */
char *config_share_list(const struct ksmbd_config *c);

/* Case-insensitive share lookup; NULL if none. */
const struct share *config_share(const struct ksmbd_config *c,
				 const char *name);

/* Key validation for ksmbd.addshare: 1 share key, 2 global-only, 0 unknown. */
int config_key_scope(const char *key);
/* Check a value for key; 0 or -EINVAL with a reason in why. */
int config_check_value(const char *key, const char *value, const char **why);

/* Valid share name: UTF-8, [1, 64) bytes, no '[' ']' or control chars. */
bool config_valid_share_name(const char *name);

#endif
