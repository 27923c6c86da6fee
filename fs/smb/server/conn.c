// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One client connection: allocation and lifetime, the receive loop
 * (NetBIOS session framing, size and in-flight bounds), and sending.
 * See conn.h for references and locking.
 */
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <net/sock.h>

#include "conn.h"
#include "work.h"
#include "server.h"
#include "debug.h"
#include "transport_tcp.h"
#include "mgmt/session.h"
#include "smb2/dispatch.h"

LIST_HEAD(ksmbd_conn_list);
DEFINE_MUTEX(ksmbd_conn_list_lock);	/* guards ksmbd_conn_list */

/* RFC 1002 session packet types used by SMB over TCP ([MS-SMB2] 2.1). */
#define NB_SESSION_MESSAGE	0x00
#define NB_SESSION_KEEPALIVE	0x85

/* Room for headers and non-data fields on top of the largest payload. */
#define KSMBD_PDU_HEADROOM	(64 * 1024)
/* Works admitted beyond the credit limit (CANCEL carries no credit). */
#define KSMBD_INFLIGHT_SLACK	16
/* How often the receive thread wakes to check deadtime. */
#define KSMBD_RX_TICK		(10 * HZ)
/* Time a new connection has to negotiate and authenticate a session. */
#define KSMBD_SETUP_TIMEOUT	(40 * HZ)

u32 ksmbd_conn_max_pdu(void)
{
	u32 m = max3(ksmbd_cfg.max_write, ksmbd_cfg.max_read,
		     ksmbd_cfg.max_trans);

	m = max_t(u32, m, 65536);
	return min_t(u32, m, 16 * 1024 * 1024) + KSMBD_PDU_HEADROOM;
}

/* Queued PDU bytes allowed per connection before reading pauses. */
static size_t ksmbd_conn_mem_max(void)
{
	return 2 * (size_t)ksmbd_conn_max_pdu() + 8 * 1024 * 1024;
}

struct ksmbd_conn *ksmbd_conn_alloc(struct socket *sock)
{
	struct ksmbd_conn *conn = kzalloc(sizeof(*conn), GFP_KERNEL);

	if (!conn)
		return NULL;
	if (ksmbd_credits_init(&conn->credits, ksmbd_cfg.max_credits)) {
		kfree(conn);
		return NULL;
	}
	kref_init(&conn->kref);
	INIT_LIST_HEAD(&conn->list);
	init_waitqueue_head(&conn->wait);
	spin_lock_init(&conn->lock);
	conn->state = KSMBD_CONN_NEW;
	mutex_init(&conn->async_lock);
	INIT_LIST_HEAD(&conn->async_list);
	conn->next_async_id = 1;
	conn->last_active = jiffies;
	conn->created = jiffies;
	mutex_init(&conn->send_lock);
	mutex_init(&conn->srv_lock);
	xa_init(&conn->sessions);
	mutex_init(&conn->bind_lock);
	conn->sock = sock;
	return conn;
}

static void ksmbd_conn_release(struct kref *kref)
{
	struct ksmbd_conn *conn = container_of(kref, struct ksmbd_conn, kref);

	WARN_ON(!xa_empty(&conn->sessions));
	xa_destroy(&conn->sessions);
	ksmbd_credits_destroy(&conn->credits);
	if (conn->sock)
		sock_release(conn->sock);
	kfree(conn);
}

void ksmbd_conn_put(struct ksmbd_conn *conn)
{
	kref_put(&conn->kref, ksmbd_conn_release);
}

void ksmbd_conn_shutdown(struct ksmbd_conn *conn)
{
	spin_lock(&conn->lock);
	conn->state = KSMBD_CONN_EXITING;
	spin_unlock(&conn->lock);
	kernel_sock_shutdown(conn->sock, SHUT_RDWR);
	wake_up_all(&conn->wait);
}

