/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP transport: listening sockets and accept threads.
 *
 * Owner: core. ksmbd_transport_start()/stop() are called by the server
 * state machine (server.h) with its state lock held, never concurrently.
 * The listeners are private to transport_tcp.c; connections are on
 * ksmbd_conn_list (conn.h).
 */
#ifndef __KSMBD_TRANSPORT_TCP_H__
#define __KSMBD_TRANSPORT_TCP_H__

struct ksmbd_conn;

int ksmbd_transport_start(void);
void ksmbd_transport_stop(void);

/* A connection's receive thread is done with it: leave the list. */
void ksmbd_tcp_conn_gone(struct ksmbd_conn *conn);

#endif /* __KSMBD_TRANSPORT_TCP_H__ */
