/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Structural validation of received SMB2 PDUs, as pure functions over a
 * byte buffer (no connection state, no allocation) so that KUnit drives
 * them with hostile inputs: the compound walk, each element's header and
 * fixed body, CreditCharge against payload, the 3.1.1 negotiate-context
 * walk, the SMB1 multi-protocol NEGOTIATE, and the UTF-16 share path.
 *
 * Owner: core. No state, no locking.
 */
#ifndef __KSMBD_SMB2_CHECK_H__
#define __KSMBD_SMB2_CHECK_H__

#include <linux/types.h>

/* Upper bound on elements in one compound PDU. */
#define KSMBD_MAX_COMPOUND	64
/* Upper bound on negotiate contexts in one NEGOTIATE. */
#define KSMBD_MAX_NEGCTX	32

struct ksmbd_elem {
	u32 off;		/* from the start of the PDU */
	u32 len;
};

/*
 * Split a PDU into its compound elements: each NextCommand is 8-aligned,
 * at least one header long and inside the PDU; the last element runs to
 * the end. Returns the number of elements or -EINVAL.
 */
int ksmbd_smb2_walk(const void *pdu, u32 len, struct ksmbd_elem *elems,
		    unsigned int max);

/* Limits the fixed-body checks need (from the configuration). */
struct ksmbd_check_limits {
	u32 max_trans, max_read, max_write;
};

/* Result of checking one element. */
struct ksmbd_elem_info {
	u16 cmd;		/* command code, < NUMBER_OF_SMB2_COMMANDS */
	u32 payload;		/* bytes for the CreditCharge rule */
	u32 rsp_var_max;	/* variable response bytes to reserve */
};

/*
 * Check one element: ProtocolId, header StructureSize, command range, body
 * StructureSize and that the fixed body fits, command-specific bounds.
 * Returns 0 (STATUS_SUCCESS) or the NTSTATUS to answer with:
 * STATUS_INVALID_PARAMETER for an unknown command or a bad body (info->cmd
 * is then meaningless); a bad ProtocolId or header StructureSize makes the
 * caller disconnect (returns STATUS_INVALID_NETWORK_RESPONSE).
 */
__le32 ksmbd_smb2_check_elem(const void *elem, u32 len,
			     const struct ksmbd_check_limits *lim,
			     struct ksmbd_elem_info *info);

/* CreditCharge rule of [MS-SMB2] 3.3.5.2.5 (multi-credit dialects). */
bool ksmbd_smb2_charge_ok(u16 charge, u32 payload);

/*
 * Walk the 3.1.1 negotiate contexts of a NEGOTIATE request (buf/len is the
 * element, off/count from the request). fn is called for each context with
 * its data; a non-zero return stops the walk and is returned. -EINVAL for
 * a malformed list.
 */
typedef int (*ksmbd_negctx_fn)(void *arg, u16 type, const u8 *data, u16 len);
int ksmbd_negctx_walk(const void *buf, u32 len, u32 off, u16 count,
		      ksmbd_negctx_fn fn, void *arg);

/* SMB1 NEGOTIATE: which SMB2 dialect strings are offered. */
#define KSMBD_SMB1_OFFERS_2002	BIT(0)	/* "SMB 2.002" */
#define KSMBD_SMB1_OFFERS_2XXX	BIT(1)	/* "SMB 2.???" */
/* Returns the KSMBD_SMB1_OFFERS_* mask (0 if none) or -EINVAL. */
int ksmbd_smb1_negotiate_parse(const void *pdu, u32 len);
/* Is this an SMB1 header (any command)? */
bool ksmbd_is_smb1(const void *pdu, u32 len);

/*
 * TREE_CONNECT path "\\server\share" in UTF-16LE (len bytes): copy the
 * share name as lower-case-preserving UTF-8 into out (size outlen).
 * Returns the length or -EINVAL (bad form, empty, > 80 characters).
 */
int ksmbd_tree_path_share(const __le16 *path, u32 len, char *out,
			  size_t outlen);

#endif /* __KSMBD_SMB2_CHECK_H__ */
