/* SPDX-License-Identifier: GPL-2.0-or-later WITH Linux-syscall-note */
/*
 * ksmbd <-> ksmbd.mountd generic netlink ABI.
 *
 * The in-kernel SMB server asks its user space daemon for everything that is
 * policy rather than protocol: user accounts, share definitions, tree-connect
 * decisions, DCE/RPC over named pipes and Kerberos.
 *
 * Transport: generic netlink family KSMBD_GENL_NAME, version
 * KSMBD_GENL_VERSION, in the initial network namespace. Every message
 * carries exactly one attribute, and the value of enum ksmbd_event is used
 * twice: as the genl command of the message and as the type of that
 * attribute. The attribute payload is the structure named next to the event,
 * in host byte order; a structure ending in a flexible array is followed by a
 * variable tail whose size a field of the structure gives, and that tail must
 * lie inside the attribute. Every operation needs CAP_NET_ADMIN.
 *
 * Who sends what:
 *   daemon -> kernel
 *     KSMBD_EVENT_STARTING_UP           ksmbd_startup_request: the sender's
 *                                       netlink port becomes the registered
 *                                       daemon (messages from other ports are
 *                                       refused) and the server starts.
 *     KSMBD_EVENT_SHUTTING_DOWN         ksmbd_shutdown_request: stop.
 *     KSMBD_EVENT_*_RESPONSE            answers to the kernel's requests.
 *     KSMBD_EVENT_HEARTBEAT_REQUEST     optional answer to a heartbeat,
 *                                       echoing its handle.
 *   kernel -> daemon (unicast to the registered port)
 *     KSMBD_EVENT_HEARTBEAT_REQUEST     ksmbd_heartbeat, every ipc_timeout
 *     KSMBD_EVENT_LOGIN_REQUEST         ksmbd_login_request
 *     KSMBD_EVENT_LOGIN_REQUEST_EXT     ksmbd_login_request (groups)
 *     KSMBD_EVENT_SHARE_CONFIG_REQUEST  ksmbd_share_config_request
 *     KSMBD_EVENT_TREE_CONNECT_REQUEST  ksmbd_tree_connect_request
 *     KSMBD_EVENT_TREE_DISCONNECT_REQUEST, KSMBD_EVENT_LOGOUT_REQUEST
 *                                       notifications, no answer
 *     KSMBD_EVENT_RPC_REQUEST           ksmbd_rpc_command
 *     KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST ksmbd_spnego_authen_request
 *
 * A request that expects an answer starts with a 32-bit handle chosen by the
 * kernel; the answer is the event numbered request + 1 and starts with the
 * same handle. The kernel waits a bounded time (the startup request's
 * ipc_timeout) and treats a missing answer as a failure. When the daemon's
 * netlink socket closes, the kernel forgets it and stops the server.
 *
 * Layouts, sizes and numbers are fixed (the kernel checks the sizes with
 * static_assert): never reorder, resize or renumber; use the reserved room.
 */
#ifndef _UAPI_LINUX_KSMBD_NETLINK_H
#define _UAPI_LINUX_KSMBD_NETLINK_H

#include <linux/types.h>

#define KSMBD_GENL_NAME		"SMBD_GENL"
#define KSMBD_GENL_VERSION	0x01

#define KSMBD_REQ_MAX_ACCOUNT_NAME_SZ	48
#define KSMBD_REQ_MAX_HASH_SZ		18
#define KSMBD_REQ_MAX_SHARE_NAME	64

/* KSMBD_EVENT_HEARTBEAT_REQUEST: is the daemon still there? */
struct ksmbd_heartbeat {
	__u32	handle;
};

/* ksmbd_startup_request.flags */
#define KSMBD_GLOBAL_FLAG_INVALID		0x0
#define KSMBD_GLOBAL_FLAG_SMB2_LEASES		(1U << 0)
#define KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION	(1U << 1)
#define KSMBD_GLOBAL_FLAG_SMB3_MULTICHANNEL	(1U << 2)
#define KSMBD_GLOBAL_FLAG_SMB2_ENCRYPTION_OFF	(1U << 3)

