// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Per-file FSCTLs that describe a file: compression ([MS-FSCC] 2.3.12,
 * 2.3.67) and object ids ([MS-FSCC] 2.3.7, 2.3.37).
 *
 * No file system we serve compresses through this interface: every file
 * is COMPRESSION_FORMAT_NONE, setting NONE succeeds and setting any other
 * format is STATUS_NOT_SUPPORTED, as Windows answers on a volume without
 * FILE_FILE_COMPRESSION.
 *
 * A file's object id is derived, not stored: its inode number and
 * generation within the file system, whose UUID is the birth volume id.
 * It is stable for the life of the file and unique on the volume.
 */
#include <linux/fs.h>
#include <asm/unaligned.h>

#include "fsctl.h"
#include "../ntstatus.h"
#include "../vfs/fid.h"
#include "../vfs/smb2_util.h"

#define COMPRESSION_FORMAT_NONE		0
#define COMPRESSION_FORMAT_DEFAULT	1
#define COMPRESSION_FORMAT_LZNT1	2

__le32 ksmbd_fsctl_get_compression(struct fsctl_args *a)
{
	/* USHORT CompressionState; no access right is needed */
	if (a->out_max < 2)
		return STATUS_INVALID_PARAMETER;
	put_unaligned_le16(COMPRESSION_FORMAT_NONE, a->out);
	a->out_len = 2;
	return STATUS_SUCCESS;
}

__le32 ksmbd_fsctl_set_compression(struct fsctl_args *a)
{
	u16 fmt;

	if (a->in_len < 2)
		return STATUS_INVALID_PARAMETER;
	if (!(a->fp->daccess & FILE_WRITE_DATA_LE))
		return STATUS_ACCESS_DENIED;
	fmt = get_unaligned_le16(a->in);
	if (fmt == COMPRESSION_FORMAT_NONE)
		return STATUS_SUCCESS;
	if (fmt == COMPRESSION_FORMAT_DEFAULT ||
	    fmt == COMPRESSION_FORMAT_LZNT1)
		return STATUS_NOT_SUPPORTED;
	return STATUS_INVALID_PARAMETER;
}

/* FILE_OBJECTID_BUFFER, type 1 */
#define OBJECTID_SIZE	64

__le32 ksmbd_fsctl_object_id(struct fsctl_args *a)
{
	struct inode *inode = file_inode(a->fp->filp);
	u8 *o = a->out;

	if (a->out_max < OBJECTID_SIZE)
		return STATUS_BUFFER_TOO_SMALL;
	/* ObjectId */
	put_unaligned_le64(inode->i_ino, o);
	put_unaligned_le32(inode->i_generation, o + 8);
	put_unaligned_le32(0, o + 12);
	/* BirthVolumeId: the file system's UUID */
	memcpy(o + 16, &inode->i_sb->s_uuid, 16);
	/* BirthObjectId: the same id, the file never moved volumes */
	memcpy(o + 32, o, 16);
	/* DomainId: zero */
	a->out_len = OBJECTID_SIZE;
	return STATUS_SUCCESS;
}
