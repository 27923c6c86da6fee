// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Request/response buffers of one work (see work.h for the rules).
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/overflow.h>

#include "work.h"
#include "conn.h"
#include "mgmt/session.h"
#include "mgmt/tree.h"

#define KSMBD_RSP_INITIAL	1024
#define KSMBD_RSP_HDR		__SMB2_HEADER_STRUCTURE_SIZE

struct ksmbd_work *ksmbd_work_alloc(struct ksmbd_conn *conn, void *pdu,
				    u32 len)
{
	struct ksmbd_work *work = kzalloc(sizeof(*work), GFP_KERNEL);

	if (!work)
		return NULL;
	ksmbd_conn_get(conn);
	work->conn = conn;
	work->req_buf = pdu;
	work->req_len = len;
	work->acct_len = len;
	INIT_LIST_HEAD(&work->async_node);
	return work;
}

static void ksmbd_work_drop_elems(struct ksmbd_work *work)
{
	unsigned int i;

	if (!work->elems)
		return;
	for (i = 0; i < work->nr_elems; i++) {
		struct ksmbd_rsp_elem *e = &work->elems[i];

		if (e->aux && e->aux_free)
			e->aux_free(e->aux);
		e->aux = NULL;
	}
}

void ksmbd_work_free(struct ksmbd_work *work)
{
	if (work->tcon)
		ksmbd_tree_put(work->tcon);
	if (work->sess)
		ksmbd_session_put(work->sess);
	if (work->tf_sess)
		ksmbd_session_put(work->tf_sess);
	if (work->sign_sess)
		ksmbd_session_put(work->sign_sess);
	ksmbd_work_drop_elems(work);
	kfree(work->elems);
	kvfree(work->rsp_buf);
	kvfree(work->req_buf);
	ksmbd_conn_put(work->conn);
	kfree(work);
}

const void *ksmbd_req_buf(struct ksmbd_work *work, u32 off, u32 len)
{
	if (off > work->cur_len || len > work->cur_len - off)
		return NULL;
	return (u8 *)work->req_buf + work->cur_off + off;
}

static struct ksmbd_rsp_elem *cur_elem(struct ksmbd_work *work)
{
	return &work->elems[work->elem];
}

struct smb2_hdr *ksmbd_rsp_hdr(struct ksmbd_work *work)
{
	return (struct smb2_hdr *)((u8 *)work->rsp_buf + cur_elem(work)->off);
}

/* Make sure rsp_buf holds at least need bytes; may move the buffer. */
static int ksmbd_rsp_reserve(struct ksmbd_work *work, u32 need)
{
	void *n;
	u32 size;

	if (need <= work->rsp_size)
		return 0;
	size = max_t(u32, need, KSMBD_RSP_INITIAL);
	if (size < U32_MAX / 2)
		size = max(size, work->rsp_size * 2);
	n = kvmalloc(size, GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	if (work->rsp_buf)
		memcpy(n, work->rsp_buf, work->rsp_len);
	kvfree(work->rsp_buf);
	work->rsp_buf = n;
	work->rsp_size = size;
	return 0;
}

/*
 * Start the response element for the current request element: 8-byte
 * align, reserve and zero the SMB2 header. The dispatcher fills it later.
 */
int ksmbd_rsp_new_elem(struct ksmbd_work *work)
{
	struct ksmbd_rsp_elem *e = cur_elem(work);
	u32 off = ALIGN(work->rsp_len, 8);
	int rc;

	rc = ksmbd_rsp_reserve(work, off + KSMBD_RSP_HDR);
	if (rc)
		return rc;
	memset((u8 *)work->rsp_buf + work->rsp_len, 0,
	       off + KSMBD_RSP_HDR - work->rsp_len);
	e->off = off;
	e->len = KSMBD_RSP_HDR;
	work->rsp_len = off + KSMBD_RSP_HDR;
	work->rsp_limit = work->rsp_len;
	work->rsp_body_set = false;
	return 0;
}

void *ksmbd_rsp_body(struct ksmbd_work *work, u32 size)
{
	struct ksmbd_rsp_elem *e = cur_elem(work);
	u32 start = e->off + KSMBD_RSP_HDR;
	u64 limit = (u64)start + size + work->rsp_var_max;
	void *p;

	if (work->rsp_body_set || limit > U32_MAX / 2)
		return NULL;
	if (ksmbd_rsp_reserve(work, limit))
		return NULL;
	p = (u8 *)work->rsp_buf + start;
	/* the whole reservation: appended bytes are zero unless written */
	memset(p, 0, limit - start);
	e->len = KSMBD_RSP_HDR + size;
	work->rsp_len = start + size;
	work->rsp_limit = limit;
	work->rsp_body_set = true;
	return p;
}

u32 ksmbd_rsp_room(struct ksmbd_work *work)
{
	if (!work->rsp_body_set)
		return 0;
	return work->rsp_limit - work->rsp_len;
}

void *ksmbd_rsp_append(struct ksmbd_work *work, u32 len)
{
	struct ksmbd_rsp_elem *e = cur_elem(work);
	void *p;

	if (!work->rsp_body_set || len > ksmbd_rsp_room(work))
		return NULL;
	/* zeroed by ksmbd_rsp_body(); bytes already written there are kept */
	p = (u8 *)work->rsp_buf + work->rsp_len;
	work->rsp_len += len;
	e->len += len;
	return p;
}

u32 ksmbd_rsp_offset(struct ksmbd_work *work, const void *p)
{
	return (const u8 *)p - ((const u8 *)work->rsp_buf + cur_elem(work)->off);
}

int ksmbd_rsp_attach(struct ksmbd_work *work, void *buf, u32 len,
		     void (*free_fn)(void *buf))
{
	struct ksmbd_rsp_elem *e = cur_elem(work);

	if (e->aux)
		return -EBUSY;
	e->aux = buf;
	e->aux_len = len;
	e->aux_free = free_fn;
	return 0;
}

bool ksmbd_work_fid(struct ksmbd_work *work, u64 *pfid, u64 *vfid)
{
	const struct smb2_hdr *hdr = ksmbd_req_hdr(work);

	if (*pfid != U64_MAX || *vfid != U64_MAX)
		return true;
	if (!(hdr->Flags & SMB2_FLAGS_RELATED_OPERATIONS) ||
	    !work->compound_fid_set)
		return false;
	*pfid = work->compound_pfid;
	*vfid = work->compound_vfid;
	return true;
}

void ksmbd_work_set_fid(struct ksmbd_work *work, u64 pfid, u64 vfid)
{
	work->compound_pfid = pfid;
	work->compound_vfid = vfid;
	work->compound_fid_set = true;
}
