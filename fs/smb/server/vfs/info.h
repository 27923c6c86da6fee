/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File metadata as SMB sees it: NT times, DOS attributes, allocation, and
 * the encoders of the QUERY_INFO classes ([MS-FSCC] 2.4 file, 2.5 file
 * system) written as pure functions from a struct ksmbd_stat to a buffer.
 *
 * Owner: vfs. No state, no locking.
 */
#ifndef __KSMBD_VFS_INFO_H__
#define __KSMBD_VFS_INFO_H__

#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/stat.h>
#include <linux/statfs.h>
#include <linux/time64.h>
#include <linux/types.h>

struct path;
struct file;

/* What an SMB answer needs to know about a file. */
struct ksmbd_stat {
	struct kstat st;
	u64 create_time;	/* NT time */
	u32 attrs;		/* FILE_ATTRIBUTE_* (CPU order) */
	bool delete_pending;
	u64 alloc_hint;		/* ksmbd_inode.alloc_hint, or 0 */
};

/* 100 ns intervals between 1601-01-01 and 1970-01-01. */
#define KSMBD_NT_EPOCH_DELTA	116444736000000000ULL

u64 ksmbd_time_to_nt(struct timespec64 ts);
struct timespec64 ksmbd_nt_to_time(u64 nt);

/*
 * Stat path and derive the SMB view: DOS attributes from the stored
 * user.DOSATTRIB (vfs/dosattr.c) or the mode, creation time from the
 * stored value, the birth time, or the earlier of mtime/ctime.
 * hide_dot: set HIDDEN for names starting with '.'.
 */
int ksmbd_vfs_stat(const struct path *path, bool hide_dot,
		   struct ksmbd_stat *ks);

/*
 * How much of a class whose whole encoding is full bytes (-ENOBUFS: more
 * than could be encoded) a client buffer of max bytes gets ([MS-SMB2]
 * 3.3.5.20.1; smbtorture smb2.getinfo.q*_buffercheck): the length - all
 * of it, or a prefix (*partial: STATUS_BUFFER_OVERFLOW) when the class is
 * variable-length and max reaches its minimum (Windows' structure size:
 * names 8, FileStreamInformation 32, FileAllInformation 104, FS volume 24,
 * FS attribute 16) - or -E2BIG (STATUS_INFO_LENGTH_MISMATCH).
 * type is SMB2_O_INFO_FILE or SMB2_O_INFO_FILESYSTEM.
 */
int ksmbd_info_fit(u8 type, u8 cls, int full, u32 max, bool *partial);

/*
 * AllocationSize: the blocks of the data, which st->blocks overstates by
 * what else the file system keeps for the file (ext4 counts an external
 * xattr block, where DOS attributes, EAs and streams live: an empty file
 * would seem to hold 4 KiB). So at most the size rounded up to blocks, or
 * the allocation a client set beyond it (hint, vfs/fid.h) - and never more
 * than st->blocks, so holes and unwritten space are not counted.
 */
static inline u64 ksmbd_alloc_hinted(const struct kstat *st, u64 hint)
{
	u64 bs = st->blksize && is_power_of_2(st->blksize) ? st->blksize : 4096;

	if (S_ISDIR(st->mode))
		return 0;
	return min_t(u64, st->blocks << 9,
		     max_t(u64, round_up(st->size, bs), hint));
}

static inline u64 ksmbd_alloc_size(const struct kstat *st)
{
	return ksmbd_alloc_hinted(st, 0);
}

static inline u64 ksmbd_end_of_file(const struct kstat *st)
{
	return S_ISDIR(st->mode) ? 0 : st->size;
}

/* Per-open facts the file information classes report. */
struct ksmbd_info_ctx {
	const struct ksmbd_stat *ks;
	u32 access;		/* granted access mask */
	u64 pos;		/* current byte offset */
	u32 mode;		/* FileModeInformation */
	const char *name;	/* share-relative name, '\\'-separated UTF-8 */
	const char *stream;	/* a named stream's name, or NULL */
	u64 volume_id;
	u32 ea_size;		/* FileEaInformation */
};

/*
 * Encode file information class cls into out (max bytes). Returns the
 * number of bytes written, -E2BIG when max is too small for even the fixed
 * part (STATUS_INFO_LENGTH_MISMATCH), -ENOBUFS when a variable part was
 * truncated (STATUS_BUFFER_OVERFLOW: *out holds max bytes),
 * -EOPNOTSUPP for an unknown class (STATUS_INVALID_INFO_CLASS).
 */
int ksmbd_encode_file_info(u8 cls, const struct ksmbd_info_ctx *c, void *out,
			   u32 max);

/* Facts the file-system information classes report. */
struct ksmbd_fs_ctx {
	const struct kstatfs *sfs;
	u64 create_time;	/* NT time of the share root's creation */
	u32 serial;		/* volume serial number */
	const char *label;	/* volume label (the share name) */
	const char *fs_name;	/* "NTFS" unless configured otherwise */
	u32 fs_attrs;		/* FILE_SUPPORTS_* etc. */
	u8 object_id[16];
};

int ksmbd_encode_fs_info(u8 cls, const struct ksmbd_fs_ctx *c, void *out,
			 u32 max);

#endif /* __KSMBD_VFS_INFO_H__ */
