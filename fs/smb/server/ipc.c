// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Generic netlink IPC with the userspace daemon (ksmbd.mountd).
 *
 * The daemon registers itself by sending KSMBD_EVENT_STARTING_UP: its
 * netlink port is remembered, and messages from any other port are then
 * refused (every operation also needs CAP_NET_ADMIN). Kernel requests
 * are unicast to that port and wait, bounded by ksmbd_cfg.ipc_timeout_sec,
 * for the answer event (request + 1) carrying the same handle.
 *
 * The daemon goes away when it sends KSMBD_EVENT_SHUTTING_DOWN, when its
 * netlink socket is released (the process exited or was killed), or when a
 * heartbeat cannot be delivered. In all three cases the registration is
 * forgotten, every waiting request fails at once with -ENOTCONN, and the
 * server is stopped (connections closed): this is what an admin who stops
 * or restarts ksmbd.mountd expects, and it lets a new daemon start the
 * server again. A daemon that answers heartbeats and then stops answering
 * (hung, stopped) is marked not alive: requests fail fast and
 * ksmbd_ipc_daemon_alive() turns false so new connections can be refused;
 * existing connections keep running, and it becomes alive again if it
 * answers. A daemon that never answers heartbeats (older ksmbd-tools) is
 * judged by delivery alone.
 *
 * Locking: ipc_lock (spinlock) guards the daemon registration and the list
 * of waiting requests. A waiter is completed by whoever removes it from
 * the list (the answer, the daemon's departure, or its own timeout).
 */
#include <linux/idr.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>

#include "debug.h"
#include "ipc.h"
#include "server.h"
#include "mgmt/share.h"

/* The ABI: sizes as laid out by the daemons built against it. */
static_assert(sizeof(struct ksmbd_heartbeat) == 4);
static_assert(sizeof(struct ksmbd_startup_request) == 744);
static_assert(sizeof(struct ksmbd_shutdown_request) == 64);
static_assert(sizeof(struct ksmbd_login_request) == 116);
static_assert(sizeof(struct ksmbd_login_response) == 148);
static_assert(sizeof(struct ksmbd_login_response_ext) == 136);
static_assert(sizeof(struct ksmbd_share_config_request) == 132);
static_assert(sizeof(struct ksmbd_share_config_response) == 536);
static_assert(sizeof(struct ksmbd_tree_connect_request) == 264);
static_assert(sizeof(struct ksmbd_tree_connect_response) == 72);
static_assert(sizeof(struct ksmbd_tree_disconnect_request) == 80);
static_assert(sizeof(struct ksmbd_logout_request) == 116);
static_assert(sizeof(struct ksmbd_rpc_command) == 12);
static_assert(offsetof(struct ksmbd_spnego_authen_request, spnego_blob) == 6);
static_assert(sizeof(struct ksmbd_spnego_authen_response) == 156);

/* An attribute's length is a u16 including its header. */
#define KSMBD_IPC_MAX_PAYLOAD	(U16_MAX - NLA_HDRLEN)
#define KSMBD_MAX_GROUPS	65536	/* NGROUPS_MAX */

struct ipc_wait {
	struct list_head list;		/* on ipc_waits while waiting */
	u32 handle;
	unsigned int event;		/* the answer event we wait for */
	void *resp;			/* validated copy of the answer */
	int err;
	struct completion done;
};

static DEFINE_SPINLOCK(ipc_lock);
static LIST_HEAD(ipc_waits);
static u32 daemon_portid;		/* 0: no daemon registered */
static bool daemon_answers;		/* it answered a heartbeat */
static bool daemon_alive;
static unsigned long last_answer;	/* jiffies of the last heartbeat answer */
static DEFINE_IDA(ipc_ida);		/* pipe (RPC) handles */
static atomic_t ipc_seq = ATOMIC_INIT(0);	/* one-shot request handles */

static atomic_t stat_requests = ATOMIC_INIT(0);
static atomic_t stat_timeouts = ATOMIC_INIT(0);
static atomic_t stat_rejected = ATOMIC_INIT(0);

static void ipc_stop_fn(struct work_struct *work);
static void ipc_heartbeat_fn(struct work_struct *work);
static DECLARE_WORK(ipc_stop_work, ipc_stop_fn);
static DECLARE_DELAYED_WORK(ipc_heartbeat_work, ipc_heartbeat_fn);
static bool ipc_exiting;

static struct genl_family ksmbd_genl_family;

static unsigned long ipc_timeout(void)
{
	unsigned int s = READ_ONCE(ksmbd_cfg.ipc_timeout_sec);

	return (s ?: KSMBD_DEFAULT_IPC_TIMEOUT) * HZ;
}

bool ksmbd_ipc_daemon_alive(void)
{
	return READ_ONCE(daemon_portid) && READ_ONCE(daemon_alive);
}

static bool size_ok(size_t len, size_t fixed, size_t tail)
{
	size_t need;

	return !check_add_overflow(fixed, tail, &need) && need <= len;
}

/*
 * Check an answer of len bytes (the attribute's length). Variable tails
 * must lie inside len. Share config answers: ksmbd-tools 3.4.x leaves
 * payload_sz at 0, so a zero payload_sz is taken to mean "the rest of the
 * attribute" and rewritten in place; nothing past len is ever read.
 */
int ksmbd_ipc_validate(unsigned int event, void *data, size_t len)
{
	switch (event) {
	case KSMBD_EVENT_HEARTBEAT_REQUEST:
		return len >= sizeof(struct ksmbd_heartbeat) ? 0 : -EINVAL;
	case KSMBD_EVENT_LOGIN_RESPONSE: {
		struct ksmbd_login_response *r = data;

		if (len < sizeof(*r) || r->hash_sz > sizeof(r->hash))
			return -EINVAL;
		return 0;
	}
	case KSMBD_EVENT_LOGIN_RESPONSE_EXT: {
		struct ksmbd_login_response_ext *r = data;

		if (len < sizeof(*r) || r->ngroups < 0 ||
		    r->ngroups > KSMBD_MAX_GROUPS)
			return -EINVAL;
		return size_ok(len, sizeof(*r),
			       (size_t)r->ngroups * sizeof(__u32)) ? 0 : -EINVAL;
	}
	case KSMBD_EVENT_SHARE_CONFIG_RESPONSE: {
		struct ksmbd_share_config_response *r = data;
		size_t room;

		if (len < sizeof(*r))
			return -EINVAL;
		room = len - sizeof(*r);
		if (!r->payload_sz)
			r->payload_sz = room;
		if (r->payload_sz > room || r->veto_list_sz > r->payload_sz)
			return -EINVAL;
		/* a veto list is followed by a NUL before the path */
		if (r->veto_list_sz && r->veto_list_sz == r->payload_sz)
			return -EINVAL;
		return 0;
	}
	case KSMBD_EVENT_TREE_CONNECT_RESPONSE:
		return len >= sizeof(struct ksmbd_tree_connect_response) ?
			0 : -EINVAL;
	case KSMBD_EVENT_RPC_RESPONSE: {
		struct ksmbd_rpc_command *r = data;

		if (len < sizeof(*r))
			return -EINVAL;
		return size_ok(len, sizeof(*r), r->payload_sz) ? 0 : -EINVAL;
	}
	case KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE: {
		struct ksmbd_spnego_authen_response *r = data;

		if (len < sizeof(*r) ||
		    r->login_response.hash_sz > sizeof(r->login_response.hash))
			return -EINVAL;
		return size_ok(len, sizeof(*r), (size_t)r->session_key_len +
			       r->spnego_blob_len) ? 0 : -EINVAL;
	}
	}
	return -EINVAL;
}

/*
 * With the IPC debug class on, dump a message to or from the daemon (at
 * most 1 KiB of it; never the password hash of a login answer).
 */
static void ipc_dump(const char *dir, unsigned int event, const void *data,
		     size_t len)
{
	size_t n = min_t(size_t, len, 1024);

	if (likely(!(READ_ONCE(ksmbd_debug_mask) & KSMBD_DEBUG_IPC)))
		return;
	if (event == KSMBD_EVENT_LOGIN_RESPONSE ||
	    event == KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE)
		n = min_t(size_t, n, offsetof(struct ksmbd_login_response, hash));
	pr_info("%s event %u, %zu bytes%s\n", dir, event, len,
		n < len ? " (start)" : "");
	print_hex_dump(KERN_INFO, "ksmbd:   ", DUMP_PREFIX_OFFSET, 16, 1, data,
		       n, false);
}

/* Unicast one event carrying one attribute to the registered daemon. */
static int ipc_send(unsigned int event, const void *data, size_t len)
{
	struct sk_buff *skb;
	void *hdr;
	u32 portid;
	int rc;

	if (len > KSMBD_IPC_MAX_PAYLOAD)
		return -EMSGSIZE;
	portid = READ_ONCE(daemon_portid);
	if (!portid)
		return -ENOTCONN;

	skb = genlmsg_new(nla_total_size(len), GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	hdr = genlmsg_put(skb, 0, 0, &ksmbd_genl_family, 0, event);
	if (!hdr) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	rc = nla_put(skb, event, len, data);
	if (rc) {
		nlmsg_free(skb);
		return rc;
	}
	genlmsg_end(skb, hdr);
	ipc_dump("to daemon:", event, data, len);
	rc = genlmsg_unicast(&init_net, skb, portid);
	ksmbd_debug(IPC, "sent event %u (%zu bytes) to port %u: %d\n", event,
		    len, portid, rc);
	return rc;
}

/* Fail every waiting request; called with ipc_lock held. */
static void fail_waiters_locked(int err)
{
	struct ipc_wait *w, *tmp;

	list_for_each_entry_safe(w, tmp, &ipc_waits, list) {
		list_del_init(&w->list);
		w->err = err;
		complete(&w->done);
	}
}

/* Forget the daemon at portid (0: whichever); stop the server if asked. */
static void daemon_gone(u32 portid, const char *why, bool stop)
{
	bool was;

	spin_lock(&ipc_lock);
	was = daemon_portid && (!portid || portid == daemon_portid);
	if (was) {
		portid = daemon_portid;
		WRITE_ONCE(daemon_portid, 0);
		WRITE_ONCE(daemon_alive, false);
		daemon_answers = false;
		fail_waiters_locked(-ENOTCONN);
	}
	spin_unlock(&ipc_lock);
	if (!was)
		return;
	pr_info("daemon (port %u) gone: %s\n", portid, why);
	if (stop && !READ_ONCE(ipc_exiting))
		queue_work(system_long_wq, &ipc_stop_work);
}

static void ipc_stop_fn(struct work_struct *work)
{
	ksmbd_server_stop("daemon gone");
}

/*
 * Send a request whose first field is its handle and wait for the answer
 * event. Returns the validated answer (kvfree() it) or an ERR_PTR.
 */
static void *ipc_call(unsigned int event, void *req, size_t len, u32 handle)
{
	struct ipc_wait w = { .handle = handle, .event = event + 1 };
	unsigned long left;
	int rc;

	if (!ksmbd_ipc_daemon_alive())
		return ERR_PTR(-ENOTCONN);
	init_completion(&w.done);
	memcpy(req, &handle, sizeof(handle));

	spin_lock(&ipc_lock);
	list_add_tail(&w.list, &ipc_waits);
	spin_unlock(&ipc_lock);
	atomic_inc(&stat_requests);

	rc = ipc_send(event, req, len);
	if (!rc)
		left = wait_for_completion_timeout(&w.done, ipc_timeout());
	else
		left = 0;

	spin_lock(&ipc_lock);
	if (!list_empty(&w.list)) {
		/* nobody answered: we remove ourselves */
		list_del_init(&w.list);
		spin_unlock(&ipc_lock);
		if (!rc) {
			atomic_inc(&stat_timeouts);
			pr_warn_ratelimited("daemon did not answer event %u in time\n",
					    event);
			rc = -ETIMEDOUT;
		}
		if (rc == -ECONNREFUSED)
			daemon_gone(0, "its socket is closed", true);
		return ERR_PTR(rc);
	}
	spin_unlock(&ipc_lock);
	/* an answer or a failure claimed us: it completes us right away */
	if (!left)
		wait_for_completion(&w.done);
	if (w.err) {
		kvfree(w.resp);
		return ERR_PTR(w.err);
	}
	return w.resp;
}

/*
 * A one-shot request gets a handle from a counter, not from an allocator
 * that would reuse it at once: a late answer to a request that timed out
 * must not be taken for the answer to a newer request of the same kind.
 * (Pipe handles come from ipc_ida and live until the pipe is closed;
 * answers are matched on (handle, event), so the two spaces never mix.)
 */
static void *ipc_call_once(unsigned int event, void *req, size_t len)
{
	u32 handle;

	do {
		handle = (u32)atomic_inc_return(&ipc_seq);
	} while (!handle);
	return ipc_call(event, req, len, handle);
}

static bool copy_name(__s8 *dst, size_t size, const char *src)
{
	if (!src || strscpy((char *)dst, src, size) < 0)
		return false;
	return true;
}

struct ksmbd_login_response *ksmbd_ipc_login(const char *account)
{
	struct ksmbd_login_request req = {};
	void *r;

	if (!copy_name(req.account, sizeof(req.account), account))
		return NULL;
	r = ipc_call_once(KSMBD_EVENT_LOGIN_REQUEST, &req, sizeof(req));
	return IS_ERR(r) ? NULL : r;
}

struct ksmbd_login_response_ext *ksmbd_ipc_login_ext(const char *account)
{
	struct ksmbd_login_request req = {};
	void *r;

	if (!copy_name(req.account, sizeof(req.account), account))
		return NULL;
	r = ipc_call_once(KSMBD_EVENT_LOGIN_REQUEST_EXT, &req, sizeof(req));
	return IS_ERR(r) ? NULL : r;
}

struct ksmbd_share_config_response *ksmbd_ipc_share_config(const char *name)
{
	struct ksmbd_share_config_request req = {};
	void *r;

	if (!copy_name(req.share_name, sizeof(req.share_name), name))
		return NULL;
	r = ipc_call_once(KSMBD_EVENT_SHARE_CONFIG_REQUEST, &req, sizeof(req));
	return IS_ERR(r) ? NULL : r;
}

struct ksmbd_tree_connect_response *
ksmbd_ipc_tree_connect(u64 sess_id, u64 tree_id, const char *account,
		       u16 account_flags, const char *share,
		       const struct sockaddr *peer)
{
	struct ksmbd_tree_connect_request *req;
	void *r;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return NULL;
	req->account_flags = account_flags;
	req->flags = KSMBD_TREE_CONN_FLAG_REQUEST_SMB2;
	req->session_id = sess_id;
	req->connect_id = tree_id;
	if (!copy_name(req->account, sizeof(req->account), account ?: "") ||
	    !copy_name(req->share, sizeof(req->share), share)) {
		kfree(req);
		return NULL;
	}
	if (peer && peer->sa_family == AF_INET6)
		req->flags |= KSMBD_TREE_CONN_FLAG_REQUEST_IPV6;
	if (peer && (peer->sa_family == AF_INET || peer->sa_family == AF_INET6))
		snprintf((char *)req->peer_addr, sizeof(req->peer_addr),
			 "%pISc", peer);
	r = ipc_call_once(KSMBD_EVENT_TREE_CONNECT_REQUEST, req, sizeof(*req));
	kfree(req);
	if (IS_ERR(r))
		return NULL;
	/* the daemon's config of this share changed: fetch it anew next time */
	if (((struct ksmbd_tree_connect_response *)r)->connection_flags &
	    KSMBD_TREE_CONN_FLAG_UPDATE)
		ksmbd_share_invalidate(share);
	return r;
}

int ksmbd_ipc_tree_disconnect(u64 sess_id, u64 tree_id)
{
	struct ksmbd_tree_disconnect_request req = {
		.session_id = sess_id,
		.connect_id = tree_id,
	};

	return ipc_send(KSMBD_EVENT_TREE_DISCONNECT_REQUEST, &req,
			sizeof(req));
}

int ksmbd_ipc_logout(const char *account, u32 account_flags)
{
	struct ksmbd_logout_request req = { .account_flags = account_flags };

	if (!copy_name(req.account, sizeof(req.account), account))
		return -EINVAL;
	return ipc_send(KSMBD_EVENT_LOGOUT_REQUEST, &req, sizeof(req));
}

int ksmbd_ipc_rpc_handle_new(void)
{
	return ida_alloc_min(&ipc_ida, 1, GFP_KERNEL);
}

void ksmbd_ipc_rpc_handle_free(int handle)
{
	if (handle > 0)
		ida_free(&ipc_ida, handle);
}

struct ksmbd_rpc_command *ksmbd_ipc_rpc(int handle, u32 method,
					const void *payload, size_t len)
{
	struct ksmbd_rpc_command *req;
	size_t size;
	void *r;

	if (handle <= 0 || len > KSMBD_IPC_MAX_PAYLOAD)
		return NULL;
	size = struct_size(req, payload, len);
	req = kvzalloc(size, GFP_KERNEL);
	if (!req)
		return NULL;
	req->flags = method;
	req->payload_sz = len;
	if (len)
		memcpy(req->payload, payload, len);
	r = ipc_call(KSMBD_EVENT_RPC_REQUEST, req, size, handle);
	kvfree(req);
	return IS_ERR(r) ? NULL : r;
}

struct ksmbd_spnego_authen_response *
ksmbd_ipc_spnego_authen(const void *blob, size_t len)
{
	struct ksmbd_spnego_authen_request *req;
	size_t size;
	void *r;

	if (len > U16_MAX)
		return NULL;
	size = struct_size(req, spnego_blob, len);
	req = kvzalloc(size, GFP_KERNEL);
	if (!req)
		return NULL;
	req->spnego_blob_len = len;
	memcpy(req->spnego_blob, blob, len);
	r = ipc_call_once(KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST, req, size);
	kvfree(req);
	return IS_ERR(r) ? NULL : r;
}

/* Heartbeat: probe delivery, and answers once the daemon has answered. */
static void ipc_heartbeat_fn(struct work_struct *work)
{
	struct ksmbd_heartbeat hb = {};
	unsigned long period = ipc_timeout();
	int rc;

	if (!READ_ONCE(daemon_portid))
		return;
	spin_lock(&ipc_lock);
	if (daemon_answers && daemon_alive &&
	    time_after(jiffies, last_answer + 2 * period)) {
		WRITE_ONCE(daemon_alive, false);
		fail_waiters_locked(-ETIMEDOUT);
		pr_warn("daemon stopped answering heartbeats; refusing new work\n");
	}
	spin_unlock(&ipc_lock);

	rc = ipc_send(KSMBD_EVENT_HEARTBEAT_REQUEST, &hb, sizeof(hb));
	if (rc == -ECONNREFUSED) {
		daemon_gone(0, "heartbeat undeliverable", true);
		return;
	}
	queue_delayed_work(system_long_wq, &ipc_heartbeat_work, period);
}

static bool from_daemon(struct genl_info *info)
{
	if (info->snd_portid && info->snd_portid == READ_ONCE(daemon_portid))
		return true;
	atomic_inc(&stat_rejected);
	pr_warn_ratelimited("event %u from unregistered port %u refused\n",
			    info->genlhdr->cmd, info->snd_portid);
	return false;
}

static const void *event_attr(struct genl_info *info, size_t *len)
{
	struct nlattr *a = info->attrs[info->genlhdr->cmd];

	if (!a)
		return NULL;
	*len = nla_len(a);
	return nla_data(a);
}

static int ipc_start(struct sk_buff *skb, struct genl_info *info)
{
	const void *data;
	size_t len;
	bool registered = false;
	int rc;

	data = event_attr(info, &len);
	if (!data)
		return -EINVAL;
	/* a stop triggered by the previous daemon finishes first */
	flush_work(&ipc_stop_work);

	spin_lock(&ipc_lock);
	if (daemon_portid && daemon_portid != info->snd_portid) {
		spin_unlock(&ipc_lock);
		atomic_inc(&stat_rejected);
		pr_warn("startup from port %u refused: daemon %u registered\n",
			info->snd_portid, daemon_portid);
		return -EBUSY;
	}
	if (!daemon_portid) {
		WRITE_ONCE(daemon_portid, info->snd_portid);
		registered = true;
	}
	WRITE_ONCE(daemon_alive, true);
	daemon_answers = false;
	spin_unlock(&ipc_lock);

	ksmbd_debug(IPC, "startup request from port %u, %zu bytes\n",
		    info->snd_portid, len);
	ipc_dump("from daemon:", info->genlhdr->cmd, data, len);
	rc = ksmbd_server_start(data, len);
	if (rc && registered) {
		daemon_gone(info->snd_portid, "startup failed", false);
	} else if (!rc) {
		mod_delayed_work(system_long_wq, &ipc_heartbeat_work,
				 ipc_timeout());
	}
	return rc;
}

static int ipc_shutdown(struct sk_buff *skb, struct genl_info *info)
{
	if (!from_daemon(info))
		return -EPERM;
	daemon_gone(info->snd_portid, "shutdown requested", true);
	return 0;
}

/* An answer: hand a validated copy to the request waiting for it. */
static int ipc_answer(struct sk_buff *skb, struct genl_info *info)
{
	unsigned int event = info->genlhdr->cmd;
	struct ipc_wait *w, *found = NULL;
	const void *data;
	size_t len;
	u32 handle;
	void *copy;

	if (!from_daemon(info))
		return -EPERM;
	data = event_attr(info, &len);
	if (!data || len < sizeof(handle))
		return -EINVAL;
	memcpy(&handle, data, sizeof(handle));
	ksmbd_debug(IPC, "answer event %u handle %u, %zu bytes\n", event,
		    handle, len);
	ipc_dump("from daemon:", event, data, len);

	if (event == KSMBD_EVENT_HEARTBEAT_REQUEST) {
		spin_lock(&ipc_lock);
		daemon_answers = true;
		last_answer = jiffies;
		if (!daemon_alive)
			pr_info("daemon answers again\n");
		WRITE_ONCE(daemon_alive, true);
		spin_unlock(&ipc_lock);
		return 0;
	}

	spin_lock(&ipc_lock);
	list_for_each_entry(w, &ipc_waits, list) {
		if (w->handle == handle && w->event == event) {
			list_del_init(&w->list);
			found = w;
			break;
		}
	}
	spin_unlock(&ipc_lock);
	if (!found) {
		ksmbd_debug(IPC, "nobody waits for event %u handle %u\n",
			    event, handle);
		return 0;
	}

	copy = kvmalloc(len, GFP_KERNEL);
	if (!copy) {
		found->err = -ENOMEM;
	} else {
		memcpy(copy, data, len);
		found->err = ksmbd_ipc_validate(event, copy, len);
		if (found->err)
			pr_warn_ratelimited("malformed answer to event %u refused\n",
					    event - 1);
		found->resp = copy;
	}
	complete(&found->done);
	return 0;
}

static int ipc_refuse(struct sk_buff *skb, struct genl_info *info)
{
	atomic_inc(&stat_rejected);
	return -EOPNOTSUPP;
}

#define ANSWER(ev, type) \
	[ev] = NLA_POLICY_MIN_LEN(sizeof(type))

static const struct nla_policy ksmbd_nl_policy[KSMBD_EVENT_MAX + 1] = {
	ANSWER(KSMBD_EVENT_HEARTBEAT_REQUEST, struct ksmbd_heartbeat),
	ANSWER(KSMBD_EVENT_STARTING_UP, struct ksmbd_startup_request),
	[KSMBD_EVENT_SHUTTING_DOWN] = { .type = NLA_BINARY },
	ANSWER(KSMBD_EVENT_LOGIN_RESPONSE, struct ksmbd_login_response),
	ANSWER(KSMBD_EVENT_SHARE_CONFIG_RESPONSE,
	       struct ksmbd_share_config_response),
	ANSWER(KSMBD_EVENT_TREE_CONNECT_RESPONSE,
	       struct ksmbd_tree_connect_response),
	ANSWER(KSMBD_EVENT_RPC_RESPONSE, struct ksmbd_rpc_command),
	ANSWER(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE,
	       struct ksmbd_spnego_authen_response),
	ANSWER(KSMBD_EVENT_LOGIN_RESPONSE_EXT,
	       struct ksmbd_login_response_ext),
	/* kernel-to-daemon events: never accepted from userspace */
	[KSMBD_EVENT_LOGIN_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_SHARE_CONFIG_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_TREE_CONNECT_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_TREE_DISCONNECT_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_LOGOUT_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_RPC_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST] = { .type = NLA_REJECT },
	[KSMBD_EVENT_LOGIN_REQUEST_EXT] = { .type = NLA_REJECT },
};

#define OP(ev, fn) {				\
	.cmd = (ev),				\
	.doit = (fn),				\
	.flags = GENL_ADMIN_PERM,		\
}

static const struct genl_ops ksmbd_genl_ops[] = {
	OP(KSMBD_EVENT_UNSPEC, ipc_refuse),
	OP(KSMBD_EVENT_HEARTBEAT_REQUEST, ipc_answer),
	OP(KSMBD_EVENT_STARTING_UP, ipc_start),
	OP(KSMBD_EVENT_SHUTTING_DOWN, ipc_shutdown),
	OP(KSMBD_EVENT_LOGIN_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_LOGIN_RESPONSE, ipc_answer),
	OP(KSMBD_EVENT_SHARE_CONFIG_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_SHARE_CONFIG_RESPONSE, ipc_answer),
	OP(KSMBD_EVENT_TREE_CONNECT_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_TREE_CONNECT_RESPONSE, ipc_answer),
	OP(KSMBD_EVENT_TREE_DISCONNECT_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_LOGOUT_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_RPC_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_RPC_RESPONSE, ipc_answer),
	OP(KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST, ipc_refuse),
	OP(KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE, ipc_answer),
	OP(KSMBD_EVENT_LOGIN_REQUEST_EXT, ipc_refuse),
	OP(KSMBD_EVENT_LOGIN_RESPONSE_EXT, ipc_answer),
};

static struct genl_family ksmbd_genl_family __ro_after_init = {
	.name		= KSMBD_GENL_NAME,
	.version	= KSMBD_GENL_VERSION,
	.maxattr	= KSMBD_EVENT_MAX,
	.policy		= ksmbd_nl_policy,
	.netnsok	= false,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= ksmbd_genl_ops,
	.n_ops		= ARRAY_SIZE(ksmbd_genl_ops),
};

static int ipc_netlink_event(struct notifier_block *nb, unsigned long ev,
			     void *ptr)
{
	struct netlink_notify *n = ptr;

	if (ev == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC &&
	    net_eq(n->net, &init_net) && n->portid &&
	    n->portid == READ_ONCE(daemon_portid))
		daemon_gone(n->portid, "its netlink socket closed", true);
	return NOTIFY_DONE;
}

static struct notifier_block ipc_notifier = {
	.notifier_call = ipc_netlink_event,
};

void ksmbd_ipc_stats(unsigned int *requests, unsigned int *timeouts,
		     unsigned int *rejected, u32 *portid)
{
	*requests = atomic_read(&stat_requests);
	*timeouts = atomic_read(&stat_timeouts);
	*rejected = atomic_read(&stat_rejected);
	*portid = READ_ONCE(daemon_portid);
}

int ksmbd_ipc_init(void)
{
	int rc;

	rc = genl_register_family(&ksmbd_genl_family);
	if (rc) {
		pr_err("cannot register netlink family %s: %d\n",
		       KSMBD_GENL_NAME, rc);
		return rc;
	}
	rc = netlink_register_notifier(&ipc_notifier);
	if (rc) {
		genl_unregister_family(&ksmbd_genl_family);
		return rc;
	}
	return 0;
}

/* Before the server stops at unload: no daemon, no more messages. */
void ksmbd_ipc_exit(void)
{
	WRITE_ONCE(ipc_exiting, true);
	genl_unregister_family(&ksmbd_genl_family);
	netlink_unregister_notifier(&ipc_notifier);
	daemon_gone(0, "module unload", false);
	cancel_delayed_work_sync(&ipc_heartbeat_work);
	flush_work(&ipc_stop_work);
}
