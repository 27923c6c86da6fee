// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SMB name validation and UTF-16LE -> UTF-8 conversion (see vfs/name.h).
 */
#include <linux/nls.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "name.h"
#include "../ntstatus.h"

bool ksmbd_name_char_invalid(u16 c)
{
	if (c < 0x20)
		return true;
	switch (c) {
	case '"': case '*': case '/': case ':': case '<': case '>':
	case '?': case '\\': case '|':
		return true;
	}
	return false;
}

/*
 * Blocks where capital and small letters alternate: [first, last], with
 * the capital on even code points when even_upper.
 */
static const struct {
	u16 first, last;
	bool even_upper;
} upcase_pairs[] = {
	{ 0x0100, 0x0137, true },		/* Latin Extended-A */
	{ 0x0139, 0x0148, false },
	{ 0x014a, 0x0177, true },
	{ 0x0179, 0x017e, false },
	{ 0x0460, 0x0481, true },		/* Cyrillic historic */
	{ 0x048a, 0x04bf, true },
	{ 0x04c1, 0x04ce, false },
	{ 0x04d0, 0x052f, true },
	{ 0x1e00, 0x1e95, true },		/* Latin Extended Additional */
	{ 0x1ea0, 0x1eff, true },
};

/* Blocks of small letters a fixed distance above their capitals. */
static const struct {
	u16 first, last, delta;
} upcase_shifts[] = {
	{ 0x0561, 0x0586, 0x30 },		/* Armenian */
	{ 0x2170, 0x217f, 0x10 },		/* small Roman numerals */
	{ 0x24d0, 0x24e9, 0x1a },		/* circled Latin letters */
	{ 0xff41, 0xff5a, 0x20 },		/* fullwidth Latin */
};

u16 ksmbd_upcase(u16 c)
{
	unsigned int i;

	if (c >= 'a' && c <= 'z')
		return c - 0x20;
	if (c < 0xe0)
		return c;
	if (c <= 0xfe && c != 0xf7)
		return c - 0x20;			/* Latin-1 */
	if (c == 0xff)
		return 0x178;
	if (c >= 0x3b1 && c <= 0x3cb && c != 0x3c2)
		return c - 0x20;			/* Greek */
	if (c >= 0x430 && c <= 0x44f)
		return c - 0x20;			/* Cyrillic */
	if (c >= 0x450 && c <= 0x45f)
		return c - 0x50;
	for (i = 0; i < ARRAY_SIZE(upcase_pairs); i++)
		if (c >= upcase_pairs[i].first && c <= upcase_pairs[i].last)
			return (c & 1) == upcase_pairs[i].even_upper ? c - 1 : c;
	for (i = 0; i < ARRAY_SIZE(upcase_shifts); i++)
		if (c >= upcase_shifts[i].first && c <= upcase_shifts[i].last)
			return c - upcase_shifts[i].delta;
	return c;
}

bool ksmbd_name_equal_ci(const u16 *a, unsigned int alen, const u16 *b,
			 unsigned int blen)
{
	unsigned int i;

	if (alen != blen)
		return false;
	for (i = 0; i < alen; i++)
		if (ksmbd_upcase(a[i]) != ksmbd_upcase(b[i]))
			return false;
	return true;
}

static bool is_high_surrogate(u16 c)
{
	return c >= 0xd800 && c <= 0xdbff;
}

static bool is_low_surrogate(u16 c)
{
	return c >= 0xdc00 && c <= 0xdfff;
}

/* Surrogates must pair up. */
static bool utf16_valid(const __le16 *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		u16 c = le16_to_cpu(s[i]);

		if (is_high_surrogate(c)) {
			if (i + 1 >= n || !is_low_surrogate(le16_to_cpu(s[i + 1])))
				return false;
			i++;
		} else if (is_low_surrogate(c)) {
			return false;
		}
	}
	return true;
}

/* Append n units of s as UTF-8 at *pos in out (room checked by caller). */
static void append_utf8(char *out, size_t size, size_t *pos,
			const __le16 *s, unsigned int n)
{
	int r;

	if (!n)
		return;
	r = utf16s_to_utf8s((const wchar_t *)s, n, UTF16_LITTLE_ENDIAN,
			    out + *pos, size - *pos - 1);
	if (r > 0)
		*pos += r;
	out[*pos] = '\0';
}

static bool unit_is(const __le16 *s, unsigned int i, char c)
{
	return le16_to_cpu(s[i]) == (u16)c;
}

/* Case-insensitive compare of n units of s against ASCII lit. */
static bool units_eq_ascii_ci(const __le16 *s, unsigned int n,
			      const char *lit)
{
	unsigned int i;

	if (strlen(lit) != n)
		return false;
	for (i = 0; i < n; i++)
		if (ksmbd_upcase(le16_to_cpu(s[i])) !=
		    ksmbd_upcase((u8)lit[i]))
			return false;
	return true;
}

