/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One request PDU being processed (struct ksmbd_work).
 *
 * Owner: core. A work is created by the connection's receive thread for each
 * SMB2 PDU it reads (conn.c), queued on the server workqueue, and freed after
 * its response went out (or, for an async request, after the final
 * response). It is used by one thread at a time: the worker that runs the
 * handlers, then - if the handler went async - whoever completes it.
 *
 * References held by a work:
 *   conn   - one kref on the connection for the work's whole life.
 *   sess   - one kref while an element that needs a session runs; related
 *            compound elements inherit it (the dispatcher drops/replaces it).
 *   tcon   - one kref likewise for elements that need a tree.
 *   tf_sess - one kref when the request came encrypted (smb2/transform.h).
 *   sign_sess - one kref on a session of another connection whose
 *            Session.SigningKey signs the current element's answer, and
 *            which nothing else may use (ksmbd_smb2_sign_with()).
 * Handlers use work->sess / work->tcon and must not put them.
 *
 * Request access (rule: handlers never do pointer arithmetic on the wire):
 *   ksmbd_req_hdr(work)  - the current element's SMB2 header;
 *   ksmbd_req(work)      - the current element (header + fixed body, whose
 *                          StructureSize and length were validated);
 *   ksmbd_req_buf()      - a variable part given as (offset from the SMB2
 *                          header, length): NULL unless it lies entirely
 *                          inside the current element.
 *
 * Response building: ksmbd_rsp_body(work, size) returns the zeroed fixed
 * body right after the response header (which the dispatcher fills), and
 * reserves room for the element's variable output (the bound derived from
 * the request by smb2/check.c, e.g. OutputBufferLength, capped at
 * max_trans), all zeroed; ksmbd_rsp_append(work, len) then hands out the
 * next len bytes of that reserve, NULL when it would not fit
 * (ksmbd_rsp_room() says how much is left). Bytes may be written first and
 * committed after: p = ksmbd_rsp_append(work, 0); fill up to
 * ksmbd_rsp_room(work) bytes at p; ksmbd_rsp_append(work, n) keeps them.
 * Pointers returned stay valid until the handler returns. Offsets written
 * into responses are from the SMB2 header: ksmbd_rsp_offset(work, ptr).
 * Bulk read data is attached without a copy with ksmbd_rsp_attach(); it is
 * sent (and signed) after the body.
 */
#ifndef __KSMBD_WORK_H__
#define __KSMBD_WORK_H__

#include <linux/types.h>
#include <linux/workqueue.h>
#include <linux/list.h>
#include <linux/uio.h>

#include "../common/smb2pdu.h"

struct ksmbd_conn;
struct ksmbd_session;
struct ksmbd_tree_connect;
struct ksmbd_work;

/* One element of the response chain (header + body in rsp_buf, aux data). */
struct ksmbd_rsp_elem {
	u32 off;		/* offset of its SMB2 header in rsp_buf */
	u32 len;		/* header + body bytes in rsp_buf */
	void *aux;		/* attached data sent after the body, or NULL */
	u32 aux_len;
	void (*aux_free)(void *aux);
};

typedef void (*ksmbd_cancel_fn)(struct ksmbd_work *work, void *arg);

struct ksmbd_work {
	struct ksmbd_conn *conn;	/* referenced */
	struct work_struct work;	/* on ksmbd_wq */

	/* request: the whole PDU, without the 4-byte transport header */
	void *req_buf;			/* kvmalloc'd, owned */
	u32 req_len;
	u32 acct_len;			/* as received: what conn->mem_used counts */
	u32 cur_off;			/* current element: offset in req_buf */
	u32 cur_len;			/* current element: length */
	unsigned int nr_elems;		/* elements in the compound */
	unsigned int elem;		/* index of the current element */

	/* response */
	/* kvmalloc'd, owned; may move between elements, never in a handler */
	void *rsp_buf;
	u32 rsp_size;			/* allocated */
	u32 rsp_len;			/* used: all elements so far */
	u32 rsp_var_max;		/* variable output bound of this element */
	u32 rsp_limit;			/* end of this element's reservation */
	bool rsp_body_set;		/* handler called ksmbd_rsp_body() */
	struct ksmbd_rsp_elem *elems;	/* nr_elems entries */

	/* state of the compound chain */
	struct ksmbd_session *sess;	/* referenced, may be NULL */
	struct ksmbd_tree_connect *tcon; /* referenced, may be NULL */
	u64 compound_pfid;		/* FileId left by the previous element */
	u64 compound_vfid;
	bool compound_fid_set;
	__le32 compound_status;		/* status of the previous element */

	/* credits: what this PDU charged (returned when the response is sent) */
	u16 credit_charge;

