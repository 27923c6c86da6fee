// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: NTLMSSP messages and NTLMv2 verification.
 *
 * Vectors: [MS-NLMP] 4.2.4 (user "User", domain "Domain", password
 * "Password", server challenge 0123456789abcdef, client challenge aa..aa,
 * time 0, RandomSessionKey 55..55: NTProofStr 68cd0ab8..., SessionBaseKey
 * 8de40cca..., EncryptedRandomSessionKey c5dad254...), and the Windows
 * NTLMSSP exchange of Microsoft's "SMB 2 and SMB 3 security in Windows 10:
 * the anatomy of signing and cryptographic keys" (NT hash 7c4fe5ea...,
 * ExportedSessionKey 270e1ba8...).
 */
#include "auth_test.h"
#include <linux/slab.h>
#include <asm/unaligned.h>

#include "ntlmssp.h"
#include "ntlmssp_wire.h"
#include "sign.h"

/* --- [MS-NLMP] 4.2.4 ---------------------------------------------------- */

static const u8 nlmp_nt_hash[16] = {	/* NTOWFv1("Password") */
	0xa4, 0xf4, 0x9c, 0x40, 0x65, 0x10, 0xbd, 0xca,
	0xb6, 0x82, 0x4e, 0xe7, 0xc3, 0x0f, 0xd8, 0x52,
};

static const u8 nlmp_server_challenge[8] = {
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
};

static const u8 nlmp_ntproof[16] = {
	0x68, 0xcd, 0x0a, 0xb8, 0x51, 0xe5, 0x1c, 0x96,
	0xaa, 0xbc, 0x92, 0x7b, 0xeb, 0xef, 0x6a, 0x1c,
};

