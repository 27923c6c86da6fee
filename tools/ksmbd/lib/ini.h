/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * smb.conf-syntax reader: "[section]" headers, "key = value" entries,
 * ';' and '#' comments to end of line, '\' at end of line continues it.
 * Keys are normalized (lower case, blanks collapsed to one space). The
 * document owns all strings; ini_free() releases them.
 */
#ifndef KSMBD_INI_H
#define KSMBD_INI_H

#include <stddef.h>

struct ini_entry {
	char *key;		/* normalized */
	char *value;		/* trimmed, may be "" */
	unsigned int line;	/* first physical line of the entry */
};

struct ini_section {
	char *name;		/* as written, trimmed */
	unsigned int line;	/* line of the header, 0 for implicit */
	unsigned int last_line;	/* last physical line before the next header */
	struct ini_entry *e;
	size_t n, cap;
};

struct ini_doc {
	struct ini_section *s;
	size_t n, cap;
	unsigned int nlines;
};

/*
 * Parse buf (len bytes). On a syntax error returns -EINVAL and writes
 * "FILE:LINE: what" into err. Entries before the first header go to an
 * implicit "global" section.
 */
int ini_parse(struct ini_doc *d, const char *buf, size_t len,
	      const char *fname, char *err, size_t errlen);
void ini_free(struct ini_doc *d);
/* Case-insensitive lookup of a section. */
struct ini_section *ini_find(const struct ini_doc *d, const char *name);
/* Normalize a key into out (size outlen): lower case, single blanks. */
void ini_norm_key(const char *key, char *out, size_t outlen);

#endif
