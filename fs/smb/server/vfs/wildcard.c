// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * [MS-FSA] 2.1.4.4 name matching with the DOS wildcards, run as a
 * simulation of the pattern's automaton: one bitmap of live pattern
 * positions per name character, so the worst case is plen * nlen steps and
 * no recursion (see vfs/name.h).
 */
#include <linux/bitmap.h>
#include <linux/string.h>

#include "name.h"

#define DOS_STAR	'<'
#define DOS_QM		'>'
#define DOS_DOT		'"'

bool ksmbd_wildcard_has_wild(const u16 *pat, unsigned int plen)
{
	unsigned int i;

	for (i = 0; i < plen; i++)
		if (pat[i] == '*' || pat[i] == '?' || pat[i] == DOS_STAR ||
		    pat[i] == DOS_QM || pat[i] == DOS_DOT)
			return true;
	return false;
}

/*
 * Epsilon moves, given the character at the current name position (c) or
 * the end of the name (at_end). Moves only go forward, so one ascending
 * pass computes the closure.
 */
static void closure(unsigned long *st, const u16 *pat, unsigned int plen,
		    u16 c, bool at_end)
{
	unsigned int p;

	for (p = 0; p < plen; p++) {
		if (!test_bit(p, st))
			continue;
		switch (pat[p]) {
		case '*':
		case DOS_STAR:
			set_bit(p + 1, st);
			break;
		case DOS_QM:
			if (at_end || c == '.')
				set_bit(p + 1, st);
			break;
		case DOS_DOT:
			if (at_end)
				set_bit(p + 1, st);
			break;
		}
	}
}

bool ksmbd_wildcard_match(const u16 *pat, unsigned int plen, const u16 *name,
			  unsigned int nlen)
{
	DECLARE_BITMAP(cur, KSMBD_NAME_COMPONENT_MAX + 1);
	DECLARE_BITMAP(next, KSMBD_NAME_COMPONENT_MAX + 1);
	unsigned int i, p, lastdot = nlen;

	if (plen > KSMBD_NAME_COMPONENT_MAX)
		return false;
	for (i = 0; i < nlen; i++)
		if (name[i] == '.')
			lastdot = i;

	bitmap_zero(cur, plen + 1);
	set_bit(0, cur);
	for (i = 0; i < nlen; i++) {
		u16 c = name[i];

		closure(cur, pat, plen, c, false);
		bitmap_zero(next, plen + 1);
		for (p = 0; p < plen; p++) {
			if (!test_bit(p, cur))
				continue;
			switch (pat[p]) {
			case '*':
				set_bit(p, next);
				break;
			case DOS_STAR:
				/* anything up to, not including, the last '.' */
				if (!(c == '.' && i == lastdot))
					set_bit(p, next);
				break;
			case DOS_QM:
				if (c != '.')
					set_bit(p + 1, next);
				break;
			case DOS_DOT:
				if (c == '.')
					set_bit(p + 1, next);
				break;
			case '?':
				set_bit(p + 1, next);
				break;
			default:
				if (ksmbd_upcase(pat[p]) == ksmbd_upcase(c))
					set_bit(p + 1, next);
				break;
			}
		}
		bitmap_copy(cur, next, plen + 1);
		if (bitmap_empty(cur, plen + 1))
			return false;
	}
	closure(cur, pat, plen, 0, true);
	return test_bit(plen, cur);
}