/* NTLMv2_CLIENT_CHALLENGE "temp" of 4.2.4.2.2 */
static const u8 nlmp_temp[] = {
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa,
	0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0c, 0x00, 0x44, 0x00, 0x6f, 0x00,
	0x6d, 0x00, 0x61, 0x00, 0x69, 0x00, 0x6e, 0x00, 0x01, 0x00, 0x0c, 0x00,
	0x53, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76, 0x00, 0x65, 0x00, 0x72, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static const u8 nlmp_session_base_key[16] = {
	0x8d, 0xe4, 0x0c, 0xca, 0xdb, 0xc1, 0x4a, 0x82,
	0xf1, 0x5c, 0xb0, 0xad, 0x0d, 0xe9, 0x5c, 0xa3,
};

static const u8 nlmp_enc_session_key[16] = {
	0xc5, 0xda, 0xd2, 0x54, 0x4f, 0xc9, 0x79, 0x90,
	0x94, 0xce, 0x1c, 0xe9, 0x0b, 0xc9, 0xd0, 0x3e,
};

/* 4.2.4 challenge flags: 33 82 8a e2 */
#define NLMP_FLAGS	0xe28a8233

/* Pieces of an AUTHENTICATE_MESSAGE built by the tests. */
struct auth_parts {
	u32 flags;
	const u8 *lm;
	size_t lm_len;
	const u8 *nt;
	size_t nt_len;
	const char *domain, *user, *ws;	/* ASCII, sent as UTF-16LE */
	const u8 *key;
	size_t key_len;
};

static void put_fld(u8 *hdr, size_t len, size_t off)
{
	put_unaligned_le16(len, hdr);
	put_unaligned_le16(len, hdr + 2);
	put_unaligned_le32(off, hdr + 4);
}

static size_t put_str(u8 *p, const char *s)
{
	size_t i, n = s ? strlen(s) : 0;

	for (i = 0; i < n; i++)
		put_unaligned_le16(s[i], p + 2 * i);
	return 2 * n;
}

/* Header, Version and MIC (zero), then the payload; returns the length. */
static size_t build_auth(u8 *buf, const struct auth_parts *a)
{
	size_t off = 88, n;

	memset(buf, 0, off);
	memcpy(buf, "NTLMSSP", 8);
	put_unaligned_le32(3, buf + 8);
	put_unaligned_le32(a->flags, buf + 60);
	n = put_str(buf + off, a->domain);
	put_fld(buf + 28, n, off);
	off += n;
	n = put_str(buf + off, a->user);
	put_fld(buf + 36, n, off);
	off += n;
	n = put_str(buf + off, a->ws);
	put_fld(buf + 44, n, off);
	off += n;
	memcpy(buf + off, a->lm, a->lm_len);
	put_fld(buf + 12, a->lm_len, off);
	off += a->lm_len;
	memcpy(buf + off, a->nt, a->nt_len);
	put_fld(buf + 20, a->nt_len, off);
	off += a->nt_len;
	memcpy(buf + off, a->key, a->key_len);
	put_fld(buf + 52, a->key_len, off);
	off += a->key_len;
	return off;
}

static u8 *nlmp_nt_response(struct kunit *test, size_t *len)
{
	u8 *nt = kunit_kmalloc(test, 16 + sizeof(nlmp_temp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, nt);
	memcpy(nt, nlmp_ntproof, 16);
	memcpy(nt + 16, nlmp_temp, sizeof(nlmp_temp));
	*len = 16 + sizeof(nlmp_temp);
	return nt;
}

static void nlmp_parts(struct kunit *test, struct auth_parts *p)
{
	memset(p, 0, sizeof(*p));
	p->flags = NLMP_FLAGS;
	p->nt = nlmp_nt_response(test, &p->nt_len);
	p->domain = "Domain";
	p->user = "User";
	p->ws = "COMPUTER";
	p->key = nlmp_enc_session_key;
	p->key_len = 16;
}

/* Build, parse and verify; returns ksmbd_ntlmv2_verify()'s result. */
static int nlmp_verify(struct kunit *test, const struct auth_parts *p,
		       const u8 *nt_hash, const u8 *challenge, u8 key[16])
{
	u8 *buf = kunit_kzalloc(test, 1024, GFP_KERNEL);
	struct ksmbd_ntlmssp_auth a;
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = build_auth(buf, p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	return ksmbd_ntlmv2_verify(nt_hash, &a, challenge, key);
}

static void ntlmv2_nlmp_key_exch(struct kunit *test)
{
	static const u8 random_session_key[16] = {
		0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
		0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
	};
	struct auth_parts p;
	u8 key[16];

	nlmp_parts(test, &p);
	KUNIT_ASSERT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), 0);
	EXPECT_BYTES(test, key, random_session_key, 16);
}

static void ntlmv2_nlmp_no_key_exch(struct kunit *test)
{
	struct auth_parts p;
	u8 key[16];

	nlmp_parts(test, &p);
	p.flags &= ~NTLMSSP_NEGOTIATE_KEY_EXCH;
	p.key_len = 0;
	KUNIT_ASSERT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), 0);
	EXPECT_BYTES(test, key, nlmp_session_base_key, 16);
}

/* User names compare case-insensitively, domains as sent. */
static void ntlmv2_name_case(struct kunit *test)
{
	struct auth_parts p;
	u8 key[16];

	nlmp_parts(test, &p);
	p.user = "USER";
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), 0);
	p.user = "user";
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), 0);
	p.domain = "DOMAIN";
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
	p.domain = "Domain";
	p.user = "Usr";
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
}

static void ntlmv2_wrong_password(struct kunit *test)
{
	static const u8 untouched[16] = { 0x42 };
	struct auth_parts p;
	u8 hash[16], challenge[8], key[16];
	u8 *nt;

	nlmp_parts(test, &p);
	memcpy(hash, nlmp_nt_hash, 16);
	hash[15] ^= 1;
	memcpy(key, untouched, 16);
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, hash,
					  nlmp_server_challenge, key), -EACCES);
	EXPECT_BYTES(test, key, untouched, 16);	/* no key on failure */

	memcpy(challenge, nlmp_server_challenge, 8);
	challenge[0] ^= 1;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash, challenge,
					  key), -EACCES);

	/* a changed byte of the client blob (here the client challenge) */
	nt = (u8 *)p.nt;
	nt[16 + 16] ^= 1;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
	nt[16 + 16] ^= 1;
	/* a changed proof */
	nt[3] ^= 1;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
}