int ksmbd_conn_send(struct ksmbd_conn *conn, struct kvec *iov, int n)
{
	struct msghdr msg = { .msg_flags = MSG_NOSIGNAL };
	size_t total = 0;
	__be32 nb;
	struct kvec *v;
	int i, rc = 0;

	for (i = 1; i < n; i++)
		total += iov[i].iov_len;
	if (total > 0xffffff)
		return -EMSGSIZE;
	/* iov[0] is reserved for the transport header */
	nb = cpu_to_be32(total);	/* type 0x00 in the top byte */
	iov[0].iov_base = &nb;
	iov[0].iov_len = sizeof(nb);
	total += sizeof(nb);

	mutex_lock(&conn->send_lock);
	v = iov;
	while (total) {
		rc = kernel_sendmsg(conn->sock, &msg, v, n, total);
		if (rc <= 0) {
			if (rc == -EINTR || rc == -EAGAIN)
				continue;
			rc = rc ? rc : -EPIPE;
			break;
		}
		total -= rc;
		/* skip what went out */
		while (n && rc >= v->iov_len) {
			rc -= v->iov_len;
			v++;
			n--;
		}
		if (n && rc) {
			v->iov_base += rc;
			v->iov_len -= rc;
		}
		rc = 0;
	}
	mutex_unlock(&conn->send_lock);
	if (rc)
		ksmbd_debug(CONN, "send failed: %d\n", rc);
	return rc;
}

/* Read exactly len bytes. 0, -EAGAIN on a receive timeout, or -errno. */
static int ksmbd_conn_read(struct ksmbd_conn *conn, void *buf, size_t len,
			   bool started)
{
	struct kvec iov;
	struct msghdr msg = {};
	int rc;

	while (len) {
		iov.iov_base = buf;
		iov.iov_len = len;
		rc = kernel_recvmsg(conn->sock, &msg, &iov, 1, len, 0);
		if (rc == -EAGAIN || rc == -EINTR) {
			if (kthread_should_stop() || ksmbd_conn_exiting(conn))
				return -ESHUTDOWN;
			if (!started)
				return -EAGAIN;
			continue;	/* mid-PDU: keep reading */
		}
		if (rc <= 0)
			return rc ? rc : -ECONNRESET;
		buf += rc;
		len -= rc;
		started = true;
	}
	return 0;
}

static bool ksmbd_conn_idle_expired(struct ksmbd_conn *conn)
{
	unsigned long dead = (unsigned long)ksmbd_cfg.deadtime_sec * HZ;
	bool idle;

	if (!dead)
		return false;
	spin_lock(&conn->lock);
	idle = !conn->inflight && list_empty(&conn->async_list) &&
	       time_after(jiffies, conn->last_active + dead);
	spin_unlock(&conn->lock);
	return idle;
}

/*
 * [MS-SMB2] 3.3.6.3: a connection that, KSMBD_SETUP_TIMEOUT after it was
 * accepted, has not negotiated or holds no authenticated session is closed,
 * so that connections which never log in cannot pin server memory. Checked
 * by the receive thread before each PDU and at each idle tick.
 */
static bool ksmbd_conn_setup_expired(struct ksmbd_conn *conn)
{
	struct ksmbd_session *sess;
	unsigned long id;
	bool authed = false;

	if (time_before(jiffies, conn->created + KSMBD_SETUP_TIMEOUT) ||
	    READ_ONCE(conn->inflight))
		return false;
	if (!ksmbd_conn_negotiated(conn))
		return true;
	/* the table holds a reference on each session in it */
	xa_lock(&conn->sessions);
	xa_for_each(&conn->sessions, id, sess) {
		enum ksmbd_sess_state s = READ_ONCE(sess->state);

		if (s == KSMBD_SESS_VALID || s == KSMBD_SESS_EXPIRED) {
			authed = true;
			break;
		}
	}
	xa_unlock(&conn->sessions);
	return !authed;
}

/* May the connection take one more PDU of len bytes (or must it stop)? */
static bool ksmbd_conn_room(struct ksmbd_conn *conn, u32 len)
{
	unsigned int cap = conn->credits.max + KSMBD_INFLIGHT_SLACK;
	unsigned int sync = READ_ONCE(conn->inflight) - READ_ONCE(conn->nr_async);

	if (ksmbd_conn_exiting(conn) || kthread_should_stop())
		return true;
	return sync < cap &&
	       READ_ONCE(conn->mem_used) + len <= ksmbd_conn_mem_max();
}