/*
 * KSMBD_EVENT_STARTING_UP: the [global] settings, followed by ifc_list_sz
 * bytes of interface names, each NUL-terminated.
 */
struct ksmbd_startup_request {
	__u32	flags;			/* KSMBD_GLOBAL_FLAG_* */
	__s32	signing;		/* KSMBD_CONFIG_OPT_* */
	__s8	min_prot[16];		/* e.g. "SMB2_10" */
	__s8	max_prot[16];		/* e.g. "SMB3_11" */
	__s8	netbios_name[16];
	__s8	work_group[64];
	__s8	server_string[64];
	__u16	tcp_port;
	__u16	ipc_timeout;		/* seconds to answer a heartbeat, 0: none */
	__u32	deadtime;		/* idle minutes before a drop, 0: never */
	__u32	file_max;		/* open files per client */
	__u32	smb2_max_write;
	__u32	smb2_max_read;
	__u32	smb2_max_trans;
	__u32	share_fake_fscaps;	/* OR-ed into the file system attributes */
	__u32	sub_auth[3];		/* domain SID S-1-5-21-a-b-c */
	__u32	smb2_max_credits;
	__u32	smbd_max_io_size;	/* SMB Direct read/write size */
	__u32	max_connections;
	__s8	bind_interfaces_only;
	__u32	max_ip_connections;	/* per client address */
	__s8	reserved[499];
	__u32	ifc_list_sz;
	__s8	____payload[];
} __attribute__((packed));

#define KSMBD_STARTUP_CONFIG_INTERFACES(s)	((s)->____payload)

/* KSMBD_EVENT_SHUTTING_DOWN */
struct ksmbd_shutdown_request {
	__s32	reserved[16];
};

/* KSMBD_EVENT_LOGIN_REQUEST */
struct ksmbd_login_request {
	__u32	handle;
	__s8	account[KSMBD_REQ_MAX_ACCOUNT_NAME_SZ];
	__u32	reserved[16];
};

/* KSMBD_EVENT_LOGIN_RESPONSE: status is a set of KSMBD_USER_FLAG_* */
struct ksmbd_login_response {
	__u32	handle;
	__u32	gid;
	__u32	uid;
	__s8	account[KSMBD_REQ_MAX_ACCOUNT_NAME_SZ];
	__u16	status;
	__u16	hash_sz;			/* bytes used in hash[] */
	__s8	hash[KSMBD_REQ_MAX_HASH_SZ];	/* NT hash of the password */
	__u32	reserved[16];
};

/*
 * KSMBD_EVENT_LOGIN_RESPONSE_EXT: the supplementary groups of an account,
 * asked for with KSMBD_EVENT_LOGIN_REQUEST_EXT (a ksmbd_login_request) when
 * the login answer had KSMBD_USER_FLAG_EXTENSION. Followed by ngroups gid
 * values of 32 bits each.
 */
struct ksmbd_login_response_ext {
	__u32	handle;
	__s32	ngroups;
	__s8	reserved[128];
	__s8	____payload[];
};

/* KSMBD_EVENT_SHARE_CONFIG_REQUEST */
struct ksmbd_share_config_request {
	__u32	handle;
	__s8	share_name[KSMBD_REQ_MAX_SHARE_NAME];
	__u32	reserved[16];
};

/*
 * KSMBD_EVENT_SHARE_CONFIG_RESPONSE, followed by payload_sz bytes: when
 * veto_list_sz is not zero, veto_list_sz bytes of NUL-separated veto patterns
 * and one NUL; then the share path, NUL-terminated. flags is a set of
 * KSMBD_SHARE_FLAG_*; KSMBD_SHARE_FLAG_INVALID means "no such share".
 */
