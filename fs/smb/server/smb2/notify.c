// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 change_notify (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_change_notify(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
