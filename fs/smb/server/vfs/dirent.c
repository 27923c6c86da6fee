// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Directory entry encoders and packing (see vfs/dirent.h).
 */
#include <linux/build_bug.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "dirent.h"
#include "info.h"
#include "posix.h"
#include "../../common/smb2pdu.h"

/* Fields shared by the "directory" family, after NextEntryOffset. */
struct ksmbd_dir_common {
	__le32 NextEntryOffset;
	__le32 FileIndex;
	__le64 CreationTime;
	__le64 LastAccessTime;
	__le64 LastWriteTime;
	__le64 ChangeTime;
	__le64 EndOfFile;
	__le64 AllocationSize;
	__le32 FileAttributes;
	__le32 FileNameLength;
} __packed;
static_assert(sizeof(struct ksmbd_dir_common) == 64);

struct ksmbd_file_directory_info {		/* 2.4.10 */
	struct ksmbd_dir_common c;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_directory_info) == 64);

struct ksmbd_file_full_dir_info {		/* 2.4.14 */
	struct ksmbd_dir_common c;
	__le32 EaSize;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_full_dir_info) == 68);

struct ksmbd_file_id_full_dir_info {		/* 2.4.18 */
	struct ksmbd_dir_common c;
	__le32 EaSize;
	__le32 Reserved;
	__le64 FileId;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_id_full_dir_info) == 80);

struct ksmbd_file_both_dir_info {		/* 2.4.8 */
	struct ksmbd_dir_common c;
	__le32 EaSize;
	__u8 ShortNameLength;
	__u8 Reserved1;
	__u8 ShortName[24];
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_both_dir_info) == 94);
static_assert(sizeof_field(struct ksmbd_file_both_dir_info, ShortName) ==
	      KSMBD_DIRENT_SHORT_MAX);

struct ksmbd_file_id_both_dir_info {		/* 2.4.17 */
	struct ksmbd_dir_common c;
	__le32 EaSize;
	__u8 ShortNameLength;
	__u8 Reserved1;
	__u8 ShortName[24];
	__le16 Reserved2;
	__le64 FileId;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_id_both_dir_info) == 104);
static_assert(offsetof(struct ksmbd_file_id_both_dir_info, Reserved2) ==
	      offsetof(struct ksmbd_file_both_dir_info, FileName));

struct ksmbd_file_id_extd_dir_info {		/* 2.4.20 */
	struct ksmbd_dir_common c;
	__le32 EaSize;
	__le32 ReparsePointTag;
	__u8 FileId[16];
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_id_extd_dir_info) == 88);

struct ksmbd_file_names_info {			/* 2.4.28 */
	__le32 NextEntryOffset;
	__le32 FileIndex;
	__le32 FileNameLength;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_names_info) == 12);

u32 ksmbd_dirent_fixed(u8 cls)
{
	switch (cls) {
	case FILE_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_directory_info);
	case FILE_FULL_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_full_dir_info);
	case FILEID_FULL_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_id_full_dir_info);
	case FILE_BOTH_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_both_dir_info);
	case FILEID_BOTH_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_id_both_dir_info);
	case FILE_ID_EXTD_DIRECTORY_INFORMATION:
		return sizeof(struct ksmbd_file_id_extd_dir_info);
	case FILE_NAMES_INFORMATION:
		return sizeof(struct ksmbd_file_names_info);
	case KSMBD_FIND_POSIX_INFO:	/* variable: its smallest entry */
		return KSMBD_POSIX_DIRENT_MIN;
	}
	return 0;
}

static void fill_common(struct ksmbd_dir_common *c, const struct ksmbd_stat *ks,
			u32 name_len)
{
	c->CreationTime = cpu_to_le64(ks->create_time);
	c->LastAccessTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.atime));
	c->LastWriteTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.mtime));
	c->ChangeTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.ctime));
	c->EndOfFile = cpu_to_le64(ksmbd_end_of_file(&ks->st));
	c->AllocationSize = cpu_to_le64(ksmbd_alloc_size(&ks->st));
	c->FileAttributes = cpu_to_le32(ks->attrs);
	c->FileNameLength = cpu_to_le32(name_len);
}

int ksmbd_dirent_put(struct ksmbd_dirent_buf *b, u8 cls,
		     const struct ksmbd_dirent *e)
{
	u32 fixed = ksmbd_dirent_fixed(cls), start, size;
	const struct ksmbd_stat *ks = e->ks;
	u8 *p;

	if (!fixed || e->short_len > KSMBD_DIRENT_SHORT_MAX)
		return -EINVAL;
	if (cls == KSMBD_FIND_POSIX_INFO)	/* SIDs vary (vfs/posix.h) */
		fixed = ksmbd_posix_dirent_fixed(ks);
	start = b->count ? ALIGN(b->used, 8) : 0;
	size = fixed + e->name_len;
	if (start > b->max || size > b->max - start)
		return -ENOSPC;
	p = b->buf + start;
	memset(b->buf + b->used, 0, start + fixed - b->used);
	memcpy(p + fixed, e->name, e->name_len);

	switch (cls) {
	case KSMBD_FIND_POSIX_INFO:
		ksmbd_posix_dirent_fill(p, e);
		break;
	case FILE_NAMES_INFORMATION: {
		struct ksmbd_file_names_info *n = (void *)p;

		n->FileNameLength = cpu_to_le32(e->name_len);
		break;
	}
	case FILE_DIRECTORY_INFORMATION:
		fill_common((void *)p, ks, e->name_len);
		break;
	case FILE_FULL_DIRECTORY_INFORMATION: {
		struct ksmbd_file_full_dir_info *d = (void *)p;

		fill_common(&d->c, ks, e->name_len);
		d->EaSize = cpu_to_le32(e->ea_size);
		break;
	}
	case FILE_BOTH_DIRECTORY_INFORMATION:
	case FILEID_BOTH_DIRECTORY_INFORMATION: {
		/* the id class extends the other past ShortName */
		struct ksmbd_file_both_dir_info *d = (void *)p;

		fill_common(&d->c, ks, e->name_len);
		d->EaSize = cpu_to_le32(e->ea_size);
		d->ShortNameLength = e->short_len;
		if (e->short_len)
			memcpy(d->ShortName, e->short_name, e->short_len);
		if (cls == FILEID_BOTH_DIRECTORY_INFORMATION)
			((struct ksmbd_file_id_both_dir_info *)p)->FileId =
				cpu_to_le64(ks->st.ino);
		break;
	}
	case FILEID_FULL_DIRECTORY_INFORMATION: {
		struct ksmbd_file_id_full_dir_info *d = (void *)p;

		fill_common(&d->c, ks, e->name_len);
		d->EaSize = cpu_to_le32(e->ea_size);
		d->FileId = cpu_to_le64(ks->st.ino);
		break;
	}
	case FILE_ID_EXTD_DIRECTORY_INFORMATION: {
		struct ksmbd_file_id_extd_dir_info *d = (void *)p;
		__le64 ino = cpu_to_le64(ks->st.ino);

		fill_common(&d->c, ks, e->name_len);
		d->EaSize = cpu_to_le32(e->ea_size);
		memcpy(d->FileId, &ino, sizeof(ino));
		break;
	}
	}
	if (b->count) {
		__le32 *prev_next = (__le32 *)(b->buf + b->last);

		*prev_next = cpu_to_le32(start - b->last);
	}
	b->last = start;
	b->used = start + size;
	b->count++;
	return 0;
}
