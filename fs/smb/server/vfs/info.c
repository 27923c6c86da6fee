// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB view of file metadata and the QUERY_INFO class encoders (see
 * vfs/info.h).
 */
#include <linux/fs.h>
#include <linux/math64.h>
#include <linux/namei.h>
#include <linux/nls.h>
#include <linux/path.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "info.h"
#include "info_wire.h"
#include "dosattr.h"
#include "name.h"
#include "posix.h"
#include "../../common/smb2pdu.h"

/*
 * NT time counts 100 ns units since 1601-01-01; times before 1970 (ext4
 * keeps them back to 1901) are negative seconds here, not clamped
 * (smb2.timestamps.time_t_-1, time_t_1968). Nothing before 1601 exists
 * in NT time: such a timestamp reads as 0.
 */
u64 ksmbd_time_to_nt(struct timespec64 ts)
{
	s64 nt = ts.tv_sec * 10000000LL + ts.tv_nsec / 100 +
		 (s64)KSMBD_NT_EPOCH_DELTA;

	return nt < 0 ? 0 : nt;
}

/* nt above S64_MAX is no time at all: read as 1601, the earliest. */
struct timespec64 ksmbd_nt_to_time(u64 nt)
{
	struct timespec64 ts;
	s64 t = (s64)nt < 0 ? 0 : (s64)nt;
	s32 rem;

	ts.tv_sec = div_s64_rem(t - (s64)KSMBD_NT_EPOCH_DELTA, 10000000, &rem);
	if (rem < 0) {
		rem += 10000000;
		ts.tv_sec--;
	}
	ts.tv_nsec = rem * 100;
	return ts;
}

int ksmbd_vfs_stat(const struct path *path, bool hide_dot,
		   struct ksmbd_stat *ks)
{
	struct ksmbd_dosattr da;
	int err;

	memset(ks, 0, sizeof(*ks));
	err = vfs_getattr(path, &ks->st, STATX_BASIC_STATS | STATX_BTIME,
			  AT_STATX_SYNC_AS_STAT);
	if (err)
		return err;

	if (!ksmbd_dosattr_get(path->dentry, &da)) {
		ks->attrs = da.attrs;
		ks->create_time = da.create_time;
	}
	if (!ks->create_time) {
		if (ks->st.result_mask & STATX_BTIME)
			ks->create_time = ksmbd_time_to_nt(ks->st.btime);
		else if (timespec64_compare(&ks->st.mtime, &ks->st.ctime) < 0)
			ks->create_time = ksmbd_time_to_nt(ks->st.mtime);
		else
			ks->create_time = ksmbd_time_to_nt(ks->st.ctime);
	}
	ks->attrs &= FILE_ATTRIBUTE__MASK & ~(FILE_ATTRIBUTE_DIRECTORY |
					      FILE_ATTRIBUTE_NORMAL |
					      FILE_ATTRIBUTE_REPARSE_POINT);
	/*
	 * A directory is ARCHIVE only when a client said so (smb2.winattr);
	 * a file without user.DOSATTRIB is ARCHIVE, as a new one is.
	 */
	if (S_ISDIR(ks->st.mode))
		ks->attrs |= FILE_ATTRIBUTE_DIRECTORY;
	else if (!da.valid)
		ks->attrs |= FILE_ATTRIBUTE_ARCHIVE;
	/* FSCTL_SET_SPARSE records the state; a file without it has holes */
	if (!da.valid && !S_ISDIR(ks->st.mode) &&
	    ks->st.blocks * 512 < ks->st.size && ks->st.size > 0)
		ks->attrs |= FILE_ATTRIBUTE_SPARSE_FILE;
	if (hide_dot && path->dentry->d_name.name[0] == '.' &&
	    !IS_ROOT(path->dentry))
		ks->attrs |= FILE_ATTRIBUTE_HIDDEN;
	if (!ks->attrs)
		ks->attrs = FILE_ATTRIBUTE_NORMAL;
	return 0;
}

/* --- file information classes --- */

