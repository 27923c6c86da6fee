/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Wire layouts of the [MS-FSCC] 2.4 / 2.5 information classes that
 * fs/smb/common/smb2pdu.h does not define. Every struct is size-checked.
 *
 * Owner: vfs. Pure layouts.
 */
#ifndef __KSMBD_VFS_INFO_WIRE_H__
#define __KSMBD_VFS_INFO_WIRE_H__

#include <linux/build_bug.h>
#include <linux/types.h>

struct ksmbd_file_basic_info {			/* 2.4.7 */
	__le64 CreationTime;
	__le64 LastAccessTime;
	__le64 LastWriteTime;
	__le64 ChangeTime;
	__le32 FileAttributes;
	__le32 Reserved;
} __packed;
static_assert(sizeof(struct ksmbd_file_basic_info) == 40);

struct ksmbd_file_standard_info {		/* 2.4.41 */
	__le64 AllocationSize;
	__le64 EndOfFile;
	__le32 NumberOfLinks;
	__u8 DeletePending;
	__u8 Directory;
	__le16 Reserved;
} __packed;
static_assert(sizeof(struct ksmbd_file_standard_info) == 24);

struct ksmbd_file_name_info {			/* 2.4.28 (also 2.4.5) */
	__le32 FileNameLength;
	__u8 FileName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_name_info) == 4);

struct ksmbd_file_all_info {			/* 2.4.2 */
	struct ksmbd_file_basic_info basic;
	struct ksmbd_file_standard_info standard;
	__le64 IndexNumber;			/* internal */
	__le32 EaSize;				/* EA */
	__le32 AccessFlags;			/* access */
	__le64 CurrentByteOffset;		/* position */
	__le32 Mode;				/* mode */
	__le32 AlignmentRequirement;		/* alignment */
	struct ksmbd_file_name_info name;
} __packed;
static_assert(sizeof(struct ksmbd_file_all_info) == 100);

struct ksmbd_file_network_open_info {		/* 2.4.29 */
	__le64 CreationTime;
	__le64 LastAccessTime;
	__le64 LastWriteTime;
	__le64 ChangeTime;
	__le64 AllocationSize;
	__le64 EndOfFile;
	__le32 FileAttributes;
	__le32 Reserved;
} __packed;
static_assert(sizeof(struct ksmbd_file_network_open_info) == 56);

struct ksmbd_file_compression_info {		/* 2.4.9 */
	__le64 CompressedFileSize;
	__le16 CompressionFormat;
	__u8 CompressionUnitShift;
	__u8 ChunkShift;
	__u8 ClusterShift;
	__u8 Reserved[3];
} __packed;
static_assert(sizeof(struct ksmbd_file_compression_info) == 16);

struct ksmbd_file_attribute_tag_info {		/* 2.4.6 */
	__le32 FileAttributes;
	__le32 ReparseTag;
} __packed;
static_assert(sizeof(struct ksmbd_file_attribute_tag_info) == 8);

struct ksmbd_file_id_info {			/* 2.4.21 */
	__le64 VolumeSerialNumber;
	__u8 FileId[16];
} __packed;
static_assert(sizeof(struct ksmbd_file_id_info) == 24);

struct ksmbd_file_stream_info {			/* 2.4.44 */
	__le32 NextEntryOffset;
	__le32 StreamNameLength;
	__le64 StreamSize;
	__le64 StreamAllocationSize;
	__u8 StreamName[];
} __packed;
static_assert(sizeof(struct ksmbd_file_stream_info) == 24);

struct ksmbd_fs_volume_info {			/* 2.5.9 */
	__le64 VolumeCreationTime;
	__le32 VolumeSerialNumber;
	__le32 VolumeLabelLength;
	__u8 SupportsObjects;
	__u8 Reserved;
	__u8 VolumeLabel[];
} __packed;
static_assert(sizeof(struct ksmbd_fs_volume_info) == 18);

struct ksmbd_fs_size_info {			/* 2.5.8 */
	__le64 TotalAllocationUnits;
	__le64 AvailableAllocationUnits;
	__le32 SectorsPerAllocationUnit;
	__le32 BytesPerSector;
} __packed;
static_assert(sizeof(struct ksmbd_fs_size_info) == 24);

struct ksmbd_fs_full_size_info {		/* 2.5.4 */
	__le64 TotalAllocationUnits;
	__le64 CallerAvailableAllocationUnits;
	__le64 ActualAvailableAllocationUnits;
	__le32 SectorsPerAllocationUnit;
	__le32 BytesPerSector;
} __packed;
static_assert(sizeof(struct ksmbd_fs_full_size_info) == 32);

struct ksmbd_fs_device_info {			/* 2.5.10 */
	__le32 DeviceType;
	__le32 Characteristics;
} __packed;
static_assert(sizeof(struct ksmbd_fs_device_info) == 8);

struct ksmbd_fs_attribute_info {		/* 2.5.1 */
	__le32 FileSystemAttributes;
	__le32 MaximumComponentNameLength;
	__le32 FileSystemNameLength;
	__u8 FileSystemName[];
} __packed;
static_assert(sizeof(struct ksmbd_fs_attribute_info) == 12);

struct ksmbd_fs_sector_size_info {		/* 2.5.7 */
	__le32 LogicalBytesPerSector;
	__le32 PhysicalBytesPerSectorForAtomicity;
	__le32 PhysicalBytesPerSectorForPerformance;
	__le32 FileSystemEffectivePhysicalBytesPerSectorForAtomicity;
	__le32 Flags;
	__le32 ByteOffsetForSectorAlignment;
	__le32 ByteOffsetForPartitionAlignment;
} __packed;
static_assert(sizeof(struct ksmbd_fs_sector_size_info) == 28);

struct ksmbd_fs_objectid_info {			/* 2.5.6 */
	__u8 ObjectId[16];
	__u8 ExtendedInfo[48];
} __packed;
static_assert(sizeof(struct ksmbd_fs_objectid_info) == 64);

/* FileSystemAttributes (2.5.1) */
/* FileFsControlInformation ([MS-FSCC] 2.5.2): five u64, u32 flags, pad */
#define KSMBD_FS_CONTROL_INFO_SIZE	48

#define KSMBD_FS_CASE_SENSITIVE_SEARCH	0x00000001
#define KSMBD_FS_CASE_PRESERVED_NAMES	0x00000002
#define KSMBD_FS_UNICODE_ON_DISK	0x00000004
#define KSMBD_FS_PERSISTENT_ACLS	0x00000008
#define KSMBD_FS_SUPPORTS_SPARSE_FILES	0x00000040
#define KSMBD_FS_SUPPORTS_OBJECT_IDS	0x00010000
#define KSMBD_FS_NAMED_STREAMS		0x00040000
#define KSMBD_FS_SUPPORTS_HARD_LINKS	0x00400000
#define KSMBD_FS_SUPPORTS_EXT_ATTRS	0x00800000

#endif /* __KSMBD_VFS_INFO_WIRE_H__ */
