// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: the SMB2 TRANSFORM_HEADER check and the layout the decryption
 * relies on, with Microsoft's SMB 3.0 encrypted message example (see
 * auth/aead_test.c for its source): the header rebuilt from its signature
 * and authenticated bytes decrypts to an SMB2 message.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/kernel.h>
#include <asm/unaligned.h>

#include "transform.h"
#include "../auth/crypto_pool.h"
#include "../auth/aead.h"
#include "../auth/sign.h"
#include "../../common/smb2pdu.h"

static const char ms_key[] = "8BF9FBC2B8149484FF11AB1F3A544FF6";
static const char ms_hdr[] =	/* ProtocolId, Signature, Nonce.. SessionId */
	"FD534D423C11F652F8EA5600C8607D2E0FEAFD42010000000000000077F7A80000000000A8000000000001004100002C00980000";
static const char ms_msg[] =
	"25985364BF9AF90EB0B9C8FB55B7C446780F310F1EC4677726BFBF34E38E6408057EE228814F11CBAAB794A79F7A1F782DE73B7477985360A02D35A7A347ABF79F18DD8687767423BB08F18642B6EFEE8B1543D83091AF5952F58BB4BD89FF6B0206E7170481C7BC61F06653D0CF10F7C78380389382C2767B8BF34D687A5C3D4F783F926F7755C02D44C30848C69CFDD8E54395F1881611E5502285870A7179068923105190C837";

/* The example as received: transform header + encrypted message. */
static u8 *ms_pdu(struct kunit *test, u32 *len)
{
	size_t h = strlen(ms_hdr) / 2, m = strlen(ms_msg) / 2;
	u8 *b = kunit_kzalloc(test, h + m + 8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, h, (size_t)KSMBD_TF_HDR_SIZE);
	KUNIT_ASSERT_EQ(test, hex2bin(b, ms_hdr, h), 0);
	KUNIT_ASSERT_EQ(test, hex2bin(b + h, ms_msg, m), 0);
	*len = h + m;
	return b;
}

static void transform_ms_example(struct kunit *test)
{
	u8 key[16];
	u32 len, msg_len;
	u64 sid;
	u8 *pdu = ms_pdu(test, &len);
	struct smb2_transform_hdr *tf = (void *)pdu;

	KUNIT_EXPECT_TRUE(test, ksmbd_smb2_is_transform(pdu, len));
	KUNIT_ASSERT_EQ(test, ksmbd_smb2_transform_check(pdu, len, &msg_len,
							 &sid), 0);
	KUNIT_EXPECT_EQ(test, msg_len, 168U);
	KUNIT_EXPECT_EQ(test, sid, 0x000098002c000041ULL);

	KUNIT_ASSERT_EQ(test, hex2bin(key, ms_key, 16), 0);
	KUNIT_ASSERT_EQ(test, ksmbd_aead_open(KSMBD_CIPHER_AES128_CCM, key,
					      tf->Nonce, pdu + KSMBD_TF_AAD_OFF,
					      KSMBD_TF_AAD_LEN,
					      pdu + KSMBD_TF_HDR_SIZE, msg_len,
					      tf->Signature), 0);
	/* an SMB2 header (a TREE_CONNECT of that session) came out */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(pdu + KSMBD_TF_HDR_SIZE),
			0x424d53feU);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(pdu + KSMBD_TF_HDR_SIZE + 40),
			sid);
}

/* Each malformed header is refused before anything is decrypted. */
static void transform_check_refuses(struct kunit *test)
{
	u32 len, msg_len;
	u64 sid;
	u8 *pdu = ms_pdu(test, &len);
	struct smb2_transform_hdr *tf = (void *)pdu;

	/* cut short: OriginalMessageSize no longer matches */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len - 1,
							 &msg_len, &sid),
			-EINVAL);
	/* trailing bytes after the message */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len + 8,
							 &msg_len, &sid),
			-EINVAL);
	/* header only, or less than an SMB2 header after it */
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, 52, &msg_len,
							 &sid), -EINVAL);
	tf->OriginalMessageSize = cpu_to_le32(63);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, 52 + 63,
							 &msg_len, &sid),
			-EINVAL);
	tf->OriginalMessageSize = cpu_to_le32(168);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, 3, &msg_len,
							 &sid), -EINVAL);
	/* Flags/EncryptionAlgorithm other than 1 */
	tf->Flags = 0;
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len, &msg_len,
							 &sid), -EINVAL);
	tf->Flags = cpu_to_le16(2);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len, &msg_len,
							 &sid), -EINVAL);
	tf->Flags = cpu_to_le16(1);
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len, &msg_len,
							 &sid), 0);
	/* not a transform header at all */
	pdu[0] = 0xfe;
	KUNIT_EXPECT_FALSE(test, ksmbd_smb2_is_transform(pdu, len));
	KUNIT_EXPECT_EQ(test, ksmbd_smb2_transform_check(pdu, len, &msg_len,
							 &sid), -EINVAL);
	KUNIT_EXPECT_FALSE(test, ksmbd_smb2_is_transform(pdu, 3));
}

static int transform_suite_init(struct kunit_suite *suite)
{
	return ksmbd_crypto_init();
}

static void transform_suite_exit(struct kunit_suite *suite)
{
	ksmbd_crypto_exit();
}

static struct kunit_case transform_cases[] = {
	KUNIT_CASE(transform_ms_example),
	KUNIT_CASE(transform_check_refuses),
	{}
};

static struct kunit_suite transform_suite = {
	.name = "ksmbd_smb2_transform",
	.suite_init = transform_suite_init,
	.suite_exit = transform_suite_exit,
	.test_cases = transform_cases,
};

kunit_test_suite(transform_suite);
