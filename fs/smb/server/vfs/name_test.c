// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * KUnit: SMB name parsing and [MS-FSA] wildcard matching (vfs/name.h).
 */
#include <kunit/test.h>
#include <linux/nls.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "name.h"
#include "../ntstatus.h"

/* ASCII/UTF-8 literal -> UTF-16LE in buf; returns the length in bytes. */
static u32 to_le16(const char *s, __le16 *buf, int max)
{
	int n = utf8s_to_utf16s(s, strlen(s), UTF16_LITTLE_ENDIAN,
				(wchar_t *)buf, max);

	return n < 0 ? 0 : n * 2;
}

struct name_case {
	const char *in;
	__le32 status;
	const char *path;
	const char *stream;
	bool trailing;
};

static const struct name_case name_cases[] = {
	{ "", STATUS_SUCCESS, "", NULL, false },
	{ "a.txt", STATUS_SUCCESS, "a.txt", NULL, false },
	{ "dir\\sub\\f", STATUS_SUCCESS, "dir/sub/f", NULL, false },
	{ "dir\\", STATUS_SUCCESS, "dir", NULL, true },
	{ "\xc3\xa9t\xc3\xa9\\\xe6\x97\xa5", STATUS_SUCCESS,
	  "\xc3\xa9t\xc3\xa9/\xe6\x97\xa5", NULL, false },
	{ "f:str", STATUS_SUCCESS, "f", "str", false },
	{ "d\\f:str:$DATA", STATUS_SUCCESS, "d/f", "str", false },
	{ "f:str:$data", STATUS_SUCCESS, "f", "str", false },
	{ "f::$DATA", STATUS_SUCCESS, "f", NULL, false },
	{ "::$DATA", STATUS_SUCCESS, "", NULL, false },
	{ "f:a\x01b", STATUS_SUCCESS, "f", "a\x01b", false },
	{ "f:a*?<", STATUS_SUCCESS, "f", "a*?<", false },
	{ "f:a\\b", STATUS_OBJECT_NAME_INVALID },
	{ "f:str:$INDEX_ALLOCATION", STATUS_OBJECT_NAME_INVALID },
	{ "f:", STATUS_OBJECT_NAME_INVALID },
	{ "f:a:b:$DATA", STATUS_OBJECT_NAME_INVALID },
	{ "d:s\\f", STATUS_OBJECT_NAME_INVALID },
	{ "\\a", STATUS_INVALID_PARAMETER },
	{ "a\\\\b", STATUS_OBJECT_NAME_INVALID },
	{ "a\\\\", STATUS_OBJECT_NAME_INVALID },
	{ "..", STATUS_OBJECT_PATH_SYNTAX_BAD },
	{ "a\\..\\..\\etc", STATUS_OBJECT_PATH_SYNTAX_BAD },
	{ "..\\a", STATUS_OBJECT_PATH_SYNTAX_BAD },
	{ "a\\..\\..", STATUS_OBJECT_PATH_SYNTAX_BAD },
	{ "a\\b\\..\\..\\..\\c", STATUS_OBJECT_PATH_SYNTAX_BAD },
	{ "d\\zqy\\..", STATUS_SUCCESS, "d", NULL, false },
	{ "d\\zqy\\..\\", STATUS_SUCCESS, "d", NULL, true },
	{ "a\\..", STATUS_SUCCESS, "", NULL, false },
	{ "a\\b\\..\\..\\c", STATUS_SUCCESS, "c", NULL, false },
	{ "\xc3\xa9t\xc3\xa9\\x\\..\\f:s", STATUS_SUCCESS, "\xc3\xa9t\xc3\xa9/f",
	  "s", false },
	{ "a\\..:s", STATUS_OBJECT_NAME_INVALID },
	{ "a\\..::$DATA", STATUS_OBJECT_NAME_INVALID },
	{ "a\\.", STATUS_OBJECT_NAME_INVALID },
	{ ".\\a", STATUS_OBJECT_NAME_INVALID },
	{ "...", STATUS_SUCCESS, "...", NULL, false },
	{ ".hidden", STATUS_SUCCESS, ".hidden", NULL, false },
	{ "a/b", STATUS_OBJECT_NAME_INVALID },
	{ "a*", STATUS_OBJECT_NAME_INVALID },
	{ "a?", STATUS_OBJECT_NAME_INVALID },
	{ "a|b", STATUS_OBJECT_NAME_INVALID },
	{ "a<b", STATUS_OBJECT_NAME_INVALID },
	{ "a>b", STATUS_OBJECT_NAME_INVALID },
	{ "a\"b", STATUS_OBJECT_NAME_INVALID },
	{ "a\tb", STATUS_OBJECT_NAME_INVALID },
};

