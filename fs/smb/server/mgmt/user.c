// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Accounts answered by the daemon. Temporary stub.
 */
#include <linux/slab.h>

#include "../ipc.h"
#include "user.h"

struct ksmbd_user *ksmbd_user_from_response(const struct ksmbd_login_response *r)
{
	return NULL;
}

struct ksmbd_user *ksmbd_user_lookup(const char *account)
{
	return NULL;
}

struct ksmbd_user *ksmbd_user_guest(void)
{
	return NULL;
}

void ksmbd_user_put(struct ksmbd_user *user)
{
}