static void ntlmv2_rejects_v1_and_malformed(struct kunit *test)
{
	static const u8 v1[24] = { 1, 2, 3 };
	struct auth_parts p;
	u8 key[16], *nt;

	nlmp_parts(test, &p);
	/* NTLMv1: a 24-byte NtChallengeResponse */
	p.nt = v1;
	p.nt_len = sizeof(v1);
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
	/* LM only */
	p.lm = v1;
	p.lm_len = sizeof(v1);
	p.nt_len = 0;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EACCES);
	/* shorter than NTProofStr + the fixed part of the client blob */
	nlmp_parts(test, &p);
	p.nt_len = 16 + 27;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EINVAL);
	/* wrong RespType */
	nlmp_parts(test, &p);
	nt = (u8 *)p.nt;
	nt[16] = 2;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EINVAL);
	/* KEY_EXCH without a 16-byte EncryptedRandomSessionKey */
	nlmp_parts(test, &p);
	p.key_len = 15;
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EINVAL);
}

/* Parse an AUTHENTICATE carrying nt[0..nt_len) and check its structure. */
static int nt_check(struct kunit *test, const u8 *nt, size_t nt_len)
{
	struct ksmbd_ntlmssp_auth a;
	struct auth_parts p;
	u8 *buf = kunit_kzalloc(test, 1024, GFP_KERNEL);
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	nlmp_parts(test, &p);
	p.nt = nt;
	p.nt_len = nt_len;
	len = build_auth(buf, &p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	return ksmbd_ntlmv2_check_response(&a);
}

/*
 * The client blob's AvPairs must end with MsvAvEOL inside the blob; a
 * pair that runs past its end, or a list with no EOL, is malformed
 * (STATUS_INVALID_PARAMETER, as Windows answers smbtorture's
 * smb2.session.ntlmssp_bug14932), and verify refuses it too.
 */
static void ntlmv2_av_pairs(struct kunit *test)
{
	/* AvPairs of nlmp_temp start at 16 + 28 of the response */
	const size_t av = 16 + 28, full = 16 + sizeof(nlmp_temp);
	struct auth_parts p;
	u8 key[16], *nt;

	nlmp_parts(test, &p);
	nt = (u8 *)p.nt;
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, full), 0);
	/* without the 4 zero bytes after the EOL */
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, full - 4), 0);
	/* cut inside the EOL, inside a pair, right after the fixed part */
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, full - 6), -EINVAL);
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, av + 10), -EINVAL);
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, av), -EINVAL);
	/* first pair's AvLen past the end of the blob */
	put_unaligned_le16(0xfff0, nt + av + 2);
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, full), -EINVAL);
	KUNIT_EXPECT_EQ(test, nlmp_verify(test, &p, nlmp_nt_hash,
					  nlmp_server_challenge, key), -EINVAL);
	/* ... exactly to the end: then no EOL is left */
	put_unaligned_le16(full - av - 4, nt + av + 2);
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, full), -EINVAL);
	/* NTLMv1 and no response: refused, but not malformed */
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, 24), -EACCES);
	KUNIT_EXPECT_EQ(test, nt_check(test, nt, 0), -EACCES);
}

/* --- The Windows exchange of the Microsoft blog --------------------------- */

static const u8 win_negotiate[] = {
	0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x97, 0x82, 0x08, 0xe2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x03, 0x80, 0x25,
	0x00, 0x00, 0x00, 0x0f,
};