static void name_parse_cases(struct kunit *test)
{
	__le16 *buf = kunit_kzalloc(test, 1024, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(name_cases); i++) {
		const struct name_case *c = &name_cases[i];
		struct ksmbd_name n;
		u32 len = to_le16(c->in, buf, 512);
		__le32 st = ksmbd_name_parse(buf, len, true, &n);

		KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu(st),
				    le32_to_cpu(c->status), "%s", c->in);
		if (st || c->status)
			continue;
		KUNIT_EXPECT_STREQ_MSG(test, n.path, c->path, "%s", c->in);
		if (c->stream)
			KUNIT_EXPECT_STREQ_MSG(test, n.stream, c->stream,
					       "%s", c->in);
		else
			KUNIT_EXPECT_NULL_MSG(test, n.stream, "%s", c->in);
		KUNIT_EXPECT_EQ_MSG(test, n.trailing_sep, c->trailing,
				    "%s", c->in);
		ksmbd_name_free(&n);
	}
}

/* stream_sep tells "f::$DATA" and ":s" (a stream rename's target) apart */
static void name_parse_stream_sep(struct kunit *test)
{
	static const struct {
		const char *in;
		const char *path;
		const char *stream;
		bool sep;
	} c[] = {
		{ "f", "f", NULL, false },
		{ "f::$DATA", "f", NULL, true },
		{ "::$DATA", "", NULL, true },
		{ ":s", "", "s", true },
		{ ":s:$DATA", "", "s", true },
		{ "d\\f:s", "d/f", "s", true },
	};
	__le16 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct ksmbd_name n;
		u32 len = to_le16(c[i].in, buf, 128);

		KUNIT_ASSERT_EQ_MSG(test,
				    le32_to_cpu(ksmbd_name_parse(buf, len, true,
								 &n)),
				    0u, "%s", c[i].in);
		KUNIT_EXPECT_STREQ_MSG(test, n.path, c[i].path, "%s", c[i].in);
		if (c[i].stream)
			KUNIT_EXPECT_STREQ_MSG(test, n.stream, c[i].stream,
					       "%s", c[i].in);
		else
			KUNIT_EXPECT_NULL_MSG(test, n.stream, "%s", c[i].in);
		KUNIT_EXPECT_EQ_MSG(test, n.stream_sep, c[i].sep, "%s",
				    c[i].in);
		ksmbd_name_free(&n);
	}
}

/* the status in CPU order, for KUNIT_EXPECT_EQ */
static u32 parse_st(const __le16 *name, u32 len, bool allow_stream,
		    struct ksmbd_name *n)
{
	return le32_to_cpu(ksmbd_name_parse(name, len, allow_stream, n));
}

