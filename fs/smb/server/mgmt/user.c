// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Accounts, as answered by the daemon's LOGIN (and LOGIN_EXT) events.
 *
 * A user is built once from a validated answer and never changes; it is
 * shared by kref between the sessions that authenticated as it.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../debug.h"
#include "../ipc.h"
#include "user.h"

/* The account the daemon answers for when asked about the guest. */
#define KSMBD_GUEST_LOOKUP	"guest"

static void user_free(struct ksmbd_user *user)
{
	kfree(user->groups);
	kfree(user->name);
	kfree_sensitive(user);
}

static void user_release(struct kref *kref)
{
	user_free(container_of(kref, struct ksmbd_user, kref));
}

void ksmbd_user_put(struct ksmbd_user *user)
{
	if (user)
		kref_put(&user->kref, user_release);
}

/*
 * Build a user from a login answer already checked by ksmbd_ipc_validate().
 * The daemon must have said OK and nothing bad. With need_hash, a non-guest
 * account must carry a 16-byte NT hash. An account mapped to the guest
 * (ksmbd-tools answers status OK | GUEST_ACCOUNT with an empty account name
 * under "map to guest = bad user") keeps the name it was asked for.
 */
static struct ksmbd_user *user_build(const struct ksmbd_login_response *r,
				     const char *asked, bool need_hash)
{
	const u16 bad = KSMBD_USER_FLAG_BAD_PASSWORD | KSMBD_USER_FLAG_BAD_UID |
			KSMBD_USER_FLAG_BAD_USER;
	struct ksmbd_user *user;
	size_t nlen;
	bool guest;

	if (!(r->status & KSMBD_USER_FLAG_OK) || (r->status & bad))
		return NULL;
	guest = r->status & KSMBD_USER_FLAG_GUEST_ACCOUNT;
	if (need_hash && !guest && r->hash_sz != KSMBD_NT_HASH_SIZE)
		return NULL;
	nlen = strnlen((const char *)r->account, sizeof(r->account));
	if (nlen == sizeof(r->account))
		return NULL;
	if (!nlen && (!guest || !asked || !*asked))
		return NULL;

	user = kzalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return NULL;
	kref_init(&user->kref);
	if (nlen)
		user->name = kmemdup_nul((const char *)r->account, nlen,
					 GFP_KERNEL);
	else
		user->name = kstrdup(asked, GFP_KERNEL);
	if (!user->name) {
		user_free(user);
		return NULL;
	}
	user->uid = r->uid;
	user->gid = r->gid;
	user->flags = r->status;
	user->guest = guest;
	if (r->hash_sz >= KSMBD_NT_HASH_SIZE)
		memcpy(user->nt_hash, r->hash, KSMBD_NT_HASH_SIZE);
	return user;
}

struct ksmbd_user *ksmbd_user_from_login(const struct ksmbd_login_response *r,
					 const char *asked)
{
	return user_build(r, asked, true);
}

struct ksmbd_user *ksmbd_user_from_response(const struct ksmbd_login_response *r)
{
	return user_build(r, NULL, false);
}

static int user_fetch_groups(struct ksmbd_user *user)
{
	struct ksmbd_login_response_ext *ext;
	int rc = 0;

	ext = ksmbd_ipc_login_ext(user->name);
	if (!ext)
		return -EIO;
	if (ext->ngroups > 0) {
		user->groups = kmemdup(ext->____payload,
				       ext->ngroups * sizeof(gid_t), GFP_KERNEL);
		if (user->groups)
			user->ngroups = ext->ngroups;
		else
			rc = -ENOMEM;
	}
	kvfree(ext);
	return rc;
}

struct ksmbd_user *ksmbd_user_lookup(const char *account)
{
	struct ksmbd_login_response *r;
	struct ksmbd_user *user;

	if (!account || !*account)
		return NULL;
	r = ksmbd_ipc_login(account);
	if (!r)
		return NULL;
	user = ksmbd_user_from_login(r, account);
	kvfree(r);
	if (!user) {
		ksmbd_debug(AUTH, "no usable account \"%s\"\n", account);
		return NULL;
	}
	/* groups are part of the identity: fail closed without them */
	if ((user->flags & KSMBD_USER_FLAG_EXTENSION) &&
	    user_fetch_groups(user)) {
		pr_warn_ratelimited("no supplementary groups for \"%s\"\n",
				    user->name);
		ksmbd_user_put(user);
		return NULL;
	}
	ksmbd_debug(AUTH, "account \"%s\" uid %u gid %u groups %u%s\n",
		    user->name, user->uid, user->gid, user->ngroups,
		    user->guest ? " (guest)" : "");
	return user;
}

/*
 * The guest account: the daemon maps an account it does not know to its
 * configured "guest account" (map to guest = bad user) and flags it
 * KSMBD_USER_FLAG_GUEST_ACCOUNT. Only such an answer makes a guest.
 */
struct ksmbd_user *ksmbd_user_guest(void)
{
	struct ksmbd_user *user = ksmbd_user_lookup(KSMBD_GUEST_LOOKUP);

	if (user && !user->guest) {
		ksmbd_user_put(user);
		return NULL;
	}
	return user;
}
