// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ECHO and LOGOFF ([MS-SMB2] 3.3.5.18, 3.3.5.6). CANCEL lives with the
 * async machinery in dispatch.c.
 */
#include <linux/kernel.h>

#include "dispatch.h"
#include "../work.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"

static __le32 smb2_small_rsp(struct ksmbd_work *work)
{
	u8 *body = ksmbd_rsp_body(work, 4);

	if (!body)
		return STATUS_NO_MEMORY;
	body[0] = 4;	/* StructureSize */
	return STATUS_SUCCESS;
}

__le32 smb2_echo(struct ksmbd_work *work)
{
	return smb2_small_rsp(work);
}

__le32 smb2_logoff(struct ksmbd_work *work)
{
	struct ksmbd_session *sess = work->sess;
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);

	/* sign with the keys the work's reference keeps alive */
	work->sign_rsp = sess->sign || (hdr->Flags & SMB2_FLAGS_SIGNED);
	if (sess->is_guest || sess->is_anonymous)
		work->sign_rsp = false;
	ksmbd_session_destroy(sess);
	return smb2_small_rsp(work);
}
