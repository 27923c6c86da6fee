// SPDX-License-Identifier: GPL-2.0-or-later
/* `%' substitutions in ksmbd.conf values; see subst.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "subst.h"
#include "util.h"

#define SUBST_MAX	65536

/* The field of ctx for letter c; *known false if c is not a letter of ours. */
static const char *field(const struct subst_ctx *ctx, char c, bool *known)
{
	*known = true;
	switch (c) {
	case 'L':
	case 'N':
		return ctx->netbios_name;
	case 'D':
		return ctx->workgroup;
	case 'h':
		return ctx->host_name;
	case 'v':
		return ctx->version;
	case 'S':
		return ctx->share;
	case 'U':
	case 'u':
		return ctx->user;
	case 'G':
	case 'g':
		return ctx->group;
	case 'H':
		return ctx->home;
	case 'I':
		return ctx->client_addr;
	case 'm':
	case 'M':
		return ctx->client_name;
	case 'R':
		return ctx->protocol;
	default:
		*known = false;
		return NULL;
	}
}

int subst_expand(const char *in, const struct subst_ctx *ctx, char **out,
		 char *missing)
{
	size_t len = 0, cap = strlen(in) + 1;
	char *buf = xcalloc(1, cap);
	const char *p;

	for (p = in; *p; p++) {
		const char *add = p;
		size_t n = 1;

		if (p[0] == '%' && p[1] == '%') {
			p++;
		} else if (p[0] == '%' && p[1]) {
			bool known;
			const char *v = field(ctx, p[1], &known);

			if (known) {
				if (!v) {
					if (missing)
						*missing = p[1];
					free(buf);
					*out = NULL;
					return -ENOENT;
				}
				add = v;
				n = strlen(v);
				p++;
			}
		}
		if (len + n + 1 > SUBST_MAX) {
			free(buf);
			*out = NULL;
			return -E2BIG;
		}
		if (len + n + 1 > cap) {
			cap = 2 * (len + n + 1);
			buf = xrealloc(buf, cap);
		}
		memcpy(buf + len, add, n);
		len += n;
	}
	buf[len] = '\0';
	*out = buf;
	return 0;
}

bool subst_uses(const char *s, const char *letters)
{
	for (; *s; s++) {
		if (s[0] != '%' || !s[1])
			continue;
		if (s[1] != '%' && strchr(letters, s[1]))
			return true;
		s++;	/* skip the letter, so "%%U" is "%" then "U" */
	}
	return false;
}