/*
 * The last component may carry ":stream" or ":stream:$DATA" or "::$DATA".
 * s/n is the text after the first ":". On success *slen is the stream
 * name (slen 0: the default data stream).
 */
static __le32 parse_stream(const __le16 *s, unsigned int n,
			   unsigned int *slen)
{
	unsigned int i, colon = n;

	for (i = 0; i < n; i++) {
		u16 c = le16_to_cpu(s[i]);

		if (c == ':') {
			colon = i;
			break;
		}
		/* stream names may hold control characters, not NUL */
		if (!c || c == '/' || c == '\\')
			return STATUS_OBJECT_NAME_INVALID;
	}
	if (colon < n) {
		/* a type: only $DATA exists for files */
		if (!units_eq_ascii_ci(s + colon + 1, n - colon - 1, "$DATA"))
			return STATUS_OBJECT_NAME_INVALID;
	} else if (!n) {
		return STATUS_OBJECT_NAME_INVALID;	/* "name:" */
	}
	if (colon > KSMBD_NAME_COMPONENT_MAX)
		return STATUS_OBJECT_NAME_INVALID;
	*slen = colon;
	return STATUS_SUCCESS;
}

/*
 * Component separators: '\\', and for a POSIX name '/' too (the cifs
 * client sends '/' between the components of a POSIX path).
 */
static bool is_sep(const __le16 *s, unsigned int i, bool posix)
{
	return unit_is(s, i, '\\') || (posix && unit_is(s, i, '/'));
}

/* A POSIX name refuses only what cannot be in a Linux name component. */
static bool posix_char_invalid(u16 c)
{
	return c == 0;
}

static __le32 name_parse(const __le16 *name, u32 len, bool allow_stream,
			 bool posix, struct ksmbd_name *out)
{
	unsigned int n = len / 2, start, i, slen = 0, sstart = 0, lastsep;
	size_t size, pos = 0, spos = 0;
	__le32 st;
	char *path;

	memset(out, 0, sizeof(*out));
	if (len & 1)
		return STATUS_INVALID_PARAMETER;
	if (n > KSMBD_NAME_PATH_MAX)
		return STATUS_NAME_TOO_LONG;
	if (n && is_sep(name, 0, posix))
		return STATUS_INVALID_PARAMETER;
	if (!utf16_valid(name, n))
		return STATUS_OBJECT_NAME_INVALID;
	if (n && is_sep(name, n - 1, posix)) {
		out->trailing_sep = true;
		n--;
		if (n && is_sep(name, n - 1, posix))
			return STATUS_OBJECT_NAME_INVALID;
	}

	/* each unit is at most 3 UTF-8 bytes (a pair is 4 for 2 units) */
	size = (size_t)n * 3 + 1;
	path = kmalloc(size, GFP_KERNEL);
	if (!path)
		return STATUS_NO_MEMORY;
	path[0] = '\0';

	lastsep = n;	/* none */
	for (i = 0; i < n; i++)
		if (is_sep(name, i, posix))
			lastsep = i;

	start = 0;
	while (start < n) {
		unsigned int end = start, clen;
		bool last;

		while (end < n && !is_sep(name, end, posix) &&
		       (posix || !unit_is(name, end, ':')))
			end++;
		clen = end - start;
		last = lastsep == n || start > lastsep;
		if (end < n && unit_is(name, end, ':')) {
			/* stream separator: only in the last component */
			if (!last || !allow_stream || out->trailing_sep) {
				st = STATUS_OBJECT_NAME_INVALID;
				goto err;
			}
			st = parse_stream(name + end + 1, n - end - 1, &slen);
			if (st)
				goto err;
			sstart = end + 1;
			out->stream_sep = true;
		}
		if (!clen) {
			/* "a\\b", or "::$DATA" of the root */
			if (!(end < n && start == 0 && unit_is(name, end, ':'))) {
				st = STATUS_OBJECT_NAME_INVALID;
				goto err;
			}
		}
		if (clen > KSMBD_NAME_COMPONENT_MAX) {
			st = STATUS_NAME_TOO_LONG;
			goto err;
		}
		if (clen == 1 && unit_is(name, start, '.')) {
			st = STATUS_OBJECT_NAME_INVALID;
			goto err;
		}
		if (clen == 2 && unit_is(name, start, '.') &&
		    unit_is(name, start + 1, '.')) {
			/*
			 * ".." takes back the component before it, as
			 * Windows does ("d\x\.." opens d); one that would
			 * climb above the share root is a syntax error, and
			 * ".." has no streams.
			 */
			if (sstart) {
				st = STATUS_OBJECT_NAME_INVALID;
				goto err;
			}
			if (!pos) {
				st = STATUS_OBJECT_PATH_SYNTAX_BAD;
				goto err;
			}
			while (pos && path[pos - 1] != '/')
				pos--;
			if (pos)
				pos--;
			path[pos] = '\0';
			start = end + 1;
			continue;
		}
		for (i = start; i < end; i++) {
			u16 c = le16_to_cpu(name[i]);

			if (posix ? posix_char_invalid(c) :
				    ksmbd_name_char_invalid(c)) {
				st = STATUS_OBJECT_NAME_INVALID;
				goto err;
			}
		}
		if (pos)
			path[pos++] = '/';
		path[pos] = '\0';
		append_utf8(path, size, &pos, name + start, clen);
		if (sstart)
			break;
		start = end + 1;
	}

	if (slen) {
		out->stream = kmalloc((size_t)slen * 3 + 1, GFP_KERNEL);
		if (!out->stream) {
			st = STATUS_NO_MEMORY;
			goto err;
		}
		out->stream[0] = '\0';
		append_utf8(out->stream, (size_t)slen * 3 + 1, &spos,
			    name + sstart, slen);
	}
	out->path = path;
	return STATUS_SUCCESS;
err:
	kfree(path);
	out->trailing_sep = false;
	out->stream_sep = false;
	return st;
}

