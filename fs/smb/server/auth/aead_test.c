// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: SMB 3.x encryption primitives (aead.c) and the NTLMSSP MAC
 * (ntlm_mac.c) against published vectors.
 *
 * Sources: Microsoft's "SMB 3.0 encryption" example as reprinted in
 * Samba's lib/crypto/aes_ccm_128_test.c (a whole encrypted SMB2 message:
 * key, 11-byte nonce, the 32 authenticated transform-header bytes,
 * plaintext, ciphertext, tag); "The Galois/Counter Mode of Operation"
 * (McGrew, Viega) test cases 4 and 16, as in the kernel's
 * crypto/testmgr.h; [MS-NLMP] 4.2.4.4 (GSS_WrapEx with NTLMv2: keys
 * from the random session key 0x55 * 16, the sealed message and its
 * signature).
 */
#include "auth_test.h"
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/kernel.h>

#include "../../common/arc4.h"
#include "crypto_pool.h"
#include "aead.h"
#include "sign.h"
#include "ntlm_mac.h"
#include "ntlmssp.h"

/* hex string -> kunit-managed buffer (not the stack: sg needs it) */
static u8 *unhex(struct kunit *test, const char *hex, size_t *len)
{
	size_t n = strlen(hex) / 2;
	u8 *b = kunit_kzalloc(test, n ? n : 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, hex2bin(b, hex, n), 0);
	if (len)
		*len = n;
	return b;
}

struct aead_vec {
	u16 cipher;
	const char *k, *n, *a, *p, *c, *t;
};

static const struct aead_vec vecs[] = {
	{	/* SMB 3.0 encrypted message (AES-128-CCM) */
		KSMBD_CIPHER_AES128_CCM,
		"8BF9FBC2B8149484FF11AB1F3A544FF6",
		"010000000000000077F7A8",
		"010000000000000077F7A80000000000A8000000000001004100002C00980000",
		"FE534D4240000100000000000B00811F0000000000000000060000000000000000000000010000004100002C00980000000000000000000000000000000000003900000094010600FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7800000030000000000000007800000000000000FFFF0000010000000000000003005C003100370032002E00330031002E0039002E003100380033005C006E00650074006C006F0067006F006E000000",
		"25985364BF9AF90EB0B9C8FB55B7C446780F310F1EC4677726BFBF34E38E6408057EE228814F11CBAAB794A79F7A1F782DE73B7477985360A02D35A7A347ABF79F18DD8687767423BB08F18642B6EFEE8B1543D83091AF5952F58BB4BD89FF6B0206E7170481C7BC61F06653D0CF10F7C78380389382C2767B8BF34D687A5C3D4F783F926F7755C02D44C30848C69CFDD8E54395F1881611E5502285870A7179068923105190C837",
		"3C11F652F8EA5600C8607D2E0FEAFD42",
	},
	{	/* GCM test case 4 (AES-128) */
		KSMBD_CIPHER_AES128_GCM,
		"feffe9928665731c6d6a8f9467308308",
		"cafebabefacedbaddecaf888",
		"feedfacedeadbeeffeedfacedeadbeefabaddad2",
		"d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
		"42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
		"5bc94fbc3221a5db94fae95ae7121a47",
	},
	{	/* GCM test case 16 (AES-256) */
		KSMBD_CIPHER_AES256_GCM,
		"feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
		"cafebabefacedbaddecaf888",
		"feedfacedeadbeeffeedfacedeadbeefabaddad2",
		"d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
		"522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
		"76fc6ece0f4e1768cddf8853bb2d551b",
	},
};

/* Seal gives the published ciphertext and tag; open gives back P. */
static void aead_vectors(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vecs); i++) {
		const struct aead_vec *v = &vecs[i];
		size_t klen, nlen, alen, plen, clen, tlen;
		u8 *k = unhex(test, v->k, &klen), *n = unhex(test, v->n, &nlen);
		u8 *a = unhex(test, v->a, &alen), *p = unhex(test, v->p, &plen);
		u8 *c = unhex(test, v->c, &clen), *t = unhex(test, v->t, &tlen);
		u8 *buf = kunit_kmalloc(test, plen, GFP_KERNEL);
		u8 tag[KSMBD_AEAD_TAG_SIZE];

		KUNIT_ASSERT_NOT_NULL(test, buf);
		KUNIT_EXPECT_EQ(test, klen, ksmbd_aead_key_len(v->cipher));
		KUNIT_EXPECT_EQ(test, nlen, ksmbd_aead_nonce_len(v->cipher));
		KUNIT_ASSERT_EQ(test, clen, plen);

		memcpy(buf, p, plen);
		KUNIT_ASSERT_EQ(test, ksmbd_aead_seal(v->cipher, k, n, a, alen,
						      buf, plen, tag), 0);
		EXPECT_BYTES(test, buf, c, clen);
		EXPECT_BYTES(test, tag, t, tlen);

		KUNIT_ASSERT_EQ(test, ksmbd_aead_open(v->cipher, k, n, a, alen,
						      buf, plen, t), 0);
		EXPECT_BYTES(test, buf, p, plen);
	}
}

