/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the vfs area's SMB2 handlers (smb2/create.c close.c
 * rw.c dir.c query_info.c set_info.c lock.c ioctl.c notify.c).
 *
 * Owner: vfs. No state.
 */
#ifndef __KSMBD_VFS_SMB2_UTIL_H__
#define __KSMBD_VFS_SMB2_UTIL_H__

#include <linux/types.h>

#include "../../common/smb2pdu.h"

struct ksmbd_work;
struct ksmbd_file;

#define KSMBD_HDR	__SMB2_HEADER_STRUCTURE_SIZE

/*
 * Fixed response body of a response struct of size bytes (which starts
 * with struct smb2_hdr): returns a pointer to its header or NULL.
 */
void *ksmbd_rsp_fixed(struct ksmbd_work *work, u32 size);
#define ksmbd_rsp_struct(work, T)	((T *)ksmbd_rsp_fixed(work, sizeof(T)))

/*
 * The open named by a request's FileId (the related-compound FileId
 * resolved), referenced, or NULL (STATUS_FILE_CLOSED).
 */
struct ksmbd_file *ksmbd_req_file(struct ksmbd_work *work, u64 pfid,
				  u64 vfid);

/* errno of a file operation -> NTSTATUS (vfs-specific refinements). */
__le32 ksmbd_vfs_status(int err);

/* The share's "store dos attributes" / "hide dot files" / streams options. */
bool ksmbd_share_store_dos(struct ksmbd_work *work);
bool ksmbd_share_hide_dot(struct ksmbd_work *work);
bool ksmbd_share_streams(struct ksmbd_work *work);

/* Access mask with GENERIC_* bits mapped to file rights ([MS-FSA]). */
__le32 ksmbd_map_generic(__le32 access);

#endif /* __KSMBD_VFS_SMB2_UTIL_H__ */
