// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CREATE context walk and encoding (see vfs/cctx.h).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "cctx.h"
#include "../../common/smb2pdu.h"

static bool inside(u32 off, u32 len, u32 start, u32 end)
{
	return off >= start && off <= end && len <= end - off;
}

int ksmbd_cctx_walk(const void *buf, u32 len, ksmbd_cctx_fn fn, void *arg)
{
	const u8 *b = buf;
	u32 off = 0, n = 0;

	if (!len)
		return 0;
	for (;;) {
		const struct create_context *cc;
		u32 next, end, noff, nlen, doff, dlen;
		struct ksmbd_cctx c;
		int r;

		if (off > len || len - off < sizeof(*cc) || ++n > KSMBD_MAX_CCTX)
			return -EINVAL;
		cc = (const struct create_context *)(b + off);
		next = le32_to_cpu(cc->Next);
		if (next && (next % 8 || next < sizeof(*cc) || next > len - off))
			return -EINVAL;
		end = next ? off + next : len;
		noff = le16_to_cpu(cc->NameOffset);
		nlen = le16_to_cpu(cc->NameLength);
		doff = le16_to_cpu(cc->DataOffset);
		dlen = le32_to_cpu(cc->DataLength);
		if (nlen < 4 || noff < sizeof(*cc) ||
		    !inside(off + noff, nlen, off, end))
			return -EINVAL;
		if (dlen && (doff % 8 || doff < noff + nlen ||
			     !inside(off + doff, dlen, off, end)))
			return -EINVAL;
		c.name = b + off + noff;
		c.name_len = nlen;
		c.data = dlen ? b + off + doff : NULL;
		c.data_len = dlen;
		r = fn(arg, &c);
		if (r)
			return r;
		if (!next)
			return 0;
		off += next;
	}
}

u32 ksmbd_cctx_put(void *out, u32 room, const char name[4], const void *data,
		   u32 dlen)
{
	struct create_context *cc = out;
	u32 need = ALIGN(sizeof(*cc) + 8 + dlen, 8);

	if (room < need)
		return 0;
	memset(out, 0, need);
	cc->NameOffset = cpu_to_le16(sizeof(*cc));
	cc->NameLength = cpu_to_le16(4);
	memcpy(cc->Buffer, name, 4);
	cc->DataOffset = cpu_to_le16(sizeof(*cc) + 8);
	cc->DataLength = cpu_to_le32(dlen);
	memcpy(cc->Buffer + 8, data, dlen);
	return need;
}

int ksmbd_cctx_alloc_size(const struct ksmbd_cctx *c, u64 *size)
{
	if (c->data_len != sizeof(u64))
		return -EINVAL;
	*size = get_unaligned_le64(c->data);
	return 0;
}