static const u8 win_challenge[] = {
	0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00, 0x02, 0x00, 0x00, 0x00,
	0x0c, 0x00, 0x0c, 0x00, 0x38, 0x00, 0x00, 0x00, 0x15, 0x82, 0x8a, 0xe2,
	0x0d, 0x1d, 0x8b, 0xa3, 0x11, 0x79, 0xd0, 0x08, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x50, 0x00, 0x50, 0x00, 0x44, 0x00, 0x00, 0x00,
	0x0a, 0x00, 0x92, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x53, 0x00, 0x55, 0x00,
	0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00, 0x02, 0x00, 0x0c, 0x00,
	0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00,
	0x01, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00,
	0x31, 0x00, 0x31, 0x00, 0x04, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x55, 0x00,
	0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00, 0x03, 0x00, 0x0c, 0x00,
	0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00,
	0x07, 0x00, 0x08, 0x00, 0xa1, 0xa1, 0xf5, 0xad, 0xcb, 0xae, 0xd0, 0x01,
	0x00, 0x00, 0x00, 0x00,
};

static const u8 win_authenticate[] = {
	0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00, 0x03, 0x00, 0x00, 0x00,
	0x18, 0x00, 0x18, 0x00, 0x90, 0x00, 0x00, 0x00, 0xee, 0x00, 0xee, 0x00,
	0xa8, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x0c, 0x00, 0x58, 0x00, 0x00, 0x00,
	0x1a, 0x00, 0x1a, 0x00, 0x64, 0x00, 0x00, 0x00, 0x12, 0x00, 0x12, 0x00,
	0x7e, 0x00, 0x00, 0x00, 0x10, 0x00, 0x10, 0x00, 0x96, 0x01, 0x00, 0x00,
	0x15, 0x82, 0x88, 0xe2, 0x06, 0x03, 0x80, 0x25, 0x00, 0x00, 0x00, 0x0f,
	0xec, 0xac, 0x77, 0xa5, 0xf3, 0x85, 0xa8, 0xbf, 0x9c, 0x38, 0xc7, 0x06,
	0xee, 0xed, 0xdc, 0xd3, 0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00,
	0x31, 0x00, 0x31, 0x00, 0x61, 0x00, 0x64, 0x00, 0x6d, 0x00, 0x69, 0x00,
	0x6e, 0x00, 0x69, 0x00, 0x73, 0x00, 0x74, 0x00, 0x72, 0x00, 0x61, 0x00,
	0x74, 0x00, 0x6f, 0x00, 0x72, 0x00, 0x44, 0x00, 0x52, 0x00, 0x49, 0x00,
	0x56, 0x00, 0x45, 0x00, 0x52, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x63, 0x07, 0x8e, 0xb6, 0x39, 0xfe, 0x03, 0xe2, 0x0a, 0x23, 0x1c, 0x3a,
	0xe3, 0xbf, 0x23, 0x08, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xa1, 0xa1, 0xf5, 0xad, 0xcb, 0xae, 0xd0, 0x01, 0xbc, 0x4a, 0xd0, 0x5f,
	0x22, 0x3c, 0xc9, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0c, 0x00,
	0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00,
	0x01, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00,
	0x31, 0x00, 0x31, 0x00, 0x04, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x55, 0x00,
	0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00, 0x03, 0x00, 0x0c, 0x00,
	0x53, 0x00, 0x55, 0x00, 0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00,
	0x07, 0x00, 0x08, 0x00, 0xa1, 0xa1, 0xf5, 0xad, 0xcb, 0xae, 0xd0, 0x01,
	0x06, 0x00, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x30, 0x00, 0x00, 0xb6, 0x1f, 0xef, 0xca, 0xa8, 0x57, 0xea, 0x57,
	0xbf, 0x1e, 0xdc, 0xeb, 0xf8, 0x97, 0x4b, 0x8e, 0x0e, 0xba, 0x5a, 0x6d,
	0xfd, 0x9d, 0x07, 0xa3, 0x1d, 0x11, 0xb5, 0x48, 0xf8, 0xc9, 0xd0, 0xcc,
	0x0a, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x16, 0x00,
	0x63, 0x00, 0x69, 0x00, 0x66, 0x00, 0x73, 0x00, 0x2f, 0x00, 0x53, 0x00,
	0x55, 0x00, 0x54, 0x00, 0x33, 0x00, 0x31, 0x00, 0x31, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3b, 0x9b,
	0xdf, 0xf3, 0x8f, 0x5e, 0xe8, 0xf9, 0x66, 0x3f, 0x11, 0xa0, 0xf4, 0xc0,
	0x3a, 0x78,
};

