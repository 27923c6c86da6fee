// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Share configuration cache. Temporary stub.
 */
#include <linux/slab.h>

#include "../ipc.h"
#include "share.h"

struct ksmbd_share *ksmbd_share_get(const char *name)
{
	return NULL;
}

void ksmbd_share_put(struct ksmbd_share *share)
{
}

bool ksmbd_share_veto(const struct ksmbd_share *share, const char *name)
{
	return false;
}

void ksmbd_share_cache_flush(void)
{
}

bool ksmbd_glob_match(const char *pattern, const char *name)
{
	return false;
}
