// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * FSCTL_QUERY_NETWORK_INTERFACE_INFO: see netif.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/netdevice.h>
#include <linux/inetdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>
#include <net/addrconf.h>
#include <asm/unaligned.h>

#include "netif.h"
#include "../server.h"

#define SOCKADDR_OFF		24	/* SockAddr_Storage in an entry */
#define AF_INET_WIRE		0x0002	/* [MS-SMB2] 2.2.32.5.1 */
#define AF_INET6_WIRE		0x0017
#define DEFAULT_SPEED		1000000000ULL

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

static bool netif_wanted(const struct net_device *dev)
{
	unsigned int i;

	if (!(dev->flags & IFF_UP) || (dev->flags & IFF_LOOPBACK))
		return false;
	if (!ksmbd_cfg.bind_interfaces_only || !ksmbd_cfg.nr_interfaces)
		return true;
	for (i = 0; i < ksmbd_cfg.nr_interfaces; i++)
		if (!strcmp(dev->name, ksmbd_cfg.interfaces[i]))
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

unsigned int ksmbd_netif_collect(struct ksmbd_netif_addr *a, unsigned int max)
{
	struct ksmbd_netif_addr proto;
	struct net_device *dev;
	struct in_device *in4;
	struct in_ifaddr *ifa;
	unsigned int n = 0;

	rtnl_lock();
	for_each_netdev(&init_net, dev) {
		if (!netif_wanted(dev))
			continue;
		memset(&proto, 0, sizeof(proto));
		proto.ifindex = dev->ifindex;
		proto.speed = netif_speed(dev);
		if (dev->real_num_rx_queues > 1)
			proto.caps |= KSMBD_NETIF_RSS;

		in4 = __in_dev_get_rtnl(dev);
		if (in4) {
			in_dev_for_each_ifa_rtnl(ifa, in4) {
				if (n == max)
					goto out;
				a[n] = proto;
				a[n++].v4 = ifa->ifa_local;
			}
		}
#if IS_ENABLED(CONFIG_IPV6)
		{
			struct inet6_dev *in6 = __in6_dev_get(dev);
			struct inet6_ifaddr *ifp;

			if (!in6)
				continue;
			read_lock_bh(&in6->lock);
			list_for_each_entry(ifp, &in6->addr_list, if_list) {
				if (n == max)
					break;
				if (ifp->flags & IFA_F_TENTATIVE)
					continue;
				a[n] = proto;
				a[n].ipv6 = true;
				a[n++].v6 = ifp->addr;
			}
			read_unlock_bh(&in6->lock);
		}
#endif
	}
out:
	rtnl_unlock();
	return n;
}
