/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A logged-in account, as answered by the daemon's LOGIN event.
 *
 * Owner: server (mgmt/user.c). A user is immutable after
 * ksmbd_user_lookup() returns it; it is shared by kref: each session that
 * authenticated as it holds one reference (ksmbd_user_put() on logoff or
 * session teardown). No lock is needed to read its fields.
 */
#ifndef __KSMBD_MGMT_USER_H__
#define __KSMBD_MGMT_USER_H__

#include <linux/kref.h>
#include <linux/types.h>
#include <linux/uidgid.h>

struct ksmbd_login_response;

#define KSMBD_NT_HASH_SIZE	16

struct ksmbd_user {
	struct kref kref;
	char *name;
	uid_t uid;
	gid_t gid;
	unsigned int ngroups;
	gid_t *groups;			/* ngroups supplementary gids or NULL */
	u16 flags;			/* KSMBD_USER_FLAG_* */
	u8 nt_hash[KSMBD_NT_HASH_SIZE];
	bool guest;
};

/* Ask the daemon for account; NULL if unknown, refused or no daemon. */
struct ksmbd_user *ksmbd_user_lookup(const char *account);
/* The guest account (daemon's "guest account"), or NULL if none. */
struct ksmbd_user *ksmbd_user_guest(void);
void ksmbd_user_put(struct ksmbd_user *user);

static inline struct ksmbd_user *ksmbd_user_get(struct ksmbd_user *user)
{
	if (user)
		kref_get(&user->kref);
	return user;
}

/*
 * Build a user from a validated LOGIN answer to a lookup of asked: needs a
 * 16-byte NT hash unless it is the guest (used by user.c, KUnit).
 */
struct ksmbd_user *ksmbd_user_from_login(const struct ksmbd_login_response *r,
					 const char *asked);
/*
 * Build a user from the login part of a validated SPNEGO answer: the daemon
 * authenticated it, no NT hash needed. NULL if not a usable account.
 */
struct ksmbd_user *ksmbd_user_from_response(const struct ksmbd_login_response *r);

#endif /* __KSMBD_MGMT_USER_H__ */
