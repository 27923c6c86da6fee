# SPDX-License-Identifier: GPL-2.0-or-later
# Reads a guest console log, prints one line per KUnit test case:
#   PASS|FAIL|SKIP  kunit:SUITE.CASE
# plus "FAIL  kunit:SUITE (did not finish)" for a suite cut short, and
# "FAIL  kunit (N of M suites reported)" when suites are missing.
# Parameterised cases count once, by their summary line.
{
	sub(/\r$/, "")
	sub(/^\[ *[0-9]+\.[0-9]+\] /, "")
}
/^K?TAP version/ { in_ktap = 1 }
!in_ktap { next }
/^1\.\.[0-9]+$/ { plan = substr($0, 4) + 0; next }
/^    # Subtest: / { suite = $3; open_suite[suite] = 1; next }
/^    (not )?ok [0-9]+ / {
	line = substr($0, 5)
	status = (line ~ /^not ok/) ? "FAIL" : "PASS"
	if (line ~ /# SKIP/) status = "SKIP"
	sub(/^(not )?ok [0-9]+ /, "", line)
	sub(/ # .*$/, "", line)
	printf "%s  kunit:%s.%s\n", status, suite, line
	next
}
/^(not )?ok [0-9]+ / {
	done++
	name = $0
	sub(/^(not )?ok [0-9]+ /, "", name)
	sub(/ # .*$/, "", name)
	delete open_suite[name]
	if ($0 ~ /^not ok/ && $0 !~ /# SKIP/)
		failed_suite[name] = 1
}
END {
	for (s in open_suite)
		printf "FAIL  kunit:%s (did not finish)\n", s
	if (plan && done < plan)
		printf "FAIL  kunit (%d of %d suites reported)\n", done, plan
	if (!in_ktap)
		print "NONE"
}
