// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB2 query_info (stub until implemented).
 */
#include "dispatch.h"
#include "../ntstatus.h"

__le32 smb2_query_info(struct ksmbd_work *work)
{
	return STATUS_NOT_SUPPORTED;
}
