/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CREATE contexts ([MS-SMB2] 2.2.13.2): a checked walk over the request's
 * list and an encoder for response contexts (2.2.14.2).
 *
 * Owner: vfs. Pure functions over buffers: no state, no locking.
 */
#ifndef __KSMBD_VFS_CCTX_H__
#define __KSMBD_VFS_CCTX_H__

#include <linux/types.h>

/* Upper bound on contexts in one CREATE. */
#define KSMBD_MAX_CCTX	32

struct ksmbd_cctx {
	const u8 *name;
	u16 name_len;
	const u8 *data;
	u32 data_len;
};

/*
 * Call fn for each context of buf/len (the CreateContexts area). Each
 * context starts 8-aligned inside buf, its 16-byte header fits, its name
 * and data lie inside it, Next is a multiple of 8 that moves forward.
 * Returns -EINVAL for a malformed list, fn's non-zero return, or 0.
 */
typedef int (*ksmbd_cctx_fn)(void *arg, const struct ksmbd_cctx *c);
int ksmbd_cctx_walk(const void *buf, u32 len, ksmbd_cctx_fn fn, void *arg);

/*
 * The AllocationSize of an SMB2_CREATE_ALLOCATION_SIZE ("AlSi") context
 * ([MS-SMB2] 2.2.13.2.6): exactly 8 bytes, little-endian. 0 or -EINVAL.
 */
int ksmbd_cctx_alloc_size(const struct ksmbd_cctx *c, u64 *size);

/*
 * Append a response context with a 4-byte name and dlen bytes of data at
 * out (room bytes available, 8-aligned start); the caller links Next.
 * Returns the bytes used (8-aligned) or 0 when it does not fit.
 */
u32 ksmbd_cctx_put(void *out, u32 room, const char name[4], const void *data,
		   u32 dlen);

#endif /* __KSMBD_VFS_CCTX_H__ */
