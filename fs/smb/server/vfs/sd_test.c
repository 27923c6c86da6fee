// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: self-relative security descriptor codec (vfs/sd_wire.h) and the
 * pure semantics of vfs/sd.h (default descriptor, selection, merging,
 * inheritance, the security.NTACL layout).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "sd.h"
#include "../ntstatus.h"

/* --- builders ----------------------------------------------------------- */

/* S-1-auth-subs... at buf; returns its size */
static u32 mk_sid(u8 *buf, u8 auth, int n, const u32 *subs)
{
	int i;

	buf[0] = 1;
	buf[1] = n;
	memset(buf + 2, 0, 5);
	buf[7] = auth;
	for (i = 0; i < n; i++)
		put_unaligned_le32(subs[i], buf + 8 + 4 * i);
	return 8 + 4 * n;
}

static const u32 admins[] = { 32, 544 };	/* S-1-5-32-544 */
static const u32 users[] = { 32, 545 };		/* S-1-5-32-545 */
static const u32 world[] = { 0 };		/* S-1-1-0 */

/* an ACCESS_ALLOWED-style ACE at buf; returns its size */
static u32 mk_ace(u8 *buf, u8 type, u8 flags, u32 mask, u8 auth, int n,
		  const u32 *subs)
{
	u32 size = 8 + mk_sid(buf + 8, auth, n, subs);

	buf[0] = type;
	buf[1] = flags;
	put_unaligned_le16(size, buf + 2);
	put_unaligned_le32(mask, buf + 4);
	return size;
}

static void mk_acl_hdr(u8 *buf, u8 rev, u16 size, u16 count)
{
	buf[0] = rev;
	buf[1] = 0;
	put_unaligned_le16(size, buf + 2);
	put_unaligned_le16(count, buf + 4);
	put_unaligned_le16(0, buf + 6);
}

/* a two-ACE DACL: allow Everyone read, deny Users write (OI|CI) */
static u32 mk_dacl(u8 *buf)
{
	u32 off = 8;

	off += mk_ace(buf + off, KSMBD_ACE_ALLOWED, 0, 0x120089, 1, 1, world);
	off += mk_ace(buf + off, KSMBD_ACE_DENIED,
		      KSMBD_ACE_OBJECT_INHERIT | KSMBD_ACE_CONTAINER_INHERIT,
		      0x2, 5, 2, users);
	mk_acl_hdr(buf, 2, off, 2);
	return off;
}

/*
 * owner Administrators, group Users, DACL as mk_dacl(), in the order
 * Windows writes them: header, DACL, owner, group. Returns the size.
 */
static u32 mk_sd(u8 *buf)
{
	u32 off = 20, dacl, owner, group;

	memset(buf, 0, 20);
	buf[0] = 1;
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT,
			   buf + 2);
	dacl = off;
	off += mk_dacl(buf + off);
	owner = off;
	off += mk_sid(buf + off, 5, 2, admins);
	group = off;
	off += mk_sid(buf + off, 5, 2, users);
	put_unaligned_le32(owner, buf + 4);
	put_unaligned_le32(group, buf + 8);
	put_unaligned_le32(dacl, buf + 16);
	return off;
}

/* --- SIDs ---------------------------------------------------------------- */

static void sd_sid_bounds(struct kunit *test)
{
	u32 subs[16] = {};
	struct ksmbd_sid sid;
	u8 buf[80];
	u32 n;

	n = mk_sid(buf, 5, 2, admins);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n), 16);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n - 1), -EDOM);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, 7), -EDOM);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_decode(buf, n, &sid), 16);
	KUNIT_EXPECT_EQ(test, sid.sub_auth[1], 544u);
	KUNIT_EXPECT_EQ(test, sid.authority[5], 5);
	KUNIT_EXPECT_TRUE(test, ksmbd_sid_equal(buf, n, &sid));
	buf[0] = 2;				/* revision */
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n), -EDOM);

	/* 15 sub-authorities is the most a SID may have */
	n = mk_sid(buf, 5, 15, subs);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n), 68);
	n = mk_sid(buf, 5, 16, subs);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n), -EDOM);
	/* no sub-authority at all is well-formed */
	n = mk_sid(buf, 0, 0, subs);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_check(buf, n), 8);

	ksmbd_sid_unix_user(&sid, 1000);
	n = ksmbd_sid_encode(&sid, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, n, 16u);
	KUNIT_EXPECT_EQ(test, buf[7], 22);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 8), 1u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 12), 1000u);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_encode(&sid, buf, 15), -ENOSPC);
}

/* --- ACLs ---------------------------------------------------------------- */

