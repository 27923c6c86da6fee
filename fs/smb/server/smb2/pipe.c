// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Named pipes on IPC$: each open pipe is a daemon RPC handle; CREATE opens
 * it, WRITE / READ / FSCTL_PIPE_TRANSCEIVE forward bytes, CLOSE ends it.
 * See pipe.h for the contract with the vfs area's handlers.
 */
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/nls.h>

#include "pipe.h"
#include "../work.h"
#include "../conn.h"
#include "../ipc.h"
#include "../debug.h"
#include "../ntstatus.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"

#define HDR			__SMB2_HEADER_STRUCTURE_SIZE
#define PIPE_NAME_MAX		16

struct ksmbd_pipe {
	struct kref kref;		/* the table + each user */
	u32 id;				/* Persistent and Volatile FileId */
	int handle;			/* daemon RPC handle */
	u32 bits;			/* KSMBD_RPC_*_METHOD_INVOKE of the pipe */
	struct ksmbd_tree_connect *tcon;	/* referenced */
	struct mutex lock;		/* one RPC at a time; guards pending */
	bool closed;			/* removed from the table (under lock) */
	void *pending;			/* response bytes not yet read */
	u32 pending_len, pending_off;
	bool daemon_more;		/* daemon said KSMBD_RPC_EMORE_DATA */
};

static const struct {
	const char *name;
	u32 bits;
} pipe_names[] = {
	{ "srvsvc", KSMBD_RPC_SRVSVC_METHOD_INVOKE },
	{ "wkssvc", KSMBD_RPC_WKSSVC_METHOD_INVOKE },
	{ "lsarpc", KSMBD_RPC_LSARPC_METHOD_INVOKE },
	{ "lsass", KSMBD_RPC_LSARPC_METHOD_INVOKE },
	{ "samr", KSMBD_RPC_SAMR_METHOD_INVOKE },
};

static int pipe_lookup_name(const __le16 *name, u32 len)
{
	char buf[PIPE_NAME_MAX + 1];
	unsigned int i, n = len / 2, j = 0;

	for (i = 0; i < n; i++) {
		u16 c = le16_to_cpu(name[i]);

		if (i == 0 && c == '\\')
			continue;
		if (c >= 0x80 || j >= PIPE_NAME_MAX)
			return -ENOENT;
		buf[j++] = (c >= 'A' && c <= 'Z') ? c + 'a' - 'A' : c;
	}
	buf[j] = '\0';
	for (i = 0; i < ARRAY_SIZE(pipe_names); i++)
		if (!strcmp(buf, pipe_names[i].name))
			return i;
	return -ENOENT;
}

static void pipe_free(struct kref *kref);

static void pipe_put(struct ksmbd_pipe *p)
{
	kref_put(&p->kref, pipe_free);
}

static u32 pipe_ctx_bits(struct ksmbd_work *work)
{
	struct ksmbd_session *sess = work->sess;

	return sess->is_guest || sess->is_anonymous ?
		KSMBD_RPC_RESTRICTED_CONTEXT : 0;
}

/* Find the pipe named by (pfid, vfid) with compound resolution. */
static struct ksmbd_pipe *pipe_get(struct ksmbd_work *work, u64 pfid,
				   u64 vfid)
{
	struct ksmbd_pipe *p;

	if (!ksmbd_work_fid(work, &pfid, &vfid) || pfid != vfid ||
	    vfid > U32_MAX)
		return NULL;
	xa_lock(&work->sess->pipes);
	p = xa_load(&work->sess->pipes, vfid);
	if (p && p->tcon != work->tcon)
		p = NULL;
	if (p)
		kref_get(&p->kref);
	xa_unlock(&work->sess->pipes);
	if (!p)
		return NULL;
	mutex_lock(&p->lock);
	if (p->closed) {
		mutex_unlock(&p->lock);
		pipe_put(p);
		return NULL;
	}
	return p;
}

/* Unlock and drop a pipe_get() reference. */
static void pipe_release(struct ksmbd_pipe *p)
{
	mutex_unlock(&p->lock);
	pipe_put(p);
}

/* Remove p from the table (once) and drop the table's reference. */
static void pipe_unlink(struct ksmbd_session *sess, struct ksmbd_pipe *p)
{
	bool mine;

	mutex_lock(&p->lock);
	mine = !p->closed;
	p->closed = true;
	mutex_unlock(&p->lock);
	if (mine) {
		xa_erase(&sess->pipes, p->id);
		pipe_put(p);
	}
}

static void pipe_free(struct kref *kref)
{
	struct ksmbd_pipe *p = container_of(kref, struct ksmbd_pipe, kref);
	struct ksmbd_rpc_command *r;

	r = ksmbd_ipc_rpc(p->handle, KSMBD_RPC_CLOSE_METHOD | p->bits, NULL, 0);
	kvfree(r);
	ksmbd_ipc_rpc_handle_free(p->handle);
	ksmbd_tree_put(p->tcon);
	kvfree(p->pending);
	kfree(p);
}

