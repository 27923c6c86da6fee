/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ksmbdpwd.db: one "user:base64(NT hash)" line per account. The NT hash is
 * MD4 of the UTF-16LE password ([MS-NLMP] 3.3.1). A struct userdb is owned by
 * its creator; mountd treats a loaded one as immutable and swaps it on
 * reload, adduser edits its private copy and writes it back.
 */
#ifndef KSMBD_USERDB_H
#define KSMBD_USERDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NT_HASH_SIZE	16
#define PASSWORD_MAX	129	/* bytes, with the NUL: [0, 129) */

struct user {
	char *name;
	uint8_t hash[NT_HASH_SIZE];
};

struct userdb {
	struct user *u;
	size_t n, cap;
};

/* NT hash of a UTF-8 password; -EINVAL if it is not valid UTF-8 or too long. */
int nt_hash(const char *password, uint8_t out[NT_HASH_SIZE]);

/* Valid account name: UTF-8, [1, 48) bytes, no ':' and no control chars. */
bool userdb_valid_name(const char *name);

/*
 * Parse a db text. Malformed lines are skipped with a warning naming
 * fname:line; the count of skipped lines is returned in *bad (may be NULL).
 */
void userdb_parse(struct userdb *db, const char *text, size_t len,
		  const char *fname, unsigned int *bad);
/* Load a file; a missing file is an empty db. 0 or -errno. */
int userdb_load(struct userdb *db, const char *path);
/* Serialize; caller frees. */
char *userdb_format(const struct userdb *db, size_t *len);
/* Atomic rewrite with mode 0600. 0 or -errno. */
int userdb_save(const struct userdb *db, const char *path);

/* Case-insensitive lookup. */
const struct user *userdb_find(const struct userdb *db, const char *name);
/* Add or replace; 0, or -EINVAL for a bad name. */
int userdb_set(struct userdb *db, const char *name,
	       const uint8_t hash[NT_HASH_SIZE]);
/* 0 or -ENOENT. */
int userdb_del(struct userdb *db, const char *name);
void userdb_free(struct userdb *db);

#endif
