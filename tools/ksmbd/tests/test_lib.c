// SPDX-License-Identifier: GPL-2.0-or-later
/* MD4 (RFC 1320 A.5), NT hash ([MS-NLMP] 4.2.2.1.2), base64 (RFC 4648 10),
 * UTF-8 -> UTF-16LE, value parsers and the user database. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base64.h"
#include "harness.h"
#include "log.h"
#include "md4.h"
#include "unicode.h"
#include "userdb.h"
#include "util.h"

static void test_md4_rfc1320(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "31d6cfe0d16ae931b73c59d7e0c089c0" },
		{ "a", "bde52cb31de33e46245e05fbdbd6fb24" },
		{ "abc", "a448017aaf21d8525fc10ae87aa6729d" },
		{ "message digest", "d9130a8164549fe818874806e1c7014b" },
		{ "abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9" },
		{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
		  "043f8582f241db351ce627e153e7f0e4" },
		{ "1234567890123456789012345678901234567890123456789012345678901234"
		  "5678901234567890", "e33b4ddc9c38f2199c3e7b164fcc0536" },
	};
	unsigned char d[16];
	char h[33];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		md4(v[i].in, strlen(v[i].in), d);
		hex(d, 16, h);
		CHECK_STR(h, v[i].out);
	}
	/* incremental updates across block boundaries give the same digest */
	{
		struct md4_ctx c;
		const char *s = v[6].in;

		md4_init(&c);
		for (i = 0; s[i]; i++)
			md4_update(&c, s + i, 1);
		md4_final(&c, d);
		hex(d, 16, h);
		CHECK_STR(h, v[6].out);
	}
}

static void test_nt_hash(void)
{
	unsigned char d[16];
	char h[33], b[BASE64_ENC_SIZE(16)];
	char longpw[200];

	CHECK(nt_hash("Password", d) == 0);
	hex(d, 16, h);
	CHECK_STR(h, "a4f49c406510bdcab6824ee7c30fd852");
	base64_encode(d, 16, b);
	CHECK_STR(b, "pPScQGUQvcq2gk7nww/YUg==");	/* as ksmbd-tools writes it */
	CHECK(nt_hash("", d) == 0);
	hex(d, 16, h);
	CHECK_STR(h, "31d6cfe0d16ae931b73c59d7e0c089c0");
	CHECK(nt_hash("\xff", d) == -EINVAL);
	memset(longpw, 'x', sizeof(longpw) - 1);
	longpw[sizeof(longpw) - 1] = '\0';
	CHECK(nt_hash(longpw, d) == -EINVAL);
	longpw[129] = '\0';		/* [0, 129) bytes */
	CHECK(nt_hash(longpw, d) == -EINVAL);
	longpw[128] = '\0';
	CHECK(nt_hash(longpw, d) == 0);
}

static void test_base64(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
	};
	char enc[32];
	uint8_t dec[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		long n;

		base64_encode((const uint8_t *)v[i].in, strlen(v[i].in), enc);
		CHECK_STR(enc, v[i].out);
		n = base64_decode(v[i].out, strlen(v[i].out), dec, sizeof(dec));
		CHECK(n == (long)strlen(v[i].in));
		CHECK(n >= 0 && !memcmp(dec, v[i].in, (size_t)n));
	}
	CHECK(base64_decode("Zm9", 3, dec, sizeof(dec)) < 0);
	CHECK(base64_decode("Z=9v", 4, dec, sizeof(dec)) < 0);
	CHECK(base64_decode("Zm9v====", 8, dec, sizeof(dec)) < 0);
	CHECK(base64_decode("Zm*v", 4, dec, sizeof(dec)) < 0);
	CHECK(base64_decode("Zm9vYmFy", 8, dec, 5) < 0);
}

static void test_utf16(void)
{
	uint8_t o[16];

	CHECK(utf8_to_utf16le("A\xc3\xa9", 3, o, sizeof(o)) == 4);
	CHECK(o[0] == 'A' && o[1] == 0 && o[2] == 0xe9 && o[3] == 0);
	/* U+1F600 -> D83D DE00 */
	CHECK(utf8_to_utf16le("\xf0\x9f\x98\x80", 4, o, sizeof(o)) == 4);
	CHECK(o[0] == 0x3d && o[1] == 0xd8 && o[2] == 0x00 && o[3] == 0xde);
	CHECK(utf8_to_utf16le("\xc0\x80", 2, o, sizeof(o)) < 0);	/* overlong */
	CHECK(utf8_to_utf16le("\xed\xa0\x80", 3, o, sizeof(o)) < 0);	/* surrogate */
	CHECK(utf8_to_utf16le("\xe2\x82", 2, o, sizeof(o)) < 0);	/* truncated */
	CHECK(utf8_to_utf16le("abc", 3, o, 4) < 0);			/* no room */
}

