// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: FSCTL input checks and output encoders (smb2/fsctl.h) and the
 * LOCK element check (vfs/lock.h).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "fsctl.h"
#include "../ntstatus.h"
#include "../vfs/lock.h"
#include "../../common/smb2pdu.h"

/* ksmbd_copychunk_parse() with its status in CPU order */
static u32 parse(const u8 *in, u32 in_len, struct ksmbd_copychunk *cc,
		 bool *limits)
{
	return le32_to_cpu(ksmbd_copychunk_parse(in, in_len, cc, limits));
}

/* A SRV_COPYCHUNK_COPY with count chunks of len bytes each. */
static u8 *copychunk_req(struct kunit *test, u32 count, u32 len, u32 *size)
{
	u32 n = KSMBD_COPYCHUNK_HDR + count * KSMBD_COPYCHUNK_ELEM, i;
	u8 *b = kunit_kzalloc(test, n, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	put_unaligned_le64(0x1122334455667788ull, b);
	put_unaligned_le64(7, b + 8);
	put_unaligned_le32(count, b + KSMBD_RESUME_KEY_SIZE);
	for (i = 0; i < count; i++) {
		u8 *c = b + KSMBD_COPYCHUNK_HDR + i * KSMBD_COPYCHUNK_ELEM;

		put_unaligned_le64(i * 100, c);
		put_unaligned_le64(i * 200 + 1, c + 8);
		put_unaligned_le32(len, c + 16);
	}
	*size = n;
	return b;
}

static void copychunk_parse_ok(struct kunit *test)
{
	struct ksmbd_copychunk cc;
	u64 soff, doff;
	u32 n, len;
	bool limits;
	u8 *b = copychunk_req(test, 2, 4096, &n);

	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_SUCCESS));
	KUNIT_EXPECT_FALSE(test, limits);
	KUNIT_EXPECT_EQ(test, cc.key_pfid, 0x1122334455667788ull);
	KUNIT_EXPECT_EQ(test, cc.key_vfid, 7ull);
	KUNIT_EXPECT_EQ(test, cc.count, 2u);
	ksmbd_copychunk_chunk(&cc, 1, &soff, &doff, &len);
	KUNIT_EXPECT_EQ(test, soff, 100ull);
	KUNIT_EXPECT_EQ(test, doff, 201ull);
	KUNIT_EXPECT_EQ(test, len, 4096u);

	/* no chunks: a valid request that copies nothing */
	b = copychunk_req(test, 0, 0, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_SUCCESS));
}

static void copychunk_parse_short(struct kunit *test)
{
	struct ksmbd_copychunk cc;
	bool limits;
	u32 n;
	u8 *b = copychunk_req(test, 3, 10, &n);

	/* the header alone is not there */
	KUNIT_EXPECT_EQ(test, parse(b, KSMBD_COPYCHUNK_HDR - 1, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_FALSE(test, limits);
	/* ChunkCount says 3, the buffer holds 2 and a half */
	KUNIT_EXPECT_EQ(test, parse(b, n - 12, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_FALSE(test, limits);
	/* a count far past what the buffer and the limit allow */
	put_unaligned_le32(0xAAAAAAAB, b + KSMBD_RESUME_KEY_SIZE);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
}

static void copychunk_parse_limits(struct kunit *test)
{
	struct ksmbd_copychunk cc;
	bool limits;
	u32 n;
	u8 *b;

	b = copychunk_req(test, KSMBD_COPYCHUNK_MAX_CHUNKS + 1, 1, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_TRUE(test, limits);

	b = copychunk_req(test, 1, KSMBD_COPYCHUNK_MAX_CHUNK + 1, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_TRUE(test, limits);

	b = copychunk_req(test, 1, KSMBD_COPYCHUNK_MAX_CHUNK, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_SUCCESS));

	/* 17 chunks of 1 MiB: over the 16 MiB total */
	b = copychunk_req(test, 17, KSMBD_COPYCHUNK_MAX_CHUNK, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_TRUE(test, limits);

	/* an empty chunk */
	b = copychunk_req(test, 1, 0, &n);
	KUNIT_EXPECT_EQ(test, parse(b, n, &cc, &limits),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_TRUE(test, limits);
}

/* Allocated ranges: merged when they touch, never past out_max. */
static void qar_put_limits(struct kunit *test)
{
	u8 out[40];
	u32 n = 0;

	memset(out, 0xee, sizeof(out));
	KUNIT_EXPECT_FALSE(test, ksmbd_qar_put(out, 15, &n, 0, 10));
	KUNIT_EXPECT_EQ(test, n, 0u);
	KUNIT_EXPECT_EQ(test, out[0], 0xee);

	KUNIT_EXPECT_TRUE(test, ksmbd_qar_put(out, 32, &n, 0, 10));
	KUNIT_EXPECT_EQ(test, n, 1u);
	/* touching: merged into the first, no room needed */
	KUNIT_EXPECT_TRUE(test, ksmbd_qar_put(out, 16, &n, 10, 5));
	KUNIT_EXPECT_EQ(test, n, 1u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(out), 0ull);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(out + 8), 15ull);
	/* apart: needs a second slot */
	KUNIT_EXPECT_FALSE(test, ksmbd_qar_put(out, 31, &n, 100, 1));
	KUNIT_EXPECT_EQ(test, out[16], 0xee);
	KUNIT_EXPECT_TRUE(test, ksmbd_qar_put(out, 32, &n, 100, 1));
	KUNIT_EXPECT_EQ(test, n, 2u);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(out + 16), 100ull);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(out + 24), 1ull);
	KUNIT_EXPECT_FALSE(test, ksmbd_qar_put(out, 40, &n, 200, 1));
	KUNIT_EXPECT_EQ(test, out[32], 0xee);
}

static void lock_elem_flags(struct kunit *test)
{
	const u32 fi = SMB2_LOCKFLAG_FAIL_IMMEDIATELY;

	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_SHARED, 0, 1,
						    false), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_EXCLUSIVE |
						    fi, 0, 1, false), 0);
	/* no kind, both kinds, unlock in a lock request, unknown bits */
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(0, 0, 1, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(fi, 0, 1, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_SHARED |
						    SMB2_LOCKFLAG_EXCLUSIVE,
						    0, 1, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_UNLOCK |
						    SMB2_LOCKFLAG_SHARED,
						    0, 1, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_SHARED | 0x100,
						    0, 1, false), -EINVAL);
	/* an unlock request takes UNLOCK alone */
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_UNLOCK, 0, 1,
						    true), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_UNLOCK | fi,
						    0, 1, true), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(SMB2_LOCKFLAG_SHARED, 0, 1,
						    true), -EINVAL);
}