static void name_parse_raw(struct kunit *test)
{
	__le16 nul[] = { cpu_to_le16('a'), 0, cpu_to_le16('b') };
	__le16 lone_hi[] = { cpu_to_le16('a'), cpu_to_le16(0xd800) };
	__le16 lone_lo[] = { cpu_to_le16(0xdc00), cpu_to_le16('a') };
	__le16 pair[] = { cpu_to_le16(0xd83d), cpu_to_le16(0xde00) };
	struct ksmbd_name n;

	/* embedded NUL */
	KUNIT_EXPECT_EQ(test, parse_st(nul, sizeof(nul), true, &n),
			le32_to_cpu(STATUS_OBJECT_NAME_INVALID));
	/* odd byte length */
	KUNIT_EXPECT_EQ(test, parse_st(nul, 3, true, &n),
			le32_to_cpu(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_EQ(test, parse_st(lone_hi, sizeof(lone_hi), true, &n),
			le32_to_cpu(STATUS_OBJECT_NAME_INVALID));
	KUNIT_EXPECT_EQ(test, parse_st(lone_lo, sizeof(lone_lo), true, &n),
			le32_to_cpu(STATUS_OBJECT_NAME_INVALID));
	/* U+1F600 as a surrogate pair -> 4 UTF-8 bytes */
	KUNIT_ASSERT_EQ(test, parse_st(pair, sizeof(pair), true, &n),
			le32_to_cpu(STATUS_SUCCESS));
	KUNIT_EXPECT_STREQ(test, n.path, "\xf0\x9f\x98\x80");
	ksmbd_name_free(&n);
	/* stream not allowed where the caller says so */
	{
		__le16 s[] = { cpu_to_le16('f'), cpu_to_le16(':'),
			       cpu_to_le16('x') };

		KUNIT_EXPECT_EQ(test, parse_st(s, sizeof(s), false, &n),
				le32_to_cpu(STATUS_OBJECT_NAME_INVALID));
	}
}

static void name_parse_lengths(struct kunit *test)
{
	__le16 *buf = kunit_kzalloc(test, 2 * 600, GFP_KERNEL);
	struct ksmbd_name n;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 256; i++)
		buf[i] = cpu_to_le16('x');
	/* 255 units: fine; 256: too long */
	KUNIT_ASSERT_EQ(test, parse_st(buf, 255 * 2, true, &n),
			le32_to_cpu(STATUS_SUCCESS));
	KUNIT_EXPECT_EQ(test, strlen(n.path), (size_t)255);
	ksmbd_name_free(&n);
	KUNIT_EXPECT_EQ(test, parse_st(buf, 256 * 2, true, &n),
			le32_to_cpu(STATUS_NAME_TOO_LONG));
	/* path longer than the limit */
	KUNIT_EXPECT_EQ(test, parse_st(buf, (KSMBD_NAME_PATH_MAX + 1)
					       * 2, true, &n),
			le32_to_cpu(STATUS_NAME_TOO_LONG));
}

static u16 *u16s(struct kunit *test, const char *s, unsigned int *len)
{
	u16 *b = kunit_kzalloc(test, 2 * (strlen(s) + 1), GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, b);
	n = ksmbd_name_to_utf16(s, strlen(s), b, strlen(s) + 1);
	KUNIT_ASSERT_GE(test, n, 0);
	*len = n;
	return b;
}

struct wc_case {
	const char *pat, *name;
	bool match;
};

static const struct wc_case wc_cases[] = {
	{ "*", "anything.txt", true },
	{ "*", "", true },
	{ "*.txt", "a.txt", true },
	{ "*.txt", "a.TXT", true },
	{ "*.txt", "a.txt.bak", false },
	{ "a?c", "abc", true },
	{ "a?c", "ac", false },
	{ "ABC", "abc", true },
	{ "abc", "abd", false },
	{ "\xc3\xa9*", "\xc3\x89t\xc3\xa9", true },	/* é* vs Été */
	/* DOS_STAR '<': up to the final dot */
	{ "<.txt", "a.b.txt", true },
	{ "<.b", "a.b.txt", false },
	{ "<", "a.b", false },	/* stops before the final dot */
	{ "<", "ab", true },
	{ "<.b", "x.y.b", true },
	{ "a<", "abc", true },
	/* DOS_QM '>': one char, or nothing at a '.' / the end */
	{ "a>>>", "a", true },
	{ "a>>>", "abcd", true },
	{ "a>>>", "abcde", false },
	{ "a>>.txt", "a.txt", true },
	{ "a>>.txt", "abc.txt", true },
	{ "a>>.txt", "abcd.txt", false },
	{ ">", ".", false },
	/* DOS_DOT '"': a dot or nothing at the end */
	{ "a\"", "a", true },
	{ "a\"", "a.", true },
	{ "a\"b", "a.b", true },
	{ "a\"b", "ab", false },
	/* 8.3 "*.*" form as DOS sends it: <"* */
	{ "<\"*", "noext", true },
	{ "<\"*", "x.y.z", true },
	{ "*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false },
};

static void wildcard_cases(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(wc_cases); i++) {
		unsigned int pl, nl;
		u16 *p = u16s(test, wc_cases[i].pat, &pl);
		u16 *n = u16s(test, wc_cases[i].name, &nl);

		KUNIT_EXPECT_EQ_MSG(test, ksmbd_wildcard_match(p, pl, n, nl),
				    wc_cases[i].match, "'%s' vs '%s'",
				    wc_cases[i].pat, wc_cases[i].name);
	}
}

static void wildcard_bounds(struct kunit *test)
{
	u16 *p = kunit_kzalloc(test, 2 * 300, GFP_KERNEL);
	u16 *n = kunit_kzalloc(test, 2 * 300, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, n);
	/* worst case for backtracking matchers: 255 '*' and 255 'a' + 'b' */
	for (i = 0; i < 255; i++) {
		p[i] = '*';
		n[i] = 'a';
	}
	KUNIT_EXPECT_TRUE(test, ksmbd_wildcard_match(p, 255, n, 255));
	p[254] = 'b';
	KUNIT_EXPECT_FALSE(test, ksmbd_wildcard_match(p, 255, n, 255));
	/* longer than a component: never matches */
	KUNIT_EXPECT_FALSE(test, ksmbd_wildcard_match(p, 256, n, 255));
	KUNIT_EXPECT_TRUE(test, ksmbd_wildcard_has_wild(p, 1));
	n[0] = 'x';
	KUNIT_EXPECT_FALSE(test, ksmbd_wildcard_has_wild(n, 255));
}

static void name_upcase(struct kunit *test)
{
	u16 a[] = { 'a', 0xe9, 0x3b1, 0x430 }, b[] = { 'A', 0xc9, 0x391, 0x410 };

	KUNIT_EXPECT_TRUE(test, ksmbd_name_equal_ci(a, 4, b, 4));
	KUNIT_EXPECT_FALSE(test, ksmbd_name_equal_ci(a, 4, b, 3));
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0xf7), 0xf7);	/* division */
	KUNIT_EXPECT_EQ(test, ksmbd_upcase('1'), '1');
	/* fullwidth a / A (smbtorture smb2.charset "Testing wide-a") */
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0xff41), 0xff21);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0xff21), 0xff21);
	KUNIT_EXPECT_NE(test, ksmbd_upcase(0xff41), (u16)'A');
	/* Latin Extended-A: a with macron, l with stroke, z with caron */
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x101), 0x100);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x100), 0x100);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x142), 0x141);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x17e), 0x17d);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x138), 0x138);	/* kra */
	/* Armenian ayb, circled a, small Roman numeral one, a with ring below */
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x561), 0x531);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x24d0), 0x24b6);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x2170), 0x2160);
	KUNIT_EXPECT_EQ(test, ksmbd_upcase(0x1e01), 0x1e00);
}

