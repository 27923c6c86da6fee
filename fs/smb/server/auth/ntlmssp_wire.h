/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NTLMSSP wire structures ([MS-NLMP] 2.2), internal to auth/.
 * All little-endian and packed; sizes are checked below.
 */
#ifndef _KSMBD_AUTH_NTLMSSP_WIRE_H
#define _KSMBD_AUTH_NTLMSSP_WIRE_H

#include <linux/types.h>
#include <linux/build_bug.h>

/* (Len, MaxLen, BufferOffset) of a payload field */
struct ntlmssp_field {
	__le16 len;
	__le16 max_len;
	__le32 offset;
} __packed;

struct ntlmssp_version {
	u8 major;
	u8 minor;
	__le16 build;
	u8 reserved[3];
	u8 revision;		/* NTLMSSP_REVISION_W2K3 = 15 */
} __packed;

struct ntlmssp_negotiate_msg {
	u8 signature[8];
	__le32 type;
	__le32 flags;
	struct ntlmssp_field domain;
	struct ntlmssp_field workstation;
	/* Version (if NEGOTIATE_VERSION), payload */
} __packed;

struct ntlmssp_challenge_msg {
	u8 signature[8];
	__le32 type;
	struct ntlmssp_field target_name;
	__le32 flags;
	u8 challenge[8];
	u8 reserved[8];
	struct ntlmssp_field target_info;
	struct ntlmssp_version version;
	/* payload */
} __packed;

struct ntlmssp_authenticate_msg {
	u8 signature[8];
	__le32 type;
	struct ntlmssp_field lm;
	struct ntlmssp_field nt;
	struct ntlmssp_field domain;
	struct ntlmssp_field user;
	struct ntlmssp_field workstation;
	struct ntlmssp_field session_key;
	__le32 flags;
	/* Version and MIC (optional), payload */
} __packed;

struct ntlmssp_av_pair {
	__le16 id;
	__le16 len;
} __packed;

/* NTLMv2_CLIENT_CHALLENGE up to its AvPairs ([MS-NLMP] 2.2.2.7) */
struct ntlmv2_client_challenge {
	u8 resp_type;		/* 1 */
	u8 hi_resp_type;	/* 1 */
	u8 reserved1[6];
	__le64 timestamp;
	u8 challenge[8];
	u8 reserved2[4];
	/* AvPairs */
} __packed;

#define NTLMSSP_REVISION_W2K3	15

static_assert(sizeof(struct ntlmssp_field) == 8);
static_assert(sizeof(struct ntlmssp_version) == 8);
static_assert(sizeof(struct ntlmssp_negotiate_msg) == 32);
static_assert(sizeof(struct ntlmssp_challenge_msg) == 56);
static_assert(sizeof(struct ntlmssp_authenticate_msg) == 64);
static_assert(sizeof(struct ntlmssp_av_pair) == 4);
static_assert(sizeof(struct ntlmv2_client_challenge) == 28);

#endif /* _KSMBD_AUTH_NTLMSSP_WIRE_H */
