// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 credit accounting and MessageId window (see credits.h).
 */
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/slab.h>

#include "credits.h"

#define KSMBD_CREDIT_UNIT	65536

int ksmbd_credits_init(struct ksmbd_credits *c, u32 max)
{
	if (!max)
		max = 1;
	if (max > 65535)
		max = 65535;
	c->max = max;
	c->bits = roundup_pow_of_two(2 * max);
	c->map = bitmap_zalloc(c->bits, GFP_KERNEL);
	if (!c->map)
		return -ENOMEM;
	c->low = 0;
	c->high = 1;
	c->avail = 1;
	c->inflight = 0;
	return 0;
}

void ksmbd_credits_destroy(struct ksmbd_credits *c)
{
	bitmap_free(c->map);
	c->map = NULL;
}

u32 ksmbd_credits_needed(u32 payload)
{
	if (!payload)
		return 1;
	return (payload - 1) / KSMBD_CREDIT_UNIT + 1;
}

static bool id_used(struct ksmbd_credits *c, u64 id)
{
	return test_bit(id & (c->bits - 1), c->map);
}

int ksmbd_credits_consume(struct ksmbd_credits *c, u64 mid, u16 charge)
{
	u64 i;

	if (!charge)
		charge = 1;
	/* written so that no addition can wrap */
	if (mid < c->low || mid >= c->high || charge > c->high - mid)
		return -EINVAL;
	for (i = mid; i < mid + charge; i++)
		if (id_used(c, i))
			return -EINVAL;
	for (i = mid; i < mid + charge; i++)
		__set_bit(i & (c->bits - 1), c->map);
	c->avail -= charge;
	c->inflight += charge;
	while (c->low < c->high && id_used(c, c->low)) {
		__clear_bit(c->low & (c->bits - 1), c->map);
		c->low++;
	}
	return 0;
}

void ksmbd_credits_release(struct ksmbd_credits *c, u16 charge)
{
	if (!charge)
		charge = 1;
	c->inflight -= min_t(u32, charge, c->inflight);
}

u16 ksmbd_credits_grant(struct ksmbd_credits *c, u16 requested)
{
	u32 outstanding = c->avail + c->inflight;
	u32 room = c->max > outstanding ? c->max - outstanding : 0;
	u64 span = c->high - c->low;
	u32 grant = max_t(u32, requested, 1);

	grant = min(grant, room);
	/* the window must fit the bitmap of used ids */
	if (span + grant > c->bits)
		grant = span < c->bits ? c->bits - span : 0;
	if (!grant && !c->avail && !c->inflight && span < c->bits)
		grant = 1;
	c->high += grant;
	c->avail += grant;
	return grant;
}
