/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NTLMSSP message integrity with extended session security ([MS-NLMP]
 * 3.4.4.2, 3.4.5.2, 3.4.5.3): the signing and sealing keys derived from
 * the exported session key, and the MAC (NTLMSSP_MESSAGE_SIGNATURE). SMB
 * uses it once per session: for the SPNEGO mechListMIC of the last
 * SESSION_SETUP leg ([MS-SPNG] 3.2.5.1), the first message each side
 * signs, so the sequence number is 0 and the RC4 handle fresh.
 * Stateless; may sleep (crypto pool).
 */
#ifndef _KSMBD_AUTH_NTLM_MAC_H
#define _KSMBD_AUTH_NTLM_MAC_H

#include <linux/types.h>

struct arc4_ctx;

#define KSMBD_NTLM_MAC_SIZE	16

/* SIGNKEY(): MD5(session key || the direction's signing magic || NUL) */
int ksmbd_ntlm_sign_key(const u8 session_key[16], bool server_to_client,
			u8 key[16]);

/*
 * SEALKEY(): MD5 over the first 16 (NEGOTIATE_128), 7 (NEGOTIATE_56) or 5
 * bytes of the session key and the direction's sealing magic.
 */
int ksmbd_ntlm_seal_key(const u8 session_key[16], u32 flags,
			bool server_to_client, u8 key[16]);

/**
 * ksmbd_ntlm_mac() - MAC() with extended session security
 * @sign_key: the direction's signing key
 * @seal:     the direction's RC4 handle when KEY_EXCH was negotiated (its
 *            state advances by 8 bytes), else NULL
 * @seq:      SeqNum
 * @msg:      the message
 * @len:      its length
 * @sig:      out: Version 1, Checksum (8 bytes), SeqNum
 *
 * Checksum = HMAC_MD5(sign_key, SeqNum || msg)[0..7], then RC4'd.
 */
int ksmbd_ntlm_mac(const u8 sign_key[16], struct arc4_ctx *seal, u32 seq,
		   const void *msg, size_t len, u8 sig[KSMBD_NTLM_MAC_SIZE]);

/**
 * ksmbd_ntlm_mech_list_mic() - a mechListMIC over the DER mechTypes
 * @session_key:      the exported session key
 * @flags:            NegotiateFlags of the AUTHENTICATE_MESSAGE
 * @server_to_client: true for the MIC the server sends, false for the one
 *                    it checks
 * @mech_list:        DER encoding of the client's MechTypeList
 * @len:              its length
 * @mic:              out
 */
int ksmbd_ntlm_mech_list_mic(const u8 session_key[16], u32 flags,
			     bool server_to_client, const void *mech_list,
			     size_t len, u8 mic[KSMBD_NTLM_MAC_SIZE]);

#endif /* _KSMBD_AUTH_NTLM_MAC_H */
