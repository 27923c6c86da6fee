/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Who may log in as what, and who may connect to which share: pure decisions
 * over a loaded config, user db and the system account database. No locking
 * here; callers hold state.lock for reading.
 */
#ifndef KSMBD_MOUNTD_POLICY_H
#define KSMBD_MOUNTD_POLICY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "userdb.h"

struct login_result {
	uint16_t status;		/* KSMBD_USER_FLAG_* */
	uint32_t uid, gid;
	char account[ACCOUNT_NAME_MAX];
	uint8_t hash[NT_HASH_SIZE];
	uint16_t hash_sz;
};

void policy_login(const struct ksmbd_config *cfg, const struct userdb *db,
		  const char *account, struct login_result *r);

struct tc_result {
	uint16_t status;		/* KSMBD_TREE_CONN_STATUS_* */
	uint16_t flags;			/* KSMBD_TREE_CONN_FLAG_* */
};

void policy_tree_connect(const struct ksmbd_config *cfg,
			 const struct userdb *db, const char *account,
			 uint16_t account_flags, const char *share_name,
			 const char *peer, unsigned int share_uses,
			 struct tc_result *r);

/*
 * "hosts allow" syntax: ALL, a.b.c.d, a.b.c. prefixes, CIDR (v4 and v6),
 * and "LIST EXCEPT LIST" (what follows EXCEPT takes matches back).
 */
bool host_match(const struct strlist *list, const char *addr);
/* User lists: names (case-insensitive), @group or +group members. */
bool user_in_list(const struct strlist *list, const char *user);
/* uid/gid of a system user; false if none. */
bool system_user(const char *name, uint32_t *uid, uint32_t *gid);
/* Home directory and primary group name of a system user (for [homes]). */
bool system_account(const char *user, char *home, size_t hsize, char *group,
		    size_t gsize);

#endif
