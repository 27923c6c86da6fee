# SPDX-License-Identifier: GPL-2.0-or-later
# lint: checkpatch --strict over the project's kernel files (no ERROR or
# WARNING; CHECKs are listed and counted, and fatal too with
# KSMBD_LINT_STRICT=1), sparse over fs/smb/server (C=2 W=1, no warning),
# tools/ksmbd rebuilt with -Wall -Wextra -Werror, and the harness's own
# host-side self-test (guest/torture-batch-test.py: the smbtorture batch
# driver and the list-line parser; python3 and bash only, about 20 s, mostly
# waiting on its fake smbtorture's time-outs).

# checkpatch types ignored everywhere, each with its reason:
#   FILE_PATH_CHANGES  only meaningful for patches adding files; `patch`
#                      adds the MAINTAINERS entry that covers them.
#   SPDX_LICENSE_TAG   (.rst only) checkpatch wants the tag on line 1, which
#                      an .rst title cannot share; handled in lint_files.
CHECKPATCH_IGNORE=FILE_PATH_CHANGES

lint_checkpatch() {
	local files=() f out rc=0
	while read -r f; do
		case $f in
		*.c|*.h|Kconfig|*/Kconfig|Makefile|*/Makefile|*.rst|*.txt|*.asn1) files+=("$f") ;;
		esac
	done < <(project_kernel_files)
	[ ${#files[@]} -gt 0 ] || { echo "checkpatch: no files"; return 0; }
	# /usr/bin first: spdxcheck.py needs Debian's python3 (python3-ply)
	out=$(cd "$LINUX_DIR" && PATH=/usr/bin:$PATH scripts/checkpatch.pl --strict --terse --no-summary \
		--show-types --ignore "$CHECKPATCH_IGNORE" -f "${files[@]}" 2>&1)
	[ -z "$out" ] || echo "$out"
	if printf '%s' "$out" | grep -qE 'ERROR:|WARNING:'; then
		rc=1
	elif [ -n "${KSMBD_LINT_STRICT:-}" ] && printf '%s' "$out" | grep -q 'CHECK:'; then
		rc=1
	fi
	echo "checkpatch: ${#files[@]} files, $(printf '%s' "$out" | grep -c 'ERROR:') errors," \
		"$(printf '%s' "$out" | grep -c 'WARNING:') warnings, $(printf '%s' "$out" | grep -c 'CHECK:') checks"
	return $rc
}

lint_sparse() {
	local log=$BUILD_DIR/sparse.log n
	configure_kernel normal || return 1
	kmake "$LINUX_DIR" "$(kind_obj normal)" C=2 W=1 fs/smb/server/ >"$log" 2>&1
	local rc=$?
	# only our directory counts (W=1 also warns in UML's own prepare steps)
	n=$(grep -cE 'fs/smb/server/.*(warning|error):' "$log")
	grep -E 'fs/smb/server/.*(warning|error):' "$log"
	echo "sparse: fs/smb/server, $n warnings/errors (log: $log)"
	[ $rc -eq 0 ] && [ "$n" -eq 0 ]
}

lint_tools() {
	[ -f "$REPO_DIR/tools/ksmbd/Makefile" ] || { echo "tools: no tools/ksmbd/Makefile yet"; return 0; }
	local log=$BUILD_DIR/tools-lint.log
	if make -B -C "$REPO_DIR/tools/ksmbd" -j"$JOBS" \
		CC="gcc -Wall -Wextra -Werror" >"$log" 2>&1; then
		echo "tools: built with -Wall -Wextra -Werror"
	else
		tail -40 "$log"
		echo "tools: build failed with -Wall -Wextra -Werror (log: $log)"
		return 1
	fi
}

lint_harness() {
	local log=$BUILD_DIR/harness-selftest.log
	if python3 "$SELFTEST_DIR/guest/torture-batch-test.py" >"$log" 2>&1; then
		echo "harness: $(grep -E '^Ran [0-9]+ tests' "$log"), OK"
	else
		tail -40 "$log"
		echo "harness: guest/torture-batch-test.py failed (log: $log)"
		return 1
	fi
}

cmd_lint() {
	local rc=0
	ensure_prepared
	lint_checkpatch || rc=1
	locked -n normal lint_sparse || rc=1
	locked -n tools lint_tools || rc=1
	lint_harness || rc=1
	[ $rc -eq 0 ] && echo "lint: clean" || echo "lint: FAILED"
	return $rc
}