/* ASCII literal -> UTF-16 in CPU order; returns the units. */
static unsigned int to_u16(const char *s, u16 *out)
{
	unsigned int i;

	for (i = 0; s[i]; i++)
		out[i] = (u8)s[i];
	return i;
}

static void name_8dot3_valid(struct kunit *test)
{
	static const struct {
		const char *in;
		bool ok;
	} c[] = {
		{ "FOO.TXT", true }, { "foo.txt", true }, { "A", true },
		{ "12345678.123", true }, { ".", true }, { "..", true },
		{ "123456789", false }, { "A.1234", false }, { "A.B.C", false },
		{ ".bashrc", false }, { "a b.txt", false }, { "a+b", false },
		{ "a[1]", false }, { "foo.", false }, { "", false },
		{ "torture_search.txt", false },
	};
	u16 u[32];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ksmbd_name_is_8dot3(u, to_u16(c[i].in, u)),
				    c[i].ok, "%s", c[i].in);
}

/* the generated name as ASCII (NUL-terminated) into buf */
static int short_ascii(const char *in, char *buf)
{
	u16 u[64], s[KSMBD_SHORT_NAME_MAX];
	int n = ksmbd_name_short(u, to_u16(in, u), s), i;

	for (i = 0; i < n; i++)
		buf[i] = s[i] < 0x80 ? s[i] : '#';
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void name_8dot3_mangle(struct kunit *test)
{
	static const char * const longs[] = {
		"torture_search.txt", ".bashrc", "a b c.html", "x.y.z",
		"...", "\xc3\xa9t\xc3\xa9.doc", "very long name without dot",
		"+++.+++", "trailing.dot.",
	};
	char a[16], b[16];
	unsigned int i;
	int n, j;

	for (i = 0; i < ARRAY_SIZE(longs); i++) {
		u16 u[64], s[KSMBD_SHORT_NAME_MAX];

		n = short_ascii(longs[i], a);
		KUNIT_EXPECT_GT_MSG(test, n, 0, "%s", longs[i]);
		KUNIT_EXPECT_LE_MSG(test, n, KSMBD_SHORT_NAME_MAX, "%s",
				    longs[i]);
		/* what it makes is a valid 8.3 name, and stable */
		n = ksmbd_name_short(u, to_u16(longs[i], u), s);
		KUNIT_EXPECT_TRUE_MSG(test, ksmbd_name_is_8dot3(s, n), "%s",
				      a);
		short_ascii(longs[i], b);
		KUNIT_EXPECT_STREQ(test, a, b);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strchr(a, '~'), "%s", a);
		for (j = 0; j < n; j++)
			KUNIT_EXPECT_FALSE_MSG(test, a[j] >= 'a' && a[j] <= 'z',
					       "%s", a);
	}

	short_ascii("torture_search.txt", a);
	KUNIT_EXPECT_EQ(test, strncmp(a, "TORT~", 5), 0);
	KUNIT_EXPECT_STREQ(test, a + 8, ".TXT");
	/* names equal but for case share their short name */
	short_ascii("TORTURE_SEARCH.TXT", b);
	KUNIT_EXPECT_STREQ(test, a, b);
	/* and names that differ get different ones (these do) */
	short_ascii("torture_search2.txt", b);
	KUNIT_EXPECT_STRNEQ(test, a, b);
	/* a leading dot is not an extension */
	short_ascii(".bashrc", a);
	KUNIT_EXPECT_EQ(test, strncmp(a, "BASH~", 5), 0);
	KUNIT_EXPECT_EQ(test, strlen(a), (size_t)8);
	/* invalid characters become '_', spaces go */
	short_ascii("a b+c.h t", a);
	KUNIT_EXPECT_EQ(test, strncmp(a, "AB_C~", 5), 0);
	KUNIT_EXPECT_STREQ(test, a + 8, ".HT");
	/* an 8.3 name has no other short name */
	KUNIT_EXPECT_EQ(test, short_ascii("FOO.TXT", a), 0);
	KUNIT_EXPECT_EQ(test, short_ascii("", a), 0);
}

static struct kunit_case ksmbd_vfs_name_cases[] = {
	KUNIT_CASE(name_parse_cases),
	KUNIT_CASE(name_parse_raw),
	KUNIT_CASE(name_parse_stream_sep),
	KUNIT_CASE(name_parse_lengths),
	KUNIT_CASE(name_upcase),
	KUNIT_CASE(name_8dot3_valid),
	KUNIT_CASE(name_8dot3_mangle),
	KUNIT_CASE(wildcard_cases),
	KUNIT_CASE(wildcard_bounds),
	{}
};

static struct kunit_suite ksmbd_vfs_name_suite = {
	.name = "ksmbd_vfs_name",
	.test_cases = ksmbd_vfs_name_cases,
};

kunit_test_suite(ksmbd_vfs_name_suite);
