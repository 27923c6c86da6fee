// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Self-relative security descriptors: decoder and encoder (vfs/sd_wire.h).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "sd_wire.h"

int ksmbd_sid_check(const u8 *buf, u32 len)
{
	u32 n;

	if (len < sizeof(struct ksmbd_sid_hdr))
		return -EDOM;
	n = buf[1];
	if (buf[0] != KSMBD_SID_REVISION || n > KSMBD_SID_MAX_SUB_AUTH)
		return -EDOM;
	if (len < sizeof(struct ksmbd_sid_hdr) + 4 * n)
		return -EDOM;
	return sizeof(struct ksmbd_sid_hdr) + 4 * n;
}

int ksmbd_sid_decode(const u8 *buf, u32 len, struct ksmbd_sid *sid)
{
	int size = ksmbd_sid_check(buf, len);
	int i;

	if (size < 0)
		return size;
	memset(sid, 0, sizeof(*sid));
	sid->revision = buf[0];
	sid->num_auth = buf[1];
	memcpy(sid->authority, buf + 2, 6);
	for (i = 0; i < sid->num_auth; i++)
		sid->sub_auth[i] = get_unaligned_le32(buf + 8 + 4 * i);
	return size;
}

int ksmbd_sid_encode(const struct ksmbd_sid *sid, u8 *buf, u32 room)
{
	u32 size = 8 + 4 * sid->num_auth;
	int i;

	if (sid->num_auth > KSMBD_SID_MAX_SUB_AUTH || room < size)
		return -ENOSPC;
	buf[0] = sid->revision;
	buf[1] = sid->num_auth;
	memcpy(buf + 2, sid->authority, 6);
	for (i = 0; i < sid->num_auth; i++)
		put_unaligned_le32(sid->sub_auth[i], buf + 8 + 4 * i);
	return size;
}

bool ksmbd_sid_equal(const u8 *wire, u32 len, const struct ksmbd_sid *sid)
{
	struct ksmbd_sid w;

	if (ksmbd_sid_decode(wire, len, &w) < 0)
		return false;
	return w.num_auth == sid->num_auth &&
	       !memcmp(w.authority, sid->authority, 6) &&
	       !memcmp(w.sub_auth, sid->sub_auth, 4 * w.num_auth);
}

/* Bytes of an ACE's body before its SID, or -1 when it carries none. */
static int ace_sid_offset(const u8 *ace, u32 ace_len)
{
	u32 off, flags;

	switch (ace[0]) {
	case KSMBD_ACE_ALLOWED:
	case KSMBD_ACE_DENIED:
	case KSMBD_ACE_SYSTEM_AUDIT:
	case KSMBD_ACE_SYSTEM_ALARM:
	case KSMBD_ACE_ALLOWED_CALLBACK:
	case KSMBD_ACE_DENIED_CALLBACK:
	case KSMBD_ACE_AUDIT_CALLBACK:
	case KSMBD_ACE_ALARM_CALLBACK:
	case KSMBD_ACE_MANDATORY_LABEL:
	case KSMBD_ACE_RESOURCE_ATTRIBUTE:
	case KSMBD_ACE_SCOPED_POLICY_ID:
		return 8;	/* header, mask */
	case KSMBD_ACE_ALLOWED_OBJECT:
	case KSMBD_ACE_DENIED_OBJECT:
	case KSMBD_ACE_AUDIT_OBJECT:
	case KSMBD_ACE_ALARM_OBJECT:
	case KSMBD_ACE_ALLOWED_CB_OBJECT:
	case KSMBD_ACE_DENIED_CB_OBJECT:
	case KSMBD_ACE_AUDIT_CB_OBJECT:
	case KSMBD_ACE_ALARM_CB_OBJECT:
		/* header, mask, flags, then the GUIDs the flags name */
		if (ace_len < 12)
			return -2;
		flags = get_unaligned_le32(ace + 8);
		off = 12;
		if (flags & 1)
			off += 16;
		if (flags & 2)
			off += 16;
		return off;
	}
	return -1;
}

static int ace_check(const u8 *ace, u32 ace_len)
{
	int off = ace_sid_offset(ace, ace_len);

	if (off == -1)
		return ace_len >= 8 ? 0 : -EBADMSG;	/* unknown: opaque */
	if (off < 0 || ace_len < off)
		return -EBADMSG;
	return ksmbd_sid_check(ace + off, ace_len - off) < 0 ? -EBADMSG : 0;
}

const u8 *ksmbd_ace_sid(const u8 *ace, u32 ace_len, u32 *sid_len)
{
	int off = ace_sid_offset(ace, ace_len);
	int n;

	if (off < 0 || ace_len < off)
		return NULL;
	n = ksmbd_sid_check(ace + off, ace_len - off);
	if (n < 0)
		return NULL;
	*sid_len = n;
	return ace + off;
}