static void sd_acl_bounds(struct kunit *test)
{
	u8 buf[256];
	u32 n;

	n = mk_dacl(buf);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), (int)n);
	/* AclSize beyond the buffer */
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n - 1), -EBADMSG);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, 7), -EBADMSG);
	/* revisions 2 and 4 only */
	buf[0] = 4;
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), (int)n);
	buf[0] = 3;
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	buf[0] = 2;
	/* more ACEs counted than AclSize holds */
	put_unaligned_le16(3, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	put_unaligned_le16(2, buf + 4);
	/* AclSize below its header */
	put_unaligned_le16(4, buf + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	/* AclSize that cuts the last ACE */
	put_unaligned_le16(n - 4, buf + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	put_unaligned_le16(n, buf + 2);
	/* AceSize not a multiple of 4, or below its header */
	put_unaligned_le16(22, buf + 8 + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	put_unaligned_le16(0, buf + 8 + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	/* AceSize too small for the SID it holds */
	put_unaligned_le16(12, buf + 8 + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);
	n = mk_dacl(buf);
	/* a SID with too many sub-authorities inside an ACE */
	buf[8 + 8 + 1] = 16;
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, n), -EBADMSG);

	/* an empty ACL; spare bytes after the ACEs are allowed */
	mk_acl_hdr(buf, 2, 16, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, 16), 16);

	/* an object ACE with both GUIDs */
	memset(buf, 0, sizeof(buf));
	buf[8] = KSMBD_ACE_ALLOWED_OBJECT;
	put_unaligned_le32(3, buf + 8 + 8);		/* both present */
	n = 12 + 32 + mk_sid(buf + 8 + 12 + 32, 1, 1, world);
	put_unaligned_le16(n, buf + 8 + 2);
	mk_acl_hdr(buf, 4, 8 + n, 1);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, 8 + n), (int)(8 + n));
	put_unaligned_le16(n - 16, buf + 8 + 2);	/* cuts the SID */
	mk_acl_hdr(buf, 4, 8 + n - 16, 1);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, 8 + n), -EBADMSG);

	/* an unknown ACE type is opaque */
	memset(buf, 0, sizeof(buf));
	buf[8] = 0x7f;
	put_unaligned_le16(8, buf + 8 + 2);
	mk_acl_hdr(buf, 2, 16, 1);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(buf, 16), 16);
}

/* --- descriptors ------------------------------------------------------- */

static void sd_decode_example(struct kunit *test)
{
	struct ksmbd_sd sd;
	struct ksmbd_sid sid;
	u8 buf[256], out[256];
	u32 n, m;

	n = mk_sd(buf);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(buf, n, &sd), 0);
	KUNIT_EXPECT_EQ(test, sd.control,
			KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT);
	KUNIT_EXPECT_EQ(test, sd.owner_len, 16u);
	KUNIT_EXPECT_EQ(test, sd.group_len, 16u);
	KUNIT_EXPECT_NULL(test, sd.sacl);
	KUNIT_ASSERT_NOT_NULL(test, sd.dacl);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(sd.dacl + 4), 2);
	KUNIT_EXPECT_EQ(test, ksmbd_sid_decode(sd.owner, sd.owner_len, &sid),
			16);
	KUNIT_EXPECT_EQ(test, sid.sub_auth[1], 544u);

	/* re-encoded in our order, it decodes to the same parts */
	m = ksmbd_sd_encode(&sd, NULL, 0);
	KUNIT_EXPECT_EQ(test, m, n);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_encode(&sd, out, m - 1), m);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_encode(&sd, out, sizeof(out)), m);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(out + 4), 20u); /* owner */
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(out, m, &sd), 0);
	KUNIT_EXPECT_EQ(test, memcmp(sd.dacl, buf + 20, sd.dacl_len), 0);
	KUNIT_EXPECT_EQ(test, memcmp(sd.owner, buf + get_unaligned_le32(buf + 4),
				     16), 0);
}

