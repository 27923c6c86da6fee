/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Named pipes on the IPC$ share ([MS-SMB2] 3.3.5.9 on a pipe share;
 * [MS-RPCE] runs on top, served by the userspace daemon).
 *
 * Owner: core. vfs's CREATE/READ/WRITE/IOCTL/CLOSE handlers call these when
 * work->tcon->share->is_pipe is true, after their usual request validation
 * by smb2/check.c. Each returns the NTSTATUS for the response and writes the
 * response body itself (same contract as a handler).
 *
 * An open pipe is a struct ksmbd_pipe in the session's pipe table (an
 * xarray in smb2/pipe.c keyed by volatile FileId, kept apart from the
 * vfs file table); it holds a tree reference and a daemon RPC handle.
 * Access is serialised per pipe by pipe->lock (one RPC at a time).
 */
#ifndef __KSMBD_SMB2_PIPE_H__
#define __KSMBD_SMB2_PIPE_H__

#include <linux/types.h>

struct ksmbd_work;
struct ksmbd_session;
struct ksmbd_tree_connect;

__le32 ksmbd_pipe_create(struct ksmbd_work *work);	/* SMB2 CREATE */
__le32 ksmbd_pipe_read(struct ksmbd_work *work);	/* SMB2 READ */
__le32 ksmbd_pipe_write(struct ksmbd_work *work);	/* SMB2 WRITE */
__le32 ksmbd_pipe_close(struct ksmbd_work *work);	/* SMB2 CLOSE */
/* SMB2 IOCTL FSCTL_PIPE_TRANSCEIVE (same arguments as the FSCTL helper). */
__le32 ksmbd_pipe_transceive(struct ksmbd_work *work, u64 vfid,
			     const void *in, u32 in_len, void *out,
			     u32 out_max, u32 *out_len);

/* Close the pipes opened under tcon / all of sess (teardown). */
void ksmbd_pipe_close_tree(struct ksmbd_tree_connect *tcon);
void ksmbd_pipe_close_session(struct ksmbd_session *sess);

#endif /* __KSMBD_SMB2_PIPE_H__ */
