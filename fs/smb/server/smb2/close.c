// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 close / flush (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_close(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}

__le32 smb2_flush(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