static const u8 win_nt_hash[16] = {	/* MD4("Password01!") */
	0x7c, 0x4f, 0xe5, 0xea, 0xda, 0x68, 0x27, 0x14,
	0xa0, 0x36, 0xe3, 0x93, 0x78, 0x36, 0x2b, 0xab,
};

static const u8 win_session_key[16] = {
	0x27, 0x0e, 0x1b, 0xa8, 0x96, 0x58, 0x5e, 0xeb,
	0x7a, 0xf3, 0x47, 0x2d, 0x3b, 0x4c, 0x75, 0xa7,
};

static void windows_authenticate(struct kunit *test)
{
	u8 *blob = kunit_kmalloc(test, sizeof(win_authenticate), GFP_KERNEL);
	struct ksmbd_ntlmssp_auth a;
	char name[32];
	u8 key[16];

	KUNIT_ASSERT_NOT_NULL(test, blob);
	memcpy(blob, win_authenticate, sizeof(win_authenticate));
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_message_type(blob,
							 sizeof(win_authenticate)),
			KSMBD_NTLMSSP_AUTHENTICATE);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(blob,
							       sizeof(win_authenticate), &a), 0);
	KUNIT_EXPECT_EQ(test, a.flags, 0xe2888215);
	KUNIT_EXPECT_EQ(test, a.lm_len, 24);
	KUNIT_EXPECT_EQ(test, a.nt_len, 238);
	KUNIT_EXPECT_EQ(test, a.domain_len, 12);
	KUNIT_EXPECT_EQ(test, a.ws_len, 18);
	KUNIT_EXPECT_EQ(test, a.enc_session_key_len, 16);
	KUNIT_EXPECT_PTR_EQ(test, a.nt, blob + 168);
	KUNIT_EXPECT_FALSE(test, ksmbd_ntlmssp_is_anonymous(&a));
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, name, sizeof(name)),
			13);
	KUNIT_EXPECT_STREQ(test, name, "administrator");
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, name, 13),
			-ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, name, 14), 13);

	/* the server challenge is in the CHALLENGE_MESSAGE at offset 24 */
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmv2_verify(win_nt_hash, &a,
						  win_challenge + 24, key), 0);
	EXPECT_BYTES(test, key, win_session_key, 16);
}

/* Every truncation of a valid AUTHENTICATE_MESSAGE is refused. */
static void authenticate_truncated(struct kunit *test)
{
	struct ksmbd_ntlmssp_auth a;
	u8 *blob;
	size_t len;

	for (len = 0; len < sizeof(win_authenticate); len++) {
		blob = kmemdup(win_authenticate, len ? len : 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, blob);
		KUNIT_EXPECT_EQ_MSG(test,
				    ksmbd_ntlmssp_parse_authenticate(blob, len,
								     &a),
				    -EINVAL, "len %zu", len);
		kfree(blob);
	}
}

