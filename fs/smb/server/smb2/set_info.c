// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 set_info (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_set_info(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
