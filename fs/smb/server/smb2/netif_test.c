// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: NETWORK_INTERFACE_INFO entries ([MS-SMB2] 2.2.32.5) as packed by
 * ksmbd_netif_pack(): fields, SOCKADDR_STORAGE layouts, Next chaining and
 * the output bound.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <asm/unaligned.h>

#include "netif.h"

static void netif_pack_entries(struct kunit *test)
{
	struct ksmbd_netif_addr a[2] = {
		{ .ifindex = 3, .caps = KSMBD_NETIF_RSS, .speed = 10000000000ULL,
		  .v4 = cpu_to_be32(0x0a4d0001) },		/* 10.77.0.1 */
		{ .ifindex = 4, .speed = 1000000000ULL, .ipv6 = true },
	};
	u8 *out = kunit_kzalloc(test, 2 * KSMBD_NETIF_ENTRY_SIZE, GFP_KERNEL);
	static const u8 v4[] = { 0x02, 0x00, 0x00, 0x00, 10, 77, 0, 1 };
	u8 *e;
	u32 len;

	KUNIT_ASSERT_NOT_NULL(test, out);
	a[1].v6.s6_addr[0] = 0xfd;
	a[1].v6.s6_addr[15] = 0x01;
	KUNIT_ASSERT_EQ(test, ksmbd_netif_pack(a, 2, out,
					       2 * KSMBD_NETIF_ENTRY_SIZE,
					       &len), 0);
	KUNIT_EXPECT_EQ(test, len, 2U * KSMBD_NETIF_ENTRY_SIZE);

	e = out;
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e), 152U);	/* Next */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e + 4), 3U);	/* IfIndex */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e + 8), 1U);	/* RSS */
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(e + 16), 10000000000ULL);
	KUNIT_EXPECT_EQ(test, memcmp(e + 24, v4, sizeof(v4)), 0);
	KUNIT_EXPECT_FALSE(test, memchr_inv(e + 32, 0, 120));

	e = out + KSMBD_NETIF_ENTRY_SIZE;
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e), 0U);	/* last */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e + 4), 4U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(e + 8), 0U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(e + 24), 0x17);
	/* Port and FlowInfo zero, the address at 8, ScopeId zero */
	KUNIT_EXPECT_FALSE(test, memchr_inv(e + 26, 0, 6));
	KUNIT_EXPECT_EQ(test, e[32], 0xfd);
	KUNIT_EXPECT_EQ(test, e[47], 0x01);
	KUNIT_EXPECT_FALSE(test, memchr_inv(e + 48, 0, 104));
}

static void netif_pack_bounds(struct kunit *test)
{
	struct ksmbd_netif_addr a[2] = {};
	u8 *out = kunit_kzalloc(test, 2 * KSMBD_NETIF_ENTRY_SIZE, GFP_KERNEL);
	u32 len = 7;

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 2, out,
					       2 * KSMBD_NETIF_ENTRY_SIZE - 1,
					       &len), -ENOSPC);
	KUNIT_EXPECT_EQ(test, len, 0U);
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 0, out, 0, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 0U);
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 1, out,
					       KSMBD_NETIF_ENTRY_SIZE, &len),
			0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(out), 0U);
}

static struct kunit_case netif_cases[] = {
	KUNIT_CASE(netif_pack_entries),
	KUNIT_CASE(netif_pack_bounds),
	{}
};

static struct kunit_suite netif_suite = {
	.name = "ksmbd_smb2_netif",
	.test_cases = netif_cases,
};

kunit_test_suite(netif_suite);
