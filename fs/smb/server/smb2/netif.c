// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * FSCTL_QUERY_NETWORK_INTERFACE_INFO: see netif.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/netdevice.h>
#include <linux/inetdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>
#include <net/addrconf.h>
#include <asm/unaligned.h>

#include "dispatch.h"
#include "fsctl.h"
#include "netif.h"
#include "../conn.h"
#include "../work.h"
#include "../server.h"
#include "../ntstatus.h"

#define SOCKADDR_OFF		24	/* SockAddr_Storage in an entry */
#define AF_INET_WIRE		0x0002	/* [MS-SMB2] 2.2.32.5.1 */
#define AF_INET6_WIRE		0x0017
#define DEFAULT_SPEED		1000000000ULL
#define NETIF_MAX		64	/* addresses listed at most */

int ksmbd_netif_pack(const struct ksmbd_netif_addr *a, unsigned int n,
		     u8 *out, u32 out_max, u32 *out_len)
{
	unsigned int i;
	u8 *e;

	*out_len = 0;
	if ((u64)n * KSMBD_NETIF_ENTRY_SIZE > out_max)
		return -ENOSPC;
	memset(out, 0, (size_t)n * KSMBD_NETIF_ENTRY_SIZE);
	for (i = 0; i < n; i++) {
		e = out + i * KSMBD_NETIF_ENTRY_SIZE;
		put_unaligned_le32(i + 1 < n ? KSMBD_NETIF_ENTRY_SIZE : 0, e);
		put_unaligned_le32(a[i].ifindex, e + 4);
		put_unaligned_le32(a[i].caps, e + 8);
		put_unaligned_le64(a[i].speed, e + 16);
		e += SOCKADDR_OFF;
		if (a[i].ipv6) {
			/* Family, Port 0, FlowInfo 0, address, ScopeId 0 */
			put_unaligned_le16(AF_INET6_WIRE, e);
			memcpy(e + 8, &a[i].v6, sizeof(a[i].v6));
		} else {
			/* Family, Port 0, address (network order) */
			put_unaligned_le16(AF_INET_WIRE, e);
			memcpy(e + 4, &a[i].v4, sizeof(a[i].v4));
		}
	}
	*out_len = n * KSMBD_NETIF_ENTRY_SIZE;
	return 0;
}

bool ksmbd_netif_eligible(unsigned int flags, const char *name,
			  enum ksmbd_netif_pass pass,
			  char * const *bound, unsigned int nbound)
{
	bool want_lo = pass == KSMBD_NETIF_PASS_LOOPBACK;
	unsigned int i;

	if (!(flags & IFF_UP))
		return false;
	if (!!(flags & IFF_LOOPBACK) != want_lo)
		return false;
	if (!bound || !nbound)
		return true;
	for (i = 0; i < nbound; i++)
		if (bound[i] && !strcmp(name, bound[i]))
			return true;
	return false;
}

static u64 netif_speed(struct net_device *dev)
{
	struct ethtool_link_ksettings cmd;

	if (!__ethtool_get_link_ksettings(dev, &cmd) &&
	    cmd.base.speed && cmd.base.speed != (u32)SPEED_UNKNOWN)
		return (u64)cmd.base.speed * 1000000;
	return DEFAULT_SPEED;
}

/* the addresses of one interface, appended at a[n]; returns the new n */
static unsigned int netif_addrs(struct net_device *dev,
				struct ksmbd_netif_addr *a, unsigned int n,
				unsigned int max)
{
	struct ksmbd_netif_addr proto;
	struct in_device *in4;
	struct in_ifaddr *ifa;

	ASSERT_RTNL();
	memset(&proto, 0, sizeof(proto));
	proto.ifindex = dev->ifindex;
	proto.speed = netif_speed(dev);
	if (dev->real_num_rx_queues > 1)
		proto.caps |= KSMBD_NETIF_RSS;

	in4 = __in_dev_get_rtnl(dev);
	if (in4) {
		in_dev_for_each_ifa_rtnl(ifa, in4) {
			if (n == max)
				return n;
			a[n] = proto;
			a[n++].v4 = ifa->ifa_local;
		}
	}
#if IS_ENABLED(CONFIG_IPV6)
	{
		struct inet6_dev *in6 = __in6_dev_get(dev);
		struct inet6_ifaddr *ifp;

		if (!in6)
			return n;
		read_lock_bh(&in6->lock);
		list_for_each_entry(ifp, &in6->addr_list, if_list) {
			if (n == max)
				break;
			if (ifp->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED))
				continue;
			a[n] = proto;
			a[n].ipv6 = true;
			a[n++].v6 = ifp->addr;
		}
		read_unlock_bh(&in6->lock);
	}
#endif
	return n;
}

unsigned int ksmbd_netif_collect(struct ksmbd_netif_addr *a, unsigned int max)
{
	static const enum ksmbd_netif_pass passes[] = {
		KSMBD_NETIF_PASS_NORMAL, KSMBD_NETIF_PASS_LOOPBACK,
	};
	char * const *bound = NULL;
	struct net_device *dev;
	unsigned int n = 0, p;

	if (ksmbd_cfg.bind_interfaces_only)
		bound = ksmbd_cfg.interfaces;
	rtnl_lock();
	for (p = 0; p < ARRAY_SIZE(passes) && !n; p++) {
		for_each_netdev(&init_net, dev) {
			if (!ksmbd_netif_eligible(dev->flags, dev->name,
						  passes[p], bound,
						  ksmbd_cfg.nr_interfaces))
				continue;
			n = netif_addrs(dev, a, n, max);
		}
	}
	rtnl_unlock();
	return n;
}

__le32 ksmbd_fsctl_query_interfaces(struct fsctl_args *a)
{
	struct ksmbd_netif_addr *addrs;
	unsigned int n;
	__le32 st = STATUS_SUCCESS;

	/* [MS-SMB2] 3.3.5.15.11: MAY fail NOT_SUPPORTED without multichannel */
	if (!(a->work->conn->srv_caps & SMB2_GLOBAL_CAP_MULTI_CHANNEL))
		return STATUS_NOT_SUPPORTED;
	if (a->pfid != U64_MAX || a->vfid != U64_MAX)
		return STATUS_INVALID_PARAMETER;
	addrs = kcalloc(NETIF_MAX, sizeof(*addrs), GFP_KERNEL);
	if (!addrs)
		return STATUS_NO_MEMORY;
	n = ksmbd_netif_collect(addrs, NETIF_MAX);
	if (ksmbd_netif_pack(addrs, n, a->out, a->out_max, &a->out_len))
		st = STATUS_BUFFER_TOO_SMALL;
	kfree(addrs);
	return st;
}
