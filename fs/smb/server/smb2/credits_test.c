// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: the credit window of [MS-SMB2] 3.3.1.1/3.3.1.2 (smb2/credits.c).
 */
#include <kunit/test.h>

#include "credits.h"

static void first_negotiate(struct kunit *test)
{
	struct ksmbd_credits c;

	KUNIT_ASSERT_EQ(test, ksmbd_credits_init(&c, 64), 0);
	/* only MessageId 0 is valid at first */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 1, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 0, 1), 0);
	/* and only once */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 0, 1), -EINVAL);
	ksmbd_credits_release(&c, 1);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_grant(&c, 10), 10);
	KUNIT_EXPECT_EQ(test, c.low, 1ull);
	KUNIT_EXPECT_EQ(test, c.high, 11ull);
	ksmbd_credits_destroy(&c);
}

static void out_of_order(struct kunit *test)
{
	struct ksmbd_credits c;

	KUNIT_ASSERT_EQ(test, ksmbd_credits_init(&c, 64), 0);
	ksmbd_credits_consume(&c, 0, 1);
	ksmbd_credits_release(&c, 1);
	ksmbd_credits_grant(&c, 8);		/* ids 1..8 */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 5, 1), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 5, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 1, 4), 0);
	KUNIT_EXPECT_EQ(test, c.low, 6ull);	/* 1..5 used: window slid */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 9, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 0, 1), -EINVAL);
	/* range crossing the top of the window */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 7, 3), -EINVAL);
	/* no wrap-around with huge ids */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, U64_MAX, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, c.avail, 3u);
	KUNIT_EXPECT_EQ(test, c.inflight, 5u);
	ksmbd_credits_destroy(&c);
}

static void cap_outstanding(struct kunit *test)
{
	struct ksmbd_credits c;
	u16 g;

	KUNIT_ASSERT_EQ(test, ksmbd_credits_init(&c, 16), 0);
	ksmbd_credits_consume(&c, 0, 1);
	ksmbd_credits_release(&c, 1);
	g = ksmbd_credits_grant(&c, 1000);
	KUNIT_EXPECT_EQ(test, g, 16);
	/* everything granted is outstanding: no more */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_grant(&c, 5), 0);
	/* a request consumed and not answered still counts */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, 1, 4), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_grant(&c, 5), 0);
	ksmbd_credits_release(&c, 4);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_grant(&c, 5), 4);
	KUNIT_EXPECT_EQ(test, c.avail + c.inflight, 16u);
	ksmbd_credits_destroy(&c);
}

static void never_starve(struct kunit *test)
{
	struct ksmbd_credits c;

	KUNIT_ASSERT_EQ(test, ksmbd_credits_init(&c, 8), 0);
	ksmbd_credits_consume(&c, 0, 1);
	ksmbd_credits_release(&c, 1);
	/* client asks for 0 but would have none left: grant 1 */
	KUNIT_EXPECT_EQ(test, ksmbd_credits_grant(&c, 0), 1);
	ksmbd_credits_destroy(&c);
}

static void charge_needed(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(0), 1u);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(1), 1u);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(65536), 1u);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(65537), 2u);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(8 << 20), 128u);
	KUNIT_EXPECT_EQ(test, ksmbd_credits_needed(U32_MAX), 65536u);
}

static void window_bitmap_bound(struct kunit *test)
{
	struct ksmbd_credits c;
	u64 id;

	KUNIT_ASSERT_EQ(test, ksmbd_credits_init(&c, 4), 0);	/* bits = 8 */
	ksmbd_credits_consume(&c, 0, 1);
	ksmbd_credits_release(&c, 1);
	ksmbd_credits_grant(&c, 4);		/* 1..4 */
	/* the client never uses id 1: low sticks there */
	for (id = 2; id <= 4; id++) {
		KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, id, 1), 0);
		ksmbd_credits_release(&c, 1);
	}
	ksmbd_credits_grant(&c, 3);		/* 5..7 */
	for (id = 5; id <= 7; id++) {
		KUNIT_EXPECT_EQ(test, ksmbd_credits_consume(&c, id, 1), 0);
		ksmbd_credits_release(&c, 1);
	}
	/* span would exceed the bitmap: grant only what fits */
	KUNIT_EXPECT_LE(test, ksmbd_credits_grant(&c, 4), 1);
	KUNIT_EXPECT_LE(test, c.high - c.low, (u64)c.bits);
	ksmbd_credits_destroy(&c);
}

static struct kunit_case ksmbd_core_credits_cases[] = {
	KUNIT_CASE(first_negotiate),
	KUNIT_CASE(out_of_order),
	KUNIT_CASE(cap_outstanding),
	KUNIT_CASE(never_starve),
	KUNIT_CASE(charge_needed),
	KUNIT_CASE(window_bitmap_bound),
	{}
};

static struct kunit_suite ksmbd_core_credits_suite = {
	.name = "ksmbd_core_credits",
	.test_cases = ksmbd_core_credits_cases,
};

kunit_test_suite(ksmbd_core_credits_suite);
