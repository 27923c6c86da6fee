/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `%' substitutions in ksmbd.conf values (the smb.conf(5) letters listed in
 * ksmbd.conf(5)). A struct subst_ctx says what is known where a value is
 * used; a NULL field is not known there, and a value that needs it cannot be
 * expanded at that place (subst_expand() fails with -ENOENT and names the
 * letter). No shared state; callers own all strings.
 *
 *   %%  a percent sign          %S  the share (section) name
 *   %L  server NetBIOS name     %N  the same (no NIS home servers)
 *   %D  workgroup               %h  the server's host name
 *   %v  ksmbd-tools version     %U, %u  the session user
 *   %G, %g  primary group of the user   %H  home directory of the user
 *   %I  client IP address       %m, %M  client machine name
 *   %R  negotiated protocol
 *
 * A `%' before any other character, or at the end, stays as written.
 */
#ifndef KSMBD_SUBST_H
#define KSMBD_SUBST_H

#include <stdbool.h>

struct subst_ctx {
	const char *netbios_name;	/* %L %N */
	const char *workgroup;		/* %D */
	const char *host_name;		/* %h */
	const char *version;		/* %v */
	const char *share;		/* %S */
	const char *user;		/* %U %u */
	const char *group;		/* %G %g */
	const char *home;		/* %H */
	const char *client_addr;	/* %I */
	const char *client_name;	/* %m %M */
	const char *protocol;		/* %R */
};

/* The letters that need a user or a client (not known per share). */
#define SUBST_SESSION_LETTERS	"UuGgHImMR"

/*
 * Expand in into *out (malloc'ed). Returns 0; -ENOENT when in uses a letter
 * whose field in ctx is NULL (*missing set to it, *out NULL); -E2BIG when the
 * result would exceed 64 KiB.
 */
int subst_expand(const char *in, const struct subst_ctx *ctx, char **out,
		 char *missing);

/* Does s use one of letters as a substitution (`%%' does not count)? */
bool subst_uses(const char *s, const char *letters);

#endif