__le32 ksmbd_pipe_create(struct ksmbd_work *work)
{
	const struct smb2_create_req *req = ksmbd_req(work);
	struct ksmbd_session *sess = work->sess;
	struct smb2_create_rsp *rsp;
	struct ksmbd_rpc_command *r;
	struct ksmbd_pipe *p;
	const __le16 *name;
	u32 nlen = le16_to_cpu(req->NameLength);
	u8 *body;
	int idx;

	name = ksmbd_req_buf(work, le16_to_cpu(req->NameOffset), nlen);
	if (!name || nlen & 1)
		return STATUS_INVALID_PARAMETER;
	idx = pipe_lookup_name(name, nlen);
	if (idx < 0)
		return STATUS_OBJECT_NAME_NOT_FOUND;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return STATUS_NO_MEMORY;
	mutex_init(&p->lock);
	kref_init(&p->kref);
	p->bits = pipe_names[idx].bits | pipe_ctx_bits(work);
	p->handle = ksmbd_ipc_rpc_handle_new();
	if (p->handle < 0) {
		kfree(p);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	r = ksmbd_ipc_rpc(p->handle, KSMBD_RPC_OPEN_METHOD | p->bits, NULL, 0);
	if (!r) {
		ksmbd_ipc_rpc_handle_free(p->handle);
		kfree(p);
		return STATUS_PIPE_NOT_AVAILABLE;
	}
	kvfree(r);
	ksmbd_tree_get(work->tcon);
	p->tcon = work->tcon;
	if (xa_alloc(&sess->pipes, &p->id, p, XA_LIMIT(1, U32_MAX - 1),
		     GFP_KERNEL)) {
		pipe_put(p);
		return STATUS_INSUFFICIENT_RESOURCES;
	}

	body = ksmbd_rsp_body(work, sizeof(*rsp) - HDR);
	if (!body) {
		pipe_unlink(sess, p);
		return STATUS_NO_MEMORY;
	}
	rsp = (struct smb2_create_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(89);
	rsp->CreateAction = cpu_to_le32(1);		/* FILE_OPENED */
	rsp->AllocationSize = cpu_to_le64(4096);
	rsp->FileAttributes = cpu_to_le32(0x80);	/* NORMAL */
	rsp->PersistentFileId = p->id;
	rsp->VolatileFileId = p->id;
	ksmbd_work_set_fid(work, p->id, p->id);
	ksmbd_debug(IPC, "pipe %s opened as %u\n", pipe_names[idx].name,
		    p->id);
	return STATUS_SUCCESS;
}

static void pipe_data_free(void *data)
{
	kvfree(data);
}

/* Take up to max bytes of the pipe's pending output into a new buffer. */
static void *pipe_take(struct ksmbd_pipe *p, u32 max, u32 *len, bool *more)
{
	u32 n = min(max, p->pending_len - p->pending_off);
	void *out = kvmalloc(max_t(u32, n, 1), GFP_KERNEL);

	if (!out)
		return NULL;
	memcpy(out, p->pending + p->pending_off, n);
	p->pending_off += n;
	*more = p->pending_off < p->pending_len;
	if (!*more) {
		*more = p->daemon_more;
		p->daemon_more = false;
		kvfree(p->pending);
		p->pending = NULL;
		p->pending_len = 0;
		p->pending_off = 0;
	}
	*len = n;
	return out;
}

/* Run one RPC; its output becomes the pipe's pending data. */
static __le32 pipe_call(struct ksmbd_pipe *p, u32 method, const void *in,
			u32 in_len)
{
	struct ksmbd_rpc_command *r;

	r = ksmbd_ipc_rpc(p->handle, method | p->bits, in, in_len);
	if (!r)
		return STATUS_PIPE_BROKEN;
	p->daemon_more = r->flags == KSMBD_RPC_EMORE_DATA;
	ksmbd_debug(IPC, "pipe %u method %#x: %u bytes in, %u out, flags %#x\n",
		    p->id, method, in_len, r->payload_sz, r->flags);
	if (!(method & KSMBD_RPC_METHOD_RETURN) || !r->payload_sz) {
		kvfree(r);
		return 0;
	}
	kvfree(p->pending);
	p->pending = kvmalloc(r->payload_sz, GFP_KERNEL);
	if (!p->pending) {
		kvfree(r);
		return STATUS_NO_MEMORY;
	}
	memcpy(p->pending, r->payload, r->payload_sz);
	p->pending_len = r->payload_sz;
	p->pending_off = 0;
	kvfree(r);
	return 0;
}

__le32 ksmbd_pipe_read(struct ksmbd_work *work)
{
	const struct smb2_read_req *req = ksmbd_req(work);
	struct smb2_read_rsp *rsp;
	struct ksmbd_pipe *p;
	bool more = false;
	void *data;
	u32 len;
	u8 *body;
	__le32 st = 0;

	p = pipe_get(work, req->PersistentFileId, req->VolatileFileId);
	if (!p)
		return STATUS_FILE_CLOSED;
	if (!p->pending)
		st = pipe_call(p, KSMBD_RPC_READ_METHOD, NULL, 0);
	if (st || !p->pending) {
		pipe_release(p);
		return st ? st : STATUS_PIPE_BROKEN;
	}
	data = pipe_take(p, le32_to_cpu(req->Length), &len, &more);
	pipe_release(p);
	if (!data)
		return STATUS_NO_MEMORY;
	body = ksmbd_rsp_body(work, sizeof(*rsp) - HDR);
	if (!body || ksmbd_rsp_attach(work, data, len, pipe_data_free)) {
		kvfree(data);
		return STATUS_NO_MEMORY;
	}
	rsp = (struct smb2_read_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(17);
	rsp->DataOffset = sizeof(*rsp);
	rsp->DataLength = cpu_to_le32(len);
	return more ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

__le32 ksmbd_pipe_write(struct ksmbd_work *work)
{
	const struct smb2_write_req *req = ksmbd_req(work);
	struct smb2_write_rsp *rsp;
	struct ksmbd_pipe *p;
	u32 len = le32_to_cpu(req->Length);
	const void *data;
	u8 *body;
	__le32 st;

	data = ksmbd_req_buf(work, le16_to_cpu(req->DataOffset), len);
	if (!data)
		return STATUS_INVALID_PARAMETER;
	p = pipe_get(work, req->PersistentFileId, req->VolatileFileId);
	if (!p)
		return STATUS_FILE_CLOSED;
	st = pipe_call(p, KSMBD_RPC_WRITE_METHOD, data, len);
	pipe_release(p);
	if (st)
		return st;
	body = ksmbd_rsp_body(work, sizeof(*rsp) - HDR);
	if (!body)
		return STATUS_NO_MEMORY;
	rsp = (struct smb2_write_rsp *)(body - HDR);
	rsp->StructureSize = cpu_to_le16(17);
	rsp->DataLength = cpu_to_le32(len);
	return STATUS_SUCCESS;
}

__le32 ksmbd_pipe_transceive(struct ksmbd_work *work, u64 vfid,
			     const void *in, u32 in_len, void *out,
			     u32 out_max, u32 *out_len)
{
	struct ksmbd_pipe *p;
	bool more = false;
	void *data;
	__le32 st;

	*out_len = 0;
	p = pipe_get(work, vfid, vfid);
	if (!p)
		return STATUS_FILE_CLOSED;
	st = pipe_call(p, KSMBD_RPC_IOCTL_METHOD, in, in_len);
	if (st || !p->pending) {
		pipe_release(p);
		return st;
	}
	data = pipe_take(p, out_max, out_len, &more);
	pipe_release(p);
	if (!data)
		return STATUS_NO_MEMORY;
	memcpy(out, data, *out_len);
	kvfree(data);
	return more ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

__le32 ksmbd_pipe_close(struct ksmbd_work *work)
{
	const struct smb2_close_req *req = ksmbd_req(work);
	struct ksmbd_pipe *p;
	u8 *body;

	p = pipe_get(work, req->PersistentFileId, req->VolatileFileId);
	if (!p)
		return STATUS_FILE_CLOSED;
	mutex_unlock(&p->lock);
	pipe_unlink(work->sess, p);
	pipe_put(p);
	body = ksmbd_rsp_body(work, sizeof(struct smb2_close_rsp) - HDR);
	if (!body)
		return STATUS_NO_MEMORY;
	body[0] = 60;	/* StructureSize */
	return STATUS_SUCCESS;
}

static void pipe_close_matching(struct ksmbd_session *sess,
				struct ksmbd_tree_connect *tcon)
{
	struct ksmbd_pipe *p;
	unsigned long id = 0;

	for (;;) {
		xa_lock(&sess->pipes);
		p = xa_find(&sess->pipes, &id, ULONG_MAX, XA_PRESENT);
		while (p && tcon && p->tcon != tcon) {
			id++;
			p = xa_find(&sess->pipes, &id, ULONG_MAX, XA_PRESENT);
		}
		if (p)
			kref_get(&p->kref);
		xa_unlock(&sess->pipes);
		if (!p)
			break;
		pipe_unlink(sess, p);
		pipe_put(p);
	}
}

void ksmbd_pipe_close_tree(struct ksmbd_tree_connect *tcon)
{
	pipe_close_matching(tcon->sess, tcon);
}

void ksmbd_pipe_close_session(struct ksmbd_session *sess)
{
	pipe_close_matching(sess, NULL);
}
