// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handlers.h"
#include "ipc.h"
#include "ksmbd_abi.h"
#include "log.h"
#include "policy.h"
#include "state.h"

#define INVALID_ID16	0xFFFFu	/* force user/group not set */
#define NGROUPS_MAX_SENT	256

/* A fixed-size char field from the kernel as a C string (never overruns). */
static void field_str(char *dst, size_t dsz, const __s8 *src, size_t ssz)
{
	size_t n = strnlen((const char *)src, ssz);

	if (n >= dsz)
		n = dsz - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static bool short_msg(const char *what, size_t len, size_t need)
{
	if (len >= need)
		return false;
	pr_warn("%s: %zu bytes, expected %zu: dropped", what, len, need);
	return true;
}

void handle_heartbeat(const void *data, size_t len)
{
	struct ksmbd_heartbeat hb;

	if (short_msg("heartbeat", len, sizeof(hb)))
		return;
	memcpy(&hb, data, sizeof(hb));
	/* Any message from us tells the kernel we are alive: echo the handle. */
	ipc_send(KSMBD_EVENT_HEARTBEAT_REQUEST, &hb, sizeof(hb));
}

/*
 * LOGIN_REQUEST_EXT: the supplementary groups of the system user an account
 * maps to (only asked after a login answer with KSMBD_USER_FLAG_EXTENSION).
 */
void handle_login_ext(const void *data, size_t len)
{
	struct ksmbd_login_request req;
	struct ksmbd_login_response_ext *resp;
	char account[ACCOUNT_NAME_MAX];
	gid_t groups[NGROUPS_MAX_SENT];
	int n = NGROUPS_MAX_SENT, i;
	uint32_t uid, gid;
	size_t sz;

	if (short_msg("login ext", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	field_str(account, sizeof(account), req.account, sizeof(req.account));
	if (!system_user(account, &uid, &gid) ||
	    getgrouplist(account, gid, groups, &n) < 0)
		n = 0;
	sz = sizeof(*resp) + (size_t)n * sizeof(uint32_t);
	resp = calloc(1, sz);
	if (!resp)
		return;
	resp->handle = req.handle;
	resp->ngroups = n;
	for (i = 0; i < n; i++) {
		uint32_t g = groups[i];

		memcpy(resp->____payload + i * sizeof(g), &g, sizeof(g));
	}
	pr_debug("login ext `%s': %d groups", account, n);
	ipc_send(KSMBD_EVENT_LOGIN_RESPONSE_EXT, resp, sz);
	free(resp);
}

void handle_login(const void *data, size_t len)
{
	struct ksmbd_login_request req;
	struct ksmbd_login_response resp;
	struct login_result r;
	char account[ACCOUNT_NAME_MAX];
	uint32_t uid, gid;

	if (short_msg("login", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	field_str(account, sizeof(account), req.account, sizeof(req.account));

	pthread_rwlock_rdlock(&state.lock);
	policy_login(state.cfg, state.db, account, &r);
	pthread_rwlock_unlock(&state.lock);

	memset(&resp, 0, sizeof(resp));
	resp.handle = req.handle;
	resp.status = r.status;
	/* our kernel then asks for the groups; older kernels ignore the bit */
	if ((r.status & KSMBD_USER_FLAG_OK) && system_user(account, &uid, &gid))
		resp.status |= KSMBD_USER_FLAG_EXTENSION;
	resp.uid = r.uid;
	resp.gid = r.gid;
	memcpy(resp.account, r.account, sizeof(resp.account));
	resp.hash_sz = r.hash_sz;
	memcpy(resp.hash, r.hash, r.hash_sz);
	memset(&r, 0, sizeof(r));
	pr_debug("login `%s': status 0x%x uid %u gid %u", account, resp.status,
		 resp.uid, resp.gid);
	ipc_send(KSMBD_EVENT_LOGIN_RESPONSE, &resp, sizeof(resp));
	memset(&resp, 0, sizeof(resp));
}

static uint16_t id16(const char *what, const char *name, bool group)
{
	uint32_t uid, gid;

	if (!name || !*name)
		return INVALID_ID16;
	if (group) {
		struct group gr, *res = NULL;
		char buf[16384];

		if (!getgrnam_r(name, &gr, buf, sizeof(buf), &res) && res &&
		    res->gr_gid < INVALID_ID16)
			return (uint16_t)res->gr_gid;
	} else if (system_user(name, &uid, &gid) && uid < INVALID_ID16) {
		return (uint16_t)uid;
	}
	pr_warn("%s `%s' is unknown or above 65534, ignored", what, name);
	return INVALID_ID16;
}

static uint32_t share_flags(const struct share *s)
{
	uint32_t f = KSMBD_SHARE_FLAG_AVAILABLE;

	if (s->is_ipc)
		return f | KSMBD_SHARE_FLAG_PIPE;
	if (s->browseable)
		f |= KSMBD_SHARE_FLAG_BROWSEABLE;
	f |= s->writeable ? KSMBD_SHARE_FLAG_WRITEABLE : KSMBD_SHARE_FLAG_READONLY;
	if (s->guest_ok)
		f |= KSMBD_SHARE_FLAG_GUEST_OK;
	if (s->guest_only)
		f |= KSMBD_SHARE_FLAG_GUEST_ONLY;
	if (s->store_dos_attrs)
		f |= KSMBD_SHARE_FLAG_STORE_DOS_ATTRS;
	if (s->oplocks)
		f |= KSMBD_SHARE_FLAG_OPLOCKS;
	if (s->hide_dot_files)
		f |= KSMBD_SHARE_FLAG_HIDE_DOT_FILES;
	if (s->inherit_owner)
		f |= KSMBD_SHARE_FLAG_INHERIT_OWNER;
	if (s->streams)
		f |= KSMBD_SHARE_FLAG_STREAMS;
	if (s->follow_symlinks)
		f |= KSMBD_SHARE_FLAG_FOLLOW_SYMLINKS;
	if (s->acl_xattr)
		f |= KSMBD_SHARE_FLAG_ACL_XATTR;
	if (s->crossmnt)
		f |= KSMBD_SHARE_FLAG_CROSSMNT;
	return f;
}

size_t build_share_config(const struct ksmbd_config *cfg, unsigned int handle,
			  const char *name, void **out)
{
	const struct share *s = config_share(cfg, name);
	struct ksmbd_share_config_response *resp;
	const char *root = cfg->g.root_dir ? cfg->g.root_dir : "";
	size_t veto = 0, pathlen = 0, payload, o;
	char *p;

	if (s && s->available && (s->is_ipc || (s->path && *s->path))) {
		const char *v = s->veto_files ? s->veto_files : "";

		/* "/a/b/" -> "a\0b": veto_list_sz counts up to the last name */
		while (*v) {
			size_t n = strcspn(v, "/");

			if (n)
				veto += n + 1;
			v += n + (v[n] ? 1 : 0);
		}
		if (veto)
			veto--;
		pathlen = s->is_ipc ? 0 : strlen(root) + strlen(s->path);
	} else {
		s = NULL;
	}
	payload = (veto ? veto + 1 : 0) + pathlen + 1;
	resp = calloc(1, sizeof(*resp) + payload);
	if (!resp)
		return 0;
	resp->handle = handle;
	snprintf((char *)resp->share_name, sizeof(resp->share_name), "%s", name);
	resp->payload_sz = (uint32_t)payload;
	if (s) {
		resp->flags = share_flags(s);
		resp->create_mask = (uint16_t)s->create_mask;
		resp->directory_mask = (uint16_t)s->directory_mask;
		resp->force_create_mode = (uint16_t)s->force_create_mode;
		resp->force_directory_mode = (uint16_t)s->force_directory_mode;
		resp->force_uid = id16("force user", s->force_user, false);
		resp->force_gid = id16("force group", s->force_group, true);
		resp->veto_list_sz = (uint32_t)veto;
		p = (char *)resp->____payload;
		o = 0;
		if (veto) {
			const char *v = s->veto_files;

			while (*v) {
				size_t n = strcspn(v, "/");

				if (n) {
					memcpy(p + o, v, n);
					o += n + 1;	/* NUL from calloc */
				}
				v += n + (v[n] ? 1 : 0);
			}
		}
		if (!s->is_ipc)
			snprintf(p + o, pathlen + 1, "%s%s", root, s->path);
	} else {
		resp->flags = KSMBD_SHARE_FLAG_INVALID;
		resp->force_uid = INVALID_ID16;
		resp->force_gid = INVALID_ID16;
	}
	*out = resp;
	return sizeof(*resp) + payload;
}

void handle_share_config(const void *data, size_t len)
{
	struct ksmbd_share_config_request req;
	char name[SHARE_NAME_MAX];
	void *resp = NULL;
	size_t sz;

	if (short_msg("share config", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	field_str(name, sizeof(name), req.share_name, sizeof(req.share_name));
	pthread_rwlock_rdlock(&state.lock);
	sz = build_share_config(state.cfg, req.handle, name, &resp);
	pthread_rwlock_unlock(&state.lock);
	state_share_take_stale(name);	/* the kernel now has a fresh copy */
	if (!sz)
		return;
	pr_debug("share config `%s': flags 0x%x, payload %u, veto %u", name,
		 ((struct ksmbd_share_config_response *)resp)->flags,
		 ((struct ksmbd_share_config_response *)resp)->payload_sz,
		 ((struct ksmbd_share_config_response *)resp)->veto_list_sz);
	ipc_send(KSMBD_EVENT_SHARE_CONFIG_RESPONSE, resp, sz);
	free(resp);
}

void handle_tree_connect(const void *data, size_t len)
{
	struct ksmbd_tree_connect_request req;
	struct ksmbd_tree_connect_response resp;
	char account[ACCOUNT_NAME_MAX], share[SHARE_NAME_MAX], peer[64];
	struct tc_result r;

	if (short_msg("tree connect", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	field_str(account, sizeof(account), req.account, sizeof(req.account));
	field_str(share, sizeof(share), req.share, sizeof(req.share));
	field_str(peer, sizeof(peer), req.peer_addr, sizeof(req.peer_addr));

	pthread_rwlock_rdlock(&state.lock);
	policy_tree_connect(state.cfg, state.db, account, req.account_flags,
			    share, peer, state_share_uses(share), &r);
	pthread_rwlock_unlock(&state.lock);
	if (r.status == KSMBD_TREE_CONN_STATUS_OK)
		state_tree_add(req.session_id, req.connect_id, share);
	if (state_share_take_stale(share))
		r.flags |= KSMBD_TREE_CONN_FLAG_UPDATE;

	memset(&resp, 0, sizeof(resp));
	resp.handle = req.handle;
	resp.status = r.status;
	resp.connection_flags = r.flags;
	pr_debug("tree connect `%s' by `%s' from %s (account flags 0x%x, flags 0x%x, session %llu, id %llu): status %u, flags 0x%x",
		 share, account, peer, req.account_flags, req.flags,
		 (unsigned long long)req.session_id,
		 (unsigned long long)req.connect_id, r.status, r.flags);
	ipc_send(KSMBD_EVENT_TREE_CONNECT_RESPONSE, &resp, sizeof(resp));
}

void handle_tree_disconnect(const void *data, size_t len)
{
	struct ksmbd_tree_disconnect_request req;

	if (short_msg("tree disconnect", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	pr_debug("tree disconnect: session %llu, id %llu",
		 (unsigned long long)req.session_id,
		 (unsigned long long)req.connect_id);
	state_tree_del(req.session_id, req.connect_id);
}

void handle_logout(const void *data, size_t len)
{
	struct ksmbd_logout_request req;
	char account[ACCOUNT_NAME_MAX];

	if (short_msg("logout", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	field_str(account, sizeof(account), req.account, sizeof(req.account));
	pr_debug("logout `%s' (flags 0x%x)", account, req.account_flags);
}

void handle_spnego(const void *data, size_t len)
{
	struct ksmbd_spnego_authen_request req;
	struct ksmbd_spnego_authen_response resp;

	if (short_msg("spnego", len, sizeof(req)))
		return;
	memcpy(&req, data, sizeof(req));
	if (req.spnego_blob_len > len - sizeof(req))
		pr_warn("spnego: blob of %u bytes in %zu: malformed",
			req.spnego_blob_len, len);
	/* Kerberos is not available: answer with a failed login. */
	memset(&resp, 0, sizeof(resp));
	resp.handle = req.handle;
	resp.login_response.handle = req.handle;
	resp.login_response.status = KSMBD_USER_FLAG_INVALID;
	pr_debug("spnego: %u bytes, Kerberos not available", req.spnego_blob_len);
	ipc_send(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE, &resp, sizeof(resp));
}
