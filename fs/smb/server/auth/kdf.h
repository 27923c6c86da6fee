/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB 3.x key derivation ([MS-SMB2] 3.1.4.2): SP800-108 counter mode with
 * HMAC-SHA256 (r = 32, L = 8 * out_len), and the per-session key schedule
 * of [MS-SMB2] 3.3.5.5.3. Stateless.
 */
#ifndef _KSMBD_AUTH_KDF_H
#define _KSMBD_AUTH_KDF_H

#include <linux/types.h>

/**
 * ksmbd_kdf() - SP800-108 KDF in counter mode, PRF = HMAC-SHA256
 * @key:       Ki
 * @key_len:   its length
 * @label:     Label, including its terminating NUL as [MS-SMB2] lists it
 * @label_len: its length
 * @ctx:       Context
 * @ctx_len:   its length
 * @out:       Ko
 * @out_len:   bytes wanted (1..8160)
 *
 * Ko = first out_len bytes of K(1) || K(2) ..., K(i) = HMAC(Ki, [i]_32be ||
 * Label || 0x00 || Context || [8 * out_len]_32be).
 *
 * Return: 0, -EINVAL, -ENODEV (no crypto pool) or a crypto API error.
 */
int ksmbd_kdf(const u8 *key, size_t key_len, const u8 *label,
	      size_t label_len, const u8 *ctx, size_t ctx_len, u8 *out,
	      size_t out_len);

/*
 * The keys of one session (or channel). encryption is what the server
 * encrypts with (server to client), decryption what it decrypts client
 * messages with; their first 16 bytes are used for AES-128 ciphers.
 */
struct ksmbd_session_keys {
	u8 signing[16];
	u8 encryption[32];
	u8 decryption[32];
	u8 application[16];
};

/**
 * ksmbd_derive_session_keys() - the SMB 3.x key schedule
 * @dialect:          0x0300, 0x0302 or 0x0311
 * @session_key:      Session.SessionKey (16 bytes from NTLM; Kerberos may
 *                    give more)
 * @session_key_len:  its length
 * @preauth_hash:     Session.PreauthIntegrityHashValue (64 bytes); used
 *                    for 0x0311 only, may be NULL otherwise
 * @cipher:           negotiated cipher id (SMB2_ENCRYPTION_AES256_CCM 0x0003
 *                    and AES256_GCM 0x0004 derive 32-byte en/decryption
 *                    keys; anything else 16 bytes, the rest zeroed)
 * @out:              the keys
 *
 * 3.0/3.0.2: "SMB2AESCMAC\0"/"SmbSign\0", "SMB2AESCCM\0"/"ServerOut\0",
 * "SMB2AESCCM\0"/"ServerIn \0", "SMB2APP\0"/"SmbRpc\0". 3.1.1:
 * "SMBSigningKey\0", "SMBS2CCipherKey\0", "SMBC2SCipherKey\0",
 * "SMBAppKey\0" with the preauth hash as context.
 *
 * Return: 0, -EINVAL for another dialect or a missing preauth hash, or an
 * error of ksmbd_kdf().
 */
int ksmbd_derive_session_keys(u16 dialect, const u8 *session_key,
			      size_t session_key_len,
			      const u8 preauth_hash[64], u16 cipher,
			      struct ksmbd_session_keys *out);

#endif /* _KSMBD_AUTH_KDF_H */
