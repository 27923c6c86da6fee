/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NTLMSSP messages ([MS-NLMP] 2.2) and NTLMv2 verification ([MS-NLMP] 3.3.2).
 *
 * Pure functions over byte buffers: nothing here keeps state, takes a lock
 * or holds a reference. The caller (SESSION_SETUP) keeps the server
 * challenge between the CHALLENGE and AUTHENTICATE legs.
 *
 * NTLMv1 (and LM) responses are never accepted: ksmbd_ntlmv2_verify()
 * returns -EACCES for them.
 */
#ifndef _KSMBD_AUTH_NTLMSSP_H
#define _KSMBD_AUTH_NTLMSSP_H

#include <linux/types.h>

#define KSMBD_NTLMSSP_SIGNATURE		"NTLMSSP"	/* 8 bytes with the NUL */
#define KSMBD_NTLMSSP_SIG_SIZE		8

#define KSMBD_NTLMSSP_NEGOTIATE		1
#define KSMBD_NTLMSSP_CHALLENGE		2
#define KSMBD_NTLMSSP_AUTHENTICATE	3

/* NegotiateFlags ([MS-NLMP] 2.2.2.5), host order */
#define NTLMSSP_NEGOTIATE_UNICODE			0x00000001
#define NTLMSSP_NEGOTIATE_OEM				0x00000002
#define NTLMSSP_REQUEST_TARGET				0x00000004
#define NTLMSSP_NEGOTIATE_SIGN				0x00000010
#define NTLMSSP_NEGOTIATE_SEAL				0x00000020
#define NTLMSSP_NEGOTIATE_DATAGRAM			0x00000040
#define NTLMSSP_NEGOTIATE_LM_KEY			0x00000080
#define NTLMSSP_NEGOTIATE_NTLM				0x00000200
#define NTLMSSP_NEGOTIATE_ANONYMOUS			0x00000800
#define NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED		0x00001000
#define NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED	0x00002000
#define NTLMSSP_NEGOTIATE_ALWAYS_SIGN			0x00008000
#define NTLMSSP_TARGET_TYPE_DOMAIN			0x00010000
#define NTLMSSP_TARGET_TYPE_SERVER			0x00020000
#define NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY	0x00080000
#define NTLMSSP_NEGOTIATE_IDENTIFY			0x00100000
#define NTLMSSP_REQUEST_NON_NT_SESSION_KEY		0x00400000
#define NTLMSSP_NEGOTIATE_TARGET_INFO			0x00800000
#define NTLMSSP_NEGOTIATE_VERSION			0x02000000
#define NTLMSSP_NEGOTIATE_128				0x20000000
#define NTLMSSP_NEGOTIATE_KEY_EXCH			0x40000000
#define NTLMSSP_NEGOTIATE_56				0x80000000

/* AV_PAIR ids ([MS-NLMP] 2.2.2.1) */
#define NTLMSSP_AV_EOL			0
#define NTLMSSP_AV_NB_COMPUTER_NAME	1
#define NTLMSSP_AV_NB_DOMAIN_NAME	2
#define NTLMSSP_AV_DNS_COMPUTER_NAME	3
#define NTLMSSP_AV_DNS_DOMAIN_NAME	4
#define NTLMSSP_AV_TIMESTAMP		7

#define KSMBD_NTLMSSP_CHALLENGE_SIZE	8
#define KSMBD_NTLMSSP_KEY_SIZE		16

/**
 * ksmbd_ntlmssp_message_type() - the MessageType of an NTLMSSP blob
 * @blob: the token
 * @len:  its length
 *
 * Return: KSMBD_NTLMSSP_NEGOTIATE/CHALLENGE/AUTHENTICATE or another
 * number the blob claims; -EINVAL if @blob has no NTLMSSP signature.
 */
int ksmbd_ntlmssp_message_type(const void *blob, size_t len);

/**
 * ksmbd_ntlmssp_parse_negotiate() - check a NEGOTIATE_MESSAGE
 * @blob:         the token (untrusted)
 * @len:          its length
 * @client_flags: out, the client's NegotiateFlags
 *
 * The DomainName/Workstation fields, when their "supplied" flags are set,
 * must lie inside @blob; their content is not used.
 *
 * Return: 0, or -EINVAL for a malformed message.
 */
int ksmbd_ntlmssp_parse_negotiate(const void *blob, size_t len,
				  u32 *client_flags);

/**
 * ksmbd_ntlmssp_build_challenge() - write a CHALLENGE_MESSAGE
 * @buf:              destination
 * @buflen:           room in @buf
 * @client_flags:     from ksmbd_ntlmssp_parse_negotiate()
 * @server_challenge: 8 random bytes the caller keeps for the verify step
 * @netbios_domain:   TargetName and MsvAvNbDomainName/MsvAvDnsDomainName
 *                    (ASCII/UTF-8, e.g. the work group)
 * @netbios_computer: MsvAvNbComputerName/MsvAvDnsComputerName
 * @nt_time:          MsvAvTimestamp, 100 ns units since 1601 (FILETIME)
 * @neg_flags_out:    out, the flags the server put in the message
 * @out_len:          out, bytes written
 *
 * Flags: NTLM, TARGET_INFO, REQUEST_TARGET|TARGET_TYPE_DOMAIN always;
 * UNICODE (else OEM), ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, 128, 56,
 * KEY_EXCH, SIGN, SEAL, VERSION when the client asked for them.
 *
 * Return: 0, -ENOSPC if @buflen is too small, -EINVAL for names that are
 * not valid UTF-8 or too long.
 */
