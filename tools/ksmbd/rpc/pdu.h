/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Connection-oriented DCE/RPC PDUs ([C706] chapter 12, [MS-RPCE] 2.2.2):
 * wire constants and the per-PDU processing entry point. Only the common
 * header is described by a struct; bodies are read and written field by
 * field through the NDR primitives, little-endian.
 */
#ifndef KSMBD_RPC_PDU_H
#define KSMBD_RPC_PDU_H

#include <stddef.h>
#include <stdint.h>

#define RPC_HDR_LEN		16
#define RPC_REQ_HDR_LEN		24	/* common header + alloc_hint..opnum */
#define RPC_RESP_HDR_LEN	24

enum rpc_ptype {
	RPC_PT_REQUEST = 0,
	RPC_PT_RESPONSE = 2,
	RPC_PT_FAULT = 3,
	RPC_PT_BIND = 11,
	RPC_PT_BIND_ACK = 12,
	RPC_PT_BIND_NAK = 13,
	RPC_PT_ALTER_CONTEXT = 14,
	RPC_PT_ALTER_CONTEXT_RESP = 15,
	RPC_PT_AUTH3 = 16,
	RPC_PT_SHUTDOWN = 17,
	RPC_PT_CO_CANCEL = 18,
	RPC_PT_ORPHANED = 19,
};

#define RPC_PFC_FIRST_FRAG	0x01
#define RPC_PFC_LAST_FRAG	0x02
#define RPC_PFC_DID_NOT_EXECUTE	0x20
#define RPC_PFC_OBJECT_UUID	0x80

/* p_cont_def_result_t and p_provider_reason_t ([C706] 12.6.3.1) */
#define RPC_RESULT_ACCEPT		0
#define RPC_RESULT_PROVIDER_REJECT	2
#define RPC_RESULT_NEGOTIATE_ACK	3	/* [MS-RPCE] 3.3.1.5.3 */
#define RPC_REASON_ABSTRACT_NOT_SUPP	1
#define RPC_REASON_TRANSFER_NOT_SUPP	2

/* bind_nak reject reasons */
#define RPC_NAK_NOT_SPECIFIED		0
#define RPC_NAK_LOCAL_LIMIT		2
#define RPC_NAK_VERSION_NOT_SUPP	4
#define RPC_NAK_AUTH_NOT_RECOGNIZED	8

/* Fault status codes ([C706] appendix E, [MS-RPCE] 3.1.1.5.5) */
#define NCA_S_OP_RNG_ERROR		0x1C010002u
#define NCA_S_UNK_IF			0x1C010003u
#define NCA_S_PROTO_ERROR		0x1C01000Bu
#define NCA_S_UNSUPPORTED_TYPE		0x1C010017u
#define NCA_S_FAULT_REMOTE_NO_MEMORY	0x1C00001Bu
#define NCA_S_FAULT_NDR			0x000006F7u

/* Our fragment limits: the largest fragment we receive, the largest we
 * send, and the smallest client max_recv_frag we can still send into.
 *
 * RPC_XMIT_FRAG: every fragment after the first of a response is fetched
 * by the client with SMB2 READ, which the kernel turns into
 * KSMBD_RPC_READ_METHOD with no length: the daemon cannot know how much the
 * client asked for, so each pipe read answers one whole fragment. The 6.1
 * server (fs/smb/server of linux 6.1.y, measured with 6.1.192) garbles a
 * pipe READ whose answer is over 4096 bytes (the client sees a bad fragment
 * header and, on the next reads, bad signatures), so we never send a
 * fragment longer than that, whatever the client allows (max_xmit_frag is
 * ours to choose, up to its max_recv_frag, [C706] 12.6.3.1). */
#define RPC_MAX_FRAG		4280
#define RPC_XMIT_FRAG		4096
#define RPC_MIN_FRAG		64
/* Hard bound on one reassembled request's stub. */
#define RPC_MAX_REQUEST		(1u << 20)

struct rpc_pipe;

struct rpc_hdr {
	uint8_t vers;
	uint8_t vers_minor;
	uint8_t ptype;
	uint8_t flags;
	uint8_t drep[4];
	uint16_t frag_len;
	uint16_t auth_len;
	uint32_t call_id;
};

/* Parse the common header of buf (at least RPC_HDR_LEN bytes), in the byte
 * order its drep says. */
void rpc_hdr_parse(const uint8_t *buf, struct rpc_hdr *h);
/* Handle one whole PDU of h.frag_len bytes. 0, or -errno (-EPROTO: give up
 * on the stream; -ENOMEM). Responses are queued on the pipe. */
int rpc_pdu_process(struct rpc_pipe *p, const uint8_t *pdu,
		    const struct rpc_hdr *h);

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" to the 16 wire bytes. */
int rpc_uuid_parse(const char *str, uint8_t out[16]);

#endif /* KSMBD_RPC_PDU_H */
