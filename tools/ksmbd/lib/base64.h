/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Base64 with padding (RFC 4648 section 4). */
#ifndef KSMBD_BASE64_H
#define KSMBD_BASE64_H

#include <stddef.h>
#include <stdint.h>

/* Room needed for the encoding of n bytes, with the NUL. */
#define BASE64_ENC_SIZE(n)	((((n) + 2) / 3) * 4 + 1)

/* Encode len bytes into out (BASE64_ENC_SIZE(len) bytes), NUL-terminated. */
void base64_encode(const uint8_t *in, size_t len, char *out);

/*
 * Decode a padded base64 string of exactly slen characters into out (max
 * bytes). Returns the decoded length or -1 on bad input or overflow.
 */
long base64_decode(const char *s, size_t slen, uint8_t *out, size_t max);

#endif
