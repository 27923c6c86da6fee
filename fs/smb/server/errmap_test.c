// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: errno -> NTSTATUS map (errmap.c).
 */
#include <kunit/test.h>
#include <linux/errno.h>

#include "errmap.h"
#include "ntstatus.h"

/* compare NTSTATUS values in CPU order (sparse: __le32 is restricted) */
#define EXPECT_STATUS(test, got, want) \
	KUNIT_EXPECT_EQ(test, le32_to_cpu(got), le32_to_cpu(want))

static void errmap_rows(struct kunit *test)
{
	EXPECT_STATUS(test, ksmbd_errno_to_status(0), STATUS_SUCCESS);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-ENOENT),
		      STATUS_OBJECT_NAME_NOT_FOUND);
	EXPECT_STATUS(test, ksmbd_errno_to_status(ENOENT),
		      STATUS_OBJECT_NAME_NOT_FOUND);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-EACCES),
		      STATUS_ACCESS_DENIED);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-EEXIST),
		      STATUS_OBJECT_NAME_COLLISION);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-ENOTEMPTY),
		      STATUS_DIRECTORY_NOT_EMPTY);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-ENOSPC),
		      STATUS_DISK_FULL);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-EOPNOTSUPP),
		      STATUS_NOT_SUPPORTED);
	/* no row: a generic failure, never success */
	EXPECT_STATUS(test, ksmbd_errno_to_status(-EHWPOISON),
		      STATUS_UNSUCCESSFUL);
	EXPECT_STATUS(test, ksmbd_errno_to_status(-100000),
		      STATUS_UNSUCCESSFUL);
}

static struct kunit_case ksmbd_core_errmap_cases[] = {
	KUNIT_CASE(errmap_rows),
	{}
};

static struct kunit_suite ksmbd_core_errmap_suite = {
	.name = "ksmbd_core_errmap",
	.test_cases = ksmbd_core_errmap_cases,
};

kunit_test_suite(ksmbd_core_errmap_suite);
