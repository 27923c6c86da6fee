// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB 3.x encrypted messages: see transform.h.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <asm/unaligned.h>

#include "transform.h"
#include "../work.h"
#include "../conn.h"
#include "../debug.h"
#include "../mgmt/session.h"
#include "../auth/aead.h"

static_assert(sizeof(struct smb2_transform_hdr) == KSMBD_TF_HDR_SIZE);
static_assert(offsetof(struct smb2_transform_hdr, Nonce) == KSMBD_TF_AAD_OFF);

bool ksmbd_smb2_is_transform(const void *buf, u32 len)
{
	return len >= 4 && *(const __le32 *)buf == SMB2_TRANSFORM_PROTO_NUM;
}

int ksmbd_smb2_transform_check(const void *buf, u32 len, u32 *msg_len,
			       u64 *sid)
{
	const struct smb2_transform_hdr *tf = buf;

	if (len < KSMBD_TF_HDR_SIZE + __SMB2_HEADER_STRUCTURE_SIZE)
		return -EINVAL;
	if (tf->ProtocolId != SMB2_TRANSFORM_PROTO_NUM ||
	    le32_to_cpu(tf->OriginalMessageSize) != len - KSMBD_TF_HDR_SIZE ||
	    tf->Flags != cpu_to_le16(0x0001))
		return -EINVAL;
	*msg_len = len - KSMBD_TF_HDR_SIZE;
	*sid = le64_to_cpu(tf->SessionId);
	return 0;
}

int ksmbd_smb2_decrypt(struct ksmbd_work *work)
{
	struct ksmbd_conn *conn = work->conn;
	struct smb2_transform_hdr *tf = work->req_buf;
	u16 cipher = le16_to_cpu(conn->cipher);
	struct ksmbd_session *sess;
	u32 len;
	u64 sid;
	int err;

	if (!cipher || conn->dialect < SMB30_PROT_ID || work->tf_sess)
		return -EPROTO;
	err = ksmbd_smb2_transform_check(work->req_buf, work->req_len, &len,
					 &sid);
	if (err)
		return err;
	sess = ksmbd_session_lookup(conn, sid);
	if (!sess)
		return -ENOENT;
	if (!ksmbd_session_keyed(sess)) {
		ksmbd_session_put(sess);
		return -EACCES;
	}
	err = ksmbd_aead_open(cipher, sess->dec_key, tf->Nonce,
			      (u8 *)tf + KSMBD_TF_AAD_OFF, KSMBD_TF_AAD_LEN,
			      (u8 *)tf + KSMBD_TF_HDR_SIZE, len, tf->Signature);
	if (err) {
		ksmbd_debug(SMB, "cannot decrypt a message of session %llu: %d\n",
			    sid, err);
		ksmbd_session_put(sess);
		return err;
	}
	memmove(work->req_buf, (u8 *)work->req_buf + KSMBD_TF_HDR_SIZE, len);
	work->req_len = len;
	work->encrypted = true;
	work->tf_sess = sess;
	WRITE_ONCE(sess->enc_seen, true);
	return 0;
}

void ksmbd_smb2_nonce_init(struct ksmbd_session *sess)
{
	atomic64_set(&sess->nonce_ctr, 0);
	get_random_bytes(sess->nonce_salt, sizeof(sess->nonce_salt));
}

void ksmbd_smb2_next_nonce(struct ksmbd_session *sess, u8 nonce[16])
{
	memset(nonce, 0, 16);
	put_unaligned_le64(atomic64_inc_return(&sess->nonce_ctr), nonce);
	/* 11 bytes are used for CCM, 12 for GCM: the salt fills the rest */
	memcpy(nonce + 8, sess->nonce_salt, sizeof(sess->nonce_salt));
}

static int encrypt_send(struct ksmbd_conn *conn, struct ksmbd_session *sess,
			struct kvec *iov, int n)
{
	u16 cipher = le16_to_cpu(conn->cipher);
	unsigned int nonce_len = ksmbd_aead_nonce_len(cipher);
	struct smb2_transform_hdr *tf;
	struct kvec out[2];
	size_t total = 0;
	u8 nonce[16];
	u8 *buf, *p;
	int i, err;

	if (!sess || !nonce_len)
		return -EPROTO;
	for (i = 1; i < n; i++)
		total += iov[i].iov_len;
	if (total > U32_MAX - KSMBD_TF_HDR_SIZE)
		return -EMSGSIZE;
	buf = kvmalloc(KSMBD_TF_HDR_SIZE + total, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	p = buf + KSMBD_TF_HDR_SIZE;
	for (i = 1; i < n; i++) {
		memcpy(p, iov[i].iov_base, iov[i].iov_len);
		p += iov[i].iov_len;
	}

	tf = (struct smb2_transform_hdr *)buf;
	memset(tf, 0, KSMBD_TF_HDR_SIZE);
	tf->ProtocolId = SMB2_TRANSFORM_PROTO_NUM;
	ksmbd_smb2_next_nonce(sess, nonce);
	memcpy(tf->Nonce, nonce, nonce_len);
	tf->OriginalMessageSize = cpu_to_le32(total);
	tf->Flags = cpu_to_le16(0x0001);
	tf->SessionId = cpu_to_le64(sess->id);
	err = ksmbd_aead_seal(cipher, sess->enc_key, tf->Nonce,
			      buf + KSMBD_TF_AAD_OFF, KSMBD_TF_AAD_LEN,
			      buf + KSMBD_TF_HDR_SIZE, total, tf->Signature);
	if (!err) {
		out[1].iov_base = buf;
		out[1].iov_len = KSMBD_TF_HDR_SIZE + total;
		err = ksmbd_conn_send(conn, out, 2);
	}
	kvfree(buf);
	return err;
}

int ksmbd_smb2_encrypt_send(struct ksmbd_work *work, struct kvec *iov, int n)
{
	return encrypt_send(work->conn, work->tf_sess, iov, n);
}

int ksmbd_smb2_send_unsolicited(struct ksmbd_conn *conn,
				struct ksmbd_session *sess, struct kvec *iov,
				int n)
{
	if (sess && (sess->encrypt || READ_ONCE(sess->enc_seen)) &&
	    conn->cipher && ksmbd_session_keyed(sess))
		return encrypt_send(conn, sess, iov, n);
	return ksmbd_conn_send(conn, iov, n);
}
