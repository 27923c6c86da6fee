// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: structural checks of received PDUs (smb2/check.c) against
 * hostile inputs - compound offsets, fixed bodies, negotiate contexts,
 * SMB1 NEGOTIATE and TREE_CONNECT paths.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "../../common/smb2pdu.h"
#include "../ntstatus.h"
#include "check.h"

/* compare NTSTATUS values in CPU order (sparse: __le32 is restricted) */
#define EXPECT_STATUS(test, got, want) \
	KUNIT_EXPECT_EQ(test, le32_to_cpu(got), le32_to_cpu(want))

#define HDR __SMB2_HEADER_STRUCTURE_SIZE

static void put_hdr(u8 *p, u16 cmd, u32 next)
{
	struct smb2_hdr *h = (struct smb2_hdr *)p;

	memset(h, 0, HDR);
	h->ProtocolId = SMB2_PROTO_NUMBER;
	h->StructureSize = SMB2_HEADER_STRUCTURE_SIZE;
	h->Command = cpu_to_le16(cmd);
	h->NextCommand = cpu_to_le32(next);
}

static void walk_single(struct kunit *test)
{
	struct ksmbd_elem e[4];
	u8 buf[72] = {};

	put_hdr(buf, SMB2_ECHO_HE, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, sizeof(buf), e, 4), 1);
	KUNIT_EXPECT_EQ(test, e[0].off, 0u);
	KUNIT_EXPECT_EQ(test, e[0].len, 72u);
	/* shorter than a header */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 63, e, 4), -EINVAL);
}

static void walk_chain(struct kunit *test)
{
	struct ksmbd_elem e[4];
	u8 buf[232] = {};

	put_hdr(buf, SMB2_ECHO_HE, 72);
	put_hdr(buf + 72, SMB2_ECHO_HE, 72);
	put_hdr(buf + 144, SMB2_ECHO_HE, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 216, e, 4), 3);
	KUNIT_EXPECT_EQ(test, e[1].off, 72u);
	KUNIT_EXPECT_EQ(test, e[1].len, 72u);
	KUNIT_EXPECT_EQ(test, e[2].off, 144u);
	KUNIT_EXPECT_EQ(test, e[2].len, 72u);
	/* the last element runs to the end, unaligned is fine */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 231, e, 4), 3);
	KUNIT_EXPECT_EQ(test, e[2].len, 87u);
	/* ... but must hold a header: 200 - 144 = 56 */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 200, e, 4), -EINVAL);
	/* too many elements for the caller's array */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 216, e, 2), -EINVAL);
}

static void walk_bad_next(struct kunit *test)
{
	struct ksmbd_elem e[4];
	u8 buf[160] = {};

	/* misaligned */
	put_hdr(buf, SMB2_ECHO_HE, 68);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), -EINVAL);
	/* shorter than a header */
	put_hdr(buf, SMB2_ECHO_HE, 56);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), -EINVAL);
	/* past the end */
	put_hdr(buf, SMB2_ECHO_HE, 168);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), -EINVAL);
	/* huge: must not wrap */
	put_hdr(buf, SMB2_ECHO_HE, 0xfffffff8);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), -EINVAL);
	/* next leaves less than a header */
	put_hdr(buf, SMB2_ECHO_HE, 104);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), -EINVAL);
	/* exactly a header left is fine */
	put_hdr(buf, SMB2_ECHO_HE, 96);
	put_hdr(buf + 96, SMB2_ECHO_HE, 0);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_walk(buf, 160, e, 4), 2);
}

static const struct ksmbd_check_limits lim = {
	.max_trans = 65536, .max_read = 65536, .max_write = 65536,
};

static void elem_header(struct kunit *test)
{
	struct ksmbd_elem_info info;
	u8 buf[HDR + 8] = {};

	put_hdr(buf, SMB2_ECHO_HE, 0);
	put_unaligned_le16(4, buf + HDR);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, info.cmd, SMB2_ECHO_HE);
	/* wrong body StructureSize */
	put_unaligned_le16(6, buf + HDR);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_INVALID_PARAMETER);
	put_unaligned_le16(4, buf + HDR);
	/* fixed body does not fit */
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 3, &lim, &info),
		      STATUS_INVALID_PARAMETER);
	/* command out of range: answered (smbtorture smb2.compound.invalid4) */
	put_hdr(buf, 0x13, 0);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_INVALID_PARAMETER);
	put_hdr(buf, 0xffff, 0);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_INVALID_PARAMETER);
	/* protocol id */
	put_hdr(buf, SMB2_ECHO_HE, 0);
	buf[0] = 0xfd;
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_INVALID_NETWORK_RESPONSE);
	/* header StructureSize */
	put_hdr(buf, SMB2_ECHO_HE, 0);
	buf[4] = 63;
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 4, &lim, &info),
		      STATUS_INVALID_NETWORK_RESPONSE);
}

