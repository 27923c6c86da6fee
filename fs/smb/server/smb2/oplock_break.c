// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 OPLOCK_BREAK on the wire: the server's Oplock Break Notification
 * ([MS-SMB2] 2.2.23.1, 3.3.4.6) and the client's acknowledgment
 * ([MS-SMB2] 2.2.24.1, 2.2.25.1, 3.3.5.22.1). The state is vfs/oplock.c's.
 */
#include <linux/uio.h>

#include "dispatch.h"
#include "transform.h"
#include "../conn.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../vfs/oplock.h"
#include "../vfs/smb2_util.h"

#define OPLOCK_BREAK_SIZE	24	/* StructureSize of all three */
#define LEASE_ACK_SIZE		36

/*
 * A server-initiated message: MessageId all ones, no session, no tree, no
 * credits. It is not signed: a client does not verify the signature of a
 * message whose MessageId is all ones ([MS-SMB2] 3.2.5.1.3). It goes in a
 * transform header naming the holder's session when that session
 * encrypts ([MS-SMB2] 3.3.4.6; smb2/transform.h).
 */
int ksmbd_oplock_send_break(struct ksmbd_conn *conn,
			    struct ksmbd_session *sess, u64 pfid, u64 vfid,
			    u8 level)
{
	struct smb2_oplock_break n = {};
	struct kvec iov[2];

	if (ksmbd_conn_exiting(conn))
		return -ESHUTDOWN;
	n.hdr.ProtocolId = SMB2_PROTO_NUMBER;
	n.hdr.StructureSize = SMB2_HEADER_STRUCTURE_SIZE;
	n.hdr.Command = SMB2_OPLOCK_BREAK;
	n.hdr.Flags = SMB2_FLAGS_SERVER_TO_REDIR;
	n.hdr.MessageId = cpu_to_le64(U64_MAX);
	n.StructureSize = cpu_to_le16(OPLOCK_BREAK_SIZE);
	n.OplockLevel = level;
	n.PersistentFid = pfid;
	n.VolatileFid = vfid;
	iov[1].iov_base = &n;
	iov[1].iov_len = sizeof(n);
	/* iov[0]: the transport header's slot */
	return ksmbd_smb2_send_unsolicited(conn, sess, iov, 2);
}

__le32 smb2_oplock_break(struct ksmbd_work *work)
{
	const struct smb2_oplock_break *req = ksmbd_req(work);
	struct smb2_oplock_break *rsp;
	struct ksmbd_file *fp;
	__le32 st;
	u8 level;

	if (le16_to_cpu(req->StructureSize) == LEASE_ACK_SIZE)
		return STATUS_OBJECT_NAME_NOT_FOUND;	/* no lease is granted */
	fp = ksmbd_req_file(work, req->PersistentFid, req->VolatileFid);
	if (!fp)
		return STATUS_FILE_CLOSED;
	st = ksmbd_oplock_ack(fp, req->OplockLevel, &level);
	if (!st) {
		rsp = ksmbd_rsp_struct(work, struct smb2_oplock_break);
		if (rsp) {
			rsp->StructureSize = cpu_to_le16(OPLOCK_BREAK_SIZE);
			rsp->OplockLevel = level;
			rsp->PersistentFid = fp->persistent_id;
			rsp->VolatileFid = fp->volatile_id;
		} else {
			st = STATUS_NO_MEMORY;
		}
	}
	ksmbd_file_put(fp);
	return st;
}

static void __maybe_unused oplock_break_wire_checks(void)
{
	BUILD_BUG_ON(sizeof(struct smb2_oplock_break) !=
		     __SMB2_HEADER_STRUCTURE_SIZE + OPLOCK_BREAK_SIZE);
}
