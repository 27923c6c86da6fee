/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Directory entries for QUERY_DIRECTORY ([MS-FSCC] 2.4: FileDirectory-,
 * FileFullDirectory-, FileIdFullDirectory-, FileBothDirectory-,
 * FileIdBothDirectory-, FileNames-, FileIdExtdDirectoryInformation):
 * encoders and the packer that chains them with NextEntryOffset, 8-byte
 * aligned, never past the output buffer.
 *
 * Owner: vfs. Pure functions over buffers: no state, no locking.
 */
#ifndef __KSMBD_VFS_DIRENT_H__
#define __KSMBD_VFS_DIRENT_H__

#include <linux/types.h>

struct ksmbd_stat;

/* ShortName of FileBothDirectoryInformation: 12 UTF-16 units. */
#define KSMBD_DIRENT_SHORT_MAX	24

/* One entry to encode. */
struct ksmbd_dirent {
	const __le16 *name;		/* UTF-16LE */
	u32 name_len;			/* bytes */
	const struct ksmbd_stat *ks;
	const __le16 *short_name;	/* 8.3 name (UTF-16LE), or NULL */
	u32 short_len;			/* bytes, <= KSMBD_DIRENT_SHORT_MAX */
	u32 ea_size;			/* EaSize: as FileEaInformation's */
};

/* Output area being filled. */
struct ksmbd_dirent_buf {
	u8 *buf;
	u32 max;			/* bytes available */
	u32 used;			/* end of the last entry */
	u32 last;			/* offset of the last entry */
	unsigned int count;		/* entries written */
};

/* Fixed size of class cls, or 0 if it is not a directory class. */
u32 ksmbd_dirent_fixed(u8 cls);

/*
 * Append e: 0, or -ENOSPC if it does not fit (nothing is written; the
 * caller keeps the entry for the next call), -EINVAL for a bad class.
 */
int ksmbd_dirent_put(struct ksmbd_dirent_buf *b, u8 cls,
		     const struct ksmbd_dirent *e);

#endif /* __KSMBD_VFS_DIRENT_H__ */