/*
 * UTF-8 name (with '/' or '\\' separators) to UTF-16LE with backslashes,
 * kmalloc'd; *len gets the byte count.
 */
static __le16 *name_utf16(const char *name, u32 *len)
{
	size_t n = strlen(name);
	__le16 *u = kmalloc_array(n + 1, 2, GFP_KERNEL);
	int r, i;

	if (!u)
		return NULL;
	r = utf8s_to_utf16s(name, n, UTF16_LITTLE_ENDIAN, (wchar_t *)u, n + 1);
	if (r < 0)
		r = 0;
	for (i = 0; i < r; i++)
		if (u[i] == cpu_to_le16('/'))
			u[i] = cpu_to_le16('\\');
	*len = r * 2;
	return u;
}

static void fill_basic(struct ksmbd_file_basic_info *b,
		       const struct ksmbd_stat *ks)
{
	b->CreationTime = cpu_to_le64(ks->create_time);
	b->LastAccessTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.atime));
	b->LastWriteTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.mtime));
	b->ChangeTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.ctime));
	b->FileAttributes = cpu_to_le32(ks->attrs);
}

static void fill_standard(struct ksmbd_file_standard_info *s,
			  const struct ksmbd_stat *ks)
{
	bool dir = S_ISDIR(ks->st.mode);

	s->AllocationSize = cpu_to_le64(ksmbd_alloc_hinted(&ks->st,
							   ks->alloc_hint));
	s->EndOfFile = cpu_to_le64(ksmbd_end_of_file(&ks->st));
	s->NumberOfLinks = cpu_to_le32(ks->st.nlink -
				       (ks->delete_pending ? 1 : 0));
	s->DeletePending = ks->delete_pending;
	s->Directory = dir;
}

/*
 * Fixed part of fixed bytes at out, then a name; -ENOBUFS when the name
 * had to be cut (the caller answers STATUS_BUFFER_OVERFLOW with max bytes).
 */
static int put_name(void *out, u32 max, u32 fixed, __le32 *len_field,
		    const char *name)
{
	u32 nlen, room;
	__le16 *u;

	u = name_utf16(name, &nlen);
	if (!u)
		return -ENOMEM;
	*len_field = cpu_to_le32(nlen);
	room = max - fixed;
	memcpy((u8 *)out + fixed, u, min(room, nlen));
	kfree(u);
	if (nlen > room)
		return -ENOBUFS;
	return fixed + nlen;
}

/* "\\" + share-relative name, as FileNameInformation reports it. */
static const char *root_name(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "\\%s", name);
	return buf;
}

