// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 read / write (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_read(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}

__le32 smb2_write(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