static void sd_decode_bounds(struct kunit *test)
{
	struct ksmbd_sd sd;
	u8 buf[256];
	u32 n;

	n = mk_sd(buf);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, 19, &sd), -EINVAL);
	/* the group SID is last: one byte short cuts it */
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n - 1, &sd), -EDOM);

	buf[0] = 2;					/* revision */
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	buf[0] = 1;
	put_unaligned_le16(KSMBD_SE_DACL_PRESENT, buf + 2);	/* not SR */
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT,
			   buf + 2);

	/* an offset into the header, or at/after the end */
	put_unaligned_le32(8, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	put_unaligned_le32(n, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	put_unaligned_le32(0xffffffff, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	/* owner absent is fine */
	put_unaligned_le32(0, buf + 4);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), 0);
	KUNIT_EXPECT_NULL(test, sd.owner);

	/* a DACL that runs past the end */
	put_unaligned_le32(n - 8, buf + 16);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EBADMSG);
	put_unaligned_le32(n + 4, buf + 16);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EINVAL);
	/* without DACL_PRESENT the offset is not looked at */
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE, buf + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), 0);
	KUNIT_EXPECT_NULL(test, sd.dacl);
	/* DACL_PRESENT with offset 0: a NULL DACL */
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT,
			   buf + 2);
	put_unaligned_le32(0, buf + 16);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), 0);
	KUNIT_EXPECT_NULL(test, sd.dacl);
	KUNIT_EXPECT_TRUE(test, sd.control & KSMBD_SE_DACL_PRESENT);

	/* a SACL with a bad ACL revision */
	n = mk_sd(buf);
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT |
			   KSMBD_SE_SACL_PRESENT, buf + 2);
	put_unaligned_le32(20, buf + 12);
	buf[20] = 9;
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, n, &sd), -EBADMSG);

	/* the smallest descriptor: a header and nothing else */
	memset(buf, 0, 20);
	buf[0] = 1;
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE, buf + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_decode(buf, 20, &sd), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_encode(&sd, NULL, 0), 20u);
}

/* --- semantics ----------------------------------------------------------- */

static u32 ace_mask(const u8 *acl, int i)
{
	u32 off = 8;

	while (i--)
		off += get_unaligned_le16(acl + off + 2);
	return get_unaligned_le32(acl + off + 4);
}

static u8 ace_flags(const u8 *acl, int i)
{
	u32 off = 8;

	while (i--)
		off += get_unaligned_le16(acl + off + 2);
	return acl[off + 1];
}

static void sd_synth_mode(struct kunit *test)
{
	struct ksmbd_sid sid;
	struct ksmbd_sd sd;
	void *buf;
	u32 len;

	KUNIT_ASSERT_EQ(test, ksmbd_sd_synth(1000, 100, S_IFREG | 0640, &buf,
					     &len), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(buf, len, &sd), 0);
	ksmbd_sid_unix_user(&sid, 1000);
	KUNIT_EXPECT_TRUE(test, ksmbd_sid_equal(sd.owner, sd.owner_len, &sid));
	ksmbd_sid_unix_group(&sid, 100);
	KUNIT_EXPECT_TRUE(test, ksmbd_sid_equal(sd.group, sd.group_len, &sid));
	KUNIT_ASSERT_NOT_NULL(test, sd.dacl);
	/* owner rw + owner rights, group r, nothing for Everyone */
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(sd.dacl + 4), 2);
	KUNIT_EXPECT_EQ(test, ace_mask(sd.dacl, 0), 0x001e019fu);
	KUNIT_EXPECT_EQ(test, ace_mask(sd.dacl, 1), 0x00120089u);
	KUNIT_EXPECT_EQ(test, ace_flags(sd.dacl, 0), 0);
	kfree(buf);

	KUNIT_ASSERT_EQ(test, ksmbd_sd_synth(0, 0, S_IFDIR | 0755, &buf, &len),
			0);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(buf, len, &sd), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(sd.dacl + 4), 3);
	KUNIT_EXPECT_EQ(test, ace_mask(sd.dacl, 0), 0x001f01ffu);
	KUNIT_EXPECT_EQ(test, ace_mask(sd.dacl, 2), 0x001200a9u);
	KUNIT_EXPECT_EQ(test, ace_flags(sd.dacl, 2),
			KSMBD_ACE_OBJECT_INHERIT | KSMBD_ACE_CONTAINER_INHERIT);
	ksmbd_sid_everyone(&sid);
	{
		u32 sl;
		const u8 *s;
		u32 off = 8 + get_unaligned_le16(sd.dacl + 8 + 2);

		off += get_unaligned_le16(sd.dacl + off + 2);
		s = ksmbd_ace_sid(sd.dacl + off,
				  get_unaligned_le16(sd.dacl + off + 2), &sl);
		KUNIT_ASSERT_NOT_NULL(test, s);
		KUNIT_EXPECT_TRUE(test, ksmbd_sid_equal(s, sl, &sid));
	}
	kfree(buf);
}

