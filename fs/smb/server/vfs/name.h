/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMB path names: validation and conversion of the UTF-16LE names clients
 * send ([MS-SMB2] 2.2.13, [MS-FSCC] 2.1.4 and 2.1.5) into relative UTF-8
 * paths resolved later beneath the share root (vfs/path.h), and [MS-FSA]
 * wildcard matching for QUERY_DIRECTORY.
 *
 * Owner: vfs. Pure functions over buffers: no state, no locking.
 */
#ifndef __KSMBD_VFS_NAME_H__
#define __KSMBD_VFS_NAME_H__

#include <linux/types.h>

/* [MS-FSCC] 2.1.5.1: a component is at most 255 UTF-16 code units. */
#define KSMBD_NAME_COMPONENT_MAX	255
/* Longest path accepted, in UTF-16 code units (NT path limit). */
#define KSMBD_NAME_PATH_MAX		32767

/* A name from CREATE (or a rename/link target), validated. */
struct ksmbd_name {
	/*
	 * Relative UTF-8 path with '/' separators, no leading or trailing
	 * '/', no "." or ".." component (a ".." is resolved by
	 * ksmbd_name_parse()); "" names the share root.
	 * kmalloc'd, freed by ksmbd_name_free().
	 */
	char *path;
	/* Named stream ("name:stream[:$DATA]"), or NULL for the data. */
	char *stream;
	/* A ':' suffix was given: a named stream, or "::$DATA". */
	bool stream_sep;
	/* The name ended with a backslash (must be a directory). */
	bool trailing_sep;
};

/*
 * Parse a client name of len bytes. Returns STATUS_SUCCESS with *out
 * filled, or the NTSTATUS Windows answers: STATUS_INVALID_PARAMETER (odd
 * length, leading backslash), STATUS_OBJECT_NAME_INVALID (bad character,
 * empty or "." component, bad stream syntax, unpaired surrogate),
 * STATUS_OBJECT_PATH_SYNTAX_BAD (a ".." that climbs above the share root;
 * one that stays beneath it takes back the component before it, so
 * "d\x\.." is "d"), STATUS_NAME_TOO_LONG
 * (component longer than 255 units or path too long).
 * allow_stream: whether a ':' stream suffix is accepted on the last
 * component.
 */
__le32 ksmbd_name_parse(const __le16 *name, u32 len, bool allow_stream,
			struct ksmbd_name *out);
/*
 * The same for a POSIX open ([POSIX-SMB2]: the SMB3.1.1 POSIX create
 * context): ':' is an ordinary character (no streams) and so are the
 * others Windows forbids, only NUL is refused; '/' separates components
 * as '\\' does (the cifs client sends POSIX paths with '/').
 */
__le32 ksmbd_name_parse_posix(const __le16 *name, u32 len,
			      struct ksmbd_name *out);
void ksmbd_name_free(struct ksmbd_name *n);

/* Is this UTF-16 unit forbidden in a file name ([MS-FSCC] 2.1.4.1)? */
bool ksmbd_name_char_invalid(u16 c);

/* Simple upper-case folding of one UTF-16 unit (ASCII, Latin-1 and
 * Extended-A and Additional, Greek, Cyrillic, Armenian, small Roman
 * numerals, circled and fullwidth Latin), as used for case-insensitive
 * comparison.
 */
u16 ksmbd_upcase(u16 c);

/* Case-insensitive equality of two UTF-16 strings (lengths in units). */
bool ksmbd_name_equal_ci(const u16 *a, unsigned int alen, const u16 *b,
			 unsigned int blen);

/*
 * [MS-FSA] 2.1.4.4 wildcard match, case-insensitive: '*', '?',
 * '<' (DOS_STAR), '>' (DOS_QM), '"' (DOS_DOT). Both strings are UTF-16 in
 * CPU order, lengths in units. O(plen * nlen) time, no recursion. A pattern
 * longer than KSMBD_NAME_COMPONENT_MAX never matches.
 */
bool ksmbd_wildcard_match(const u16 *pat, unsigned int plen, const u16 *name,
			  unsigned int nlen);
/* Does the pattern contain a wildcard character? */
bool ksmbd_wildcard_has_wild(const u16 *pat, unsigned int plen);

/*
 * UTF-8 name (from the file system) to UTF-16 in CPU order; returns the
 * number of units written (at most max) or -EINVAL / -ENAMETOOLONG.
 */
int ksmbd_name_to_utf16(const char *name, int len, u16 *out, int max);

/* An 8.3 name is at most 12 units ("NNNNNNNN.EEE"). */
#define KSMBD_SHORT_NAME_MAX	12

/* Is name (UTF-16, CPU order, len units) a valid 8.3 name already? */
bool ksmbd_name_is_8dot3(const u16 *name, unsigned int len);

/*
 * The 8.3 short name ([MS-FSCC] 2.1.5.2.1) that stands for a long name,
 * into out (room for KSMBD_SHORT_NAME_MAX units, CPU order): up to four
 * upper-cased characters of the name, '~', three base-36 characters of a
 * hash of the case-folded whole name, then '.' and up to three of its
 * extension's. Depends on the name alone, so it is the same in every
 * listing and in FileAlternateNameInformation, and equal for names equal
 * but for case. Returns its length, or 0 when name is already 8.3 (it
 * has no separate short name).
 */
int ksmbd_name_short(const u16 *name, unsigned int len, u16 *out);

/*
 * ksmbd_name_short() of a UTF-8 name component, as an ASCII string in out
 * (KSMBD_SHORT_NAME_MAX + 1 bytes): its length, 0 when name is already
 * 8.3 (out is ""), or -errno.
 */
int ksmbd_name_short_utf8(const char *name, char *out);

#endif /* __KSMBD_VFS_NAME_H__ */
