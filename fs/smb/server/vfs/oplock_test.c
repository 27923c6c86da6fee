// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: the oplock grant/break/acknowledge decision tables (vfs/oplock.h).
 */
#include <kunit/test.h>

#include "oplock.h"
#include "../ntstatus.h"
#include "../../common/smb2pdu.h"

#define NONE	SMB2_OPLOCK_LEVEL_NONE
#define II	SMB2_OPLOCK_LEVEL_II
#define EXCL	SMB2_OPLOCK_LEVEL_EXCLUSIVE
#define BATCH	SMB2_OPLOCK_LEVEL_BATCH
#define LEASE	SMB2_OPLOCK_LEVEL_LEASE
#define NOBRK	KSMBD_OPLOCK_NO_BREAK

static void oplock_grant(struct kunit *test)
{
	static const struct {
		u8 req;
		bool others, others_excl, allowed;
		u8 want;
	} t[] = {
		/* alone on the file: what was asked */
		{ BATCH, false, false, true, BATCH },
		{ EXCL, false, false, true, EXCL },
		{ II, false, false, true, II },
		{ NONE, false, false, true, NONE },
		/* others open: exclusive becomes Level II */
		{ BATCH, true, false, true, II },
		{ EXCL, true, false, true, II },
		{ II, true, false, true, II },
		/* another open still holds (or breaks from) exclusive */
		{ BATCH, true, true, true, NONE },
		{ II, true, true, true, NONE },
		/* leases are not granted yet; junk levels are none */
		{ LEASE, false, false, true, NONE },
		{ 0x02, false, false, true, NONE },
		{ 0x99, false, false, true, NONE },
		/* directories, "oplocks = no" */
		{ BATCH, false, false, false, NONE },
		{ II, false, false, false, NONE },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(t); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ksmbd_oplock_grant_level(t[i].req,
							     t[i].others,
							     t[i].others_excl,
							     t[i].allowed),
				    t[i].want, "row %d", i);
}

static void oplock_open_break(struct kunit *test)
{
	static const struct {
		u8 held;
		bool truncate, stat_open, conflict;
		u8 want;
	} t[] = {
		{ NONE, false, false, false, NOBRK },
		{ NONE, true, false, false, NOBRK },
		/* Level II: only a truncating open breaks it, to none */
		{ II, false, false, false, NOBRK },
		{ II, true, false, false, NONE },
		{ II, false, true, false, NOBRK },
		{ II, true, true, false, NONE },
		/* Exclusive: to II, to none when truncating */
		{ EXCL, false, false, false, II },
		{ EXCL, true, false, false, NONE },
		{ EXCL, false, true, false, NOBRK },
		{ EXCL, true, true, false, NONE },
		{ EXCL, false, false, true, NOBRK },
		/* Batch: also broken on a sharing conflict */
		{ BATCH, false, false, false, II },
		{ BATCH, true, false, false, NONE },
		{ BATCH, false, false, true, II },
		{ BATCH, true, false, true, NONE },
		{ BATCH, false, true, false, NOBRK },
		{ BATCH, true, true, true, NONE },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(t); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ksmbd_oplock_open_break(t[i].held,
							    t[i].truncate,
							    t[i].stat_open,
							    t[i].conflict),
				    t[i].want, "row %d", i);
}

static void oplock_ack(struct kunit *test)
{
	static const struct {
		u8 held;		/* the open's level before the ack */
		bool breaking;
		u8 to, ack;
		__le32 st;
		u8 level;		/* after */
	} t[] = {
		{ BATCH, true, II, II, STATUS_SUCCESS, II },
		{ EXCL, true, II, NONE, STATUS_SUCCESS, NONE },
		{ BATCH, true, NONE, NONE, STATUS_SUCCESS, NONE },
		{ BATCH, true, NONE, II, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
		{ BATCH, true, II, EXCL, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
		{ BATCH, true, II, BATCH, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
		{ BATCH, true, II, 0x07, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
		{ BATCH, true, II, LEASE, STATUS_INVALID_PARAMETER, NONE },
		/* no break outstanding: the level is left as it was */
		{ BATCH, false, NONE, II, STATUS_INVALID_DEVICE_STATE, BATCH },
		{ II, false, NONE, NONE, STATUS_INVALID_DEVICE_STATE, II },
		/* an ack after Level II went to none */
		{ NONE, false, NONE, NONE, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
		{ NONE, false, NONE, II, STATUS_INVALID_OPLOCK_PROTOCOL, NONE },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		u8 level = t[i].held;

		KUNIT_EXPECT_EQ_MSG(test,
				    le32_to_cpu(ksmbd_oplock_ack_check(t[i].breaking,
								       t[i].to,
								       t[i].ack,
								       &level)),
				    le32_to_cpu(t[i].st), "row %d", i);
		KUNIT_EXPECT_EQ_MSG(test, level, t[i].level, "row %d", i);
	}
}

static struct kunit_case ksmbd_oplock_cases[] = {
	KUNIT_CASE(oplock_grant),
	KUNIT_CASE(oplock_open_break),
	KUNIT_CASE(oplock_ack),
	{}
};

static struct kunit_suite ksmbd_oplock_suite = {
	.name = "ksmbd_oplock",
	.test_cases = ksmbd_oplock_cases,
};

kunit_test_suite(ksmbd_oplock_suite);