struct ksmbd_share_config_response {
	__u32	handle;
	__u32	flags;
	__u16	create_mask;
	__u16	directory_mask;
	__u16	force_create_mode;
	__u16	force_directory_mode;
	__u16	force_uid;
	__u16	force_gid;
	__s8	share_name[KSMBD_REQ_MAX_SHARE_NAME];
	__u32	reserved[111];
	__u32	payload_sz;
	__u32	veto_list_sz;
	__s8	____payload[];
};

#define KSMBD_SHARE_CONFIG_VETO_LIST(s)	((s)->____payload)

static inline char *
ksmbd_share_config_path(struct ksmbd_share_config_response *sc)
{
	char *p = (char *)sc->____payload;

	if (sc->veto_list_sz)
		p += sc->veto_list_sz + 1;
	return p;
}

/* KSMBD_EVENT_TREE_CONNECT_REQUEST */
struct ksmbd_tree_connect_request {
	__u32	handle;
	__u16	account_flags;		/* KSMBD_USER_FLAG_* of the session */
	__u16	flags;			/* KSMBD_TREE_CONN_FLAG_REQUEST_* */
	__u64	session_id;
	__u64	connect_id;
	__s8	account[KSMBD_REQ_MAX_ACCOUNT_NAME_SZ];
	__s8	share[KSMBD_REQ_MAX_SHARE_NAME];
	__s8	peer_addr[64];		/* client address as text */
	__u32	reserved[16];
};

/* KSMBD_EVENT_TREE_CONNECT_RESPONSE */
struct ksmbd_tree_connect_response {
	__u32	handle;
	__u16	status;			/* enum KSMBD_TREE_CONN_STATUS */
	__u16	connection_flags;	/* KSMBD_TREE_CONN_FLAG_* */
	__u32	reserved[16];
};

/* KSMBD_EVENT_TREE_DISCONNECT_REQUEST (no answer) */
struct ksmbd_tree_disconnect_request {
	__u64	session_id;
	__u64	connect_id;
	__u32	reserved[16];
};

/* KSMBD_EVENT_LOGOUT_REQUEST (no answer) */
struct ksmbd_logout_request {
	__s8	account[KSMBD_REQ_MAX_ACCOUNT_NAME_SZ];
	__u32	account_flags;
	__u32	reserved[16];
};

/*
 * KSMBD_EVENT_RPC_REQUEST / KSMBD_EVENT_RPC_RESPONSE: one operation
 * (KSMBD_RPC_*_METHOD in flags) on the named pipe instance "handle",
 * followed by payload_sz bytes of pipe data.
 */
struct ksmbd_rpc_command {
	__u32	handle;
	__u32	flags;
	__u32	payload_sz;
	__u8	payload[];
};

/* KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST: a GSS token from SESSION_SETUP */
struct ksmbd_spnego_authen_request {
	__u32	handle;
	__u16	spnego_blob_len;
	__u8	spnego_blob[];
};

/*
 * KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE: the authenticated user, then
 * session_key_len bytes of session key and spnego_blob_len bytes of the
 * GSS token for the SESSION_SETUP response.
 */
struct ksmbd_spnego_authen_response {
	__u32	handle;
	struct ksmbd_login_response login_response;
	__u16	session_key_len;
	__u16	spnego_blob_len;
	__u8	payload[];
};

