// SPDX-License-Identifier: GPL-2.0-or-later
#include "unicode.h"

/* Decode one code point at s (len bytes left); returns bytes used or -1. */
static int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c = s[0], min;
	int n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xE0) == 0xC0) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (len) {
		int n = utf8_decode(p, len, &cp);

		if (n < 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

long utf8_to_utf16le(const char *s, size_t len, uint8_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	uint32_t cp;

	while (len) {
		int n = utf8_decode(p, len, &cp);
		uint16_t u[2];
		int k, cnt = 1;

		if (n < 0)
			return -1;
		p += n;
		len -= n;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			u[0] = 0xD800 | (cp >> 10);
			u[1] = 0xDC00 | (cp & 0x3FF);
			cnt = 2;
		} else {
			u[0] = (uint16_t)cp;
		}
		if (o + 2 * cnt > max)
			return -1;
		for (k = 0; k < cnt; k++) {
			out[o++] = (uint8_t)u[k];
			out[o++] = (uint8_t)(u[k] >> 8);
		}
	}
	return (long)o;
}
