/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tiny unit test harness: CHECK() records a failure with file:line and
 * goes on; each test file lists its tests in a NULL-terminated table and
 * calls run_tests() from main().
 */
#ifndef KSMBD_RPC_TEST_HARNESS_H
#define KSMBD_RPC_TEST_HARNESS_H

#include <stdint.h>

struct test_case {
	const char *name;
	void (*fn)(void);
};

extern unsigned int test_checks;
extern unsigned int test_failures;

void test_fail(const char *file, int line, const char *expr);

#define CHECK(cond) do { \
	test_checks++; \
	if (!(cond)) \
		test_fail(__FILE__, __LINE__, #cond); \
} while (0)

#define CHECK_EQ(a, b) do { \
	unsigned long long _a = (a), _b = (b); \
	test_checks++; \
	if (_a != _b) { \
		char _m[256]; \
		snprintf(_m, sizeof(_m), "%s == %s (0x%llx != 0x%llx)", \
			 #a, #b, _a, _b); \
		test_fail(__FILE__, __LINE__, _m); \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *_a = (a), *_b = (b); \
	test_checks++; \
	if (!_a || !_b || strcmp(_a, _b)) { \
		char _m[512]; \
		snprintf(_m, sizeof(_m), "%s == \"%s\" (got \"%s\")", #a, \
			 _b ? _b : "(null)", _a ? _a : "(null)"); \
		test_fail(__FILE__, __LINE__, _m); \
	} \
} while (0)

int run_tests(const char *suite, const struct test_case *tests);

#endif
