/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB2 command handlers and the dispatcher that runs them.
 *
 * Owner: core (table, negotiate, session, tree, echo/logoff/cancel);
 * handlers for file commands are implemented by the vfs area
 * (smb2/create.c close.c rw.c lock.c ioctl.c dir.c notify.c query_info.c
 * set_info.c) and oplock break by the oplock issue.
 *
 * Contract for every handler:
 *   __le32 smb2_<cmd>(struct ksmbd_work *work);
 * returns the NTSTATUS of the response element. Before it runs, the
 * dispatcher has validated the SMB2 header, StructureSize and the fixed
 * body (smb2/check.c) against the current compound element, verified the
 * signature, and - per the command's table row - referenced a valid
 * work->sess and a connected work->tcon that belongs to it. The handler
 * reads variable parts with ksmbd_req_buf() and writes the body with
 * ksmbd_rsp_body()/ksmbd_rsp_append()/ksmbd_rsp_attach() (work.h). If it
 * returns an error status without having called ksmbd_rsp_body(), the
 * dispatcher emits the SMB2 ERROR response. STATUS_PENDING means the
 * handler went async (ksmbd_work_go_async()).
 *
 * Stateless apart from the work; no locks are held while a handler runs.
 */
#ifndef __KSMBD_SMB2_DISPATCH_H__
#define __KSMBD_SMB2_DISPATCH_H__

#include <linux/types.h>

struct ksmbd_work;
struct ksmbd_conn;
struct ksmbd_session;

/* core */
__le32 smb2_negotiate(struct ksmbd_work *work);
__le32 smb2_session_setup(struct ksmbd_work *work);
__le32 smb2_logoff(struct ksmbd_work *work);
__le32 smb2_tree_connect(struct ksmbd_work *work);
__le32 smb2_tree_disconnect(struct ksmbd_work *work);
__le32 smb2_cancel(struct ksmbd_work *work);
__le32 smb2_echo(struct ksmbd_work *work);

/* vfs */
__le32 smb2_create(struct ksmbd_work *work);
__le32 smb2_close(struct ksmbd_work *work);
__le32 smb2_flush(struct ksmbd_work *work);
__le32 smb2_read(struct ksmbd_work *work);
__le32 smb2_write(struct ksmbd_work *work);
__le32 smb2_lock(struct ksmbd_work *work);
__le32 smb2_ioctl(struct ksmbd_work *work);
__le32 smb2_query_directory(struct ksmbd_work *work);
__le32 smb2_change_notify(struct ksmbd_work *work);
__le32 smb2_query_info(struct ksmbd_work *work);
__le32 smb2_set_info(struct ksmbd_work *work);
/* vfs for now; the oplock issue takes it over */
__le32 smb2_oplock_break(struct ksmbd_work *work);

/*
 * FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 3.3.5.15.12), called from vfs's
 * FSCTL table. in/in_len is the IOCTL input buffer (already bounds-checked
 * by the caller), out has out_max bytes; *out_len receives the bytes
 * written. Returns STATUS_SUCCESS, STATUS_INVALID_PARAMETER, or
 * STATUS_ACCESS_DENIED - on which the caller must disconnect, which the
 * dispatcher does when the handler returns it for this FSCTL (the function
 * marks the connection exiting itself).
 */
__le32 ksmbd_fsctl_validate_negotiate(struct ksmbd_work *work, const void *in,
				      u32 in_len, void *out, u32 out_max,
				      u32 *out_len);

/*
 * Process one received PDU (runs on ksmbd_wq, or in the receive thread
 * when ksmbd_smb2_runs_inline() says so; frees the work).
 */
void ksmbd_smb2_process(struct ksmbd_work *work);
/* Must the receive thread process this PDU before reading on? (dispatch.c) */
bool ksmbd_smb2_runs_inline(const void *pdu, u32 len);

/*
 * core-internal: does the current request element carry a valid signature
 * for sess? (dispatch.c; session binding verifies before the channel
 * exists)
 */
bool ksmbd_smb2_verify_sig(struct ksmbd_work *work,
			   struct ksmbd_session *sess);
/*
 * core-internal: answer the current element signed with sess's
 * Session.SigningKey, sess being a session this connection is not a
 * channel of (the caller's reference is taken over; NULL is a no-op). Only
 * when the request was signed and sess has keys; nothing but the
 * signature uses sess. Windows signs such answers (a failed or interim
 * binding, a request for a session bound elsewhere).
 */
void ksmbd_smb2_sign_with(struct ksmbd_work *work, struct ksmbd_session *sess);
/* Free conn's session-binding state (smb2/session.c; teardown). */
void ksmbd_smb2_bind_free(struct ksmbd_conn *conn);

/* core-internal: SMB1 multi-protocol NEGOTIATE (dispatch.c, negotiate.c) */
int ksmbd_smb1_negotiate(struct ksmbd_work *work);
__le32 smb2_negotiate_smb1(struct ksmbd_work *work, int offers);
/* Current time as an NT FILETIME (100 ns units since 1601). */
u64 ksmbd_nt_time_now(void);

#endif /* __KSMBD_SMB2_DISPATCH_H__ */