/* A flipped bit anywhere (data, AAD, tag) fails with -EBADMSG. */
static void aead_tamper(struct kunit *test)
{
	const struct aead_vec *v = &vecs[0];
	size_t alen, plen;
	u8 *k = unhex(test, v->k, NULL), *n = unhex(test, v->n, NULL);
	u8 *a = unhex(test, v->a, &alen), *c = unhex(test, v->c, &plen);
	u8 *t = unhex(test, v->t, NULL);

	c[5] ^= 1;
	KUNIT_EXPECT_EQ(test, ksmbd_aead_open(v->cipher, k, n, a, alen, c,
					      plen, t), -EBADMSG);
	c = unhex(test, v->c, NULL);
	a[20] ^= 1;	/* OriginalMessageSize */
	KUNIT_EXPECT_EQ(test, ksmbd_aead_open(v->cipher, k, n, a, alen, c,
					      plen, t), -EBADMSG);
	a = unhex(test, v->a, NULL);
	t[15] ^= 0x80;
	KUNIT_EXPECT_EQ(test, ksmbd_aead_open(v->cipher, k, n, a, alen, c,
					      plen, t), -EBADMSG);
	KUNIT_EXPECT_EQ(test, ksmbd_aead_open(0x0005, k, n, a, alen, c, plen,
					      t), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_aead_key_len(0), 0U);
	KUNIT_EXPECT_EQ(test, ksmbd_aead_nonce_len(0x0005), 0U);
}

/*
 * A vmalloc'd message spanning pages round-trips with every cipher, and
 * its ciphertext is not the plaintext.
 */
static void aead_vmalloc(struct kunit *test)
{
	static const u16 ciphers[] = {
		KSMBD_CIPHER_AES128_CCM, KSMBD_CIPHER_AES128_GCM,
		KSMBD_CIPHER_AES256_CCM, KSMBD_CIPHER_AES256_GCM,
	};
	const size_t len = 3 * PAGE_SIZE + 123;
	u8 *key = kunit_kzalloc(test, 32, GFP_KERNEL);
	u8 *nonce = kunit_kzalloc(test, 16, GFP_KERNEL);
	u8 *aad = kunit_kzalloc(test, 32, GFP_KERNEL);
	u8 tag[KSMBD_AEAD_TAG_SIZE];
	u8 *buf, *orig;
	size_t i, j;

	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_NOT_NULL(test, nonce);
	KUNIT_ASSERT_NOT_NULL(test, aad);
	buf = vmalloc(len);
	orig = vmalloc(len);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, orig);
	for (j = 0; j < len; j++)
		orig[j] = j * 7 + 3;
	for (i = 0; i < ARRAY_SIZE(ciphers); i++) {
		key[0] = i;
		memcpy(buf, orig, len);
		KUNIT_EXPECT_EQ(test, ksmbd_aead_seal(ciphers[i], key, nonce,
						      aad, 32, buf, len, tag),
				0);
		KUNIT_EXPECT_NE(test, memcmp(buf, orig, len), 0);
		KUNIT_EXPECT_EQ(test, ksmbd_aead_open(ciphers[i], key, nonce,
						      aad, 32, buf, len, tag),
				0);
		KUNIT_EXPECT_EQ(test, memcmp(buf, orig, len), 0);
	}
	vfree(buf);
	vfree(orig);
}

