/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic netlink link to the kernel server (family SMBD_GENL).
 * One socket: the main thread receives on it, any thread may send (sends are
 * serialized by a mutex inside ipc.c).
 */
#ifndef KSMBD_MOUNTD_IPC_H
#define KSMBD_MOUNTD_IPC_H

#include <stddef.h>
#include <stdint.h>

/* Open the socket and resolve the family; 0 or -errno (-ENOENT: no family). */
int ipc_open(void);
void ipc_close(void);
int ipc_fd(void);
/* Numeric family id currently resolved (0 if none). */
int ipc_family(void);
/* Resolve the family again: its id, or -errno if it is gone. */
int ipc_family_probe(void);

/* Send one event with one attribute of that type. 0 or -errno. */
int ipc_send(int event, const void *data, size_t len);
/* Receive and dispatch what is pending (non-blocking). 0 or -errno. */
int ipc_receive(void);

/* Start / stop the kernel server. */
int ipc_send_startup(void);
int ipc_send_shutdown(void);

/* Called for each received message (event, attribute payload). */
void ipc_dispatch(int event, const void *data, size_t len);

const char *ipc_event_name(int event);

#endif
