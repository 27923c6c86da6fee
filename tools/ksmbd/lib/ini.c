// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ini.h"
#include "unicode.h"
#include "util.h"

void ini_norm_key(const char *key, char *out, size_t outlen)
{
	size_t o = 0;
	bool blank = false;

	if (!outlen)
		return;
	for (; *key; key++) {
		unsigned char c = (unsigned char)*key;

		if (c == ' ' || c == '\t') {
			blank = o > 0;
			continue;
		}
		if (blank && o + 1 < outlen)
			out[o++] = ' ';
		blank = false;
		if (o + 1 < outlen)
			out[o++] = (char)tolower(c);
	}
	out[o] = '\0';
}

static struct ini_section *add_section(struct ini_doc *d, const char *name,
				       unsigned int line)
{
	struct ini_section *s;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 8;
		d->s = xrealloc(d->s, d->cap * sizeof(*d->s));
	}
	s = &d->s[d->n++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->line = line;
	s->last_line = line;
	return s;
}

static void add_entry(struct ini_section *s, const char *key,
		      const char *value, unsigned int line)
{
	struct ini_entry *e;
	size_t klen = strlen(key) + 1;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->e = xrealloc(s->e, s->cap * sizeof(*s->e));
	}
	e = &s->e[s->n++];
	e->key = xcalloc(1, klen);
	ini_norm_key(key, e->key, klen);
	e->value = xstrdup(value);
	e->line = line;
}

/* Cut a comment: ';' or '#' start one anywhere on a line. */
static void strip_comment(char *s)
{
	s[strcspn(s, ";#")] = '\0';
}

static int parse_line(struct ini_doc *d, struct ini_section **cur, char *text,
		      unsigned int line, const char *fname, char *err,
		      size_t errlen)
{
	char *s, *eq;

	strip_comment(text);
	s = strtrim(text);
	if (!*s)
		return 0;
	if (*s == '[') {
		char *end = strchr(s, ']');

		if (!end || strtrim(end + 1)[0]) {
			snprintf(err, errlen, "%s:%u: malformed section header",
				 fname, line);
			return -EINVAL;
		}
		*end = '\0';
		s = strtrim(s + 1);
		if (!*s) {
			snprintf(err, errlen, "%s:%u: empty section name",
				 fname, line);
			return -EINVAL;
		}
		*cur = ini_find(d, s);
		if (!*cur)
			*cur = add_section(d, s, line);
		return 0;
	}
	eq = strchr(s, '=');
	if (!eq) {
		snprintf(err, errlen, "%s:%u: expected `key = value'", fname,
			 line);
		return -EINVAL;
	}
	*eq = '\0';
	if (!*strtrim(s)) {
		snprintf(err, errlen, "%s:%u: missing parameter name", fname,
			 line);
		return -EINVAL;
	}
	if (!*cur)
		*cur = add_section(d, "global", 0);
	add_entry(*cur, strtrim(s), strtrim(eq + 1), line);
	return 0;
}

int ini_parse(struct ini_doc *d, const char *buf, size_t len,
	      const char *fname, char *err, size_t errlen)
{
	struct ini_section *cur = NULL;
	char *logical = NULL;
	size_t llen = 0, pos = 0;
	unsigned int line = 0, start = 0;
	int ret = 0;

	memset(d, 0, sizeof(*d));
	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "%s: contains a NUL byte", fname);
		return -EINVAL;
	}
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t raw = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		size_t n = raw;
		bool cont;

		line++;
		if (!utf8_valid(buf + pos, n)) {
			snprintf(err, errlen, "%s:%u: invalid UTF-8", fname,
				 line);
			ret = -EINVAL;
			break;
		}
		if (!llen)
			start = line;
		/* drop a CR before the newline */
		if (n && buf[pos + n - 1] == '\r')
			n--;
		cont = n && buf[pos + n - 1] == '\\';
		logical = xrealloc(logical, llen + n + 1);
		memcpy(logical + llen, buf + pos, n - cont);
		llen += n - cont;
		logical[llen] = '\0';
		pos += raw + (nl ? 1 : 0);
		if (cont && pos < len)
			continue;
		ret = parse_line(d, &cur, logical, start, fname, err, errlen);
		llen = 0;
		if (ret)
			break;
		if (cur)
			cur->last_line = line;
	}
	free(logical);
	d->nlines = line;
	if (ret)
		ini_free(d);
	return ret;
}

void ini_free(struct ini_doc *d)
{
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		for (j = 0; j < d->s[i].n; j++) {
			free(d->s[i].e[j].key);
			free(d->s[i].e[j].value);
		}
		free(d->s[i].e);
		free(d->s[i].name);
	}
	free(d->s);
	memset(d, 0, sizeof(*d));
}

struct ini_section *ini_find(const struct ini_doc *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (!strcasecmp(d->s[i].name, name))
			return &d->s[i];
	return NULL;
}