/* Each (Len, MaxLen, Offset) triple, broken in each way, is refused. */
static void authenticate_bad_fields(struct kunit *test)
{
	const size_t n = sizeof(win_authenticate);
	u8 *blob = kunit_kmalloc(test, n, GFP_KERNEL);
	struct ksmbd_ntlmssp_auth a;
	static const struct {
		u16 len, max;
		u32 off;
	} bad[] = {
		{ 2, 2, sizeof(win_authenticate) },		/* at the end */
		{ 2, 2, sizeof(win_authenticate) - 1 },		/* straddles */
		{ 2, 2, 0xffffffff },				/* wraps */
		{ 0xffff, 0xffff, 0xfffffff0 },			/* wraps */
		{ 2, 2, 0x80000000 },
		{ 4, 2, 100 },					/* len > max */
		{ 2, 2, 8 },			/* inside the fixed header */
	};
	size_t f, i;

	KUNIT_ASSERT_NOT_NULL(test, blob);
	for (f = 0; f < 6; f++) {
		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			u8 *fld = blob + 12 + 8 * f;

			memcpy(blob, win_authenticate, n);
			put_unaligned_le16(bad[i].len, fld);
			put_unaligned_le16(bad[i].max, fld + 2);
			put_unaligned_le32(bad[i].off, fld + 4);
			KUNIT_EXPECT_EQ_MSG(test,
					    ksmbd_ntlmssp_parse_authenticate(blob, n, &a),
				-EINVAL, "field %zu case %zu", f, i);
		}
		/* an empty field may point anywhere: it is not used */
		memcpy(blob, win_authenticate, n);
		put_unaligned_le16(0, blob + 12 + 8 * f);
		put_unaligned_le32(0xffffffff, blob + 12 + 8 * f + 4);
		KUNIT_EXPECT_EQ(test,
				ksmbd_ntlmssp_parse_authenticate(blob, n, &a), 0);
	}
	/* odd-length user name */
	memcpy(blob, win_authenticate, n);
	put_unaligned_le16(25, blob + 36);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_authenticate(blob, n, &a),
			-EINVAL);
	/* OEM strings */
	memcpy(blob, win_authenticate, n);
	blob[60] &= ~NTLMSSP_NEGOTIATE_UNICODE;
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_authenticate(blob, n, &a),
			-EINVAL);
	/* wrong type, wrong signature */
	memcpy(blob, win_authenticate, n);
	blob[8] = 1;
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_authenticate(blob, n, &a),
			-EINVAL);
	memcpy(blob, win_authenticate, n);
	blob[0] = 'n';
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_authenticate(blob, n, &a),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_message_type(blob, n), -EINVAL);
}

static void anonymous(struct kunit *test)
{
	static const u8 zero_lm[1];
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	struct auth_parts p = { .flags = NTLMSSP_NEGOTIATE_UNICODE |
					 NTLMSSP_NEGOTIATE_ANONYMOUS };
	struct ksmbd_ntlmssp_auth a;
	u8 key[16];
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = build_auth(buf, &p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	KUNIT_EXPECT_TRUE(test, ksmbd_ntlmssp_is_anonymous(&a));
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmv2_verify(nlmp_nt_hash, &a,
						  nlmp_server_challenge, key),
			-EACCES);

	p.lm = zero_lm;
	p.lm_len = 1;
	len = build_auth(buf, &p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	KUNIT_EXPECT_TRUE(test, ksmbd_ntlmssp_is_anonymous(&a));

	p.user = "guest";
	len = build_auth(buf, &p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	KUNIT_EXPECT_FALSE(test, ksmbd_ntlmssp_is_anonymous(&a));

	p.user = NULL;
	p.lm = nlmp_ntproof;
	p.lm_len = 16;
	len = build_auth(buf, &p);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_authenticate(buf, len, &a), 0);
	KUNIT_EXPECT_FALSE(test, ksmbd_ntlmssp_is_anonymous(&a));
}

static void user_utf8(struct kunit *test)
{
	/* "Jörg" and U+1F600 as a surrogate pair */
	static const u8 name16[] = { 'J', 0, 0xf6, 0, 'r', 0, 'g', 0,
				     0x3d, 0xd8, 0x00, 0xde };
	static const u8 lone[] = { 'a', 0, 0x3d, 0xd8, 'b', 0 };
	static const u8 nul[] = { 'a', 0, 0, 0 };
	struct ksmbd_ntlmssp_auth a = {};
	char buf[16];

	a.user = (const __le16 *)name16;
	a.user_len = sizeof(name16);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, sizeof(buf)),
			9);
	KUNIT_EXPECT_STREQ(test, buf, "J\xc3\xb6rg\xf0\x9f\x98\x80");
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, 9),
			-ENAMETOOLONG);
	a.user = (const __le16 *)lone;
	a.user_len = sizeof(lone);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, sizeof(buf)),
			-EINVAL);
	a.user_len = 4;		/* high surrogate at the very end */
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, sizeof(buf)),
			-EINVAL);
	a.user = (const __le16 *)nul;
	a.user_len = sizeof(nul);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, sizeof(buf)),
			-EINVAL);
	a.user_len = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_user_utf8(&a, buf, sizeof(buf)),
			0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

