// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Structural validation of SMB2 requests (see check.h). Everything here
 * reads only inside the (pointer, length) it was given.
 */
#include <linux/kernel.h>
#include <linux/nls.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "../../common/smb2pdu.h"
#include "../ntstatus.h"
#include "check.h"
#include "credits.h"

#define HDR	__SMB2_HEADER_STRUCTURE_SIZE

int ksmbd_smb2_walk(const void *pdu, u32 len, struct ksmbd_elem *elems,
		    unsigned int max)
{
	const u8 *p = pdu;
	u32 off = 0;
	unsigned int n = 0;

	for (;;) {
		const struct smb2_hdr *hdr;
		u32 next;

		if (len - off < HDR || n >= max)
			return -EINVAL;
		hdr = (const struct smb2_hdr *)(p + off);
		next = le32_to_cpu(hdr->NextCommand);
		elems[n].off = off;
		if (!next) {
			elems[n++].len = len - off;
			return n;
		}
		if (next & 7 || next < HDR || next > len - off)
			return -EINVAL;
		elems[n++].len = next;
		off += next;
	}
}

/* Request body StructureSize per command ([MS-SMB2] 2.2.3 - 2.2.39). */
static const u16 smb2_req_size[NUMBER_OF_SMB2_COMMANDS] = {
	[SMB2_NEGOTIATE_HE]		= 36,
	[SMB2_SESSION_SETUP_HE]		= 25,
	[SMB2_LOGOFF_HE]		= 4,
	[SMB2_TREE_CONNECT_HE]		= 9,
	[SMB2_TREE_DISCONNECT_HE]	= 4,
	[SMB2_CREATE_HE]		= 57,
	[SMB2_CLOSE_HE]			= 24,
	[SMB2_FLUSH_HE]			= 24,
	[SMB2_READ_HE]			= 49,
	[SMB2_WRITE_HE]			= 49,
	[SMB2_LOCK_HE]			= 48,
	[SMB2_IOCTL_HE]			= 57,
	[SMB2_CANCEL_HE]		= 4,
	[SMB2_ECHO_HE]			= 4,
	[SMB2_QUERY_DIRECTORY_HE]	= 33,
	[SMB2_CHANGE_NOTIFY_HE]		= 32,
	[SMB2_QUERY_INFO_HE]		= 41,
	[SMB2_SET_INFO_HE]		= 33,
	[SMB2_OPLOCK_BREAK_HE]		= 24,	/* or 36: lease ack */
};

/* Response reserve for commands without a client-given output bound. */
#define KSMBD_RSP_SMALL		512
#define KSMBD_RSP_SETUP		(64 * 1024)	/* SPNEGO tokens */
#define KSMBD_RSP_INLINE_READ	4096

static __le32 check_limit(u32 v, u32 limit)
{
	return v > limit ? STATUS_INVALID_PARAMETER : 0;
}

__le32 ksmbd_smb2_check_elem(const void *elem, u32 len,
			     const struct ksmbd_check_limits *lim,
			     struct ksmbd_elem_info *info)
{
	const struct smb2_hdr *hdr = elem;
	const u8 *body = (const u8 *)elem + HDR;
	u16 cmd, size, want;
	u32 a, b;

	if (len < HDR + 2 || hdr->ProtocolId != SMB2_PROTO_NUMBER ||
	    hdr->StructureSize != SMB2_HEADER_STRUCTURE_SIZE)
		return STATUS_INVALID_NETWORK_RESPONSE;
	cmd = le16_to_cpu(hdr->Command);
	info->cmd = SMB2_ECHO_HE;	/* never used: the status is an error */
	info->payload = 0;
	info->rsp_var_max = KSMBD_RSP_SMALL;
	/* an unknown command is answered, the connection goes on */
	if (cmd >= NUMBER_OF_SMB2_COMMANDS)
		return STATUS_INVALID_PARAMETER;
	info->cmd = cmd;

	size = get_unaligned_le16(body);
	want = smb2_req_size[cmd];
	if (cmd == SMB2_OPLOCK_BREAK_HE && size == OP_BREAK_STRUCT_SIZE_21)
		want = size;
	if (size != want)
		return STATUS_INVALID_PARAMETER;
	/* odd sizes count one byte of the variable buffer */
	if (len - HDR < (u32)(size & ~1))
		return STATUS_INVALID_PARAMETER;

	switch (cmd) {
	case SMB2_NEGOTIATE_HE:
		info->rsp_var_max = 4096;
		break;
	case SMB2_SESSION_SETUP_HE:
		info->rsp_var_max = KSMBD_RSP_SETUP;
		break;
	case SMB2_READ_HE: {
		const struct smb2_read_req *r = elem;

		a = le32_to_cpu(r->Length);
		info->payload = a;
		info->rsp_var_max = min_t(u32, a, KSMBD_RSP_INLINE_READ);
		return check_limit(a, lim->max_read);
	}
	case SMB2_WRITE_HE: {
		const struct smb2_write_req *w = elem;

		a = le32_to_cpu(w->Length);
		info->payload = a;
		return check_limit(a, lim->max_write);
	}
	case SMB2_IOCTL_HE: {
		const struct smb2_ioctl_req *r = elem;

		a = le32_to_cpu(r->InputCount);
		b = le32_to_cpu(r->MaxOutputResponse);
		info->payload = max(a, b);
		info->rsp_var_max = min(b, lim->max_trans);
		if (check_limit(a, lim->max_trans))
			return STATUS_INVALID_PARAMETER;
		return 0;
	}
	case SMB2_QUERY_DIRECTORY_HE: {
		const struct smb2_query_directory_req *r = elem;

		a = le32_to_cpu(r->OutputBufferLength);
		info->payload = a;
		info->rsp_var_max = a;
		return check_limit(a, lim->max_trans);
	}
	case SMB2_CHANGE_NOTIFY_HE: {
		const struct smb2_change_notify_req *r = elem;

		a = le32_to_cpu(r->OutputBufferLength);
		info->payload = a;
		info->rsp_var_max = a;
		return check_limit(a, lim->max_trans);
	}
	case SMB2_QUERY_INFO_HE: {
		const struct smb2_query_info_req *r = elem;

		a = le32_to_cpu(r->InputBufferLength);
		b = le32_to_cpu(r->OutputBufferLength);
		info->payload = max(a, b);
		info->rsp_var_max = b;
		if (check_limit(a, lim->max_trans) ||
		    check_limit(b, lim->max_trans))
			return STATUS_INVALID_PARAMETER;
		return 0;
	}
	case SMB2_SET_INFO_HE: {
		const struct smb2_set_info_req *r = elem;

		a = le32_to_cpu(r->BufferLength);
		info->payload = a;
		return check_limit(a, lim->max_trans);
	}
	default:
		break;
	}
	return 0;
}

