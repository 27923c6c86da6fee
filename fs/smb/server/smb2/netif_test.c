// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: NETWORK_INTERFACE_INFO entries ([MS-SMB2] 2.2.32.5) as packed by
 * ksmbd_netif_pack(): fields, SOCKADDR_STORAGE layouts, Next chaining and
 * the output bound (MaxOutputResponse below one entry, as
 * smb2.ioctl.bug14788.NETWORK_INTERFACE asks, is -ENOSPC); and which
 * interfaces ksmbd_netif_eligible() lists.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/netdevice.h>
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
	/* one entry into 1 byte, and into one byte less than an entry */
	memset(out, 0xaa, 2 * KSMBD_NETIF_ENTRY_SIZE);
	len = 7;
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 1, out, 1, &len), -ENOSPC);
	KUNIT_EXPECT_EQ(test, len, 0U);
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 1, out,
					       KSMBD_NETIF_ENTRY_SIZE - 1,
					       &len), -ENOSPC);
	KUNIT_EXPECT_EQ(test, out[0], 0xaa);	/* nothing written */
	/* a count whose size overflows 32 bits does not wrap */
	KUNIT_EXPECT_EQ(test, ksmbd_netif_pack(a, 0x1bacf92, out, U32_MAX,
					       &len), -ENOSPC);
}

/* three entries: Next 152, 152, 0, each entry's fields at its own offset */
static void netif_pack_chain(struct kunit *test)
{
	struct ksmbd_netif_addr a[3] = {
		{ .ifindex = 2, .v4 = cpu_to_be32(0xc0a80001) },
		{ .ifindex = 2, .ipv6 = true },
		{ .ifindex = 5, .caps = KSMBD_NETIF_RSS,
		  .v4 = cpu_to_be32(0x0a000005) },
	};
	u8 *out = kunit_kzalloc(test, 4 * KSMBD_NETIF_ENTRY_SIZE, GFP_KERNEL);
	unsigned int i, at = 0;
	u32 len;

	KUNIT_ASSERT_NOT_NULL(test, out);
	memset(out, 0xaa, 4 * KSMBD_NETIF_ENTRY_SIZE);
	KUNIT_ASSERT_EQ(test, ksmbd_netif_pack(a, 3, out,
					       4 * KSMBD_NETIF_ENTRY_SIZE,
					       &len), 0);
	KUNIT_EXPECT_EQ(test, len, 3U * KSMBD_NETIF_ENTRY_SIZE);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(out + at),
				i < 2 ? 152U : 0U);
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(out + at + 4),
				a[i].ifindex);
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(out + at + 8),
				a[i].caps);
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(out + at + 12), 0U);
		KUNIT_EXPECT_EQ(test, get_unaligned_le16(out + at + 24),
				a[i].ipv6 ? 0x17 : 0x02);
		at += get_unaligned_le32(out + at);
	}
	KUNIT_EXPECT_EQ(test, at, 2U * KSMBD_NETIF_ENTRY_SIZE);
	/* the reserved bytes after the IPv4 address are zero */
	KUNIT_EXPECT_FALSE(test, memchr_inv(out + 2 * 152 + 32, 0, 120));
	/* and nothing past the last entry was touched */
	KUNIT_EXPECT_EQ(test, out[3 * KSMBD_NETIF_ENTRY_SIZE], 0xaa);
}

static void netif_eligible(struct kunit *test)
{
	char * const bound[] = { "eth1", "lo" };
	const enum ksmbd_netif_pass nrm = KSMBD_NETIF_PASS_NORMAL;
	const enum ksmbd_netif_pass lo = KSMBD_NETIF_PASS_LOOPBACK;

	/* every interface served */
	KUNIT_EXPECT_TRUE(test, ksmbd_netif_eligible(IFF_UP, "eth0", nrm,
						     NULL, 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(0, "eth0", nrm,
						      NULL, 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_UP | IFF_LOOPBACK,
						      "lo", nrm, NULL, 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_UP, "eth0", lo,
						      NULL, 0));
	KUNIT_EXPECT_TRUE(test, ksmbd_netif_eligible(IFF_UP | IFF_LOOPBACK,
						     "lo", lo, NULL, 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_LOOPBACK, "lo", lo,
						      NULL, 0));
	/* "bind interfaces only = yes", "interfaces = eth1 lo" */
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_UP, "eth0", nrm,
						      bound, 2));
	KUNIT_EXPECT_TRUE(test, ksmbd_netif_eligible(IFF_UP, "eth1", nrm,
						     bound, 2));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_UP, "eth10", nrm,
						      bound, 2));
	KUNIT_EXPECT_TRUE(test, ksmbd_netif_eligible(IFF_UP | IFF_LOOPBACK,
						     "lo", lo, bound, 2));
	KUNIT_EXPECT_FALSE(test, ksmbd_netif_eligible(IFF_UP | IFF_LOOPBACK,
						      "lo", lo, bound, 1));
}

static struct kunit_case netif_cases[] = {
	KUNIT_CASE(netif_pack_entries),
	KUNIT_CASE(netif_pack_bounds),
	KUNIT_CASE(netif_pack_chain),
	KUNIT_CASE(netif_eligible),
	{}
};

static struct kunit_suite netif_suite = {
	.name = "ksmbd_smb2_netif",
	.test_cases = netif_cases,
};

kunit_test_suite(netif_suite);
