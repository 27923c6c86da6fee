/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB3.1.1 POSIX extensions ([POSIX-SMB2], [POSIX-FSCC]): encoders of the
 * POSIX create context response, of FilePosixInformation (QUERY_INFO file
 * class 100) and of its directory entry (QUERY_DIRECTORY class 0x64).
 *
 * Layout shared by all three (little-endian, packed, no padding):
 *
 *   FilePosixInformation:  CreationTime, LastAccessTime, LastWriteTime,
 *       ChangeTime, EndOfFile, AllocationSize (8 bytes each),
 *       DosAttributes (4), Inode (8), DeviceId (4), Zero (4)  = 68 bytes,
 *       then the create context response below.
 *   Create context response: HardLinks (4), ReparseTag (4), Mode (4),
 *       owner SID, group SID (self-relative [MS-DTYP] 2.4.2.2 SIDs,
 *       S-1-22-1-<uid> and S-1-22-2-<gid> as vfs/sd.h maps them).
 *   Directory entry: NextEntryOffset (4), FileIndex (4, 0), then
 *       FilePosixInformation, then FileNameLength (4) and the UTF-16LE
 *       name.
 *
 * Mode carries the permission bits (07777) only: [POSIX-FSCC] 2.1.1 puts
 * a file type enumeration in bits 12-15 (0 regular, 1 directory, ...),
 * but the 6.1 cifs client ORs S_IFDIR into the Mode it gets from
 * FilePosixInformation unmasked, so a type there would break every
 * directory's stat; type 0 ("regular") is sent for every file and the
 * client takes the type from DosAttributes.
 *
 * Owner: vfs. Pure functions over buffers: no state, no locking.
 */
#ifndef __KSMBD_VFS_POSIX_H__
#define __KSMBD_VFS_POSIX_H__

#include <linux/align.h>
#include <linux/types.h>

struct ksmbd_stat;
struct ksmbd_dirent;
struct kstatfs;

/* The POSIX create context's name, also the negotiate context's data. */
#define KSMBD_POSIX_TAG_LEN	16
extern const u8 ksmbd_posix_tag[KSMBD_POSIX_TAG_LEN];

/* QUERY_DIRECTORY / QUERY_INFO class numbers. */
#define KSMBD_FIND_POSIX_INFO	0x64	/* SMB_FIND_FILE_POSIX_INFO */
#define KSMBD_FILE_POSIX_INFO	100	/* FilePosixInformation */
#define KSMBD_FS_POSIX_INFO	100	/* FileFsPosixInformation */

#define KSMBD_POSIX_INFO_FIXED	68	/* FilePosixInformation before HardLinks */
#define KSMBD_POSIX_CC_FIXED	12	/* HardLinks, ReparseTag, Mode */
/* A Unix SID (S-1-22-x-id): 8-byte header and two sub-authorities. */
#define KSMBD_POSIX_UNIX_SID	16
/* Smallest directory entry (Unix SIDs, no name). */
#define KSMBD_POSIX_DIRENT_MIN	(8 + KSMBD_POSIX_INFO_FIXED +		\
				 KSMBD_POSIX_CC_FIXED +			\
				 2 * KSMBD_POSIX_UNIX_SID + 4)

/* The wire Mode of a file (see above). */
u32 ksmbd_posix_wire_mode(umode_t mode);

/*
 * Create context response data for ks into out (max bytes): its length,
 * or -ENOSPC when it does not fit (out is then undefined).
 */
int ksmbd_posix_cc_encode(const struct ksmbd_stat *ks, u8 *out, u32 max);

/*
 * FilePosixInformation for ks into out: its length, or -E2BIG when max
 * is too small (STATUS_INFO_LENGTH_MISMATCH; there is no partial record).
 */
int ksmbd_posix_info_encode(const struct ksmbd_stat *ks, u8 *out, u32 max);

/*
 * FileFsPosixInformation (QUERY_INFO file-system class 100): optimal
 * transfer size, block size, total/free/available blocks, total/free
 * inodes, file-system id; 56 bytes, or -E2BIG.
 */
#define KSMBD_POSIX_FS_SIZE	56
int ksmbd_posix_fs_encode(const struct kstatfs *sfs, u8 *out, u32 max);

/*
 * The whole POSIX create context of a CREATE response ([MS-SMB2] 2.2.14.2
 * header, the 16-byte name at 16, the data above at 32) into out (room
 * bytes): its 8-aligned size, or -ENOSPC. Next is left 0 for the caller.
 */
#define KSMBD_POSIX_CCTX_HDR	32
#define KSMBD_POSIX_CCTX_MAX	ALIGN(KSMBD_POSIX_CCTX_HDR +		\
				      KSMBD_POSIX_CC_FIXED +		\
				      2 * (8 + 4 * 15), 8)
int ksmbd_posix_cctx_put(u8 *out, u32 room, const struct ksmbd_stat *ks);

/* Bytes of a directory entry before its name (name length included). */
u32 ksmbd_posix_dirent_fixed(const struct ksmbd_stat *ks);

/*
 * Fill the directory entry at p (ksmbd_posix_dirent_fixed() bytes, zeroed
 * by the caller; NextEntryOffset is the packer's): everything but the
 * name itself, which follows.
 */
void ksmbd_posix_dirent_fill(u8 *p, const struct ksmbd_dirent *e);

#endif /* __KSMBD_VFS_POSIX_H__ */
