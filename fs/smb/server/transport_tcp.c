// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * TCP listeners (IPv6 with v4-mapped addresses, or IPv4 only when IPv6 is
 * unavailable), optionally one per configured interface, each with an
 * accept kthread that admits connections under max_connections and
 * max_ip_connections and starts a receive kthread per connection.
 */
#include <linux/kthread.h>
#include <linux/net.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/sock.h>
#include <net/tcp.h>
#include <net/ipv6.h>

#include "transport_tcp.h"
#include "conn.h"
#include "work.h"
#include "server.h"
#include "debug.h"
#include "auth/sign.h"

#define KSMBD_MAX_LISTENERS	16

struct ksmbd_listener {
	struct socket *sock;
	struct task_struct *thread;
};

static struct ksmbd_listener listeners[KSMBD_MAX_LISTENERS];
static unsigned int nr_listeners;
static DECLARE_WAIT_QUEUE_HEAD(conn_list_wq);
static unsigned int nr_conns;		/* under ksmbd_conn_list_lock */

struct workqueue_struct *ksmbd_wq;
static bool crypto_held;		/* start/stop are serialized */

static bool same_addr(const struct sockaddr_storage *a,
		      const struct sockaddr_storage *b)
{
	if (a->ss_family != b->ss_family)
		return false;
	if (a->ss_family == AF_INET6)
		return ipv6_addr_equal(&((struct sockaddr_in6 *)a)->sin6_addr,
				       &((struct sockaddr_in6 *)b)->sin6_addr);
	if (a->ss_family == AF_INET)
		return ((struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((struct sockaddr_in *)b)->sin_addr.s_addr;
	return false;
}

/* Admission under the connection limits; adds conn to the list. */
static int ksmbd_tcp_admit(struct ksmbd_conn *conn)
{
	struct ksmbd_conn *c;
	unsigned int same = 0;
	int rc = 0;

	mutex_lock(&ksmbd_conn_list_lock);
	if (ksmbd_cfg.max_connections && nr_conns >= ksmbd_cfg.max_connections)
		rc = -EMFILE;
	if (!rc && ksmbd_cfg.max_ip_connections) {
		list_for_each_entry(c, &ksmbd_conn_list, list)
			if (same_addr(&c->peer, &conn->peer))
				same++;
		if (same >= ksmbd_cfg.max_ip_connections)
			rc = -EMFILE;
	}
	if (!rc) {
		list_add_tail(&conn->list, &ksmbd_conn_list);
		nr_conns++;
	}
	mutex_unlock(&ksmbd_conn_list_lock);
	return rc;
}

void ksmbd_tcp_conn_gone(struct ksmbd_conn *conn)
{
	mutex_lock(&ksmbd_conn_list_lock);
	list_del_init(&conn->list);
	nr_conns--;
	mutex_unlock(&ksmbd_conn_list_lock);
	wake_up_all(&conn_list_wq);
}

static void ksmbd_tcp_new_conn(struct socket *sock)
{
	struct ksmbd_conn *conn;
	struct task_struct *t;
	int rc;

	tcp_sock_set_nodelay(sock->sk);
	sock_set_keepalive(sock->sk);
	conn = ksmbd_conn_alloc(sock);
	if (!conn) {
		sock_release(sock);
		return;
	}
	rc = kernel_getpeername(sock, (struct sockaddr *)&conn->peer);
	if (rc < 0 || ksmbd_tcp_admit(conn)) {
		ksmbd_debug(CONN, "connection refused (%d)\n", rc);
		ksmbd_conn_put(conn);	/* releases the socket */
		return;
	}
	t = kthread_run(ksmbd_conn_rx_loop, conn, "ksmbd:%pISp", &conn->peer);
	if (IS_ERR(t)) {
		ksmbd_tcp_conn_gone(conn);
		ksmbd_conn_put(conn);
		return;
	}
	conn->rx_thread = t;
}

static int ksmbd_tcp_accept_loop(void *arg)
{
	struct ksmbd_listener *l = arg;
	struct socket *sock;
	int rc;

	while (!kthread_should_stop()) {
		rc = kernel_accept(l->sock, &sock, 0);
		if (rc) {
			if (kthread_should_stop())
				break;
			if (rc == -EAGAIN || rc == -EINTR ||
			    rc == -ECONNABORTED)
				continue;
			/* e.g. out of memory: back off, do not spin */
			schedule_timeout_interruptible(HZ / 10);
			continue;
		}
		ksmbd_tcp_new_conn(sock);
	}
	return 0;
}

static int ksmbd_tcp_listen(const char *ifname)
{
	struct ksmbd_listener *l;
	struct socket *sock;
	struct sockaddr_storage ss = {};
	int alen, rc;
	bool v6 = true;

	if (nr_listeners >= KSMBD_MAX_LISTENERS)
		return -ENOSPC;
	rc = sock_create_kern(&init_net, PF_INET6, SOCK_STREAM, IPPROTO_TCP,
			      &sock);
	if (rc) {
		v6 = false;
		rc = sock_create_kern(&init_net, PF_INET, SOCK_STREAM,
				      IPPROTO_TCP, &sock);
		if (rc)
			return rc;
	}
	if (v6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = in6addr_any;
		sin6->sin6_port = htons(ksmbd_cfg.tcp_port);
		alen = sizeof(*sin6);
		sock->sk->sk_ipv6only = false;
	} else {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_ANY);
		sin->sin_port = htons(ksmbd_cfg.tcp_port);
		alen = sizeof(*sin);
	}
	sock_set_reuseaddr(sock->sk);
	tcp_sock_set_nodelay(sock->sk);
	if (ifname) {
		struct net_device *dev = dev_get_by_name(&init_net, ifname);

		if (!dev) {
			rc = -ENODEV;
			goto err;
		}
		rc = sock_bindtoindex(sock->sk, dev->ifindex, true);
		dev_put(dev);
		if (rc)
			goto err;
	}
	rc = kernel_bind(sock, (struct sockaddr *)&ss, alen);
	if (rc)
		goto err;
	rc = kernel_listen(sock, 64);
	if (rc)
		goto err;
	l = &listeners[nr_listeners];
	l->sock = sock;
	l->thread = kthread_run(ksmbd_tcp_accept_loop, l, "ksmbd-listen/%u",
				nr_listeners);
	if (IS_ERR(l->thread)) {
		rc = PTR_ERR(l->thread);
		l->thread = NULL;
		l->sock = NULL;
		goto err;
	}
	get_task_struct(l->thread);
	nr_listeners++;
	pr_info("listening on port %u%s%s\n", ksmbd_cfg.tcp_port,
		ifname ? " on " : "", ifname ? ifname : "");
	return 0;
err:
	pr_err("cannot listen on port %u%s%s: %d\n", ksmbd_cfg.tcp_port,
	       ifname ? " on " : "", ifname ? ifname : "", rc);
	sock_release(sock);
	return rc;
}

static void ksmbd_tcp_stop_listeners(void)
{
	while (nr_listeners) {
		struct ksmbd_listener *l = &listeners[--nr_listeners];

		kernel_sock_shutdown(l->sock, SHUT_RDWR);
		kthread_stop(l->thread);
		put_task_struct(l->thread);
		sock_release(l->sock);
		l->sock = NULL;
		l->thread = NULL;
	}
}

int ksmbd_transport_start(void)
{
	unsigned int i;
	int rc = 0;

	/* signing, preauth and NTLMv2 need the transform pool (refcounted) */
	rc = ksmbd_crypto_init();
	if (rc)
		return rc;
	crypto_held = true;
	if (!ksmbd_wq) {
		ksmbd_wq = alloc_workqueue("ksmbd-io", WQ_UNBOUND | WQ_FREEZABLE,
					   0);
		if (!ksmbd_wq) {
			ksmbd_transport_stop();
			return -ENOMEM;
		}
	}
	if (ksmbd_cfg.bind_interfaces_only && ksmbd_cfg.nr_interfaces) {
		for (i = 0; i < ksmbd_cfg.nr_interfaces; i++) {
			int r = ksmbd_tcp_listen(ksmbd_cfg.interfaces[i]);

			if (r && !rc)
				rc = r;
		}
		/* serve on the interfaces that worked */
		if (nr_listeners)
			rc = 0;
	} else {
		rc = ksmbd_tcp_listen(NULL);
	}
	if (rc)
		ksmbd_transport_stop();
	return rc;
}

void ksmbd_transport_stop(void)
{
	struct ksmbd_conn *conn;

	ksmbd_tcp_stop_listeners();
	mutex_lock(&ksmbd_conn_list_lock);
	list_for_each_entry(conn, &ksmbd_conn_list, list)
		ksmbd_conn_shutdown(conn);
	mutex_unlock(&ksmbd_conn_list_lock);
	wait_event(conn_list_wq, !READ_ONCE(nr_conns));
	if (ksmbd_wq) {
		destroy_workqueue(ksmbd_wq);
		ksmbd_wq = NULL;
	}
	if (crypto_held) {
		ksmbd_crypto_exit();
		crypto_held = false;
	}
}
