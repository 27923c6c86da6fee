// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Share configuration cache.
 *
 * Shares are fetched from the daemon (SHARE_CONFIG event) on first use,
 * cached by lower-cased name and shared by kref; see share.h for the
 * lifetime rules. share_lock (a spinlock: nothing sleeps under it) guards
 * the hash table.
 */
#include <linux/ctype.h>
#include <linux/hashtable.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "../debug.h"
#include "../ipc.h"
#include "share.h"

#define KSMBD_MAX_VETO		256	/* patterns per share */
#define KSMBD_MAX_VETO_LEN	255	/* bytes per pattern */

struct share_entry {
	struct hlist_node node;
	u32 hash;
	struct ksmbd_share *share;	/* the cache's reference */
};

static DEFINE_SPINLOCK(share_lock);
static DEFINE_HASHTABLE(share_table, 6);

static void share_free(struct ksmbd_share *share)
{
	unsigned int i;

	if (share->root.mnt)
		path_put(&share->root);
	for (i = 0; i < share->nr_veto; i++)
		kfree(share->veto[i]);
	kfree(share->veto);
	kfree(share->path);
	kfree(share->name);
	kfree(share);
}

static void share_release(struct kref *kref)
{
	share_free(container_of(kref, struct ksmbd_share, kref));
}

void ksmbd_share_put(struct ksmbd_share *share)
{
	if (share)
		kref_put(&share->kref, share_release);
}

/* Lower-case name into key[KSMBD_REQ_MAX_SHARE_NAME]; false if too long. */
static bool share_key(const char *name, char *key)
{
	size_t i, len = strlen(name);

	if (!len || len >= KSMBD_REQ_MAX_SHARE_NAME)
		return false;
	for (i = 0; i <= len; i++)
		key[i] = tolower(name[i]);
	return true;
}

/*
 * Split a veto list of len bytes into patterns. smb.conf writes it as
 * "/a/b*\/" and a daemon may send it so or NUL-separated: both '/' and NUL
 * separate; empty items are skipped.
 */
static int share_split_veto(struct ksmbd_share *share, const char *list,
			    size_t len)
{
	const char *p = list, *end = list + len;

	while (p < end) {
		const char *q = p;

		while (q < end && *q != '/' && *q)
			q++;
		if (q - p > KSMBD_MAX_VETO_LEN)
			return -EINVAL;
		if (q > p) {
			if (!share->veto) {
				share->veto = kcalloc(KSMBD_MAX_VETO,
						      sizeof(*share->veto),
						      GFP_KERNEL);
				if (!share->veto)
					return -ENOMEM;
			}
			if (share->nr_veto == KSMBD_MAX_VETO)
				return -EINVAL;
			share->veto[share->nr_veto] = kmemdup_nul(p, q - p,
								  GFP_KERNEL);
			if (!share->veto[share->nr_veto])
				return -ENOMEM;
			share->nr_veto++;
		}
		p = q + 1;
	}
	return 0;
}

/*
 * Build a share from an answer checked by ksmbd_ipc_validate() (so
 * payload_sz and veto_list_sz lie inside it). Without a path the share is
 * only usable as the IPC$ pipe share.
 */
struct ksmbd_share *
ksmbd_share_from_response(const char *name,
			  const struct ksmbd_share_config_response *r)
{
	const char *payload = (const char *)r->____payload;
	struct ksmbd_share *share;
	size_t off, plen;

	if (r->flags == KSMBD_SHARE_FLAG_INVALID)
		return NULL;
	share = kzalloc(sizeof(*share), GFP_KERNEL);
	if (!share)
		return NULL;
	kref_init(&share->kref);
	share->name = kstrdup(name, GFP_KERNEL);
	if (!share->name)
		goto fail;
	share->flags = r->flags;
	share->create_mask = r->create_mask;
	share->directory_mask = r->directory_mask;
	share->force_create_mode = r->force_create_mode;
	share->force_directory_mode = r->force_directory_mode;
	share->force_uid = r->force_uid;
	share->force_gid = r->force_gid;
	share->is_pipe = (r->flags & KSMBD_SHARE_FLAG_PIPE) ||
			 !strcasecmp(name, "IPC$");

	if (r->veto_list_sz &&
	    share_split_veto(share, payload, r->veto_list_sz))
		goto fail;
	off = r->veto_list_sz ? r->veto_list_sz + 1 : 0;
	plen = off < r->payload_sz ? strnlen(payload + off, r->payload_sz - off)
				   : 0;
	if (plen) {
		share->path = kmemdup_nul(payload + off, plen, GFP_KERNEL);
		if (!share->path)
			goto fail;
	}
	if (share->is_pipe)
		return share;
	if (!share->path || share->path[0] != '/') {
		pr_warn_ratelimited("share \"%s\" has no absolute path\n", name);
		goto fail;
	}
	if (kern_path(share->path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY,
		      &share->root)) {
		pr_warn_ratelimited("share \"%s\": cannot open %s\n", name,
				    share->path);
		share->root.mnt = NULL;
		goto fail;
	}
	return share;
fail:
	share_free(share);
	return NULL;
}

