// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>

#include "harness.h"

unsigned int test_checks;
unsigned int test_failures;
static const char *current;

void test_fail(const char *file, int line, const char *expr)
{
	test_failures++;
	fprintf(stderr, "FAIL %s: %s:%d: %s\n", current, file, line, expr);
}

int run_tests(const char *suite, const struct test_case *tests)
{
	unsigned int n = 0, failed = 0;

	for (; tests->name; tests++) {
		unsigned int before = test_failures;

		current = tests->name;
		tests->fn();
		n++;
		if (test_failures != before)
			failed++;
	}
	printf("%s: %u tests, %u checks, %u failed tests, %u failed checks\n",
	       suite, n, test_checks, failed, test_failures);
	return failed ? 1 : 0;
}