int ksmbd_encode_file_info(u8 cls, const struct ksmbd_info_ctx *c, void *out,
			   u32 max)
{
	const struct ksmbd_stat *ks = c->ks;
	u32 need;
	int r;

	if (cls == KSMBD_FILE_POSIX_INFO)	/* the caller checked POSIX */
		return ksmbd_posix_info_encode(ks, out, max);
	switch (cls) {
	case FILE_BASIC_INFORMATION:
		need = sizeof(struct ksmbd_file_basic_info);
		break;
	case FILE_STANDARD_INFORMATION:
		need = sizeof(struct ksmbd_file_standard_info);
		break;
	case FILE_INTERNAL_INFORMATION:
	case FILE_POSITION_INFORMATION:
	case FILE_ATTRIBUTE_TAG_INFORMATION:
		need = 8;
		break;
	case FILE_EA_INFORMATION:
	case FILE_ACCESS_INFORMATION:
	case FILE_MODE_INFORMATION:
	case FILE_ALIGNMENT_INFORMATION:
	case FILE_NAME_INFORMATION:
	case FILE_NORMALIZED_NAME_INFORMATION:
	case FILE_ALTERNATE_NAME_INFORMATION:
		need = 4;
		break;
	case FILE_ALL_INFORMATION:
		need = sizeof(struct ksmbd_file_all_info);
		break;
	case FILE_STREAM_INFORMATION:
		need = 0;
		break;
	case FILE_COMPRESSION_INFORMATION:
		need = sizeof(struct ksmbd_file_compression_info);
		break;
	case FILE_NETWORK_OPEN_INFORMATION:
		need = sizeof(struct ksmbd_file_network_open_info);
		break;
	case FILE_ID_INFORMATION:
		need = sizeof(struct ksmbd_file_id_info);
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (max < need)
		return -E2BIG;
	memset(out, 0, need);

	switch (cls) {
	case FILE_BASIC_INFORMATION:
		fill_basic(out, ks);
		return need;
	case FILE_STANDARD_INFORMATION:
		fill_standard(out, ks);
		return need;
	case FILE_INTERNAL_INFORMATION:
		put_unaligned_le64(ks->st.ino, out);
		return need;
	case FILE_POSITION_INFORMATION:
		put_unaligned_le64(c->pos, out);
		return need;
	case FILE_ATTRIBUTE_TAG_INFORMATION: {
		struct ksmbd_file_attribute_tag_info *t = out;

		t->FileAttributes = cpu_to_le32(ks->attrs);
		return need;
	}
	case FILE_EA_INFORMATION:
		put_unaligned_le32(c->ea_size, out);
		return need;
	case FILE_ACCESS_INFORMATION:
		put_unaligned_le32(c->access, out);
		return need;
	case FILE_MODE_INFORMATION:
		put_unaligned_le32(c->mode, out);
		return need;
	case FILE_ALIGNMENT_INFORMATION:
		return need;		/* byte alignment */
	case FILE_NAME_INFORMATION:
	case FILE_NORMALIZED_NAME_INFORMATION: {
		struct ksmbd_file_name_info *n = out;
		size_t size = strlen(c->name) + 2 +
			      (c->stream ? strlen(c->stream) + 1 : 0);
		char *buf = kmalloc(size, GFP_KERNEL);

		if (!buf)
			return -ENOMEM;
		if (cls == FILE_NAME_INFORMATION)
			root_name(c->name, buf, size);
		else if (c->stream)	/* "dir\file:stream", no ":$DATA" */
			snprintf(buf, size, "%s:%s", c->name, c->stream);
		else
			strscpy(buf, c->name, size);
		r = put_name(out, max, need, &n->FileNameLength, buf);
		kfree(buf);
		return r;
	}
	case FILE_ALTERNATE_NAME_INFORMATION: {
		/*
		 * the 8.3 name listings give (vfs/name.h), or the name itself
		 * when it is 8.3 already
		 */
		struct ksmbd_file_name_info *n = out;
		const char *last = strrchr(c->name, '/');
		char sn[KSMBD_SHORT_NAME_MAX + 1];

		last = last ? last + 1 : c->name;
		r = ksmbd_name_short_utf8(last, sn);
		if (r < 0)
			return r;
		return put_name(out, max, need, &n->FileNameLength,
				r ? sn : last);
	}
	case FILE_ALL_INFORMATION: {
		struct ksmbd_file_all_info *a = out;
		char *buf = kmalloc(strlen(c->name) + 2, GFP_KERNEL);

		if (!buf)
			return -ENOMEM;
		fill_basic(&a->basic, ks);
		fill_standard(&a->standard, ks);
		a->IndexNumber = cpu_to_le64(ks->st.ino);
		a->EaSize = cpu_to_le32(c->ea_size);
		a->AccessFlags = cpu_to_le32(c->access);
		a->CurrentByteOffset = cpu_to_le64(c->pos);
		a->Mode = cpu_to_le32(c->mode);
		r = put_name(out, max, need, &a->name.FileNameLength,
			     root_name(c->name, buf, strlen(c->name) + 2));
		kfree(buf);
		return r;
	}
	case FILE_STREAM_INFORMATION: {
		static const char data[] = "::$DATA";
		const u32 nlen = (sizeof(data) - 1) * 2;
		struct ksmbd_file_stream_info *s = out;
		int i;

		if (S_ISDIR(ks->st.mode))
			return 0;	/* directories have no data stream */
		if (max < sizeof(*s) + nlen)
			return -ENOBUFS;
		memset(s, 0, sizeof(*s));
		s->StreamNameLength = cpu_to_le32(nlen);
		s->StreamSize = cpu_to_le64(ks->st.size);
		s->StreamAllocationSize =
			cpu_to_le64(ksmbd_alloc_hinted(&ks->st, ks->alloc_hint));
		for (i = 0; i < sizeof(data) - 1; i++)
			put_unaligned_le16(data[i], s->StreamName + 2 * i);
		return sizeof(*s) + nlen;
	}
	case FILE_COMPRESSION_INFORMATION: {
		struct ksmbd_file_compression_info *z = out;

		z->CompressedFileSize = cpu_to_le64(ksmbd_end_of_file(&ks->st));
		return need;
	}
	case FILE_NETWORK_OPEN_INFORMATION: {
		struct ksmbd_file_network_open_info *o = out;

		o->CreationTime = cpu_to_le64(ks->create_time);
		o->LastAccessTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.atime));
		o->LastWriteTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.mtime));
		o->ChangeTime = cpu_to_le64(ksmbd_time_to_nt(ks->st.ctime));
		o->AllocationSize =
			cpu_to_le64(ksmbd_alloc_hinted(&ks->st, ks->alloc_hint));
		o->EndOfFile = cpu_to_le64(ksmbd_end_of_file(&ks->st));
		o->FileAttributes = cpu_to_le32(ks->attrs);
		return need;
	}
	case FILE_ID_INFORMATION: {
		struct ksmbd_file_id_info *id = out;

		id->VolumeSerialNumber = cpu_to_le64(c->volume_id);
		put_unaligned_le64(ks->st.ino, id->FileId);
		return need;
	}
	}
	return -EOPNOTSUPP;
}