/* Event numbers; also the netlink attribute type. Answer = request + 1. */
enum ksmbd_event {
	KSMBD_EVENT_UNSPEC			= 0,
	KSMBD_EVENT_HEARTBEAT_REQUEST		= 1,
	KSMBD_EVENT_STARTING_UP			= 2,
	KSMBD_EVENT_SHUTTING_DOWN		= 3,
	KSMBD_EVENT_LOGIN_REQUEST		= 4,
	KSMBD_EVENT_LOGIN_RESPONSE		= 5,
	KSMBD_EVENT_SHARE_CONFIG_REQUEST	= 6,
	KSMBD_EVENT_SHARE_CONFIG_RESPONSE	= 7,
	KSMBD_EVENT_TREE_CONNECT_REQUEST	= 8,
	KSMBD_EVENT_TREE_CONNECT_RESPONSE	= 9,
	KSMBD_EVENT_TREE_DISCONNECT_REQUEST	= 10,
	KSMBD_EVENT_LOGOUT_REQUEST		= 11,
	KSMBD_EVENT_RPC_REQUEST			= 12,
	KSMBD_EVENT_RPC_RESPONSE		= 13,
	KSMBD_EVENT_SPNEGO_AUTHEN_REQUEST	= 14,
	KSMBD_EVENT_SPNEGO_AUTHEN_RESPONSE	= 15,
	KSMBD_EVENT_LOGIN_REQUEST_EXT		= 16,
	KSMBD_EVENT_LOGIN_RESPONSE_EXT		= 17,

	__KSMBD_EVENT_MAX,
	KSMBD_EVENT_MAX = __KSMBD_EVENT_MAX - 1
};

/* ksmbd_tree_connect_response.status */
enum KSMBD_TREE_CONN_STATUS {
	KSMBD_TREE_CONN_STATUS_OK		= 0,
	KSMBD_TREE_CONN_STATUS_NOMEM		= 1,
	KSMBD_TREE_CONN_STATUS_NO_SHARE		= 2,
	KSMBD_TREE_CONN_STATUS_NO_USER		= 3,
	KSMBD_TREE_CONN_STATUS_INVALID_USER	= 4,
	KSMBD_TREE_CONN_STATUS_HOST_DENIED	= 5,
	KSMBD_TREE_CONN_STATUS_CONN_EXIST	= 6,
	KSMBD_TREE_CONN_STATUS_TOO_MANY_CONNS	= 7,
	KSMBD_TREE_CONN_STATUS_TOO_MANY_SESSIONS = 8,
	KSMBD_TREE_CONN_STATUS_ERROR		= 9,
};

/* Account flags (login status, tree connect account_flags) */
#define KSMBD_USER_FLAG_INVALID		0x0
#define KSMBD_USER_FLAG_OK		(1U << 0)
#define KSMBD_USER_FLAG_BAD_PASSWORD	(1U << 1)
#define KSMBD_USER_FLAG_BAD_UID		(1U << 2)
#define KSMBD_USER_FLAG_BAD_USER	(1U << 3)
#define KSMBD_USER_FLAG_GUEST_ACCOUNT	(1U << 4)
#define KSMBD_USER_FLAG_DELAY_SESSION	(1U << 5)
#define KSMBD_USER_FLAG_EXTENSION	(1U << 6)	/* has LOGIN_EXT */

/* ksmbd_share_config_response.flags */
#define KSMBD_SHARE_FLAG_INVALID		0x0
#define KSMBD_SHARE_FLAG_AVAILABLE		(1U << 0)
#define KSMBD_SHARE_FLAG_BROWSEABLE		(1U << 1)
#define KSMBD_SHARE_FLAG_WRITEABLE		(1U << 2)
#define KSMBD_SHARE_FLAG_READONLY		(1U << 3)
#define KSMBD_SHARE_FLAG_GUEST_OK		(1U << 4)
#define KSMBD_SHARE_FLAG_GUEST_ONLY		(1U << 5)
#define KSMBD_SHARE_FLAG_STORE_DOS_ATTRS	(1U << 6)
#define KSMBD_SHARE_FLAG_OPLOCKS		(1U << 7)
#define KSMBD_SHARE_FLAG_PIPE			(1U << 8)
#define KSMBD_SHARE_FLAG_HIDE_DOT_FILES		(1U << 9)
#define KSMBD_SHARE_FLAG_INHERIT_OWNER		(1U << 10)
#define KSMBD_SHARE_FLAG_STREAMS		(1U << 11)
#define KSMBD_SHARE_FLAG_FOLLOW_SYMLINKS	(1U << 12)
#define KSMBD_SHARE_FLAG_ACL_XATTR		(1U << 13)
#define KSMBD_SHARE_FLAG_UPDATE			(1U << 14)
#define KSMBD_SHARE_FLAG_CROSSMNT		(1U << 15)

