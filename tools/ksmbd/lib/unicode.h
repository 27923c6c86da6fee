/* SPDX-License-Identifier: GPL-2.0-or-later */
/* UTF-8 validation and UTF-8 -> UTF-16LE conversion. */
#ifndef KSMBD_UNICODE_H
#define KSMBD_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t len);

/*
 * Convert len bytes of UTF-8 to UTF-16LE in out (max bytes). Returns the
 * number of bytes written or -1 on malformed input or lack of room.
 */
long utf8_to_utf16le(const char *s, size_t len, uint8_t *out, size_t max);

#endif
