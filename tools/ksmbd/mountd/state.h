/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Daemon state shared by the worker threads.
 *
 * - cfg and db: the loaded ksmbd.conf and ksmbdpwd.db. Both are immutable
 *   once published; state_reload() builds new ones and swaps the pointers
 *   under state.lock taken for writing. Workers hold state.lock for reading
 *   for the whole of one request, so nothing they use is freed under them.
 * - tree connections: connect_id -> share name, guarded by state.tc_lock;
 *   they outlive reloads (a reload never drops a connection).
 * - stale: names of the shares whose share config answer a reload changed
 *   (added, removed or edited), guarded by state.tc_lock. The kernel caches
 *   share configs; the next tree connect to each of them is answered with
 *   KSMBD_TREE_CONN_FLAG_UPDATE so that it asks again.
 */
#ifndef KSMBD_MOUNTD_STATE_H
#define KSMBD_MOUNTD_STATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "userdb.h"

struct tree_conn {
	uint64_t session_id, connect_id;
	char share[SHARE_NAME_MAX];
};

struct mountd_state {
	pthread_rwlock_t lock;
	struct ksmbd_config *cfg;
	struct userdb *db;
	const char *conf_path, *pwddb_path;
	uint32_t sub_auth[3];		/* domain SID S-1-5-21-a-b-c */
	uint16_t tcp_port_override;	/* -p, 0 if not given */

	pthread_mutex_t tc_lock;
	struct tree_conn *tc;
	size_t ntc, tccap;
	struct strlist stale;
};

extern struct mountd_state state;

/* Load both files; on failure the old ones stay. 0 or -errno. */
int state_reload(void);
/* Write the served shares to KSMBD_SHARES_FILE (ksmbd.control -l). */
void state_publish_shares(void);
void state_init(const char *conf, const char *pwddb);
void state_free(void);

/* Tree connection bookkeeping for "max connections" of a share. */
unsigned int state_share_uses(const char *share);
void state_tree_add(uint64_t sess, uint64_t conn, const char *share);
void state_tree_del(uint64_t sess, uint64_t conn);

/*
 * Take share off the stale list: true if it was on it (the kernel's copy is
 * out of date). Called when answering a tree connect (which then carries
 * the UPDATE flag) and a share config request (a fresh copy).
 */
bool state_share_take_stale(const char *share);
/* Put the shares whose config answer differs between old and new on it. */
void state_mark_stale(const struct ksmbd_config *old,
		      const struct ksmbd_config *new);

#endif
