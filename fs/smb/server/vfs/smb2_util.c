// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Helpers of the vfs area's SMB2 handlers (see vfs/smb2_util.h).
 */
#include <linux/errno.h>

#include "smb2_util.h"
#include "fid.h"
#include "../work.h"
#include "../errmap.h"
#include "../ntstatus.h"
#include "../mgmt/tree.h"
#include "../mgmt/share.h"
#include <linux/ksmbd_netlink.h>

struct ksmbd_file *ksmbd_req_file(struct ksmbd_work *work, u64 pfid,
				  u64 vfid)
{
	struct ksmbd_file *fp;

	if (!ksmbd_work_fid(work, &pfid, &vfid))
		return NULL;
	fp = ksmbd_fid_lookup(work, pfid, vfid);
	if (fp)
		ksmbd_work_set_fid(work, pfid, vfid);
	return fp;
}

void *ksmbd_rsp_fixed(struct ksmbd_work *work, u32 size)
{
	u8 *b = ksmbd_rsp_body(work, size - KSMBD_HDR);

	return b ? b - KSMBD_HDR : NULL;
}

__le32 ksmbd_vfs_status(int err)
{
	switch (err) {
	case -ELOOP:
	case -EXDEV:
		/* a symlink or mount point on the way: refused, not followed */
		return STATUS_ACCESS_DENIED;
	case -ESTALE:
		return STATUS_DELETE_PENDING;
	case -ENAMETOOLONG:
		return STATUS_NAME_TOO_LONG;
	default:
		return ksmbd_errno_to_status(err);
	}
}

bool ksmbd_share_store_dos(struct ksmbd_work *work)
{
	return work->tcon->share->flags & KSMBD_SHARE_FLAG_STORE_DOS_ATTRS;
}

bool ksmbd_share_hide_dot(struct ksmbd_work *work)
{
	return work->tcon->share->flags & KSMBD_SHARE_FLAG_HIDE_DOT_FILES;
}

bool ksmbd_share_streams(struct ksmbd_work *work)
{
	return work->tcon->share->flags & KSMBD_SHARE_FLAG_STREAMS;
}

#define GENERIC_READ_MAP	(FILE_READ_DATA_LE | FILE_READ_EA_LE |	\
				 FILE_READ_ATTRIBUTES_LE |		\
				 FILE_READ_CONTROL_LE | FILE_SYNCHRONIZE_LE)
#define GENERIC_WRITE_MAP	(FILE_WRITE_DATA_LE | FILE_APPEND_DATA_LE | \
				 FILE_WRITE_EA_LE |			\
				 FILE_WRITE_ATTRIBUTES_LE |		\
				 FILE_READ_CONTROL_LE | FILE_SYNCHRONIZE_LE)
#define GENERIC_EXECUTE_MAP	(FILE_EXECUTE_LE | FILE_READ_ATTRIBUTES_LE | \
				 FILE_READ_CONTROL_LE | FILE_SYNCHRONIZE_LE)
#define GENERIC_ALL_MAP		cpu_to_le32(0x001F01FF)

__le32 ksmbd_map_generic(__le32 a)
{
	if (a & FILE_GENERIC_READ_LE)
		a |= GENERIC_READ_MAP;
	if (a & FILE_GENERIC_WRITE_LE)
		a |= GENERIC_WRITE_MAP;
	if (a & FILE_GENERIC_EXECUTE_LE)
		a |= GENERIC_EXECUTE_MAP;
	if (a & FILE_GENERIC_ALL_LE)
		a |= GENERIC_ALL_MAP;
	return a & ~(FILE_GENERIC_READ_LE | FILE_GENERIC_WRITE_LE |
		     FILE_GENERIC_EXECUTE_LE | FILE_GENERIC_ALL_LE);
}
