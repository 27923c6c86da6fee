// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "log.h"
#include "md4.h"
#include "unicode.h"
#include "userdb.h"
#include "util.h"

int nt_hash(const char *password, uint8_t out[NT_HASH_SIZE])
{
	uint8_t u16[4 * PASSWORD_MAX];
	size_t len = strlen(password);
	long n;

	if (len >= PASSWORD_MAX)
		return -EINVAL;
	n = utf8_to_utf16le(password, len, u16, sizeof(u16));
	if (n < 0)
		return -EINVAL;
	md4(u16, (size_t)n, out);
	memset(u16, 0, sizeof(u16));
	return 0;
}

bool userdb_valid_name(const char *name)
{
	size_t len = strlen(name);
	const unsigned char *p;

	if (!len || len >= 48 || !utf8_valid(name, len))
		return false;
	for (p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == ':' || *p == 0x7f)
			return false;
	return true;
}

const struct user *userdb_find(const struct userdb *db, const char *name)
{
	size_t i;

	for (i = 0; i < db->n; i++)
		if (!strcasecmp(db->u[i].name, name))
			return &db->u[i];
	return NULL;
}

int userdb_set(struct userdb *db, const char *name,
	       const uint8_t hash[NT_HASH_SIZE])
{
	struct user *u = (struct user *)userdb_find(db, name);

	if (!userdb_valid_name(name))
		return -EINVAL;
	if (!u) {
		if (db->n == db->cap) {
			db->cap = db->cap ? 2 * db->cap : 8;
			db->u = xrealloc(db->u, db->cap * sizeof(*db->u));
		}
		u = &db->u[db->n++];
		u->name = xstrdup(name);
	}
	memcpy(u->hash, hash, NT_HASH_SIZE);
	return 0;
}

int userdb_del(struct userdb *db, const char *name)
{
	struct user *u = (struct user *)userdb_find(db, name);

	if (!u)
		return -ENOENT;
	free(u->name);
	memmove(u, u + 1, (size_t)(db->u + db->n - (u + 1)) * sizeof(*u));
	db->n--;
	return 0;
}

void userdb_free(struct userdb *db)
{
	size_t i;

	for (i = 0; i < db->n; i++)
		free(db->u[i].name);
	free(db->u);
	memset(db, 0, sizeof(*db));
}

void userdb_parse(struct userdb *db, const char *text, size_t len,
		  const char *fname, unsigned int *bad)
{
	unsigned int line = 0, nbad = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		char buf[512], *colon, *h;
		uint8_t hash[NT_HASH_SIZE + 2];
		long hl;

		line++;
		if (n < sizeof(buf)) {
			memcpy(buf, text + pos, n);
			buf[n] = '\0';
		}
		pos += n + (nl ? 1 : 0);
		if (n >= sizeof(buf)) {
			pr_warn("%s:%u: line too long, skipped", fname, line);
			nbad++;
			continue;
		}
		h = strtrim(buf);
		if (!*h)
			continue;
		colon = strrchr(h, ':');
		if (!colon) {
			pr_warn("%s:%u: no `:', skipped", fname, line);
			nbad++;
			continue;
		}
		*colon = '\0';
		hl = base64_decode(colon + 1, strlen(colon + 1), hash,
				   sizeof(hash));
		if (hl != NT_HASH_SIZE || !userdb_valid_name(h) ||
		    strchr(h, ':')) {
			pr_warn("%s:%u: malformed entry, skipped", fname, line);
			nbad++;
			continue;
		}
		if (userdb_find(db, h))
			pr_warn("%s:%u: duplicate user `%s', last one wins",
				fname, line, h);
		userdb_set(db, h, hash);
	}
	if (bad)
		*bad = nbad;
}

int userdb_load(struct userdb *db, const char *path)
{
	size_t len = 0;
	char *text;

	memset(db, 0, sizeof(*db));
	text = read_file(path, &len);
	if (!text)
		return errno == ENOENT ? 0 : -errno;
	userdb_parse(db, text, len, path, NULL);
	free(text);
	return 0;
}

char *userdb_format(const struct userdb *db, size_t *len)
{
	size_t i, cap = 1, o = 0;
	char *out;

	for (i = 0; i < db->n; i++)
		cap += strlen(db->u[i].name) + 1 + BASE64_ENC_SIZE(NT_HASH_SIZE) + 1;
	out = xcalloc(1, cap);
	for (i = 0; i < db->n; i++) {
		char b64[BASE64_ENC_SIZE(NT_HASH_SIZE)];

		base64_encode(db->u[i].hash, NT_HASH_SIZE, b64);
		o += (size_t)snprintf(out + o, cap - o, "%s:%s\n",
				      db->u[i].name, b64);
	}
	*len = o;
	return out;
}

int userdb_save(const struct userdb *db, const char *path)
{
	size_t len;
	char *text = userdb_format(db, &len);
	int ret = write_file_atomic(path, text, len, 0600);

	free(text);
	return ret;
}