static void lock_elem_range(struct kunit *test)
{
	const u32 x = SMB2_LOCKFLAG_EXCLUSIVE;

	/* the last byte may be 2^64 - 1, not past it */
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, U64_MAX, 1, false), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, 0, U64_MAX, false), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, 1, U64_MAX, false), 0);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, 2, U64_MAX, false),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, U64_MAX, 2, false),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, U64_MAX, U64_MAX,
						    false), -ERANGE);
	/* zero-byte locks anywhere are fine */
	KUNIT_EXPECT_EQ(test, ksmbd_lock_elem_check(x, U64_MAX, 0, false), 0);
	/* a zero-byte lock overlaps a range holding it past its start */
	KUNIT_EXPECT_TRUE(test, ksmbd_range_overlap(10, 0, 5, 10));
	KUNIT_EXPECT_TRUE(test, ksmbd_range_overlap(5, 10, 14, 0));
	KUNIT_EXPECT_FALSE(test, ksmbd_range_overlap(5, 0, 5, 10));
	KUNIT_EXPECT_FALSE(test, ksmbd_range_overlap(15, 0, 5, 10));
	KUNIT_EXPECT_FALSE(test, ksmbd_range_overlap(7, 0, 7, 0));
	KUNIT_EXPECT_TRUE(test, ksmbd_range_overlap(5, 1, 0, 10));
	KUNIT_EXPECT_FALSE(test, ksmbd_range_overlap(10, 1, 0, 10));
	/* a range that ends at 2^64 still overlaps */
	KUNIT_EXPECT_TRUE(test, ksmbd_range_overlap(1, U64_MAX, 100, 1));
	KUNIT_EXPECT_TRUE(test, ksmbd_range_overlap(U64_MAX, 1, 1, U64_MAX));
	KUNIT_EXPECT_FALSE(test, ksmbd_range_overlap(U64_MAX, 1, 0, U64_MAX));
}

static struct kunit_case ksmbd_fsctl_cases[] = {
	KUNIT_CASE(copychunk_parse_ok),
	KUNIT_CASE(copychunk_parse_short),
	KUNIT_CASE(copychunk_parse_limits),
	KUNIT_CASE(qar_put_limits),
	KUNIT_CASE(lock_elem_flags),
	KUNIT_CASE(lock_elem_range),
	{}
};

static struct kunit_suite ksmbd_fsctl_suite = {
	.name = "ksmbd-fsctl",
	.test_cases = ksmbd_fsctl_cases,
};

kunit_test_suite(ksmbd_fsctl_suite);