	/* async (STATUS_PENDING) state, guarded by conn->async_lock */
	u64 async_id;			/* 0 while synchronous */
	bool async;
	bool async_refused;		/* not the last element of a compound */
	bool cancelled;
	ksmbd_cancel_fn cancel_fn;
	void *cancel_arg;
	struct list_head async_node;	/* on conn->async_list */

	u64 msg_id;			/* MessageId of the async element */
	bool first_pdu;			/* first PDU on the connection */

	/* handler asks to sign this response element (SESSION_SETUP) */
	bool sign_rsp;
	struct ksmbd_session *sign_sess;	/* see header comment */
	/* 3.1.1: preauth hash to update with this response element */
	u8 *preauth_rsp;
	bool credits_done;		/* charge released, grant sent */
	/* the request came encrypted for tf_sess (referenced): answer so */
	bool encrypted;
	struct ksmbd_session *tf_sess;
};

/* --- request access --- */
static inline struct smb2_hdr *ksmbd_req_hdr(struct ksmbd_work *work)
{
	return (struct smb2_hdr *)((u8 *)work->req_buf + work->cur_off);
}

/* The current element (header + validated fixed body). */
static inline void *ksmbd_req(struct ksmbd_work *work)
{
	return ksmbd_req_hdr(work);
}

/*
 * A variable part of the current element: (off, len) with off counted from
 * the element's SMB2 header. NULL unless it lies inside the element.
 * len == 0 returns a non-NULL pointer only if off is inside or at the end.
 */
const void *ksmbd_req_buf(struct ksmbd_work *work, u32 off, u32 len);

/* Bytes of the current element (header included). */
static inline u32 ksmbd_req_len(struct ksmbd_work *work)
{
	return work->cur_len;
}

/* --- response building --- */
struct smb2_hdr *ksmbd_rsp_hdr(struct ksmbd_work *work);
void *ksmbd_rsp_body(struct ksmbd_work *work, u32 size);
void *ksmbd_rsp_append(struct ksmbd_work *work, u32 len);
u32 ksmbd_rsp_room(struct ksmbd_work *work);
/* Offset of p (inside the current response element) from its SMB2 header. */
u32 ksmbd_rsp_offset(struct ksmbd_work *work, const void *p);
/*
 * Attach len bytes at buf after the body; free_fn(buf) is called once sent
 * (or on error). Only one attachment per element.
 */
int ksmbd_rsp_attach(struct ksmbd_work *work, void *buf, u32 len,
		     void (*free_fn)(void *buf));

/*
 * Related-compound FileId: if (*pfid, *vfid) is all-ones and the element is
 * related, replace it by the FileId the previous element produced. Returns
 * false (STATUS_INVALID_PARAMETER / FILE_CLOSED territory) when there is
 * none. A handler that creates or names a file for the chain records it with
 * ksmbd_work_set_fid().
 */
bool ksmbd_work_fid(struct ksmbd_work *work, u64 *pfid, u64 *vfid);
void ksmbd_work_set_fid(struct ksmbd_work *work, u64 pfid, u64 vfid);

/*
 * Async: send an interim STATUS_PENDING response and detach the work from
 * the worker. Returns the AsyncId (> 0) or 0 on failure (then the handler
 * must complete synchronously, returning an error without a body). Only
 * the last element of a compound may go async: the responses of the
 * elements before it are sent with its interim response, its final
 * response goes alone; an element in the middle is refused and answered
 * STATUS_INTERNAL_ERROR whatever the handler returns.
 * cancel_fn(work, arg) is called (in process
 * context, with no locks held) when a CANCEL for the request arrives or the
 * connection goes away; it must make the waiter call
 * ksmbd_work_complete_async() soon. After go_async returns, the handler
 * returns STATUS_PENDING and must not touch the work any more except via
 * ksmbd_work_complete_async(): the body it writes then goes out in the final
 * response. complete_async() sends the final response and frees the work.
 */
u64 ksmbd_work_go_async(struct ksmbd_work *work, ksmbd_cancel_fn cancel_fn,
			void *arg);
void ksmbd_work_complete_async(struct ksmbd_work *work, __le32 status);

/* core-internal */
extern struct workqueue_struct *ksmbd_wq;
/* Cancel every async work of conn (connection teardown). */
void ksmbd_work_cancel_all(struct ksmbd_conn *conn);
struct ksmbd_work *ksmbd_work_alloc(struct ksmbd_conn *conn, void *pdu,
				    u32 len);
void ksmbd_work_free(struct ksmbd_work *work);
int ksmbd_rsp_new_elem(struct ksmbd_work *work);

#endif /* __KSMBD_WORK_H__ */
