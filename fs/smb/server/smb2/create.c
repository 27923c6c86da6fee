// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 create / oplock_break (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_create(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}

__le32 smb2_oplock_break(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
