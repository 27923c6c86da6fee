/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Security descriptors of files: what QUERY_INFO/SET_INFO
 * SMB2_0_INFO_SECURITY and the SecD create context see ([MS-SMB2]
 * 3.3.5.20.3, 3.3.5.21.3; [MS-FSA] 2.1.5.14, 2.1.5.17).
 *
 * Storage: the descriptor a client sets is kept whole (owner, group, DACL,
 * SACL, control) in the "security.NTACL" xattr, in the layout Samba
 * documents as xattr_NTACL version 1 (librpc/idl/xattr.idl): a little-endian
 * u16 version (1), the u16 union level (1), a u32 NDR referent id, then the
 * self-relative descriptor. Only version 1 is read; another version, or a
 * blob that does not decode, counts as no stored descriptor. Writing a
 * security.* xattr needs CAP_SYS_ADMIN, so the xattr is written with the
 * server's own credentials, after the caller checked WRITE_DAC/WRITE_OWNER
 * on the open.
 *
 * A file with no stored descriptor shows one made from its inode, as
 * Samba's default mapping does: owner S-1-22-1-<uid>, group
 * S-1-22-2-<gid>, a DACL allowing owner, group and Everyone (S-1-1-0) what
 * the mode bits give them (the owner also READ_CONTROL, WRITE_DAC,
 * WRITE_OWNER and the attributes); a directory's ACEs carry
 * OBJECT_INHERIT|CONTAINER_INHERIT.
 *
 * Owner and group SIDs a client sets are kept in the stored descriptor
 * only: the inode's uid/gid are not changed (no chown from SIDs yet).
 * A stored descriptor is not refreshed when the mode changes locally.
 * The DACL is not yet enforced on open (access still comes from the POSIX
 * permissions); that is the Windows-ACL issue's work.
 *
 * Owner: vfs. The pure helpers (synthesis, merge, selection, xattr layout)
 * have no state; the file helpers take the inode's xattr locking only.
 */
#ifndef __KSMBD_VFS_SD_H__
#define __KSMBD_VFS_SD_H__

#include <linux/types.h>

#include "sd_wire.h"

struct path;
struct dentry;

#define KSMBD_SD_XATTR		"security.NTACL"
#define KSMBD_NTACL_HDR		8	/* version, level, referent id */
#define KSMBD_SD_MAX		(64 * 1024)

/* --- pure helpers (KUnit: vfs/sd_test.c) --- */

/* The SD within a security.NTACL value: 0 and (*sd, *len), or -EINVAL. */
int ksmbd_ntacl_decode(const u8 *buf, u32 len, const u8 **sd, u32 *sd_len);
/* Write the NTACL header for an SD of sd_len bytes at buf (8 bytes). */
void ksmbd_ntacl_header(u8 *buf);

/* Well-known and Unix SIDs. */
void ksmbd_sid_unix_user(struct ksmbd_sid *sid, u32 uid);
void ksmbd_sid_unix_group(struct ksmbd_sid *sid, u32 gid);
void ksmbd_sid_everyone(struct ksmbd_sid *sid);

/*
 * The descriptor of an inode with no stored one (see above), kmalloc'd
 * into *out (*len bytes).
 */
int ksmbd_sd_synth(u32 uid, u32 gid, umode_t mode, void **out, u32 *len);

/*
 * The parts of full that secinfo names, for a query: owner, group, DACL,
 * SACL, and the control bits that go with them.
 */
void ksmbd_sd_select(const struct ksmbd_sd *full, u32 secinfo,
		     struct ksmbd_sd *part);

/*
 * cur with the parts secinfo names taken from in ([MS-FSA] 2.1.5.17):
 * an owner (group) must be present in the input (-EOWNERDEAD:
 * STATUS_INVALID_OWNER, -EBADR: STATUS_INVALID_PRIMARY_GROUP); a DACL
 * without its PRESENT bit becomes a NULL DACL; a SACL without it, no SACL;
 * PROTECTED/UNPROTECTED_* set or clear the PROTECTED bits; AUTO_INHERIT_REQ
 * is not kept, and AUTO_INHERITED only when it came with it. The result
 * points into cur and in.
 */
int ksmbd_sd_merge(const struct ksmbd_sd *cur, const struct ksmbd_sd *in,
		   u32 secinfo, struct ksmbd_sd *out);

/*
 * Inheritance on create ([MS-DTYP] 2.5.3.4, simplified): the ACEs of the
 * parent's DACL that a new file (dir: a new directory) inherits, as a new
 * ACL kmalloc'd into *acl (*acl_len bytes), or *acl = NULL when there are
 * none. They are marked INHERITED only when the parent's DACL is
 * AUTO_INHERITED (and the new descriptor is then AUTO_INHERITED too).
 * Generic rights are not mapped and CREATOR OWNER is not replaced.
 */
int ksmbd_acl_inherit(const u8 *parent_acl, bool dir, bool auto_inherited,
		      u8 **acl, u32 *acl_len);

/* NTSTATUS of an error of the decoders and of ksmbd_sd_merge(). */
__le32 ksmbd_sd_status(int err);

/* --- files --- */

/* The full descriptor of the file at p (stored, or made), kmalloc'd. */
int ksmbd_sd_get(const struct path *p, void **sd, u32 *len);

/*
 * QUERY: the parts secinfo names encoded at out if they fit in max.
 * Returns the length they need (> max: nothing written) or -errno.
 */
int ksmbd_sd_query(const struct path *p, u32 secinfo, void *out, u32 max);

/* SET: merge the len-byte descriptor buf into the file's, by secinfo. */
int ksmbd_sd_set(const struct path *p, u32 secinfo, const void *buf,
		 u32 len);

/*
 * CREATE of a new file: store the SecD context's descriptor (buf, len; may
 * be NULL) completed with the defaults of the new file (owner, group, a
 * DACL when it has none), or, without one, the DACL the new file inherits
 * from parent's stored descriptor (if any). Nothing is stored when there
 * is neither.
 */
int ksmbd_sd_create(const struct path *p, struct dentry *parent,
		    const void *buf, u32 len);

/* Validate a SecD create context's descriptor before anything is made. */
int ksmbd_sd_check(const void *buf, u32 len);

#endif /* __KSMBD_VFS_SD_H__ */
