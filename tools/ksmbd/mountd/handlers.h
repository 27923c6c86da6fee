/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One function per kernel request. Each checks the received size against its
 * struct before reading it, answers with event + 1 and the request's handle,
 * and takes state.lock for reading while it looks at the config and user db.
 */
#ifndef KSMBD_MOUNTD_HANDLERS_H
#define KSMBD_MOUNTD_HANDLERS_H

#include <stddef.h>

void handle_heartbeat(const void *data, size_t len);
void handle_login(const void *data, size_t len);
void handle_login_ext(const void *data, size_t len);
void handle_share_config(const void *data, size_t len);
void handle_tree_connect(const void *data, size_t len);
void handle_tree_disconnect(const void *data, size_t len);
void handle_logout(const void *data, size_t len);
void handle_spnego(const void *data, size_t len);
/* rpc_glue.c */
void handle_rpc(const void *data, size_t len);
void rpc_glue_close_all(void);
int rpc_workers_start(void);
void rpc_workers_stop(void);
struct rpc_provider;
const struct rpc_provider *mountd_rpc_provider(void);

/*
 * Build a share config response for name into a malloc'ed buffer: returns
 * its size and sets *out (the caller frees), 0 on allocation failure. Holds
 * no lock: the caller holds state.lock for reading.
 */
struct ksmbd_config;
size_t build_share_config(const struct ksmbd_config *cfg, unsigned int handle,
			  const char *name, void **out);

#endif