static void sd_select_parts(struct kunit *test)
{
	struct ksmbd_sd sd, part;
	u8 buf[256];
	u32 n;

	n = mk_sd(buf);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(buf, n, &sd), 0);
	/* nothing asked: a bare header (smb2.getinfo.qsec_buffercheck) */
	ksmbd_sd_select(&sd, 0, &part);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_encode(&part, NULL, 0), 20u);
	KUNIT_EXPECT_EQ(test, part.control, KSMBD_SE_SELF_RELATIVE);
	ksmbd_sd_select(&sd, KSMBD_OWNER_SECINFO, &part);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_encode(&part, NULL, 0), 36u);
	KUNIT_EXPECT_NULL(test, part.dacl);
	ksmbd_sd_select(&sd, KSMBD_DACL_SECINFO | KSMBD_LABEL_SECINFO, &part);
	KUNIT_EXPECT_NULL(test, part.owner);
	KUNIT_EXPECT_TRUE(test, part.dacl == sd.dacl);
	KUNIT_EXPECT_EQ(test, part.control,
			KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT);
}

static void sd_merge_parts(struct kunit *test)
{
	struct ksmbd_sd cur, in, out;
	u8 a[256], b[256];
	u32 na, nb;

	na = mk_sd(a);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(a, na, &cur), 0);

	/* an input with only a header */
	memset(b, 0, 20);
	b[0] = 1;
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE, b + 2);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(b, 20, &in), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_OWNER_SECINFO,
					     &out), -EOWNERDEAD);
	KUNIT_EXPECT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_GROUP_SECINFO,
					     &out), -EBADR);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(ksmbd_sd_status(-EOWNERDEAD)),
			le32_to_cpu(STATUS_INVALID_OWNER));
	/* DACL asked, none given: a NULL DACL (smb2.create.nulldacl) */
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_DACL_SECINFO,
					     &out), 0);
	KUNIT_EXPECT_NULL(test, out.dacl);
	KUNIT_EXPECT_TRUE(test, out.control & KSMBD_SE_DACL_PRESENT);
	KUNIT_EXPECT_TRUE(test, out.owner == cur.owner);
	/* nothing asked: nothing changes */
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, 0, &out), 0);
	KUNIT_EXPECT_TRUE(test, out.dacl == cur.dacl);

	/* a new owner and a protected DACL */
	nb = mk_sd(b);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(b, nb, &in), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_OWNER_SECINFO |
					     KSMBD_DACL_SECINFO |
					     KSMBD_PROTECTED_DACL_SECINFO,
					     &out), 0);
	KUNIT_EXPECT_TRUE(test, out.owner == in.owner);
	KUNIT_EXPECT_TRUE(test, out.group == cur.group);
	KUNIT_EXPECT_TRUE(test, out.dacl == in.dacl);
	KUNIT_EXPECT_TRUE(test, out.control & KSMBD_SE_DACL_PROTECTED);
	/* AUTO_INHERITED stays only with AUTO_INHERIT_REQ, which goes */
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT |
			   KSMBD_SE_DACL_AUTO_INHERITED, b + 2);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(b, nb, &in), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_DACL_SECINFO,
					     &out), 0);
	KUNIT_EXPECT_EQ(test, out.control,
			KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT);
	put_unaligned_le16(KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT |
			   KSMBD_SE_DACL_AUTO_INHERITED |
			   KSMBD_SE_DACL_AUTO_INHERIT_REQ, b + 2);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_decode(b, nb, &in), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_DACL_SECINFO,
					     &out), 0);
	KUNIT_EXPECT_EQ(test, out.control,
			KSMBD_SE_SELF_RELATIVE | KSMBD_SE_DACL_PRESENT |
			KSMBD_SE_DACL_AUTO_INHERITED);
	/* a SACL asked but not present in the input: no SACL */
	KUNIT_ASSERT_EQ(test, ksmbd_sd_merge(&cur, &in, KSMBD_SACL_SECINFO,
					     &out), 0);
	KUNIT_EXPECT_NULL(test, out.sacl);
	KUNIT_EXPECT_FALSE(test, out.control & KSMBD_SE_SACL_PRESENT);
}

