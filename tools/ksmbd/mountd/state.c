// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "handlers.h"
#include "log.h"
#include "md4.h"
#include "policy.h"
#include "state.h"

struct mountd_state state = {
	.lock = PTHREAD_RWLOCK_INITIALIZER,
	.tc_lock = PTHREAD_MUTEX_INITIALIZER,
};

/*
 * The domain SID must be stable across restarts (clients cache SIDs): derive
 * it from /etc/machine-id when there is one, else from the host name.
 */
static void make_sub_auth(uint32_t sa[3])
{
	char id[128] = { 0 };
	uint8_t d[16];
	int fd = open("/etc/machine-id", O_RDONLY | O_CLOEXEC);
	ssize_t n = -1;
	int i;

	if (fd >= 0) {
		n = read(fd, id, sizeof(id) - 1);
		close(fd);
	}
	if (n <= 0)
		gethostname(id, sizeof(id) - 1);
	md4(id, strlen(id), d);
	for (i = 0; i < 3; i++) {
		sa[i] = (uint32_t)d[4 * i] | (uint32_t)d[4 * i + 1] << 8 |
			(uint32_t)d[4 * i + 2] << 16 | (uint32_t)d[4 * i + 3] << 24;
		/* keep clear of the well-known and reserved ranges */
		sa[i] = 0x10000000u | (sa[i] & 0x7fffffffu);
	}
}

void state_init(const char *conf, const char *pwddb)
{
	state.conf_path = conf;
	state.pwddb_path = pwddb;
	make_sub_auth(state.sub_auth);
}

int state_reload(void)
{
	struct ksmbd_config *cfg, *oldc;
	struct userdb *db, *oldd;
	struct config_users users;
	const char **names;
	char err[256];
	size_t i;
	int ret;

	db = xcalloc(1, sizeof(*db));
	ret = userdb_load(db, state.pwddb_path);
	if (ret) {
		pr_err("Cannot read %s: %s", state.pwddb_path, strerror(-ret));
		free(db);
		return ret;
	}
	/* the users of the database get the shares of a [homes] section */
	names = xcalloc(db->n + 1, sizeof(*names));
	for (i = 0; i < db->n; i++)
		names[i] = db->u[i].name;
	users.names = names;
	users.n = db->n;
	users.account = system_account;
	cfg = config_load_users(state.conf_path, &users, err, sizeof(err));
	free(names);
	if (!cfg) {
		pr_err("%s", err);
		userdb_free(db);
		free(db);
		return -EINVAL;
	}
	pthread_rwlock_wrlock(&state.lock);
	oldc = state.cfg;
	oldd = state.db;
	state.cfg = cfg;
	state.db = db;
	if (oldc)
		state_mark_stale(oldc, cfg);
	pthread_rwlock_unlock(&state.lock);
	config_free(oldc);
	if (oldd) {
		userdb_free(oldd);
		free(oldd);
	}
	pr_info("Loaded %s (%zu shares) and %s (%zu users)", state.conf_path,
		cfg->nshares, state.pwddb_path, db->n);
	return 0;
}

void state_publish_shares(void)
{
	char *list;
	int ret;

	pthread_rwlock_rdlock(&state.lock);
	list = config_share_list(state.cfg);
	pthread_rwlock_unlock(&state.lock);
	ret = write_file_atomic(KSMBD_SHARES_FILE, list, strlen(list), 0644);
	if (ret)
		pr_warn("Cannot write " KSMBD_SHARES_FILE ": %s", strerror(-ret));
	free(list);
}

void state_free(void)
{
	config_free(state.cfg);
	state.cfg = NULL;
	if (state.db) {
		userdb_free(state.db);
		free(state.db);
		state.db = NULL;
	}
	free(state.tc);
	state.tc = NULL;
	state.ntc = state.tccap = 0;
	strlist_free(&state.stale);
}

unsigned int state_share_uses(const char *share)
{
	unsigned int n = 0;
	size_t i;

	pthread_mutex_lock(&state.tc_lock);
	for (i = 0; i < state.ntc; i++)
		if (!strcasecmp(state.tc[i].share, share))
			n++;
	pthread_mutex_unlock(&state.tc_lock);
	return n;
}

void state_tree_add(uint64_t sess, uint64_t conn, const char *share)
{
	struct tree_conn *t;

	pthread_mutex_lock(&state.tc_lock);
	if (state.ntc == state.tccap) {
		state.tccap = state.tccap ? 2 * state.tccap : 16;
		state.tc = xrealloc(state.tc, state.tccap * sizeof(*state.tc));
	}
	t = &state.tc[state.ntc++];
	t->session_id = sess;
	t->connect_id = conn;
	snprintf(t->share, sizeof(t->share), "%s", share);
	pthread_mutex_unlock(&state.tc_lock);
}

void state_tree_del(uint64_t sess, uint64_t conn)
{
	size_t i;

	pthread_mutex_lock(&state.tc_lock);
	for (i = 0; i < state.ntc; i++) {
		if (state.tc[i].session_id == sess &&
		    state.tc[i].connect_id == conn) {
			state.tc[i] = state.tc[--state.ntc];
			break;
		}
	}
	pthread_mutex_unlock(&state.tc_lock);
}

/* Does the share config answer for name differ between two configs? */
static bool share_changed(const struct ksmbd_config *a,
			  const struct ksmbd_config *b, const char *name)
{
	void *ra = NULL, *rb = NULL;
	size_t na, nb;
	bool changed;

	na = build_share_config(a, 0, name, &ra);
	nb = build_share_config(b, 0, name, &rb);
	changed = !na || !nb || na != nb || memcmp(ra, rb, na);
	free(ra);
	free(rb);
	return changed;
}

static void mark_one(const struct ksmbd_config *old,
		     const struct ksmbd_config *new, const char *name)
{
	if (strlist_has(&state.stale, name) || !share_changed(old, new, name))
		return;
	pr_debug("share `%s' changed: the kernel will be told", name);
	strlist_add(&state.stale, name);
}

void state_mark_stale(const struct ksmbd_config *old,
		      const struct ksmbd_config *new)
{
	size_t i;

	pthread_mutex_lock(&state.tc_lock);
	for (i = 0; i < old->nshares; i++)
		mark_one(old, new, old->shares[i]->name);
	for (i = 0; i < new->nshares; i++)
		mark_one(old, new, new->shares[i]->name);
	pthread_mutex_unlock(&state.tc_lock);
}

bool state_share_take_stale(const char *share)
{
	bool found = false;
	size_t i;

	pthread_mutex_lock(&state.tc_lock);
	for (i = 0; i < state.stale.n; i++) {
		if (strcasecmp(state.stale.v[i], share))
			continue;
		free(state.stale.v[i]);
		state.stale.v[i] = state.stale.v[--state.stale.n];
		found = true;
		break;
	}
	pthread_mutex_unlock(&state.tc_lock);
	return found;
}
