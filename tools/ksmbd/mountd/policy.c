// SPDX-License-Identifier: GPL-2.0-or-later
#include <arpa/inet.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ksmbd_abi.h"
#include "policy.h"

#define NOBODY_ID	65534u

bool system_user(const char *name, uint32_t *uid, uint32_t *gid)
{
	struct passwd pw, *res = NULL;
	char buf[4096];

	if (!name || !*name || getpwnam_r(name, &pw, buf, sizeof(buf), &res) || !res)
		return false;
	*uid = pw.pw_uid;
	*gid = pw.pw_gid;
	return true;
}

bool system_account(const char *user, char *home, size_t hsize, char *group,
		    size_t gsize)
{
	struct passwd pw, *res = NULL;
	struct group gr, *gres = NULL;
	char buf[4096], gbuf[16384];

	if (!user || !*user || getpwnam_r(user, &pw, buf, sizeof(buf), &res) ||
	    !res || !pw.pw_dir || strlen(pw.pw_dir) >= hsize)
		return false;
	if (getgrgid_r(pw.pw_gid, &gr, gbuf, sizeof(gbuf), &gres) || !gres ||
	    strlen(gr.gr_name) >= gsize)
		return false;
	memcpy(home, pw.pw_dir, strlen(pw.pw_dir) + 1);
	memcpy(group, gr.gr_name, strlen(gr.gr_name) + 1);
	return true;
}

static bool in_group(const char *group, const char *user)
{
	struct group gr, *res = NULL;
	char buf[16384];
	uint32_t uid, gid;
	char **m;

	if (getgrnam_r(group, &gr, buf, sizeof(buf), &res) || !res)
		return false;
	for (m = gr.gr_mem; m && *m; m++)
		if (!strcasecmp(*m, user))
			return true;
	return system_user(user, &uid, &gid) && gid == gr.gr_gid;
}

bool user_in_list(const struct strlist *list, const char *user)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const char *e = list->v[i];

		if ((*e == '@' || *e == '+') && in_group(e + 1, user))
			return true;
		if (!strcasecmp(e, user))
			return true;
	}
	return false;
}

/* Parse an address; v4-mapped v6 becomes v4. Returns AF_* or 0. */
static int parse_addr(const char *s, unsigned char out[16])
{
	if (!strncasecmp(s, "::ffff:", 7) && strchr(s + 7, '.'))
		s += 7;
	if (inet_pton(AF_INET, s, out) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, s, out) == 1)
		return AF_INET6;
	return 0;
}

static bool prefix_eq(const unsigned char *a, const unsigned char *b,
		      unsigned int bits)
{
	unsigned int full = bits / 8, rest = bits % 8;

	if (memcmp(a, b, full))
		return false;
	if (!rest)
		return true;
	return ((a[full] ^ b[full]) & (0xff << (8 - rest))) == 0;
}

static bool entry_match(const char *e, const char *addr, int af,
			const unsigned char *a)
{
	unsigned char net[16];
	char tmp[64];
	const char *slash;
	size_t len = strlen(e);
	int eaf;

	if (!strcasecmp(e, "ALL"))
		return true;
	if (!strcasecmp(e, addr))
		return true;
	/* "192.168.1." matches everything in 192.168.1.0/24 */
	if (af == AF_INET && len && e[len - 1] == '.') {
		char txt[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, a, txt, sizeof(txt));
		return !strncmp(txt, e, len);
	}
	slash = strchr(e, '/');
	if (!slash) {	/* a single address, in any spelling */
		eaf = parse_addr(e, net);
		return eaf && eaf == af &&
		       !memcmp(net, a, af == AF_INET ? 4 : 16);
	}
	if ((size_t)(slash - e) >= sizeof(tmp))
		return false;
	memcpy(tmp, e, (size_t)(slash - e));
	tmp[slash - e] = '\0';
	eaf = parse_addr(tmp, net);
	if (eaf != af)
		return false;
	if (strchr(slash + 1, '.')) {	/* a.b.c.d/255.255.0.0 */
		unsigned char mask[4];
		int i;

		if (af != AF_INET || inet_pton(AF_INET, slash + 1, mask) != 1)
			return false;
		for (i = 0; i < 4; i++)
			if ((a[i] & mask[i]) != (net[i] & mask[i]))
				return false;
		return true;
	} else {
		char *end;
		unsigned long bits = strtoul(slash + 1, &end, 10);

		if (*end || bits > (af == AF_INET ? 32u : 128u))
			return false;
		return prefix_eq(a, net, (unsigned int)bits);
	}
}

static bool is_except(const char *e)
{
	return !strcasecmp(e, "EXCEPT");
}

/*
 * Match list->v[from..]: "A... EXCEPT B..." matches when one of A matches and
 * B does not, B being read the same way ("A EXCEPT B EXCEPT C" is
 * "A EXCEPT (B EXCEPT C)"). Iterative: each EXCEPT flips the verdict.
 */