bool ksmbd_smb2_charge_ok(u16 charge, u32 payload)
{
	return max_t(u32, charge, 1) >= ksmbd_credits_needed(payload);
}

int ksmbd_negctx_walk(const void *buf, u32 len, u32 off, u16 count,
		      ksmbd_negctx_fn fn, void *arg)
{
	const u8 *p = buf;
	unsigned int i;
	int rc;

	if (count > KSMBD_MAX_NEGCTX || off & 7)
		return -EINVAL;
	for (i = 0; i < count; i++) {
		const struct smb2_neg_context *ctx;
		u16 dlen;

		if (off > len || len - off < sizeof(*ctx))
			return -EINVAL;
		ctx = (const struct smb2_neg_context *)(p + off);
		dlen = le16_to_cpu(ctx->DataLength);
		off += sizeof(*ctx);
		if (dlen > len - off)
			return -EINVAL;
		rc = fn(arg, le16_to_cpu(ctx->ContextType), p + off, dlen);
		if (rc)
			return rc;
		/* no overflow: off + dlen <= len <= U32_MAX - 7 (PDU bound) */
		off = ALIGN(off + dlen, 8);
	}
	return 0;
}

/* [MS-SMB] 2.2.3.1 header: 32 bytes; 0xFF 'S' 'M' 'B', command at 4. */
#define SMB1_HDR_LEN		32
#define SMB1_COM_NEGOTIATE	0x72

bool ksmbd_is_smb1(const void *pdu, u32 len)
{
	return len >= 4 && !memcmp(pdu, "\xffSMB", 4);
}

int ksmbd_smb1_negotiate_parse(const void *pdu, u32 len)
{
	const u8 *p = pdu;
	u32 off, end, bc;
	int mask = 0;

	if (len < SMB1_HDR_LEN + 3 || !ksmbd_is_smb1(pdu, len) ||
	    p[4] != SMB1_COM_NEGOTIATE)
		return -EINVAL;
	off = SMB1_HDR_LEN;
	if (p[off] != 0)	/* WordCount */
		return -EINVAL;
	bc = get_unaligned_le16(p + off + 1);
	off += 3;
	if (bc > len - off)
		return -EINVAL;
	end = off + bc;
	while (off < end) {
		const u8 *s;
		size_t slen;

		if (p[off] != 0x02)	/* BufferFormat: dialect */
			return -EINVAL;
		off++;
		s = p + off;
		slen = strnlen((const char *)s, end - off);
		if (slen == end - off)	/* not NUL-terminated */
			return -EINVAL;
		if (slen == 9 && !memcmp(s, "SMB 2.002", 9))
			mask |= KSMBD_SMB1_OFFERS_2002;
		else if (slen == 9 && !memcmp(s, "SMB 2.???", 9))
			mask |= KSMBD_SMB1_OFFERS_2XXX;
		off += slen + 1;
	}
	return mask;
}

#define KSMBD_SHARE_NAME_MAX	80

int ksmbd_tree_path_share(const __le16 *path, u32 len, char *out,
			  size_t outlen)
{
	u32 n = len / 2, i, start;
	int rc;

	if (len & 1 || n < 4)
		return -EINVAL;
	/* "\\server\share": two backslashes, server, one backslash, share */
	if (get_unaligned_le16(&path[0]) != '\\' ||
	    get_unaligned_le16(&path[1]) != '\\')
		return -EINVAL;
	for (i = 2; i < n; i++)
		if (get_unaligned_le16(&path[i]) == '\\')
			break;
	if (i == 2 || i >= n - 1)
		return -EINVAL;
	start = i + 1;
	for (i = start; i < n; i++) {
		u16 c = get_unaligned_le16(&path[i]);

		if (c == '\\' || c == '/' || c == 0)
			return -EINVAL;
	}
	if (n - start > KSMBD_SHARE_NAME_MAX)
		return -EINVAL;
	if (!IS_ALIGNED((unsigned long)&path[start], 2))
		return -EINVAL;
	rc = utf16s_to_utf8s((const wchar_t *)&path[start], n - start,
			     UTF16_LITTLE_ENDIAN, out, outlen - 1);
	if (rc <= 0 || rc >= outlen - 1)
		return -EINVAL;
	out[rc] = '\0';
	for (i = 0; i < rc; i++)	/* ASCII only: leave UTF-8 bytes */
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] += 'a' - 'A';
	return rc;
}
