/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FSCTL_QUERY_NETWORK_INTERFACE_INFO ([MS-SMB2] 2.2.32.5, 3.3.5.15.11):
 * the server's interfaces and addresses as NETWORK_INTERFACE_INFO
 * entries. Encoding and the choice of interfaces (pure, KUnit in
 * netif_test.c) are separate from collecting the addresses from the
 * network stack, which happens under RTNL for each request; nothing is
 * kept between requests.
 */
#ifndef _KSMBD_SMB2_NETIF_H
#define _KSMBD_SMB2_NETIF_H

#include <linux/types.h>
#include <linux/in6.h>

struct fsctl_args;

#define KSMBD_NETIF_ENTRY_SIZE	152	/* one entry, 8-byte aligned */
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
 * @out_max: its size (the request's MaxOutputResponse)
 * @out_len: out: bytes written
 *
 * Each entry is KSMBD_NETIF_ENTRY_SIZE bytes; Next is the offset of the
 * following entry from the start of this one, 0 in the last.
 *
 * Return: 0, or -ENOSPC when the entries do not all fit (then nothing is
 * written and *@out_len is 0): the caller answers STATUS_BUFFER_TOO_SMALL.
 */
int ksmbd_netif_pack(const struct ksmbd_netif_addr *a, unsigned int n,
		     u8 *out, u32 out_max, u32 *out_len);

/*
 * Which interfaces are listed. Only interfaces that are up; loopback
 * only on a host where no other interface qualifies (there a client can
 * only have reached us over loopback, and an empty list is useless to
 * it: Samba's client cannot even parse one). With "bind interfaces only"
 * and a list of names, only the named interfaces, loopback included.
 */
enum ksmbd_netif_pass {
	KSMBD_NETIF_PASS_NORMAL,	/* up, not loopback */
	KSMBD_NETIF_PASS_LOOPBACK,	/* up, loopback */
};

/**
 * ksmbd_netif_eligible() - whether an interface is listed in a pass
 * @flags:  its dev->flags (IFF_*)
 * @name:   its name
 * @pass:   KSMBD_NETIF_PASS_*
 * @bound:  the configured interface names ("bind interfaces only"), or
 *          NULL when every interface is served
 * @nbound: how many names @bound holds (0: every interface is served)
 */
bool ksmbd_netif_eligible(unsigned int flags, const char *name,
			  enum ksmbd_netif_pass pass,
			  char * const *bound, unsigned int nbound);

/*
 * The server's addresses: every IPv4 and IPv6 address (not tentative,
 * not failed DAD) of the interfaces ksmbd_netif_eligible() accepts in the
 * normal pass, or in the loopback pass when the normal one found none.
 * Link speed from ethtool, 1 Gb/s when the driver does not know;
 * RSS_CAPABLE with more than one receive queue; never RDMA_CAPABLE (SMB
 * Direct is not served). Takes RTNL. Returns how many were written to @a
 * (at most @max).
 */
unsigned int ksmbd_netif_collect(struct ksmbd_netif_addr *a, unsigned int max);

/*
 * The IOCTL row: STATUS_NOT_SUPPORTED unless the connection negotiated
 * SMB2_GLOBAL_CAP_MULTI_CHANNEL (3.x with "server multi channel support"),
 * INVALID_PARAMETER for a FileId other than all ones,
 * STATUS_BUFFER_TOO_SMALL when MaxOutputResponse cannot hold every entry.
 */
__le32 ksmbd_fsctl_query_interfaces(struct fsctl_args *a);

#endif /* _KSMBD_SMB2_NETIF_H */