static void sd_inherit_aces(struct kunit *test)
{
	u8 parent[256];
	u8 *acl;
	u32 off = 8, len;

	/* 0: no inheritance; 1: OI (inherited itself); 2: CI; 3: OI|CI|NP */
	off += mk_ace(parent + off, 0, 0, 1, 1, 1, world);
	off += mk_ace(parent + off, 0, KSMBD_ACE_OBJECT_INHERIT |
		      KSMBD_ACE_INHERITED, 2, 1, 1, world);
	off += mk_ace(parent + off, 0, KSMBD_ACE_CONTAINER_INHERIT, 4, 1, 1,
		      world);
	off += mk_ace(parent + off, 0, KSMBD_ACE_OBJECT_INHERIT |
		      KSMBD_ACE_CONTAINER_INHERIT |
		      KSMBD_ACE_NO_PROPAGATE_INHERIT, 8, 1, 1, world);
	mk_acl_hdr(parent, 2, off, 4);
	KUNIT_ASSERT_EQ(test, ksmbd_acl_check(parent, off), (int)off);

	/* a file gets the OI ones, inheritance flags cleared */
	KUNIT_ASSERT_EQ(test, ksmbd_acl_inherit(parent, false, true, &acl,
						&len), 0);
	KUNIT_ASSERT_NOT_NULL(test, acl);
	KUNIT_EXPECT_EQ(test, ksmbd_acl_check(acl, len), (int)len);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(acl + 4), 2);
	KUNIT_EXPECT_EQ(test, ace_mask(acl, 0), 2u);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 0), KSMBD_ACE_INHERITED);
	KUNIT_EXPECT_EQ(test, ace_mask(acl, 1), 8u);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 1), KSMBD_ACE_INHERITED);
	kfree(acl);

	/* a directory: OI only becomes inherit-only, NP stops there */
	KUNIT_ASSERT_EQ(test, ksmbd_acl_inherit(parent, true, true, &acl, &len),
			0);
	KUNIT_ASSERT_NOT_NULL(test, acl);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(acl + 4), 3);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 0), KSMBD_ACE_OBJECT_INHERIT |
			KSMBD_ACE_INHERIT_ONLY | KSMBD_ACE_INHERITED);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 1), KSMBD_ACE_CONTAINER_INHERIT |
			KSMBD_ACE_INHERITED);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 2), KSMBD_ACE_INHERITED);
	kfree(acl);

	/* a parent that is not AUTO_INHERITED: the ACEs are not marked */
	KUNIT_ASSERT_EQ(test, ksmbd_acl_inherit(parent, false, false, &acl,
						&len), 0);
	KUNIT_ASSERT_NOT_NULL(test, acl);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 0), 0);
	KUNIT_EXPECT_EQ(test, ace_flags(acl, 1), 0);
	kfree(acl);

	/* nothing inheritable: no ACL */
	mk_acl_hdr(parent, 2, 8 + get_unaligned_le16(parent + 8 + 2), 1);
	KUNIT_ASSERT_EQ(test, ksmbd_acl_inherit(parent, false, true, &acl,
						&len), 0);
	KUNIT_EXPECT_NULL(test, acl);
}

static void sd_ntacl_layout(struct kunit *test)
{
	u8 buf[256];
	const u8 *sd;
	u32 n, len;

	n = mk_sd(buf + KSMBD_NTACL_HDR);
	ksmbd_ntacl_header(buf);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf), 1);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 2), 1);
	KUNIT_ASSERT_EQ(test, ksmbd_ntacl_decode(buf, n + 8, &sd, &len), 0);
	KUNIT_EXPECT_TRUE(test, sd == buf + 8);
	KUNIT_EXPECT_EQ(test, len, n);
	KUNIT_EXPECT_EQ(test, ksmbd_ntacl_decode(buf, 27, &sd, &len), -EINVAL);
	/* Samba's hashed versions (3, 4) are not read */
	put_unaligned_le16(4, buf);
	put_unaligned_le16(4, buf + 2);
	KUNIT_EXPECT_EQ(test, ksmbd_ntacl_decode(buf, n + 8, &sd, &len),
			-EINVAL);
	ksmbd_ntacl_header(buf);
	put_unaligned_le32(0, buf + 4);		/* NULL pointer */
	KUNIT_EXPECT_EQ(test, ksmbd_ntacl_decode(buf, n + 8, &sd, &len),
			-EINVAL);
}

static struct kunit_case ksmbd_vfs_sd_cases[] = {
	KUNIT_CASE(sd_sid_bounds),
	KUNIT_CASE(sd_acl_bounds),
	KUNIT_CASE(sd_decode_example),
	KUNIT_CASE(sd_decode_bounds),
	KUNIT_CASE(sd_synth_mode),
	KUNIT_CASE(sd_select_parts),
	KUNIT_CASE(sd_merge_parts),
	KUNIT_CASE(sd_inherit_aces),
	KUNIT_CASE(sd_ntacl_layout),
	{}
};

static struct kunit_suite ksmbd_vfs_sd_suite = {
	.name = "ksmbd_vfs_sd",
	.test_cases = ksmbd_vfs_sd_cases,
};

kunit_test_suite(ksmbd_vfs_sd_suite);