/* --- NEGOTIATE and CHALLENGE --------------------------------------------- */

static void negotiate_windows(struct kunit *test)
{
	u8 *blob = kunit_kmalloc(test, sizeof(win_negotiate), GFP_KERNEL);
	size_t len;
	u32 flags;

	KUNIT_ASSERT_NOT_NULL(test, blob);
	memcpy(blob, win_negotiate, sizeof(win_negotiate));
	KUNIT_ASSERT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob,
							    sizeof(win_negotiate), &flags), 0);
	KUNIT_EXPECT_EQ(test, flags, 0xe2088297);

	for (len = 0; len < 16; len++)
		KUNIT_EXPECT_EQ(test,
				ksmbd_ntlmssp_parse_negotiate(blob, len, &flags),
				-EINVAL);
	/* clients may stop after NegotiateFlags */
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 16, &flags),
			0);

	/* a supplied domain must lie inside the message */
	blob[13] |= NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED >> 8;
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 20, &flags),
			-EINVAL);
	put_unaligned_le16(4, blob + 16);
	put_unaligned_le16(4, blob + 18);
	put_unaligned_le32(36, blob + 20);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 40, &flags),
			0);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 39, &flags),
			-EINVAL);
	put_unaligned_le32(0xfffffffe, blob + 20);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 40, &flags),
			-EINVAL);
	blob[8] = 3;
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_parse_negotiate(blob, 40, &flags),
			-EINVAL);
}

/*
 * With the Windows server's inputs (names SUT311, its challenge and time)
 * the TargetName and TargetInfo we write are byte for byte what Windows
 * sent; the flags differ only in TARGET_TYPE_DOMAIN (Windows: SERVER).
 */
static int challenge(u8 *buf, size_t buflen, u32 client_flags,
		     const u8 *server_challenge, const char *dom,
		     const char *comp, u64 time, u32 *flags, size_t *len)
{
	return ksmbd_ntlmssp_build_challenge(buf, buflen, client_flags,
					     server_challenge, dom, comp, time,
					     flags, len);
}

static void challenge_like_windows(struct kunit *test)
{
	const size_t want_len = sizeof(win_challenge);
	const u8 *srv_chal = win_challenge + 24;
	u64 time = get_unaligned_le64(win_challenge + want_len - 12);
	u8 *buf = kunit_kzalloc(test, 512, GFP_KERNEL);
	size_t len, i;
	u32 flags;
	int rc;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	rc = challenge(buf, 512, 0xe2088297, srv_chal, "SUT311", "SUT311",
		       time, &flags, &len);
	KUNIT_ASSERT_EQ(test, rc, 0);
	KUNIT_EXPECT_EQ(test, len, want_len);
	KUNIT_EXPECT_EQ(test, flags, 0xe2898215);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(buf + 20), flags);
	EXPECT_BYTES(test, buf, win_challenge, 20);	/* sig, type, name */
	EXPECT_BYTES(test, buf + 24, win_challenge + 24, 16);
	EXPECT_BYTES(test, buf + 40, win_challenge + 40, 8);	/* info field */
	KUNIT_EXPECT_EQ(test, buf[55], NTLMSSP_REVISION_W2K3);
	EXPECT_BYTES(test, buf + 56, win_challenge + 56, want_len - 56);
	KUNIT_EXPECT_EQ(test, ksmbd_ntlmssp_message_type(buf, len),
			KSMBD_NTLMSSP_CHALLENGE);

	for (i = 0; i < want_len; i++) {
		rc = challenge(buf, i, 0xe2088297, srv_chal, "SUT311",
			       "SUT311", time, &flags, &len);
		KUNIT_EXPECT_EQ(test, rc, -ENOSPC);
	}
}

