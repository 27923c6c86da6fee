// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: request bounds and response reservation helpers (work.c): every
 * variable part a handler reads must lie inside its compound element, and
 * response bytes never exceed the element's reservation.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/mm.h>

#include "work.h"

#define HDR	__SMB2_HEADER_STRUCTURE_SIZE

static struct ksmbd_work *test_work(struct kunit *test, u32 len,
				    unsigned int nr)
{
	struct ksmbd_work *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->req_buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w->req_buf);
	w->req_len = len;
	w->elems = kunit_kcalloc(test, nr, sizeof(*w->elems), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w->elems);
	w->nr_elems = nr;
	return w;
}

static void req_buf_bounds(struct kunit *test)
{
	struct ksmbd_work *w = test_work(test, 256, 2);
	u8 *base = w->req_buf;

	/* second element: bytes 128..255 */
	w->cur_off = 128;
	w->cur_len = 128;
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_req_buf(w, 64, 64),
			    (const void *)(base + 192));
	KUNIT_EXPECT_PTR_EQ(test, ksmbd_req_buf(w, 128, 0),
			    (const void *)(base + 256));
	KUNIT_EXPECT_NULL(test, ksmbd_req_buf(w, 64, 65));
	KUNIT_EXPECT_NULL(test, ksmbd_req_buf(w, 129, 0));
	/* (off, len) that wrap in 32 bits */
	KUNIT_EXPECT_NULL(test, ksmbd_req_buf(w, 0xffffffff, 2));
	KUNIT_EXPECT_NULL(test, ksmbd_req_buf(w, 2, 0xffffffff));
	/* the first element cannot reach into the second */
	w->cur_off = 0;
	KUNIT_EXPECT_NULL(test, ksmbd_req_buf(w, 100, 29));
	KUNIT_EXPECT_NOT_NULL(test, ksmbd_req_buf(w, 100, 28));
}

static void rsp_reserve(struct kunit *test)
{
	struct ksmbd_work *w = test_work(test, 256, 2);
	u8 *body, *p, *q;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, ksmbd_rsp_new_elem(w), 0);
	w->rsp_var_max = 100;
	body = ksmbd_rsp_body(w, 8);
	KUNIT_ASSERT_NOT_NULL(test, body);
	KUNIT_EXPECT_EQ(test, ksmbd_rsp_offset(w, body), (u32)HDR);
	KUNIT_EXPECT_EQ(test, ksmbd_rsp_room(w), 100u);
	/* only one body per element */
	KUNIT_EXPECT_NULL(test, ksmbd_rsp_body(w, 8));
	/* write first, commit after: bytes survive */
	p = ksmbd_rsp_append(w, 0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xab, 10);
	q = ksmbd_rsp_append(w, 10);
	KUNIT_EXPECT_PTR_EQ(test, p, q);
	KUNIT_EXPECT_EQ(test, p[9], 0xab);
	/* the rest of the reserve reads as zero */
	p = ksmbd_rsp_append(w, 90);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 90; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	KUNIT_EXPECT_EQ(test, ksmbd_rsp_room(w), 0u);
	KUNIT_EXPECT_NULL(test, ksmbd_rsp_append(w, 1));
	KUNIT_EXPECT_EQ(test, w->elems[0].len, (u32)(HDR + 8 + 100));

	/* the next element starts 8-aligned after this one */
	w->elem = 1;
	KUNIT_ASSERT_EQ(test, ksmbd_rsp_new_elem(w), 0);
	KUNIT_EXPECT_EQ(test, w->elems[1].off, (u32)ALIGN(HDR + 108, 8));
	kvfree(w->rsp_buf);
}

static void rsp_huge_reserve(struct kunit *test)
{
	struct ksmbd_work *w = test_work(test, 128, 1);

	KUNIT_ASSERT_EQ(test, ksmbd_rsp_new_elem(w), 0);
	w->rsp_var_max = U32_MAX;	/* check.c caps it; refuse anyway */
	KUNIT_EXPECT_NULL(test, ksmbd_rsp_body(w, 8));
	kvfree(w->rsp_buf);
}

static void compound_fid(struct kunit *test)
{
	struct ksmbd_work *w = test_work(test, 128, 1);
	struct smb2_hdr *h = w->req_buf;
	u64 p = U64_MAX, v = U64_MAX;

	w->cur_len = 128;
	/* unrelated: all-ones names no file */
	KUNIT_EXPECT_FALSE(test, ksmbd_work_fid(w, &p, &v));
	/* related without a previous FileId */
	h->Flags = SMB2_FLAGS_RELATED_OPERATIONS;
	KUNIT_EXPECT_FALSE(test, ksmbd_work_fid(w, &p, &v));
	ksmbd_work_set_fid(w, 5, 6);
	KUNIT_EXPECT_TRUE(test, ksmbd_work_fid(w, &p, &v));
	KUNIT_EXPECT_EQ(test, p, 5ull);
	KUNIT_EXPECT_EQ(test, v, 6ull);
	/* an explicit FileId is kept */
	p = 1;
	v = 2;
	KUNIT_EXPECT_TRUE(test, ksmbd_work_fid(w, &p, &v));
	KUNIT_EXPECT_EQ(test, v, 2ull);
}

static struct kunit_case ksmbd_core_work_cases[] = {
	KUNIT_CASE(req_buf_bounds),
	KUNIT_CASE(rsp_reserve),
	KUNIT_CASE(rsp_huge_reserve),
	KUNIT_CASE(compound_fid),
	{}
};

static struct kunit_suite ksmbd_core_work_suite = {
	.name = "ksmbd_core_work",
	.test_cases = ksmbd_core_work_cases,
};

kunit_test_suite(ksmbd_core_work_suite);
