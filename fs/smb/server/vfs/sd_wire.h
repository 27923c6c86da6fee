/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-relative security descriptors on the wire ([MS-DTYP] 2.4.2 SID,
 * 2.4.4 ACE, 2.4.5 ACL, 2.4.6 SECURITY_DESCRIPTOR): a validating decoder
 * and an encoder. Decoding checks every offset, length and count against
 * the buffer; the decoded view points into that buffer, so it lives as long
 * as the buffer does. Semantics (storage, defaults, merging) live in
 * vfs/sd.c.
 *
 * Owner: vfs. Pure functions over buffers; no state, no locking.
 */
#ifndef __KSMBD_VFS_SD_WIRE_H__
#define __KSMBD_VFS_SD_WIRE_H__

#include <linux/build_bug.h>
#include <linux/types.h>

/* SECURITY_DESCRIPTOR.Control ([MS-DTYP] 2.4.6), CPU order */
#define KSMBD_SE_OWNER_DEFAULTED	0x0001
#define KSMBD_SE_GROUP_DEFAULTED	0x0002
#define KSMBD_SE_DACL_PRESENT		0x0004
#define KSMBD_SE_DACL_DEFAULTED		0x0008
#define KSMBD_SE_SACL_PRESENT		0x0010
#define KSMBD_SE_SACL_DEFAULTED		0x0020
#define KSMBD_SE_DACL_TRUSTED		0x0040
#define KSMBD_SE_SERVER_SECURITY	0x0080
#define KSMBD_SE_DACL_AUTO_INHERIT_REQ	0x0100
#define KSMBD_SE_SACL_AUTO_INHERIT_REQ	0x0200
#define KSMBD_SE_DACL_AUTO_INHERITED	0x0400
#define KSMBD_SE_SACL_AUTO_INHERITED	0x0800
#define KSMBD_SE_DACL_PROTECTED		0x1000
#define KSMBD_SE_SACL_PROTECTED		0x2000
#define KSMBD_SE_RM_CONTROL_VALID	0x4000
#define KSMBD_SE_SELF_RELATIVE		0x8000

/* control bits that belong to the DACL / the SACL */
#define KSMBD_SE_DACL_BITS	(KSMBD_SE_DACL_PRESENT | KSMBD_SE_DACL_DEFAULTED | \
				 KSMBD_SE_DACL_AUTO_INHERIT_REQ |		  \
				 KSMBD_SE_DACL_AUTO_INHERITED |		  \
				 KSMBD_SE_DACL_PROTECTED |			  \
				 KSMBD_SE_DACL_TRUSTED)
#define KSMBD_SE_SACL_BITS	(KSMBD_SE_SACL_PRESENT | KSMBD_SE_SACL_DEFAULTED | \
				 KSMBD_SE_SACL_AUTO_INHERIT_REQ |		  \
				 KSMBD_SE_SACL_AUTO_INHERITED |		  \
				 KSMBD_SE_SACL_PROTECTED)

#define KSMBD_SD_REVISION	1
#define KSMBD_ACL_REVISION	2	/* ACL_REVISION */
#define KSMBD_ACL_REVISION_DS	4	/* ACL_REVISION_DS (object ACEs) */
#define KSMBD_SID_REVISION	1
#define KSMBD_SID_MAX_SUB_AUTH	15

/* ACE types ([MS-DTYP] 2.4.4.1) */
#define KSMBD_ACE_ALLOWED		0x00
#define KSMBD_ACE_DENIED		0x01
#define KSMBD_ACE_SYSTEM_AUDIT		0x02
#define KSMBD_ACE_SYSTEM_ALARM		0x03
#define KSMBD_ACE_ALLOWED_OBJECT	0x05
#define KSMBD_ACE_DENIED_OBJECT		0x06
#define KSMBD_ACE_AUDIT_OBJECT		0x07
#define KSMBD_ACE_ALARM_OBJECT		0x08
#define KSMBD_ACE_ALLOWED_CALLBACK	0x09
#define KSMBD_ACE_DENIED_CALLBACK	0x0A
#define KSMBD_ACE_ALLOWED_CB_OBJECT	0x0B
#define KSMBD_ACE_DENIED_CB_OBJECT	0x0C
#define KSMBD_ACE_AUDIT_CALLBACK	0x0D
#define KSMBD_ACE_ALARM_CALLBACK	0x0E
#define KSMBD_ACE_AUDIT_CB_OBJECT	0x0F
#define KSMBD_ACE_ALARM_CB_OBJECT	0x10
#define KSMBD_ACE_MANDATORY_LABEL	0x11
#define KSMBD_ACE_RESOURCE_ATTRIBUTE	0x12
#define KSMBD_ACE_SCOPED_POLICY_ID	0x13

/* ACE flags */
#define KSMBD_ACE_OBJECT_INHERIT	0x01
#define KSMBD_ACE_CONTAINER_INHERIT	0x02
#define KSMBD_ACE_NO_PROPAGATE_INHERIT	0x04
#define KSMBD_ACE_INHERIT_ONLY		0x08
#define KSMBD_ACE_INHERITED		0x10