/* --- file-system information classes --- */

static int put_fs_name(void *out, u32 max, u32 fixed, __le32 *len_field,
		       const char *name)
{
	return put_name(out, max, fixed, len_field, name);
}

int ksmbd_encode_fs_info(u8 cls, const struct ksmbd_fs_ctx *c, void *out,
			 u32 max)
{
	const struct kstatfs *sfs = c->sfs;
	u32 bsize = sfs->f_bsize ? sfs->f_bsize : 4096;
	u32 spu = bsize >= 512 ? bsize / 512 : 1;
	u32 need;

	if (cls == KSMBD_FS_POSIX_INFO)		/* the caller checked POSIX */
		return ksmbd_posix_fs_encode(sfs, out, max);
	switch (cls) {
	case FS_VOLUME_INFORMATION:
		need = sizeof(struct ksmbd_fs_volume_info);
		break;
	case FS_SIZE_INFORMATION:
		need = sizeof(struct ksmbd_fs_size_info);
		break;
	case FS_FULL_SIZE_INFORMATION:
		need = sizeof(struct ksmbd_fs_full_size_info);
		break;
	case FS_DEVICE_INFORMATION:
		need = sizeof(struct ksmbd_fs_device_info);
		break;
	case FS_ATTRIBUTE_INFORMATION:
		need = sizeof(struct ksmbd_fs_attribute_info);
		break;
	case FS_SECTOR_SIZE_INFORMATION:
		need = sizeof(struct ksmbd_fs_sector_size_info);
		break;
	case FS_OBJECT_ID_INFORMATION:
		need = sizeof(struct ksmbd_fs_objectid_info);
		break;
	case FS_CONTROL_INFORMATION:
		need = KSMBD_FS_CONTROL_INFO_SIZE;
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (max < need)
		return -E2BIG;
	memset(out, 0, need);

	switch (cls) {
	case FS_VOLUME_INFORMATION: {
		struct ksmbd_fs_volume_info *v = out;
		int r;

		v->VolumeCreationTime = cpu_to_le64(c->create_time);
		v->VolumeSerialNumber = cpu_to_le32(c->serial);
		r = put_fs_name(out, max, need, &v->VolumeLabelLength,
				c->label);
		return r;
	}
	case FS_SIZE_INFORMATION: {
		struct ksmbd_fs_size_info *s = out;

		s->TotalAllocationUnits = cpu_to_le64(sfs->f_blocks);
		s->AvailableAllocationUnits = cpu_to_le64(sfs->f_bavail);
		s->SectorsPerAllocationUnit = cpu_to_le32(spu);
		s->BytesPerSector = cpu_to_le32(512);
		return need;
	}
	case FS_FULL_SIZE_INFORMATION: {
		struct ksmbd_fs_full_size_info *s = out;

		s->TotalAllocationUnits = cpu_to_le64(sfs->f_blocks);
		s->CallerAvailableAllocationUnits = cpu_to_le64(sfs->f_bavail);
		s->ActualAvailableAllocationUnits = cpu_to_le64(sfs->f_bfree);
		s->SectorsPerAllocationUnit = cpu_to_le32(spu);
		s->BytesPerSector = cpu_to_le32(512);
		return need;
	}
	case FS_DEVICE_INFORMATION: {
		struct ksmbd_fs_device_info *d = out;

		d->DeviceType = cpu_to_le32(FILE_DEVICE_DISK);
		d->Characteristics = cpu_to_le32(FILE_DEVICE_IS_MOUNTED);
		return need;
	}
	case FS_ATTRIBUTE_INFORMATION: {
		struct ksmbd_fs_attribute_info *a = out;

		a->FileSystemAttributes = cpu_to_le32(c->fs_attrs);
		a->MaximumComponentNameLength =
			cpu_to_le32(min_t(u64, sfs->f_namelen, 255));
		return put_fs_name(out, max, need, &a->FileSystemNameLength,
				   c->fs_name);
	}
	case FS_SECTOR_SIZE_INFORMATION: {
		struct ksmbd_fs_sector_size_info *s = out;

		s->LogicalBytesPerSector = cpu_to_le32(512);
		s->PhysicalBytesPerSectorForAtomicity = cpu_to_le32(bsize);
		s->PhysicalBytesPerSectorForPerformance = cpu_to_le32(bsize);
		s->FileSystemEffectivePhysicalBytesPerSectorForAtomicity =
			cpu_to_le32(bsize);
		s->Flags = cpu_to_le32(SSINFO_FLAGS_ALIGNED_DEVICE |
				       SSINFO_FLAGS_PARTITION_ALIGNED_ON_DEVICE);
		return need;
	}
	case FS_CONTROL_INFORMATION:
		/*
		 * [MS-FSCC] 2.5.2: no quotas are kept: filtering thresholds 0,
		 * DefaultQuotaThreshold/Limit "none" (-1), no control flags.
		 */
		put_unaligned_le64(U64_MAX, (u8 *)out + 24);
		put_unaligned_le64(U64_MAX, (u8 *)out + 32);
		return need;
	case FS_OBJECT_ID_INFORMATION: {
		struct ksmbd_fs_objectid_info *o = out;

		memcpy(o->ObjectId, c->object_id, sizeof(o->ObjectId));
		return need;
	}
	}
	return -EOPNOTSUPP;
}

/*
 * The smallest buffer a variable-length class is answered in: Windows
 * takes the size of its C structure (the name's first WCHAR included,
 * padded to 8). 0: a fixed-size class, whose size it is.
 */
static u32 variable_min(u8 type, u8 cls)
{
	if (type == SMB2_O_INFO_FILESYSTEM) {
		switch (cls) {
		case FS_VOLUME_INFORMATION:
			return 24;
		case FS_ATTRIBUTE_INFORMATION:
			return 16;
		}
		return 0;
	}
	switch (cls) {
	case FILE_NAME_INFORMATION:
	case FILE_NORMALIZED_NAME_INFORMATION:
	case FILE_ALTERNATE_NAME_INFORMATION:
		return 8;
	case FILE_STREAM_INFORMATION:
		return 32;
	case FILE_ALL_INFORMATION:
		return 104;
	}
	return 0;
}

int ksmbd_info_fit(u8 type, u8 cls, int full, u32 max, bool *partial)
{
	u32 min;

	*partial = false;
	if (full >= 0 && full <= max)
		return full;
	min = variable_min(type, cls);
	if (!min || max < min)
		return -E2BIG;
	*partial = true;
	return max;
}