static void elem_odd_size(struct kunit *test)
{
	struct ksmbd_elem_info info;
	u8 buf[HDR + 64] = {};

	/* SESSION_SETUP: StructureSize 25 means 24 fixed bytes */
	put_hdr(buf, SMB2_SESSION_SETUP_HE, 0);
	put_unaligned_le16(25, buf + HDR);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 24, &lim, &info),
		      STATUS_SUCCESS);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 23, &lim, &info),
		      STATUS_INVALID_PARAMETER);
	/* OPLOCK_BREAK accepts 24 and the lease ack's 36 */
	put_hdr(buf, SMB2_OPLOCK_BREAK_HE, 0);
	put_unaligned_le16(36, buf + HDR);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 36, &lim, &info),
		      STATUS_SUCCESS);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 24, &lim, &info),
		      STATUS_INVALID_PARAMETER);
}

static void elem_limits(struct kunit *test)
{
	struct ksmbd_elem_info info;
	u8 buf[HDR + 64] = {};
	struct smb2_read_req *r = (struct smb2_read_req *)buf;
	struct smb2_query_info_req *q = (struct smb2_query_info_req *)buf;

	put_hdr(buf, SMB2_READ_HE, 0);
	r->StructureSize = cpu_to_le16(49);
	r->Length = cpu_to_le32(65536);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 48, &lim, &info),
		      STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, info.payload, 65536u);
	r->Length = cpu_to_le32(65537);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 48, &lim, &info),
		      STATUS_INVALID_PARAMETER);

	memset(buf, 0, sizeof(buf));
	put_hdr(buf, SMB2_QUERY_INFO_HE, 0);
	q->StructureSize = cpu_to_le16(41);
	q->OutputBufferLength = cpu_to_le32(4096);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 40, &lim, &info),
		      STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, info.rsp_var_max, 4096u);
	q->OutputBufferLength = cpu_to_le32(0xffffffff);
	EXPECT_STATUS(test, ksmbd_smb2_check_elem(buf, HDR + 40, &lim, &info),
		      STATUS_INVALID_PARAMETER);
}

static void charge_rule(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, ksmbd_smb2_charge_ok(0, 0));
	KUNIT_EXPECT_TRUE(test, ksmbd_smb2_charge_ok(0, 65536));
	KUNIT_EXPECT_FALSE(test, ksmbd_smb2_charge_ok(0, 65537));
	KUNIT_EXPECT_FALSE(test, ksmbd_smb2_charge_ok(1, 65537));
	KUNIT_EXPECT_TRUE(test, ksmbd_smb2_charge_ok(2, 65537));
	KUNIT_EXPECT_TRUE(test, ksmbd_smb2_charge_ok(128, 8 << 20));
	KUNIT_EXPECT_FALSE(test, ksmbd_smb2_charge_ok(127, 8 << 20));
}

/* negotiate contexts */
struct ctx_seen {
	int n;
	u16 types[8];
	u16 lens[8];
};

static int ctx_cb(void *arg, u16 type, const u8 *data, u16 len)
{
	struct ctx_seen *s = arg;

	if (s->n < 8) {
		s->types[s->n] = type;
		s->lens[s->n] = len;
	}
	s->n++;
	return 0;
}

static void put_ctx(u8 *p, u16 type, u16 len)
{
	put_unaligned_le16(type, p);
	put_unaligned_le16(len, p + 2);
	put_unaligned_le32(0, p + 4);
}

static void negctx_ok(struct kunit *test)
{
	u8 buf[256] = {};
	struct ctx_seen s = {};

	put_ctx(buf + 104, 1, 38);		/* data 112..150 */
	put_ctx(buf + 152, 2, 4);		/* aligned after 150 */
	put_ctx(buf + 168, 8, 4);		/* 160..164 -> 168, last unpadded */
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 180, 104, 3, ctx_cb, &s),
			0);
	KUNIT_EXPECT_EQ(test, s.n, 3);
	KUNIT_EXPECT_EQ(test, s.types[2], 8);
	KUNIT_EXPECT_EQ(test, s.lens[0], 38);
}

static void negctx_bad(struct kunit *test)
{
	u8 buf[256] = {};
	struct ctx_seen s = {};

	/* misaligned start */
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 100, 1, ctx_cb, &s),
			-EINVAL);
	/* offset past the end */
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 256, 1, ctx_cb, &s),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 0xfffffff8, 1,
						ctx_cb, &s), -EINVAL);
	/* header does not fit */
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 252, 248, 1, ctx_cb, &s),
			-EINVAL);
	/* DataLength past the end */
	put_ctx(buf + 200, 1, 49);
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 200, 1, ctx_cb, &s),
			-EINVAL);
	/* count claims more contexts than there are (no underflow) */
	put_ctx(buf + 200, 1, 48);
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 200, 2, ctx_cb, &s),
			-EINVAL);
	/* count bound */
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 200,
						KSMBD_MAX_NEGCTX + 1,
						ctx_cb, &s), -EINVAL);
	/* zero contexts: nothing to do */
	s.n = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_negctx_walk(buf, 256, 0, 0, ctx_cb, &s), 0);
	KUNIT_EXPECT_EQ(test, s.n, 0);
}