/* Wait until the connection may take one more PDU of len bytes. */
static int ksmbd_conn_admit(struct ksmbd_conn *conn, u32 len)
{
	int rc;

	rc = wait_event_interruptible(conn->wait, ksmbd_conn_room(conn, len));
	if (rc || ksmbd_conn_exiting(conn) || kthread_should_stop())
		return -ESHUTDOWN;
	return 0;
}

void ksmbd_conn_work_done(struct ksmbd_conn *conn, u32 len)
{
	spin_lock(&conn->lock);
	conn->inflight--;
	conn->mem_used -= len;
	conn->last_active = jiffies;
	spin_unlock(&conn->lock);
	wake_up_all(&conn->wait);
}

static void ksmbd_conn_work_fn(struct work_struct *w)
{
	struct ksmbd_work *work = container_of(w, struct ksmbd_work, work);

	ksmbd_smb2_process(work);
}

int ksmbd_conn_rx_loop(void *arg)
{
	struct ksmbd_conn *conn = arg;
	u32 max_pdu = ksmbd_conn_max_pdu();
	struct ksmbd_work *work;
	u8 nb[4];
	void *pdu;
	u32 len;
	int rc;

	conn->sock->sk->sk_rcvtimeo = KSMBD_RX_TICK;
	while (!kthread_should_stop() && !ksmbd_conn_exiting(conn)) {
		if (ksmbd_conn_setup_expired(conn)) {
			ksmbd_debug(CONN, "no session set up in time\n");
			break;
		}
		rc = ksmbd_conn_read(conn, nb, sizeof(nb), false);
		if (rc == -EAGAIN) {
			if (ksmbd_conn_idle_expired(conn)) {
				ksmbd_debug(CONN, "deadtime: closing idle\n");
				break;
			}
			continue;
		}
		if (rc)
			break;
		if (nb[0] == NB_SESSION_KEEPALIVE)
			continue;
		len = (nb[1] << 16) | (nb[2] << 8) | nb[3];
		if (nb[0] != NB_SESSION_MESSAGE || len < 4 || len > max_pdu) {
			ksmbd_debug(CONN, "bad frame type %u len %u\n",
				    nb[0], len);
			break;
		}
		if (ksmbd_conn_admit(conn, len))
			break;
		pdu = kvmalloc(len, GFP_KERNEL);
		if (!pdu)
			break;
		rc = ksmbd_conn_read(conn, pdu, len, true);
		if (rc) {
			kvfree(pdu);
			break;
		}
		work = ksmbd_work_alloc(conn, pdu, len);
		if (!work) {
			kvfree(pdu);
			break;
		}
		spin_lock(&conn->lock);
		work->first_pdu = !conn->seen_pdu;
		conn->seen_pdu = true;
		conn->inflight++;
		conn->mem_used += len;
		conn->last_active = jiffies;
		spin_unlock(&conn->lock);
		INIT_WORK(&work->work, ksmbd_conn_work_fn);
		/* in arrival order: see ksmbd_smb2_runs_inline() */
		if (ksmbd_smb2_runs_inline(pdu, len))
			ksmbd_smb2_process(work);
		else
			queue_work(ksmbd_wq, &work->work);
	}
	ksmbd_conn_teardown(conn);
	return 0;
}

/*
 * Tear a connection down from its receive thread: stop new work, cancel
 * async waiters, wait for every work to finish, destroy sessions (files,
 * trees, sessions in that order), leave the connection list, drop the
 * thread's reference.
 */
void ksmbd_conn_teardown(struct ksmbd_conn *conn)
{
	ksmbd_conn_shutdown(conn);
	ksmbd_work_cancel_all(conn);
	wait_event(conn->wait, !READ_ONCE(conn->inflight));
	ksmbd_smb2_bind_free(conn);
	ksmbd_session_destroy_all(conn);
	ksmbd_tcp_conn_gone(conn);
	ksmbd_conn_put(conn);
}
