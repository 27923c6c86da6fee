/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FSCTL_QUERY_NETWORK_INTERFACE_INFO ([MS-SMB2] 2.2.32.5, 3.3.5.15.11):
 * the server's interfaces and addresses as NETWORK_INTERFACE_INFO
 * entries. Encoding (pure) is separate from collecting the addresses from
 * the network stack (under RTNL).
 */
#ifndef _KSMBD_SMB2_NETIF_H
#define _KSMBD_SMB2_NETIF_H

#include <linux/types.h>
#include <linux/in6.h>

#define KSMBD_NETIF_ENTRY_SIZE	152
#define KSMBD_NETIF_RSS		0x00000001
#define KSMBD_NETIF_RDMA	0x00000002

/* One address of one interface. */
struct ksmbd_netif_addr {
	u32 ifindex;
	u32 caps;		/* KSMBD_NETIF_* */
	u64 speed;		/* bits per second */
	bool ipv6;
	union {
		__be32 v4;
		struct in6_addr v6;
	};
};

/**
 * ksmbd_netif_pack() - encode entries, chained by Next
 * @a:       addresses
 * @n:       how many
 * @out:     destination
 * @out_max: its size
 * @out_len: out: bytes written
 *
 * Return: 0, or -ENOSPC when the entries do not all fit (nothing useful is
 * left in @out then).
 */
int ksmbd_netif_pack(const struct ksmbd_netif_addr *a, unsigned int n,
		     u8 *out, u32 out_max, u32 *out_len);

/*
 * The server's addresses: every IPv4 and IPv6 address of the interfaces
 * that are up, not loopback, and (with "bind interfaces only") named in
 * the config. Link speed from ethtool, 1 Gb/s when the driver does not
 * know; RSS_CAPABLE with more than one receive queue; no RDMA (SMB Direct
 * is not served yet). Returns how many were written to a (at most max).
 */
unsigned int ksmbd_netif_collect(struct ksmbd_netif_addr *a, unsigned int max);

#endif /* _KSMBD_SMB2_NETIF_H */
