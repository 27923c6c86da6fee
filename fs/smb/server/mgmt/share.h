/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A share's configuration, as answered by the daemon's SHARE_CONFIG event.
 *
 * Owner: server (mgmt/share.c). Shares are cached by lower-cased name in a
 * hash table guarded by a lock private to share.c; the cache holds one
 * reference, and each ksmbd_share_get() caller (a tree connection) holds
 * one more, dropped with ksmbd_share_put(). A share is immutable once
 * published: a reload replaces the cache entry with a new object, and the
 * old one lives until its last tree goes. share->root (the share's
 * directory, a path reference) is put on the last reference.
 */
#ifndef __KSMBD_MGMT_SHARE_H__
#define __KSMBD_MGMT_SHARE_H__

#include <linux/kref.h>
#include <linux/path.h>
#include <linux/types.h>

struct ksmbd_share {
	struct kref kref;
	char *name;
	char *path;			/* NULL for IPC$ */
	struct path root;		/* valid unless is_pipe */
	u32 flags;			/* KSMBD_SHARE_FLAG_* */
	u16 create_mask, directory_mask;
	u16 force_create_mode, force_directory_mode;
	u16 force_uid, force_gid;
	char **veto;			/* nr_veto glob patterns */
	unsigned int nr_veto;
	bool is_pipe;			/* IPC$ */
};

/* Cached share or freshly asked from the daemon; NULL if no such share. */
struct ksmbd_share *ksmbd_share_get(const char *name);
void ksmbd_share_put(struct ksmbd_share *share);
/* Does name (one path component) match one of the share's veto patterns? */
bool ksmbd_share_veto(const struct ksmbd_share *share, const char *name);
/* Forget every cached share (server stop, module unload). */
void ksmbd_share_cache_flush(void);
/* Drop name from the cache: the next ksmbd_share_get() asks the daemon. */
void ksmbd_share_invalidate(const char *name);
/*
 * The daemon said the share changed (KSMBD_TREE_CONN_FLAG_UPDATE): put
 * share, re-fetch it and return the fresh one (NULL if it went away).
 */
struct ksmbd_share *ksmbd_share_update(struct ksmbd_share *share);

struct ksmbd_share_config_response;
/* Build a share from a validated answer (used by share.c, KUnit). */
struct ksmbd_share *
ksmbd_share_from_response(const char *name,
			  const struct ksmbd_share_config_response *r);

/* '*' and '?' glob match (pure; used by ksmbd_share_veto and KUnit). */
bool ksmbd_glob_match(const char *pattern, const char *name);

#endif /* __KSMBD_MGMT_SHARE_H__ */