static struct share_entry *share_find_locked(const char *key, u32 hash)
{
	struct share_entry *e;

	hash_for_each_possible(share_table, e, node, hash)
		if (e->hash == hash && !strcmp(e->share->name, key))
			return e;
	return NULL;
}

struct ksmbd_share *ksmbd_share_get(const char *name)
{
	char key[KSMBD_REQ_MAX_SHARE_NAME];
	struct ksmbd_share_config_response *r;
	struct ksmbd_share *share, *old = NULL;
	struct share_entry *e, *ne;
	u32 hash;

	if (!name || !share_key(name, key))
		return NULL;
	hash = full_name_hash(NULL, key, strlen(key));

	spin_lock(&share_lock);
	e = share_find_locked(key, hash);
	if (e) {
		share = e->share;
		kref_get(&share->kref);
		spin_unlock(&share_lock);
		return share;
	}
	spin_unlock(&share_lock);

	r = ksmbd_ipc_share_config(key);
	if (!r)
		return NULL;
	share = ksmbd_share_from_response(key, r);
	kvfree(r);
	if (!share)
		return NULL;
	ne = kzalloc(sizeof(*ne), GFP_KERNEL);
	if (!ne)
		return share;	/* usable, just not cached */
	ne->hash = hash;
	ne->share = share;
	kref_get(&share->kref);

	spin_lock(&share_lock);
	e = share_find_locked(key, hash);
	if (e) {
		/* someone cached it meanwhile: use theirs */
		old = share;
		share = e->share;
		kref_get(&share->kref);
	} else {
		hash_add(share_table, &ne->node, hash);
		ne = NULL;
	}
	spin_unlock(&share_lock);
	if (old) {
		ksmbd_share_put(old);	/* ne's reference */
		ksmbd_share_put(old);	/* ours */
		kfree(ne);
	}
	ksmbd_debug(IPC, "share \"%s\" flags %#x path %s\n", share->name,
		    share->flags, share->path ?: "(pipe)");
	return share;
}

void ksmbd_share_invalidate(const char *name)
{
	char key[KSMBD_REQ_MAX_SHARE_NAME];
	struct share_entry *e;

	if (!name || !share_key(name, key))
		return;
	spin_lock(&share_lock);
	e = share_find_locked(key, full_name_hash(NULL, key, strlen(key)));
	if (e)
		hash_del(&e->node);
	spin_unlock(&share_lock);
	if (e) {
		ksmbd_share_put(e->share);
		kfree(e);
	}
}

struct ksmbd_share *ksmbd_share_update(struct ksmbd_share *share)
{
	struct ksmbd_share *fresh;

	ksmbd_share_invalidate(share->name);
	fresh = ksmbd_share_get(share->name);
	ksmbd_share_put(share);
	return fresh;
}

void ksmbd_share_cache_flush(void)
{
	struct share_entry *e;
	struct hlist_node *tmp;
	HLIST_HEAD(gone);
	int bkt;

	spin_lock(&share_lock);
	hash_for_each_safe(share_table, bkt, tmp, e, node) {
		hash_del(&e->node);
		hlist_add_head(&e->node, &gone);
	}
	spin_unlock(&share_lock);
	hlist_for_each_entry_safe(e, tmp, &gone, node) {
		ksmbd_share_put(e->share);
		kfree(e);
	}
}

/* Length of the UTF-8 sequence starting with byte c (1 if invalid). */
static unsigned int utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/*
 * Case-insensitive (ASCII) glob: '*' matches any run of characters, '?'
 * exactly one (UTF-8) character. Iterative, with one backtrack point.
 */
bool ksmbd_glob_match(const char *pat, const char *name)
{
	const char *end = name + strlen(name);
	const char *star = NULL, *resume = NULL;

	while (name < end) {
		if (*pat == '*') {
			while (*pat == '*')
				pat++;
			if (!*pat)
				return true;
			star = pat;
			resume = name;
			continue;
		}
		if (*pat == '?') {
			unsigned int n = utf8_len(*name);

			while (n-- && *name)
				name++;
			pat++;
			continue;
		}
		if (*pat && tolower(*pat) == tolower(*name)) {
			pat++;
			name++;
			continue;
		}
		if (!star)
			return false;
		/* let the last '*' swallow one more character */
		resume = min(resume + utf8_len(*resume), end);
		name = resume;
		pat = star;
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

bool ksmbd_share_veto(const struct ksmbd_share *share, const char *name)
{
	unsigned int i;

	for (i = 0; i < share->nr_veto; i++)
		if (ksmbd_glob_match(share->veto[i], name))
			return true;
	return false;
}