int ksmbd_acl_check(const u8 *buf, u32 len)
{
	const struct ksmbd_acl_hdr *h = (const void *)buf;
	u32 size, count, off, i;

	if (len < sizeof(*h))
		return -EBADMSG;
	size = le16_to_cpu(h->size);
	count = le16_to_cpu(h->count);
	if ((h->revision != KSMBD_ACL_REVISION &&
	     h->revision != KSMBD_ACL_REVISION_DS) ||
	    size < sizeof(*h) || size > len)
		return -EBADMSG;
	off = sizeof(*h);
	for (i = 0; i < count; i++) {
		u32 ace_len;

		if (size - off < sizeof(struct ksmbd_ace_hdr))
			return -EBADMSG;
		ace_len = get_unaligned_le16(buf + off + 2);
		if (ace_len < sizeof(struct ksmbd_ace_hdr) || ace_len % 4 ||
		    ace_len > size - off)
			return -EBADMSG;
		if (ace_check(buf + off, ace_len))
			return -EBADMSG;
		off += ace_len;
	}
	return size;
}

int ksmbd_acl_walk(const u8 *acl, ksmbd_ace_fn fn, void *arg)
{
	const struct ksmbd_acl_hdr *h = (const void *)acl;
	u32 count = le16_to_cpu(h->count), off = sizeof(*h), i;
	int r;

	for (i = 0; i < count; i++) {
		u32 ace_len = get_unaligned_le16(acl + off + 2);

		r = fn(arg, acl + off, ace_len);
		if (r)
			return r;
		off += ace_len;
	}
	return 0;
}

/*
 * The part at off (0: absent) of a len-byte descriptor b, checked by
 * check(): its start and size in *p, *plen.
 */
static int part_at(const u8 *b, u32 len, u32 off,
		   int (*check)(const u8 *buf, u32 len),
		   const u8 **p, u32 *plen)
{
	int n;

	*p = NULL;
	*plen = 0;
	if (!off)
		return 0;
	if (off < sizeof(struct ksmbd_sd_hdr) || off >= len)
		return -EINVAL;
	n = check(b + off, len - off);
	if (n < 0)
		return n;
	*p = b + off;
	*plen = n;
	return 0;
}

int ksmbd_sd_decode(const void *buf, u32 len, struct ksmbd_sd *sd)
{
	const struct ksmbd_sd_hdr *h = buf;
	const u8 *b = buf;
	int err;

	memset(sd, 0, sizeof(*sd));
	if (len < sizeof(*h) || h->revision != KSMBD_SD_REVISION)
		return -EINVAL;
	sd->control = le16_to_cpu(h->control);
	if (!(sd->control & KSMBD_SE_SELF_RELATIVE))
		return -EINVAL;

	err = part_at(b, len, le32_to_cpu(h->owner_off), ksmbd_sid_check,
		      &sd->owner, &sd->owner_len);
	if (!err)
		err = part_at(b, len, le32_to_cpu(h->group_off),
			      ksmbd_sid_check, &sd->group, &sd->group_len);
	/* an ACL's offset means something only with its PRESENT bit */
	if (!err && (sd->control & KSMBD_SE_SACL_PRESENT))
		err = part_at(b, len, le32_to_cpu(h->sacl_off),
			      ksmbd_acl_check, &sd->sacl, &sd->sacl_len);
	if (!err && (sd->control & KSMBD_SE_DACL_PRESENT))
		err = part_at(b, len, le32_to_cpu(h->dacl_off),
			      ksmbd_acl_check, &sd->dacl, &sd->dacl_len);
	return err;
}

/* Place len bytes of part at *off (4-aligned); returns its offset or 0. */
static u32 put_part(u8 *out, u32 max, u32 *off, const u8 *part, u32 len)
{
	u32 at = *off;

	if (!part)
		return 0;
	*off = ALIGN(at + len, 4);
	if (out && *off <= max) {
		memcpy(out + at, part, len);
		memset(out + at + len, 0, *off - at - len);
	}
	return at;
}

u32 ksmbd_sd_encode(const struct ksmbd_sd *sd, void *out, u32 max)
{
	struct ksmbd_sd_hdr h = {};
	u32 off = sizeof(h), total;
	u16 control = sd->control | KSMBD_SE_SELF_RELATIVE;
	u8 *o = out;

	total = sizeof(h);
	if (sd->owner)
		total = ALIGN(total + sd->owner_len, 4);
	if (sd->group)
		total = ALIGN(total + sd->group_len, 4);
	if (sd->sacl)
		total = ALIGN(total + sd->sacl_len, 4);
	if (sd->dacl)
		total = ALIGN(total + sd->dacl_len, 4);
	if (!o || total > max)
		return total;

	h.revision = KSMBD_SD_REVISION;
	h.owner_off = cpu_to_le32(put_part(o, max, &off, sd->owner,
					   sd->owner_len));
	h.group_off = cpu_to_le32(put_part(o, max, &off, sd->group,
					   sd->group_len));
	h.sacl_off = cpu_to_le32(put_part(o, max, &off, sd->sacl,
					  sd->sacl_len));
	h.dacl_off = cpu_to_le32(put_part(o, max, &off, sd->dacl,
					  sd->dacl_len));
	if (!sd->sacl && !(control & KSMBD_SE_SACL_PRESENT))
		control &= ~KSMBD_SE_SACL_BITS;
	if (!sd->dacl && !(control & KSMBD_SE_DACL_PRESENT))
		control &= ~KSMBD_SE_DACL_BITS;
	h.control = cpu_to_le16(control);
	memcpy(o, &h, sizeof(h));
	return total;
}
