/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB 3.x encrypted messages: the SMB2 TRANSFORM_HEADER ([MS-SMB2] 2.2.41)
 * around a whole PDU (a compound included). Decrypting a request
 * (3.3.5.2.1.1) and encrypting the response to it (3.3.4.1.4, 3.1.4.3)
 * with the keys of the session the transform header names.
 *
 * A work whose request arrived encrypted holds a reference on that session
 * in work->tf_sess (dropped by ksmbd_work_free()); its responses, the
 * interim and final ones of an async request included, go out encrypted
 * with it.
 */
#ifndef _KSMBD_SMB2_TRANSFORM_H
#define _KSMBD_SMB2_TRANSFORM_H

#include <linux/types.h>
#include <linux/uio.h>

struct ksmbd_work;
struct ksmbd_conn;
struct ksmbd_session;

#define KSMBD_TF_HDR_SIZE	52
/* the authenticated data: the header from Nonce to its end */
#define KSMBD_TF_AAD_OFF	20
#define KSMBD_TF_AAD_LEN	(KSMBD_TF_HDR_SIZE - KSMBD_TF_AAD_OFF)

/* buf starts with the transform ProtocolId (0xFD 'S' 'M' 'B'). */
bool ksmbd_smb2_is_transform(const void *buf, u32 len);

/**
 * ksmbd_smb2_transform_check() - decode and validate a transform header
 * @buf:     the PDU (without the 4-byte transport header)
 * @len:     its length
 * @msg_len: out: OriginalMessageSize
 * @sid:     out: SessionId
 *
 * The header must be followed by exactly OriginalMessageSize bytes, at
 * least an SMB2 header, and its Flags/EncryptionAlgorithm must be 0x0001.
 *
 * Return: 0 or -EINVAL (the connection is then dropped).
 */
int ksmbd_smb2_transform_check(const void *buf, u32 len, u32 *msg_len,
			       u64 *sid);

/*
 * Decrypt work's request in place: afterwards req_buf/req_len hold the
 * plain SMB2 message, work->encrypted is set and work->tf_sess references
 * the session. Any error means disconnect.
 */
int ksmbd_smb2_decrypt(struct ksmbd_work *work);

/*
 * Send iov[1..n) (iov[0] is the transport header's slot) as one encrypted
 * PDU for work->tf_sess.
 */
int ksmbd_smb2_encrypt_send(struct ksmbd_work *work, struct kvec *iov, int n);

/*
 * Send a server-initiated message (an oplock break) of sess's: encrypted
 * when the session requires encryption or its client has been encrypting
 * ([MS-SMB2] 3.3.4.6 with Session.EncryptData), else as it is.
 */
int ksmbd_smb2_send_unsolicited(struct ksmbd_conn *conn,
				struct ksmbd_session *sess, struct kvec *iov,
				int n);

/* Set up sess's nonce source once its keys are derived. */
void ksmbd_smb2_nonce_init(struct ksmbd_session *sess);

/*
 * The nonce of the next message sess sends: a 64-bit per-session counter
 * followed by a random salt, so that no nonce repeats under one key.
 */
void ksmbd_smb2_next_nonce(struct ksmbd_session *sess, u8 nonce[16]);

#endif /* _KSMBD_SMB2_TRANSFORM_H */
