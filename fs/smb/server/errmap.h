/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * errno -> NTSTATUS, the one place where internal errors become wire codes.
 *
 * Owner: core (the vfs area may append rows to the table in errmap.c).
 * Inside the server errors are negative errno values; a handler converts at
 * the response edge with ksmbd_errno_to_status(). Stateless, no locking.
 */
#ifndef __KSMBD_ERRMAP_H__
#define __KSMBD_ERRMAP_H__

#include <linux/types.h>

/*
 * Map a negative (or positive) errno to an NTSTATUS. 0 maps to
 * STATUS_SUCCESS; an errno without a row maps to STATUS_UNSUCCESSFUL.
 */
__le32 ksmbd_errno_to_status(int err);

#endif /* __KSMBD_ERRMAP_H__ */
