/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One client connection (struct ksmbd_conn).
 *
 * Owner: core. Created by the TCP accept loop (transport_tcp.c), one
 * receive kthread per connection reads PDUs and queues works.
 *
 * References (conn->kref):
 *   - the receive thread holds the initial reference until it exits;
 *   - every struct ksmbd_work holds one;
 *   - a session holds none: its channel on the connection (mgmt/session.h)
 *     is removed by the connection's teardown before it drops its last
 *     work; a session bound to other connections goes on there.
 * The connection is on ksmbd_conn_list (ksmbd_conn_list_lock) from accept
 * until its receive thread ends.
 *
 * Locking:
 *   conn->lock (spinlock) guards: state, credits (struct ksmbd_credits),
 *     in-flight counters, next_async_id, mem_used.
 *   conn->async_lock (mutex) guards async_list and the async fields of the
 *     works on it; cancel callbacks run under it.
 *   conn->srv_lock (mutex) guards the negotiated fields: dialect,
 *     cli_* / srv_*, signing_alg, cipher, preauth_hash. They are written
 *     once by NEGOTIATE (while state == KSMBD_CONN_NEW) and read freely
 *     afterwards (state >= KSMBD_CONN_NEGOTIATED is the publication point,
 *     read with smp_load_acquire).
 *   conn->send_lock (mutex) serialises socket writes: each response PDU is
 *     written whole.
 *   conn->sessions (xarray, own lock): session id -> struct ksmbd_session*;
 *     entries are referenced by the table (see mgmt/session.h).
 *   conn->bind_lock (mutex) guards conn->bind, the state of a session
 *     binding between its SESSION_SETUP legs, and is held across one
 *     binding step (before the session's sess->lock).
 */
#ifndef __KSMBD_CONN_H__
#define __KSMBD_CONN_H__

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <linux/socket.h>
#include <linux/net.h>
#include <linux/uio.h>

#include "../common/smb2pdu.h"
#include "smb2/credits.h"

struct ksmbd_work;
struct ksmbd_bind_state;

enum ksmbd_conn_state {
	KSMBD_CONN_NEW,		/* nothing negotiated yet */
	KSMBD_CONN_NEGOTIATED,	/* SMB2 NEGOTIATE done */
	KSMBD_CONN_EXITING,	/* being torn down: no new work */
};

struct ksmbd_conn {
	struct kref kref;
	struct list_head list;		/* ksmbd_conn_list */
	struct socket *sock;
	struct sockaddr_storage peer;
	struct task_struct *rx_thread;
	wait_queue_head_t wait;		/* in-flight work went down */

	spinlock_t lock;		/* see header comment */
	enum ksmbd_conn_state state;
	struct ksmbd_credits credits;
	unsigned int inflight;		/* works not yet finished */
	unsigned int nr_async;		/* of which gone async */
	size_t mem_used;		/* bytes of queued request PDUs */
	struct mutex async_lock;	/* see header comment */
	struct list_head async_list;	/* works gone async */
	u64 next_async_id;
	/* MessageIds of CANCELs that came before their request went async */
	u64 early_cancel[8];		/* under async_lock, 0: free */
	unsigned int early_cancel_next;
	bool seen_pdu;			/* anything received yet (SMB1 rule) */
	unsigned long last_active;	/* jiffies, for deadtime */
	unsigned long created;		/* jiffies, for the setup timeout */

	struct mutex send_lock;		/* one PDU on the wire at a time */

	/* negotiated (see header comment) */
	struct mutex srv_lock;
	u16 dialect;			/* e.g. SMB311_PROT_ID */
	u16 cli_sec_mode;
	u32 cli_caps;
	u8 client_guid[SMB2_CLIENT_GUID_SIZE];
	u16 cli_dialects[16];		/* offered dialects, for VALIDATE_NEGOTIATE */
	u16 cli_dialect_count;
	bool cli_dialects_truncated;
	u16 srv_sec_mode;
	u32 srv_caps;
	bool sign_required;		/* server requires signing */
	__le16 signing_alg;		/* SIGNING_ALG_*_LE for 3.1.1 */
	__le16 cipher;			/* 0 = none negotiated */
	u8 preauth_hash[SMB2_PREAUTH_HASH_SIZE]; /* 3.1.1 connection hash */
	bool posix_ext;			/* POSIX extensions context accepted */

	struct xarray sessions;		/* id -> struct ksmbd_session * */
	/* a session binding under way (smb2/session_bind.c) */
	struct mutex bind_lock;
	struct ksmbd_bind_state *bind;
};

/* All connections, for transport stop and max_ip_connections. */
extern struct list_head ksmbd_conn_list;
extern struct mutex ksmbd_conn_list_lock;

struct ksmbd_conn *ksmbd_conn_alloc(struct socket *sock);
static inline void ksmbd_conn_get(struct ksmbd_conn *conn)
{
	kref_get(&conn->kref);
}

void ksmbd_conn_put(struct ksmbd_conn *conn);

static inline bool ksmbd_conn_exiting(struct ksmbd_conn *conn)
{
	return READ_ONCE(conn->state) == KSMBD_CONN_EXITING;
}

static inline bool ksmbd_conn_negotiated(struct ksmbd_conn *conn)
{
	/* pairs with smp_store_release() in NEGOTIATE: fields published */
	return smp_load_acquire(&conn->state) >= KSMBD_CONN_NEGOTIATED;
}

/* Dialect >= 3.0: AES-CMAC/GMAC signing, KDF keys. */
static inline bool ksmbd_conn_smb3(struct ksmbd_conn *conn)
{
	return conn->dialect >= SMB30_PROT_ID;
}

/* Mark the connection exiting and shut its socket (wakes the rx thread). */
void ksmbd_conn_shutdown(struct ksmbd_conn *conn);

/*
 * Write one PDU (the 4-byte transport header is added here) made of
 * iov[0..n-1]. Serialised by send_lock. Returns 0 or -errno.
 */
int ksmbd_conn_send(struct ksmbd_conn *conn, struct kvec *iov, int n);

/* The receive loop, run by the connection's kthread. */
int ksmbd_conn_rx_loop(void *arg);
/* A work of len request bytes finished (wakes the receive loop). */
void ksmbd_conn_work_done(struct ksmbd_conn *conn, u32 len);
/* Receive thread's exit path: file -> tree -> session -> connection. */
void ksmbd_conn_teardown(struct ksmbd_conn *conn);

/* Largest PDU accepted from the network (config-derived). */
u32 ksmbd_conn_max_pdu(void);

#endif /* __KSMBD_CONN_H__ */