static bool list_match(const struct strlist *list, const char *addr, int af,
		       const unsigned char *a)
{
	bool negate = false;
	size_t i = 0;

	while (i < list->n) {
		bool hit = false;

		for (; i < list->n && !is_except(list->v[i]); i++)
			if (!hit && entry_match(list->v[i], addr, af, a))
				hit = true;
		if (!hit)
			return negate;
		if (i == list->n)
			return !negate;
		i++;		/* past EXCEPT: the rest may take it back */
		negate = !negate;
	}
	return negate;	/* a list ending in EXCEPT excepts nothing */
}

bool host_match(const struct strlist *list, const char *addr)
{
	unsigned char a[16];
	int af = parse_addr(addr, a);

	return list_match(list, addr, af, a);
}

static void guest_ids(const struct ksmbd_config *cfg, uint32_t *uid,
		      uint32_t *gid)
{
	if (!system_user(cfg->g.guest_account, uid, gid)) {
		*uid = NOBODY_ID;
		*gid = NOBODY_ID;
	}
}

void policy_login(const struct ksmbd_config *cfg, const struct userdb *db,
		  const char *account, struct login_result *r)
{
	const struct user *u = userdb_find(db, account);

	memset(r, 0, sizeof(*r));
	if (u) {
		r->status = KSMBD_USER_FLAG_OK;
		snprintf(r->account, sizeof(r->account), "%s", u->name);
		memcpy(r->hash, u->hash, NT_HASH_SIZE);
		r->hash_sz = NT_HASH_SIZE;
		if (!system_user(u->name, &r->uid, &r->gid))
			guest_ids(cfg, &r->uid, &r->gid);
		return;
	}
	if (cfg->g.map_to_guest == MAP_GUEST_BAD_USER ||
	    (*cfg->g.guest_account && !strcasecmp(account, cfg->g.guest_account))) {
		r->status = KSMBD_USER_FLAG_OK | KSMBD_USER_FLAG_GUEST_ACCOUNT;
		snprintf(r->account, sizeof(r->account), "%s",
			 cfg->g.guest_account);
		/* the NT hash of the empty password */
		nt_hash("", r->hash);
		r->hash_sz = NT_HASH_SIZE;
		guest_ids(cfg, &r->uid, &r->gid);
		return;
	}
	r->status = KSMBD_USER_FLAG_BAD_USER;
	snprintf(r->account, sizeof(r->account), "%s", account);
}

void policy_tree_connect(const struct ksmbd_config *cfg,
			 const struct userdb *db, const char *account,
			 uint16_t account_flags, const char *share_name,
			 const char *peer, unsigned int share_uses,
			 struct tc_result *r)
{
	const struct share *s = config_share(cfg, share_name);
	bool guest = account_flags & KSMBD_USER_FLAG_GUEST_ACCOUNT;
	bool writable;

	r->flags = 0;
	r->status = KSMBD_TREE_CONN_STATUS_OK;
	if (!s || !s->available || (!s->is_ipc && (!s->path || !*s->path))) {
		r->status = KSMBD_TREE_CONN_STATUS_NO_SHARE;
		return;
	}
	if ((s->hosts_allow.n && !host_match(&s->hosts_allow, peer)) ||
	    (!s->hosts_allow.n && s->hosts_deny.n &&
	     host_match(&s->hosts_deny, peer))) {
		r->status = KSMBD_TREE_CONN_STATUS_HOST_DENIED;
		return;
	}
	if (s->guest_only && !s->is_ipc)
		guest = true;
	if (guest) {
		if (s->is_ipc ? cfg->g.restrict_anonymous != 0 :
				(!s->guest_ok && !s->guest_only)) {
			r->status = KSMBD_TREE_CONN_STATUS_INVALID_USER;
			return;
		}
		r->flags |= KSMBD_TREE_CONN_FLAG_GUEST_ACCOUNT;
	} else {
		if (!userdb_find(db, account)) {
			r->status = KSMBD_TREE_CONN_STATUS_NO_USER;
			return;
		}
		if (user_in_list(&s->invalid_users, account) ||
		    (s->valid_users.n && !user_in_list(&s->valid_users, account))) {
			r->status = KSMBD_TREE_CONN_STATUS_INVALID_USER;
			return;
		}
	}
	if (s->max_connections && share_uses >= s->max_connections) {
		r->status = KSMBD_TREE_CONN_STATUS_TOO_MANY_CONNS;
		return;
	}
	if (s->is_ipc)
		return;
	writable = s->writeable;
	if (!guest && user_in_list(&s->admin_users, account)) {
		r->flags |= KSMBD_TREE_CONN_FLAG_ADMIN_ACCOUNT;
		writable = true;
	}
	if (user_in_list(&s->read_list, account))
		writable = false;
	else if (user_in_list(&s->write_list, account))
		writable = true;
	r->flags |= writable ? KSMBD_TREE_CONN_FLAG_WRITABLE :
			       KSMBD_TREE_CONN_FLAG_READ_ONLY;
}