int ksmbd_ntlmssp_build_challenge(void *buf, size_t buflen, u32 client_flags,
				  const u8 server_challenge[8],
				  const char *netbios_domain,
				  const char *netbios_computer, u64 nt_time,
				  u32 *neg_flags_out, size_t *out_len);

/*
 * A validated view into an AUTHENTICATE_MESSAGE: every pointer lies inside
 * the blob given to ksmbd_ntlmssp_parse_authenticate() (so it lives as long
 * as that buffer), is NULL when its length is 0, and may be unaligned.
 * Strings are UTF-16LE, lengths in bytes (always even).
 */
struct ksmbd_ntlmssp_auth {
	u32 flags;			/* NegotiateFlags of the message */
	const u8 *lm;
	u16 lm_len;
	const u8 *nt;
	u16 nt_len;
	const __le16 *domain;
	u16 domain_len;
	const __le16 *user;
	u16 user_len;
	const __le16 *workstation;
	u16 ws_len;
	const u8 *enc_session_key;
	u16 enc_session_key_len;
};

/**
 * ksmbd_ntlmssp_parse_authenticate() - decode an AUTHENTICATE_MESSAGE
 * @blob: the token (untrusted)
 * @len:  its length
 * @out:  the view, filled only on success
 *
 * Each (Len, MaxLen, BufferOffset) triple must have Len <= MaxLen and lie
 * inside @blob past the fixed header (checked without overflow); the
 * strings must have an even length; UNICODE must be negotiated.
 *
 * Return: 0 or -EINVAL.
 */
int ksmbd_ntlmssp_parse_authenticate(const void *blob, size_t len,
				     struct ksmbd_ntlmssp_auth *out);

/**
 * ksmbd_ntlmssp_user_utf8() - the user name as a NUL-terminated UTF-8 string
 * @a:      parsed message
 * @buf:    destination
 * @buflen: room in @buf, including the NUL
 *
 * Return: the string length, -ENAMETOOLONG if it does not fit, -EINVAL for
 * invalid UTF-16 (unpaired surrogates) or an embedded NUL.
 */
int ksmbd_ntlmssp_user_utf8(const struct ksmbd_ntlmssp_auth *a, char *buf,
			    size_t buflen);

/**
 * ksmbd_ntlmssp_is_anonymous() - an anonymous AUTHENTICATE ([MS-NLMP] 3.2.5.1.2)
 * @a: parsed message
 *
 * Return: true for an empty user name with an empty NtChallengeResponse
 * and an empty (or single zero byte) LmChallengeResponse.
 */
bool ksmbd_ntlmssp_is_anonymous(const struct ksmbd_ntlmssp_auth *a);

/**
 * ksmbd_ntlmv2_check_response() - structure of an NtChallengeResponse
 * @a: parsed AUTHENTICATE_MESSAGE
 *
 * An NTLMv2_RESPONSE is NTProofStr (16 bytes), then an
 * NTLMv2_CLIENT_CHALLENGE ([MS-NLMP] 2.2.2.7) of RespType 1, HiRespType 1,
 * and AvPairs that lie inside it and end with MsvAvEOL (bytes after the
 * EOL are allowed: Windows sends four zero bytes there).
 *
 * Return: 0 for a well-formed NTLMv2 response; -EACCES for no NT response
 * or an NTLMv1 (24-byte) one; -EINVAL for a malformed response, which the
 * caller answers with STATUS_INVALID_PARAMETER before looking at the user.
 */
int ksmbd_ntlmv2_check_response(const struct ksmbd_ntlmssp_auth *a);

/**
 * ksmbd_ntlmv2_verify() - check an NTLMv2 response, derive the session key
 * @nt_hash:          the account's NT hash (MD4 of the UTF-16LE password)
 * @a:                parsed AUTHENTICATE_MESSAGE
 * @server_challenge: the challenge sent in the CHALLENGE_MESSAGE
 * @session_key:      out, ExportedSessionKey ([MS-NLMP] 3.2.5.1.2): the
 *                    SMB2 Session.SessionKey; written only on success
 *
 * ResponseKeyNT = HMAC_MD5(nt_hash, UTF-16(Uppercase(User) || Domain)) with
 * the user and domain as sent; NTProofStr is compared in constant time;
 * with KEY_EXCH the EncryptedRandomSessionKey is RC4-decrypted under the
 * SessionBaseKey. Upper-casing covers ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic (user names outside those match case-sensitively).
 *
 * Return: 0; -EACCES for a wrong password or an NTLMv1/LM-only response;
 * -EINVAL for a malformed response; -ENODEV if ksmbd_crypto_init() was not
 * called; -ENOMEM.
 */
int ksmbd_ntlmv2_verify(const u8 nt_hash[16],
			const struct ksmbd_ntlmssp_auth *a,
			const u8 server_challenge[8], u8 session_key[16]);

#endif /* _KSMBD_AUTH_NTLMSSP_H */
