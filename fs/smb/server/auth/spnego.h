/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SPNEGO ([MS-SPNG], RFC 4178) around NTLMSSP for SMB2 NEGOTIATE and
 * SESSION_SETUP security buffers. Client tokens are decoded with the
 * kernel's ASN.1 BER decoder (spnego_negtokeninit.asn1,
 * spnego_negtokentarg.asn1); server tokens come from a small DER writer.
 * Stateless; no locks, no references.
 */
#ifndef _KSMBD_AUTH_SPNEGO_H
#define _KSMBD_AUTH_SPNEGO_H

#include <linux/types.h>

enum ksmbd_mech {
	KSMBD_MECH_NONE,	/* no mechanism we know */
	KSMBD_MECH_NTLMSSP,	/* 1.3.6.1.4.1.311.2.2.10 */
	KSMBD_MECH_KRB5,	/* 1.2.840.113554.1.2.2 or 1.2.840.48018.1.2.2 */
};

/* negResult of a negTokenTarg (RFC 4178 4.2.2) */
enum ksmbd_spnego_result {
	KSMBD_SPNEGO_ACCEPT_COMPLETED	= 0,
	KSMBD_SPNEGO_ACCEPT_INCOMPLETE	= 1,
	KSMBD_SPNEGO_REJECT		= 2,
};

/**
 * ksmbd_spnego_build_init() - the NEGOTIATE response's security buffer
 * @buf:        destination
 * @buflen:     room in @buf
 * @offer_krb5: list the two Kerberos OIDs before NTLMSSP
 * @out_len:    out, bytes written
 *
 * A GSS-API InitialContextToken holding a negTokenInit2 ([MS-SPNG]
 * 2.2.1): mechTypes and the negHints hintName
 * "not_defined_in_RFC4178@please_ignore", as Windows sends.
 *
 * Return: 0 or -ENOSPC.
 */
int ksmbd_spnego_build_init(void *buf, size_t buflen, bool offer_krb5,
			    size_t *out_len);

/**
 * ksmbd_spnego_decode() - find the mechanism token in a client blob
 * @blob:      SESSION_SETUP SecurityBuffer (untrusted)
 * @len:       its length
 * @mech:      out, the mechanism
 * @token:     out, the inner token inside @blob (not copied), or NULL
 * @token_len: out, its length (0 with @token NULL)
 *
 * Accepts a GSS-API wrapped negTokenInit (first leg; @mech is the first of
 * the client's mechTypes that we know, KSMBD_MECH_NONE if none, and the
 * mechToken is returned only
 * when that mechanism is the client's first choice, as RFC 4178 says the
 * optimistic token belongs to it), a negTokenTarg (later legs; @mech from
 * supportedMech, else from the token's NTLMSSP signature, else NONE), or
 * a raw "NTLMSSP\0" blob (returned whole). A negTokenTarg with negResult
 * reject yields -EACCES.
 *
 * Return: 0, -EACCES, or -EINVAL for anything malformed.
 */
int ksmbd_spnego_decode(const void *blob, size_t len, enum ksmbd_mech *mech,
			const u8 **token, size_t *token_len);

/**
 * ksmbd_spnego_build_targ() - a negTokenTarg for SESSION_SETUP responses
 * @buf:        destination
 * @buflen:     room in @buf
 * @neg_result: enum ksmbd_spnego_result
 * @token:      responseToken (e.g. the CHALLENGE_MESSAGE) or NULL; it may
 *              lie inside @buf (it is moved, so building in place works)
 * @token_len:  its length
 * @mic:        mechListMIC or NULL (at most 64 bytes)
 * @mic_len:    its length
 * @out_len:    out, bytes written
 *
 * supportedMech (NTLMSSP) is included with ACCEPT_INCOMPLETE, the first
 * reply of the exchange, as Windows does.
 *
 * Return: 0, -ENOSPC, or -EINVAL for a bad @neg_result.
 */
int ksmbd_spnego_build_targ(void *buf, size_t buflen, int neg_result,
			    const u8 *token, size_t token_len, const u8 *mic,
			    size_t mic_len, size_t *out_len);

/**
 * ksmbd_spnego_mech_list() - the DER MechTypeList of a negTokenInit
 * @blob:    the client's first SPNEGO token (untrusted)
 * @len:     its length
 * @out:     destination for SEQUENCE OF MechType, as the client encoded the
 *           OIDs (what both sides' mechListMIC covers, RFC 4178 5)
 * @out_max: room in @out
 * @out_len: out, bytes written
 * Return: 0, -ENOSPC, or -EINVAL when @blob is not a negTokenInit.
 */
int ksmbd_spnego_mech_list(const void *blob, size_t len, u8 *out,
			   size_t out_max, size_t *out_len);

/**
 * ksmbd_spnego_targ_mech_list_mic() - the client's mechListMIC, if any
 * @blob:    a later SPNEGO token of the client (untrusted)
 * @len:     its length
 * @mic:     out: the MIC inside @blob, NULL when the token has none
 * @mic_len: out: its length
 * Return: 0, or -EINVAL when @blob is not a well-formed negTokenTarg.
 */
int ksmbd_spnego_targ_mech_list_mic(const void *blob, size_t len,
				    const u8 **mic, size_t *mic_len);

#endif /* _KSMBD_AUTH_SPNEGO_H */
