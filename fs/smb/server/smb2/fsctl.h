/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FSCTLs of SMB2 IOCTL ([MS-SMB2] 3.3.5.15, [MS-FSCC] 2.3): smb2/ioctl.c
 * checks the request, finds the row of its control code and hands the row
 * an already bounds-checked input and a zeroed output area; the rows live
 * by concept in smb2/fsctl_*.c.
 *
 * Owner: vfs. No state: a row works on the open it is given (referenced
 * by smb2/ioctl.c for the length of the call) under the locks the vfs
 * headers name.
 *
 * The pure parsers and encoders below take wire bytes and lengths only
 * and are tested by smb2/fsctl_test.c.
 */
#ifndef __KSMBD_SMB2_FSCTL_H__
#define __KSMBD_SMB2_FSCTL_H__

#include <linux/types.h>

struct ksmbd_work;
struct ksmbd_file;

struct fsctl_args {
	struct ksmbd_work *work;
	struct ksmbd_file *fp;		/* NULL for rows without a file */
	u32 code;			/* CtlCode */
	u64 pfid, vfid;
	const u8 *in;			/* InputCount bytes inside the PDU */
	u32 in_len;
	u8 *out;			/* out_max zeroed bytes */
	u32 out_max;
	u32 out_len;			/* set by the row */
	bool err_body;			/* send the output with an error status */
};

/* smb2/fsctl_copy.c: server-side copy */
__le32 ksmbd_fsctl_resume_key(struct fsctl_args *a);
__le32 ksmbd_fsctl_copychunk(struct fsctl_args *a);
__le32 ksmbd_fsctl_dup_extents(struct fsctl_args *a);

/* smb2/fsctl_sparse.c: sparse files and allocated ranges */
__le32 ksmbd_fsctl_set_sparse(struct fsctl_args *a);
__le32 ksmbd_fsctl_set_zero_data(struct fsctl_args *a);
__le32 ksmbd_fsctl_query_ranges(struct fsctl_args *a);

/* smb2/fsctl_file.c: per-file attributes: compression, object ids */
__le32 ksmbd_fsctl_get_compression(struct fsctl_args *a);
__le32 ksmbd_fsctl_set_compression(struct fsctl_args *a);
__le32 ksmbd_fsctl_object_id(struct fsctl_args *a);

/* --- pure helpers (KUnit) --- */

/* [MS-SMB2] 3.3.3: server-side copy limits */
#define KSMBD_COPYCHUNK_MAX_CHUNKS	256
#define KSMBD_COPYCHUNK_MAX_CHUNK	(1024 * 1024)
#define KSMBD_COPYCHUNK_MAX_TOTAL	(16 * 1024 * 1024)
#define KSMBD_RESUME_KEY_SIZE		24
/* SourceKey, ChunkCount, Reserved */
#define KSMBD_COPYCHUNK_HDR		(KSMBD_RESUME_KEY_SIZE + 8)
#define KSMBD_COPYCHUNK_ELEM		24
#define KSMBD_COPYCHUNK_RSP		12

struct ksmbd_copychunk {
	u64 key_pfid, key_vfid;		/* from the resume key we handed out */
	u32 count;
	const u8 *chunks;		/* count elements of 24 bytes */
};

/*
 * SRV_COPYCHUNK_COPY ([MS-SMB2] 2.2.31.1): STATUS_SUCCESS with *cc filled,
 * or STATUS_INVALID_PARAMETER; *limits is then true when the answer must
 * carry the server's limits (too many chunks, a chunk empty or too long,
 * too many bytes in all).
 */
__le32 ksmbd_copychunk_parse(const u8 *in, u32 in_len,
			     struct ksmbd_copychunk *cc, bool *limits);
void ksmbd_copychunk_chunk(const struct ksmbd_copychunk *cc, u32 i,
			   u64 *soff, u64 *doff, u32 *len);

/*
 * FSCTL_QUERY_ALLOCATED_RANGES output: append the range [off, off + len)
 * at index *n of out (out_max bytes), merging it with the previous one
 * when they touch. false when it does not fit (nothing written).
 */
bool ksmbd_qar_put(u8 *out, u32 out_max, u32 *n, u64 off, u64 len);

#endif /* __KSMBD_SMB2_FSCTL_H__ */