/* [MS-NLMP] 4.2.4.4: the client's keys, the sealed message, its MAC. */
static void ntlm_mac_nlmp(struct kunit *test)
{
	static const u8 session_key[16] = {
		0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
		0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
	};
	u32 flags = NTLMSSP_NEGOTIATE_KEY_EXCH | NTLMSSP_NEGOTIATE_128 |
		    NTLMSSP_NEGOTIATE_56 | NTLMSSP_NEGOTIATE_SIGN;
	u8 *want_seal = unhex(test, "59f600973cc4960a25480a7c196e4c58", NULL);
	u8 *want_sign = unhex(test, "4788dc861b4782f35d43fd98fe1a2d39", NULL);
	u8 *msg = kunit_kzalloc(test, 18, GFP_KERNEL);
	u8 *want_data = unhex(test, "54e50165bf1936dc996020c1811b0f06fb5f",
			      NULL);
	u8 *want_sig = unhex(test, "010000007fb38ec5c55d497600000000", NULL);
	u8 seal_key[16], sign_key[16], sig[KSMBD_NTLM_MAC_SIZE], data[18];
	struct arc4_ctx *rc4 = kunit_kzalloc(test, sizeof(*rc4), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, rc4);
	KUNIT_ASSERT_NOT_NULL(test, msg);
	/* "Plaintext" in UTF-16LE */
	memcpy(msg, "P\0l\0a\0i\0n\0t\0e\0x\0t\0", 18);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(session_key, flags, false,
						  seal_key), 0);
	EXPECT_BYTES(test, seal_key, want_seal, 16);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_sign_key(session_key, false,
						  sign_key), 0);
	EXPECT_BYTES(test, sign_key, want_sign, 16);

	/* SEAL(): RC4 the message, then MAC() with the same handle */
	KUNIT_ASSERT_EQ(test, cifs_arc4_setkey(rc4, seal_key, 16), 0);
	cifs_arc4_crypt(rc4, data, msg, 18);
	EXPECT_BYTES(test, data, want_data, 18);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_mac(sign_key, rc4, 0, msg, 18, sig),
			0);
	EXPECT_BYTES(test, sig, want_sig, 16);

	/* the server direction uses other keys; no KEY_EXCH: no RC4 */
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_sign_key(session_key, true,
						  sign_key), 0);
	EXPECT_BYTES_NE(test, sign_key, want_sign, 16);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_mac(want_sign, NULL, 0, msg, 18, sig),
			0);
	/* HMAC_MD5(SignKey, SeqNum || Message)[0..7] of the example */
	EXPECT_BYTES(test, sig + 4, "\x70\x35\x28\x51\xf2\x56\x43\x09", 8);
}

/* 56- and 40-bit sealing keys hash 7 and 5 bytes of the session key. */
static void ntlm_seal_key_lengths(struct kunit *test)
{
	u8 key[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	u8 k128[16], k56[16], k40[16], other[16];

	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, NTLMSSP_NEGOTIATE_128,
						  true, k128), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, NTLMSSP_NEGOTIATE_56,
						  true, k56), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, 0, true, k40), 0);
	EXPECT_BYTES_NE(test, k128, k56, 16);
	EXPECT_BYTES_NE(test, k56, k40, 16);
	key[7] ^= 0xff;		/* beyond the 7 bytes: no change */
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, NTLMSSP_NEGOTIATE_56,
						  true, other), 0);
	EXPECT_BYTES(test, other, k56, 16);
	key[5] ^= 0xff;		/* inside the 7, beyond the 5 */
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, 0, true, other), 0);
	EXPECT_BYTES(test, other, k40, 16);
	KUNIT_ASSERT_EQ(test, ksmbd_ntlm_seal_key(key, NTLMSSP_NEGOTIATE_56,
						  true, other), 0);
	EXPECT_BYTES_NE(test, other, k56, 16);
}

static int aead_suite_init(struct kunit_suite *suite)
{
	return ksmbd_crypto_init();
}

static void aead_suite_exit(struct kunit_suite *suite)
{
	ksmbd_crypto_exit();
}

static struct kunit_case aead_cases[] = {
	KUNIT_CASE(aead_vectors),
	KUNIT_CASE(aead_tamper),
	KUNIT_CASE(aead_vmalloc),
	KUNIT_CASE(ntlm_mac_nlmp),
	KUNIT_CASE(ntlm_seal_key_lengths),
	{}
};

static struct kunit_suite aead_suite = {
	.name = "ksmbd_auth_aead",
	.suite_init = aead_suite_init,
	.suite_exit = aead_suite_exit,
	.test_cases = aead_cases,
};

kunit_test_suite(aead_suite);