/* ksmbd_tree_connect_request.flags */
#define KSMBD_TREE_CONN_FLAG_REQUEST_SMB1	0x0
#define KSMBD_TREE_CONN_FLAG_REQUEST_IPV6	(1U << 0)
#define KSMBD_TREE_CONN_FLAG_REQUEST_SMB2	(1U << 1)

/* ksmbd_tree_connect_response.connection_flags */
#define KSMBD_TREE_CONN_FLAG_GUEST_ACCOUNT	(1U << 0)
#define KSMBD_TREE_CONN_FLAG_READ_ONLY		(1U << 1)
#define KSMBD_TREE_CONN_FLAG_WRITABLE		(1U << 2)
#define KSMBD_TREE_CONN_FLAG_ADMIN_ACCOUNT	(1U << 3)
#define KSMBD_TREE_CONN_FLAG_UPDATE		(1U << 4)

/* ksmbd_rpc_command.flags: the pipe operation, or OR-ed with other bits */
#define KSMBD_RPC_METHOD_RETURN		(1U << 0)
#define KSMBD_RPC_SRVSVC_METHOD_INVOKE	(1U << 1)
#define KSMBD_RPC_SRVSVC_METHOD_RETURN	(KSMBD_RPC_SRVSVC_METHOD_INVOKE | \
					 KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_WKSSVC_METHOD_INVOKE	(1U << 2)
#define KSMBD_RPC_WKSSVC_METHOD_RETURN	(KSMBD_RPC_WKSSVC_METHOD_INVOKE | \
					 KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_IOCTL_METHOD		((1U << 3) | KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_OPEN_METHOD		(1U << 4)
#define KSMBD_RPC_WRITE_METHOD		(1U << 5)
#define KSMBD_RPC_READ_METHOD		((1U << 6) | KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_CLOSE_METHOD		(1U << 7)
#define KSMBD_RPC_RAP_METHOD		((1U << 8) | KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_RESTRICTED_CONTEXT	(1U << 9)
#define KSMBD_RPC_SAMR_METHOD_INVOKE	(1U << 10)
#define KSMBD_RPC_SAMR_METHOD_RETURN	(KSMBD_RPC_SAMR_METHOD_INVOKE | \
					 KSMBD_RPC_METHOD_RETURN)
#define KSMBD_RPC_LSARPC_METHOD_INVOKE	(1U << 11)
#define KSMBD_RPC_LSARPC_METHOD_RETURN	(KSMBD_RPC_LSARPC_METHOD_INVOKE | \
					 KSMBD_RPC_METHOD_RETURN)

/* RPC status (Win32 error numbers) */
#define KSMBD_RPC_OK			0
#define KSMBD_RPC_EBAD_FUNC		0x00000001
#define KSMBD_RPC_EACCESS_DENIED	0x00000005
#define KSMBD_RPC_EBAD_FID		0x00000006
#define KSMBD_RPC_ENOMEM		0x00000008
#define KSMBD_RPC_EBAD_DATA		0x0000000D
#define KSMBD_RPC_ENOTIMPLEMENTED	0x00000040
#define KSMBD_RPC_EINVALID_PARAMETER	0x00000057
#define KSMBD_RPC_EMORE_DATA		0x000000EA
#define KSMBD_RPC_EINVALID_LEVEL	0x0000007C
#define KSMBD_RPC_SOME_NOT_MAPPED	0x00000107

/* Tri-state config values (ksmbd_startup_request.signing) */
#define KSMBD_CONFIG_OPT_DISABLED	0
#define KSMBD_CONFIG_OPT_ENABLED	1
#define KSMBD_CONFIG_OPT_AUTO		2
#define KSMBD_CONFIG_OPT_MANDATORY	3

#endif /* _UAPI_LINUX_KSMBD_NETLINK_H */
