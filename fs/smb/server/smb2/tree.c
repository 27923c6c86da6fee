// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * TREE_CONNECT and TREE_DISCONNECT ([MS-SMB2] 3.3.5.7, 3.3.5.8).
 * The share's configuration comes from mgmt/share.h, the connect policy
 * (hosts allow/deny, valid users, read-only/writable) from the daemon.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

#include "dispatch.h"
#include "check.h"
#include "../work.h"
#include "../conn.h"
#include "../ipc.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include "../mgmt/user.h"

#define HDR			__SMB2_HEADER_STRUCTURE_SIZE
#define SHARE_NAME_BUF		(80 * 3 + 2)

/* [MS-DTYP] 2.4.3 access masks */
#define KSMBD_FILE_ALL_ACCESS	0x001F01FF
#define KSMBD_FILE_READ_ACCESS	0x001200A9	/* generic read + execute */

static const __le32 tcon_status_map[] = {
	[KSMBD_TREE_CONN_STATUS_OK]		= STATUS_SUCCESS,
	[KSMBD_TREE_CONN_STATUS_NOMEM]		= STATUS_NO_MEMORY,
	[KSMBD_TREE_CONN_STATUS_NO_SHARE]	= STATUS_BAD_NETWORK_NAME,
	[KSMBD_TREE_CONN_STATUS_NO_USER]	= STATUS_ACCESS_DENIED,
	[KSMBD_TREE_CONN_STATUS_INVALID_USER]	= STATUS_ACCESS_DENIED,
	[KSMBD_TREE_CONN_STATUS_HOST_DENIED]	= STATUS_ACCESS_DENIED,
	[KSMBD_TREE_CONN_STATUS_CONN_EXIST]	= STATUS_ACCESS_DENIED,
	[KSMBD_TREE_CONN_STATUS_TOO_MANY_CONNS]	= STATUS_REQUEST_NOT_ACCEPTED,
	[KSMBD_TREE_CONN_STATUS_TOO_MANY_SESSIONS] = STATUS_REQUEST_NOT_ACCEPTED,
	[KSMBD_TREE_CONN_STATUS_ERROR]		= STATUS_BAD_NETWORK_NAME,
};

static __le32 tcon_status(unsigned int s)
{
	if (s >= ARRAY_SIZE(tcon_status_map))
		return STATUS_ACCESS_DENIED;
	return tcon_status_map[s];
}

__le32 smb2_tree_connect(struct ksmbd_work *work)
{
	const struct smb2_tree_connect_req *req = ksmbd_req(work);
	struct ksmbd_session *sess = work->sess;
	struct ksmbd_tree_connect_response *resp;
	struct smb2_tree_connect_rsp *rsp;
	struct ksmbd_tree_connect *tcon;
	struct ksmbd_share *share;
	struct ksmbd_user *user;
	const __le16 *path;
	const char *account = "";
	u16 account_flags = 0;
	char *name;
	u8 *body;
	__le32 st;

	/* the response's TreeId is the new tree's, or the request's */
	if (work->tcon) {
		ksmbd_tree_put(work->tcon);
		work->tcon = NULL;
	}
	if (req->Flags & SMB2_TREE_CONNECT_FLAG_EXTENSION_PRESENT)
		return STATUS_NOT_SUPPORTED;
	path = ksmbd_req_buf(work, le16_to_cpu(req->PathOffset),
			     le16_to_cpu(req->PathLength));
	if (!path)
		return STATUS_INVALID_PARAMETER;
	name = kmalloc(SHARE_NAME_BUF, GFP_KERNEL);
	if (!name)
		return STATUS_NO_MEMORY;
	if (ksmbd_tree_path_share(path, le16_to_cpu(req->PathLength), name,
				  SHARE_NAME_BUF) < 0) {
		kfree(name);
		return STATUS_BAD_NETWORK_NAME;
	}
	ksmbd_debug(SMB, "tree connect to %s\n", name);
	share = ksmbd_share_get(name);
	if (!share) {
		kfree(name);
		return STATUS_BAD_NETWORK_NAME;
	}
	tcon = ksmbd_tree_add(sess, share);
	if (!tcon) {
		ksmbd_share_put(share);
		kfree(name);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	user = ksmbd_session_user(sess);
	if (user) {
		account = user->name;
		account_flags = user->flags;
	}
	resp = ksmbd_ipc_tree_connect(sess->id, tcon->id, account,
				      account_flags, name,
				      (struct sockaddr *)&work->conn->peer);
	ksmbd_user_put(user);
	kfree(name);
	if (!resp) {
		st = STATUS_BAD_NETWORK_NAME;
		goto fail;
	}
	st = tcon_status(resp->status);
	tcon->flags = resp->connection_flags;
	kvfree(resp);
	if (st)
		goto fail;
	if (tcon->flags & KSMBD_TREE_CONN_FLAG_UPDATE) {
		/* the daemon reloaded the share: this tree gets the new one */
		tcon->share = ksmbd_share_update(tcon->share);
		share = tcon->share;
		if (!share) {
			st = STATUS_BAD_NETWORK_NAME;
			goto fail;
		}
	}

	tcon->writable = !share->is_pipe &&
			 (tcon->flags & KSMBD_TREE_CONN_FLAG_WRITABLE) &&
			 !(tcon->flags & KSMBD_TREE_CONN_FLAG_READ_ONLY);
	tcon->maximal_access = cpu_to_le32(tcon->writable || share->is_pipe ?
					   KSMBD_FILE_ALL_ACCESS :
					   KSMBD_FILE_READ_ACCESS);

	body = ksmbd_rsp_body(work, sizeof(*rsp) - HDR);
	if (!body) {
		st = STATUS_NO_MEMORY;
		goto fail;
	}
	rsp = (struct smb2_tree_connect_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(16);
	if (share->is_pipe) {
		rsp->ShareType = SMB2_SHARE_TYPE_PIPE;
		rsp->ShareFlags = cpu_to_le32(SMB2_SHAREFLAG_NO_CACHING);
	} else {
		rsp->ShareType = SMB2_SHARE_TYPE_DISK;
		rsp->ShareFlags = cpu_to_le32(SMB2_SHAREFLAG_MANUAL_CACHING);
	}
	rsp->Capabilities = 0;
	rsp->MaximalAccess = tcon->maximal_access;

	ksmbd_tree_publish(tcon);
	/* the response carries the new TreeId: hand the tree to the work */
	if (work->tcon)
		ksmbd_tree_put(work->tcon);
	work->tcon = tcon;
	return STATUS_SUCCESS;
fail:
	ksmbd_tree_abort(tcon);
	ksmbd_tree_put(tcon);
	return st;
}

__le32 smb2_tree_disconnect(struct ksmbd_work *work)
{
	u8 *body;

	ksmbd_tree_disconnect(work->tcon);
	body = ksmbd_rsp_body(work, 4);
	if (!body)
		return STATUS_NO_MEMORY;
	body[0] = 4;	/* StructureSize */
	return STATUS_SUCCESS;
}