static void challenge_flags(struct kunit *test)
{
	const u32 odd = NTLMSSP_NEGOTIATE_UNICODE | NTLMSSP_NEGOTIATE_SEAL |
			NTLMSSP_NEGOTIATE_LM_KEY | NTLMSSP_NEGOTIATE_DATAGRAM |
			NTLMSSP_NEGOTIATE_IDENTIFY;
	u8 *buf = kunit_kzalloc(test, 512, GFP_KERNEL);
	size_t len;
	u32 flags;
	int rc;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* an OEM client that asks for nothing */
	rc = challenge(buf, 512, NTLMSSP_NEGOTIATE_OEM, nlmp_server_challenge,
		       "WORKGROUP", "KSMBD", 0, &flags, &len);
	KUNIT_ASSERT_EQ(test, rc, 0);
	KUNIT_EXPECT_EQ(test, flags, NTLMSSP_NEGOTIATE_OEM |
			NTLMSSP_NEGOTIATE_NTLM | NTLMSSP_NEGOTIATE_TARGET_INFO |
			NTLMSSP_REQUEST_TARGET | NTLMSSP_TARGET_TYPE_DOMAIN);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(buf + 12), 9);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 56, "WORKGROUP", 9), 0);
	/* no Version unless asked */
	KUNIT_EXPECT_EQ(test, buf[55], 0);
	/* SEAL is granted; LM_KEY, DATAGRAM, IDENTIFY are not */
	rc = challenge(buf, 512, odd, nlmp_server_challenge, "WORKGROUP",
		       "KSMBD", 0, &flags, &len);
	KUNIT_ASSERT_EQ(test, rc, 0);
	KUNIT_EXPECT_TRUE(test, flags & NTLMSSP_NEGOTIATE_SEAL);
	KUNIT_EXPECT_FALSE(test, flags & (NTLMSSP_NEGOTIATE_LM_KEY |
					  NTLMSSP_NEGOTIATE_DATAGRAM |
					  NTLMSSP_NEGOTIATE_IDENTIFY));
	/* names must be valid UTF-8 */
	rc = challenge(buf, 512, NTLMSSP_NEGOTIATE_UNICODE,
		       nlmp_server_challenge, "\xff", "KSMBD", 0, &flags, &len);
	KUNIT_EXPECT_EQ(test, rc, -EINVAL);
}

static int ntlmssp_suite_init(struct kunit_suite *suite)
{
	return ksmbd_crypto_init();
}

static void ntlmssp_suite_exit(struct kunit_suite *suite)
{
	ksmbd_crypto_exit();
}

static struct kunit_case ntlmssp_cases[] = {
	KUNIT_CASE(ntlmv2_nlmp_key_exch),
	KUNIT_CASE(ntlmv2_nlmp_no_key_exch),
	KUNIT_CASE(ntlmv2_name_case),
	KUNIT_CASE(ntlmv2_wrong_password),
	KUNIT_CASE(ntlmv2_rejects_v1_and_malformed),
	KUNIT_CASE(ntlmv2_av_pairs),
	KUNIT_CASE(windows_authenticate),
	KUNIT_CASE(authenticate_truncated),
	KUNIT_CASE(authenticate_bad_fields),
	KUNIT_CASE(anonymous),
	KUNIT_CASE(user_utf8),
	KUNIT_CASE(negotiate_windows),
	KUNIT_CASE(challenge_like_windows),
	KUNIT_CASE(challenge_flags),
	{}
};

static struct kunit_suite ntlmssp_suite = {
	.name = "ksmbd_auth_ntlmssp",
	.suite_init = ntlmssp_suite_init,
	.suite_exit = ntlmssp_suite_exit,
	.test_cases = ntlmssp_cases,
};

kunit_test_suite(ntlmssp_suite);
