/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB2 credits and the MessageId window ([MS-SMB2] 3.3.1.1, 3.3.1.2,
 * 3.3.5.2.3, 3.3.5.2.5).
 *
 * Owner: core. One struct ksmbd_credits lives in each connection and is
 * guarded by conn->lock; the functions here are pure (no locking, no
 * allocation besides init) so KUnit can drive them directly.
 *
 * Model: the window is [low, high) of MessageIds granted to the client; a
 * circular bitmap marks ids already used. avail = granted ids not yet used,
 * inflight = credits charged by requests not yet answered. The server never
 * lets avail + inflight exceed max: credits are the hard cap on work
 * outstanding per connection.
 */
#ifndef __KSMBD_CREDITS_H__
#define __KSMBD_CREDITS_H__

#include <linux/types.h>

struct ksmbd_credits {
	u64 low;		/* lowest id that may still be unused */
	u64 high;		/* one past the highest granted id */
	unsigned long *map;	/* used ids, bit (id & (bits - 1)) */
	u32 bits;		/* bitmap size, a power of two > max */
	u32 avail;		/* granted, unused ids */
	u32 inflight;		/* credits charged by unanswered requests */
	u32 max;		/* configured maximum outstanding */
};

/* Window {0}: one credit for the first NEGOTIATE. */
int ksmbd_credits_init(struct ksmbd_credits *c, u32 max);
void ksmbd_credits_destroy(struct ksmbd_credits *c);

/* Credits a request of payload bytes must be charged (1 per 64 KiB). */
u32 ksmbd_credits_needed(u32 payload);

/*
 * Consume ids [mid, mid + charge) (charge 0 counts as 1): -EINVAL if any is
 * outside the window or already used. On success they count as inflight.
 */
int ksmbd_credits_consume(struct ksmbd_credits *c, u64 mid, u16 charge);

/* A response for a request of charge credits went out (charge 0 -> 1). */
void ksmbd_credits_release(struct ksmbd_credits *c, u16 charge);

/*
 * Credits to grant in a response when the client asked for requested:
 * as many as asked (at least 1) while avail + inflight stays <= max and
 * the window fits the bitmap, and at least 1 when the client would
 * otherwise be left with none. Extends the window accordingly.
 */
u16 ksmbd_credits_grant(struct ksmbd_credits *c, u16 requested);

#endif /* __KSMBD_CREDITS_H__ */
