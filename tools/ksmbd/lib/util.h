/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small helpers: string lists, value parsing, file I/O. No shared state. */
#ifndef KSMBD_UTIL_H
#define KSMBD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* A growable array of owned strings. */
struct strlist {
	char **v;
	size_t n, cap;
};

int strlist_add(struct strlist *l, const char *s);
int strlist_addn(struct strlist *l, const char *s, size_t len);
void strlist_free(struct strlist *l);
/* Case-insensitive membership. */
bool strlist_has(const struct strlist *l, const char *s);
/* Split on commas, tabs and spaces (ksmbd.conf list syntax), appending. */
int strlist_split(struct strlist *l, const char *s);

char *xstrdup(const char *s);	/* NULL only if s is NULL; aborts on ENOMEM */
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t sz);

/* Trim leading/trailing blanks in place, returns the start. */
char *strtrim(char *s);

/* yes/no/true/false/1/0/on/off; -1 if none. */
int parse_bool(const char *s);
/* Unsigned decimal (or octal with base 8), checked; -1 on error. */
int parse_uint(const char *s, int base, uint64_t max, uint64_t *out);
/* Size with an optional K/M/G suffix (powers of 1024), e.g. "4MB". */
int parse_size(const char *s, uint64_t max, uint64_t *out);

/* Read a whole file (NUL-terminated); NULL and errno on failure. */
char *read_file(const char *path, size_t *len);
/*
 * Replace path atomically: write a temporary file in the same directory with
 * the given mode, fsync, rename over path. Returns 0 or -errno.
 */
int write_file_atomic(const char *path, const void *data, size_t len,
		      unsigned int mode);
/* Take an exclusive flock on the directory holding path; fd or -errno. */
int lock_dir_of(const char *path);

#endif