/* SMB2 QUERY/SET_INFO AdditionalInformation ([MS-SMB2] 2.2.37) */
#define KSMBD_OWNER_SECINFO		0x00000001
#define KSMBD_GROUP_SECINFO		0x00000002
#define KSMBD_DACL_SECINFO		0x00000004
#define KSMBD_SACL_SECINFO		0x00000008
#define KSMBD_LABEL_SECINFO		0x00000010
#define KSMBD_ATTRIBUTE_SECINFO		0x00000020
#define KSMBD_SCOPE_SECINFO		0x00000040
#define KSMBD_BACKUP_SECINFO		0x00010000
#define KSMBD_UNPROTECTED_SACL_SECINFO	0x10000000
#define KSMBD_UNPROTECTED_DACL_SECINFO	0x20000000
#define KSMBD_PROTECTED_SACL_SECINFO	0x40000000
#define KSMBD_PROTECTED_DACL_SECINFO	0x80000000

struct ksmbd_sd_hdr {
	u8 revision;
	u8 sbz1;
	__le16 control;
	__le32 owner_off;
	__le32 group_off;
	__le32 sacl_off;
	__le32 dacl_off;
} __packed;

struct ksmbd_acl_hdr {
	u8 revision;
	u8 sbz1;
	__le16 size;
	__le16 count;
	__le16 sbz2;
} __packed;

struct ksmbd_ace_hdr {
	u8 type;
	u8 flags;
	__le16 size;
} __packed;

/* SID head; sub_auth[num_auth] (__le32 each) follows */
struct ksmbd_sid_hdr {
	u8 revision;
	u8 num_auth;
	u8 authority[6];	/* big-endian */
} __packed;

static inline void ksmbd_sd_wire_sizes(void)
{
	BUILD_BUG_ON(sizeof(struct ksmbd_sd_hdr) != 20);
	BUILD_BUG_ON(sizeof(struct ksmbd_acl_hdr) != 8);
	BUILD_BUG_ON(sizeof(struct ksmbd_ace_hdr) != 4);
	BUILD_BUG_ON(sizeof(struct ksmbd_sid_hdr) != 8);
}

#define KSMBD_SID_MAX_SIZE	(8 + 4 * KSMBD_SID_MAX_SUB_AUTH)

/* A SID in CPU order. */
struct ksmbd_sid {
	u8 revision;
	u8 num_auth;
	u8 authority[6];
	u32 sub_auth[KSMBD_SID_MAX_SUB_AUTH];
};

/*
 * A decoded self-relative descriptor: views into the decoded buffer, each
 * already validated. A part is absent when its pointer is NULL; a DACL or
 * SACL may be "present but NULL" (control has the PRESENT bit, pointer
 * NULL), which is a NULL ACL, not an empty one.
 */
struct ksmbd_sd {
	u16 control;
	const u8 *owner;
	u32 owner_len;
	const u8 *group;
	u32 group_len;
	const u8 *sacl;
	u32 sacl_len;
	const u8 *dacl;
	u32 dacl_len;
};

/*
 * Errors of the decoders, mapped to NTSTATUS by vfs/sd.c:
 * -EINVAL the descriptor (STATUS_INVALID_SECURITY_DESCR), -EBADMSG an ACL
 * or ACE (STATUS_INVALID_ACL), -EDOM a SID (STATUS_INVALID_SID).
 */

/* SID at buf (len bytes available): its size in bytes, or -EDOM. */
int ksmbd_sid_check(const u8 *buf, u32 len);
/* Decode a checked SID into CPU order; returns its size or -EDOM. */
int ksmbd_sid_decode(const u8 *buf, u32 len, struct ksmbd_sid *sid);
/* Encode sid at buf (room bytes); returns its size or -ENOSPC. */
int ksmbd_sid_encode(const struct ksmbd_sid *sid, u8 *buf, u32 room);
/* Compare a wire SID with a decoded one. */
bool ksmbd_sid_equal(const u8 *wire, u32 len, const struct ksmbd_sid *sid);

/* ACL at buf (len bytes available): its AclSize, or -EBADMSG. */
int ksmbd_acl_check(const u8 *buf, u32 len);

/*
 * Walk the ACEs of a checked ACL: fn(arg, ace, ace_len) for each; a
 * non-zero return stops the walk and is returned.
 */
typedef int (*ksmbd_ace_fn)(void *arg, const u8 *ace, u32 ace_len);
int ksmbd_acl_walk(const u8 *acl, ksmbd_ace_fn fn, void *arg);
/* The SID of a checked ACE whose type carries one, or NULL. */
const u8 *ksmbd_ace_sid(const u8 *ace, u32 ace_len, u32 *sid_len);

/*
 * Decode the self-relative descriptor of len bytes at buf into sd.
 * Returns 0 or -EINVAL/-EBADMSG/-EDOM.
 */
int ksmbd_sd_decode(const void *buf, u32 len, struct ksmbd_sd *sd);

/*
 * Encode sd as a self-relative descriptor: header, owner, group, SACL,
 * DACL, each at a 4-byte aligned offset. Writes only if it fits in max
 * (out may be NULL to size it). Returns the full length.
 */
u32 ksmbd_sd_encode(const struct ksmbd_sd *sd, void *out, u32 max);

#endif /* __KSMBD_VFS_SD_WIRE_H__ */