static void test_parsers(void)
{
	uint64_t v;

	CHECK(parse_bool("Yes") == 1 && parse_bool("FALSE") == 0 &&
	      parse_bool("1") == 1 && parse_bool("maybe") == -1);
	CHECK(parse_size("4MB", UINT32_MAX, &v) == 0 && v == 4u << 20);
	CHECK(parse_size("64k", UINT32_MAX, &v) == 0 && v == 65536);
	CHECK(parse_size("5G", UINT32_MAX, &v) == -1);
	CHECK(parse_size("12x", UINT32_MAX, &v) == -1);
	CHECK(parse_uint("0755", 8, 07777, &v) == 0 && v == 0755);
	CHECK(parse_uint("0855", 8, 07777, &v) == -1);
	CHECK(parse_uint("-1", 10, 100, &v) == -1);
	CHECK(parse_uint("101", 10, 100, &v) == -1);
	{
		struct strlist l = { 0 };

		strlist_split(&l, " alice, bob\t@staff,,carol ");
		CHECK(l.n == 4);
		CHECK(l.n == 4 && !strcmp(l.v[2], "@staff"));
		CHECK(strlist_has(&l, "BOB"));
		CHECK(!strlist_has(&l, "dave"));
		strlist_free(&l);
	}
}

static void test_userdb(void)
{
	static const char text[] =
		"alice:h42AFGBs2ilnekTvoTU/xw==\n"
		"\n"
		"broken line\n"
		"bob:pPScQGUQvcq2gk7nww/YUg==\n"
		"carol:tooshort==\n"
		"dave:pPScQGUQvcq2gk7nww/YUg==";
	char dir[] = "/tmp/ksmbd-test-XXXXXX", path[64];
	struct userdb db = { 0 }, db2 = { 0 };
	uint8_t h[16];
	unsigned int bad;
	struct stat st;
	char *out;
	size_t len;

	userdb_parse(&db, text, sizeof(text) - 1, "t.db", &bad);
	CHECK(bad == 2);
	CHECK(db.n == 3);
	CHECK(userdb_find(&db, "BOB") != NULL);
	nt_hash("Password", h);
	CHECK(userdb_find(&db, "bob") && !memcmp(userdb_find(&db, "bob")->hash, h, 16));
	nt_hash("secret", h);
	CHECK(userdb_find(&db, "alice") && !memcmp(userdb_find(&db, "alice")->hash, h, 16));
	CHECK(userdb_set(&db, "a:b", h) == -EINVAL);
	CHECK(userdb_set(&db, "", h) == -EINVAL);
	CHECK(userdb_set(&db, "eve", h) == 0 && db.n == 4);
	CHECK(userdb_set(&db, "EVE", h) == 0 && db.n == 4);
	CHECK(userdb_del(&db, "bob") == 0 && db.n == 3);
	CHECK(userdb_del(&db, "bob") == -ENOENT);
	out = userdb_format(&db, &len);
	CHECK_STR(out, "alice:h42AFGBs2ilnekTvoTU/xw==\n"
		       "dave:pPScQGUQvcq2gk7nww/YUg==\n"
		       "eve:h42AFGBs2ilnekTvoTU/xw==\n");
	free(out);

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/pwd.db", dir);
	CHECK(userdb_save(&db, path) == 0);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(userdb_load(&db2, path) == 0 && db2.n == 3);
	userdb_free(&db2);
	unlink(path);
	CHECK(userdb_load(&db2, path) == 0 && db2.n == 0);	/* missing: empty */
	rmdir(dir);
	userdb_free(&db);
}

int main(void)
{
	log_init("test_lib", false);
	RUN(test_md4_rfc1320);
	RUN(test_nt_hash);
	RUN(test_base64);
	RUN(test_utf16);
	RUN(test_parsers);
	RUN(test_userdb);
	return t_report("test_lib");
}