__le32 ksmbd_name_parse(const __le16 *name, u32 len, bool allow_stream,
			struct ksmbd_name *out)
{
	return name_parse(name, len, allow_stream, false, out);
}

__le32 ksmbd_name_parse_posix(const __le16 *name, u32 len,
			      struct ksmbd_name *out)
{
	return name_parse(name, len, false, true, out);
}

void ksmbd_name_free(struct ksmbd_name *n)
{
	kfree(n->path);
	kfree(n->stream);
	n->path = NULL;
	n->stream = NULL;
}

int ksmbd_name_to_utf16(const char *name, int len, u16 *out, int max)
{
	int r = utf8s_to_utf16s(name, len, UTF16_HOST_ENDIAN, (wchar_t *)out,
				max);

	if (r < 0)
		return r;
	/* utf8s_to_utf16s stops silently at max: detect truncation */
	if (r == max && max < len)
		return -ENAMETOOLONG;
	return r;
}

/* [MS-FSCC] 2.1.5.2.1: what an 8.3 name may not hold (besides its dot) */
static bool short_char_invalid(u16 c)
{
	if (c <= 0x20 || c >= 0x7f)
		return true;
	switch (c) {
	case '"': case '*': case '+': case ',': case '/': case ':': case ';':
	case '<': case '=': case '>': case '?': case '[': case '\\': case ']':
	case '|': case '.':
		return true;
	}
	return false;
}

bool ksmbd_name_is_8dot3(const u16 *name, unsigned int len)
{
	unsigned int i, dot = len;

	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	if (!len || len > KSMBD_SHORT_NAME_MAX)
		return false;
	for (i = 0; i < len; i++) {
		if (name[i] == '.' && dot == len) {
			dot = i;
			continue;
		}
		if (short_char_invalid(name[i]))
			return false;
	}
	if (dot == 0 || dot > 8)
		return false;
	return dot == len || (len - dot - 1 >= 1 && len - dot - 1 <= 3);
}

/* One unit of a generated short name: upper case, '_' for the invalid. */
static u16 short_unit(u16 c)
{
	c = ksmbd_upcase(c);
	return short_char_invalid(c) ? '_' : c;
}

int ksmbd_name_short(const u16 *name, unsigned int len, u16 *out)
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	unsigned int i, n = 0, dot = 0, ext = 0;
	u32 h = 2166136261u;	/* FNV-1a over the upper-cased name */

	if (!len || ksmbd_name_is_8dot3(name, len))
		return 0;
	for (i = 0; i < len; i++) {
		h ^= ksmbd_upcase(name[i]);
		h *= 16777619u;
	}
	/* the extension follows the last dot, unless that dot leads */
	for (i = len; i > 1; i--) {
		if (name[i - 1] == '.') {
			dot = i - 1;
			break;
		}
	}
	for (i = 0; i < (dot ? dot : len) && n < 4; i++)
		if (name[i] != '.' && name[i] != ' ')
			out[n++] = short_unit(name[i]);
	if (!n)
		out[n++] = '_';
	out[n++] = '~';
	h %= 36 * 36 * 36;
	out[n++] = digits[h / (36 * 36)];
	out[n++] = digits[h / 36 % 36];
	out[n++] = digits[h % 36];
	if (dot) {
		out[n] = '.';
		for (i = dot + 1; i < len && ext < 3; i++)
			if (name[i] != ' ')
				out[n + 1 + ext++] = short_unit(name[i]);
		if (ext)
			n += 1 + ext;
	}
	return n;
}

int ksmbd_name_short_utf8(const char *name, char *out)
{
	u16 *u, s[KSMBD_SHORT_NAME_MAX];
	int n, i;

	u = kmalloc_array(KSMBD_NAME_COMPONENT_MAX, sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	n = ksmbd_name_to_utf16(name, strlen(name), u,
				KSMBD_NAME_COMPONENT_MAX);
	n = n < 0 ? n : ksmbd_name_short(u, n, s);
	kfree(u);
	/* a generated short name is ASCII */
	for (i = 0; i < n; i++)
		out[i] = s[i];
	out[n > 0 ? n : 0] = '\0';
	return n;
}