/* SMB1 NEGOTIATE: 32-byte header, WordCount 0, ByteCount, dialects */
static u32 smb1_neg(u8 *buf, const char *const *d, int n)
{
	u32 off = 35;
	int i;

	memset(buf, 0, 35);
	memcpy(buf, "\xffSMB", 4);
	buf[4] = 0x72;
	for (i = 0; i < n; i++) {
		buf[off++] = 0x02;
		strcpy(buf + off, d[i]);
		off += strlen(d[i]) + 1;
	}
	put_unaligned_le16(off - 35, buf + 33);
	return off;
}

static void smb1_negotiate(struct kunit *test)
{
	static const char *const both[] = {
		"NT LM 0.12", "SMB 2.002", "SMB 2.???"
	};
	static const char *const old[] = { "NT LM 0.12" };
	u8 buf[128];
	u32 len;

	len = smb1_neg(buf, both, 3);
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len),
			KSMBD_SMB1_OFFERS_2002 | KSMBD_SMB1_OFFERS_2XXX);
	len = smb1_neg(buf, both, 2);
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len),
			KSMBD_SMB1_OFFERS_2002);
	len = smb1_neg(buf, old, 1);
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len), 0);
	/* ByteCount beyond the frame */
	len = smb1_neg(buf, both, 3);
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len - 1),
			-EINVAL);
	/* last string not terminated inside ByteCount */
	put_unaligned_le16(len - 35 - 1, buf + 33);
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len), -EINVAL);
	/* another SMB1 command */
	len = smb1_neg(buf, both, 3);
	buf[4] = 0x73;
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len), -EINVAL);
	KUNIT_EXPECT_TRUE(test, ksmbd_is_smb1(buf, len));
	/* bad buffer format byte */
	len = smb1_neg(buf, both, 3);
	buf[35] = 0x01;
	KUNIT_EXPECT_EQ(test, ksmbd_smb1_negotiate_parse(buf, len), -EINVAL);
}

static u32 utf16(__le16 *out, const char *s)
{
	u32 i;

	for (i = 0; s[i]; i++)
		out[i] = cpu_to_le16(s[i]);
	return i * 2;
}

static const char * const bad_paths[] = {
	"\\server\\share", "\\\\server\\", "\\\\server", "\\\\\\share",
	"\\\\s\\a\\b", "\\\\s\\a/b", "",
};

static void share_path(struct kunit *test)
{
	__le16 p[128];
	char out[256];
	unsigned int i;
	u32 len;

	len = utf16(p, "\\\\server\\Share");
	KUNIT_EXPECT_EQ(test, ksmbd_tree_path_share(p, len, out, sizeof(out)),
			5);
	KUNIT_EXPECT_STREQ(test, out, "share");
	len = utf16(p, "\\\\127.0.0.1\\IPC$");
	KUNIT_EXPECT_EQ(test, ksmbd_tree_path_share(p, len, out, sizeof(out)),
			4);
	KUNIT_EXPECT_STREQ(test, out, "ipc$");
	/* malformed */
	for (i = 0; i < ARRAY_SIZE(bad_paths); i++) {
		len = utf16(p, bad_paths[i]);
		KUNIT_EXPECT_LT_MSG(test, ksmbd_tree_path_share(p, len, out,
								sizeof(out)),
				    0, "%s", bad_paths[i]);
	}
	/* odd byte length */
	len = utf16(p, "\\\\s\\share");
	KUNIT_EXPECT_LT(test, ksmbd_tree_path_share(p, len - 1, out,
						    sizeof(out)), 0);
	/* 80 characters is the limit */
	len = utf16(p, "\\\\s\\");
	memset(out, 'a', 81);
	out[80] = '\0';
	len += utf16(p + len / 2, out);
	KUNIT_EXPECT_EQ(test, ksmbd_tree_path_share(p, len, out, sizeof(out)),
			80);
	p[len / 2] = cpu_to_le16('a');
	KUNIT_EXPECT_LT(test, ksmbd_tree_path_share(p, len + 2, out,
						    sizeof(out)), 0);
	/* output buffer too small is refused, not truncated */
	len = utf16(p, "\\\\s\\share");
	KUNIT_EXPECT_LT(test, ksmbd_tree_path_share(p, len, out, 5), 0);
}

static struct kunit_case ksmbd_core_check_cases[] = {
	KUNIT_CASE(walk_single),
	KUNIT_CASE(walk_chain),
	KUNIT_CASE(walk_bad_next),
	KUNIT_CASE(elem_header),
	KUNIT_CASE(elem_odd_size),
	KUNIT_CASE(elem_limits),
	KUNIT_CASE(charge_rule),
	KUNIT_CASE(negctx_ok),
	KUNIT_CASE(negctx_bad),
	KUNIT_CASE(smb1_negotiate),
	KUNIT_CASE(share_path),
	{}
};

static struct kunit_suite ksmbd_core_check_suite = {
	.name = "ksmbd_core_check",
	.test_cases = ksmbd_core_check_cases,
};

kunit_test_suite(ksmbd_core_check_suite);
