# SPDX-License-Identifier: GPL-2.0-or-later
# Guest stage: start the server, then run each line of $RUN/tests
# ("IDX<TAB>TIMEOUT<TAB>NAME<TAB>COMMAND") with its own timeout. The output
# goes to $RUN/out/IDX.log, the exit status to $RUN/results ("IDX STATUS
# SECONDS"); $RUN/current names the entry in progress (the host's watchdog).
#
# Consecutive plain smbtorture entries (COMMAND tests/smbtorture.sh smb2.X,
# as lib/test.sh writes them; X may hold spaces, not quotes or tabs) run in
# batches of up to $KSMBD_TORTURE_BATCH
# (default 20; 1 or 0: each on its own) in one smbtorture process: see
# guest/torture-batch.py, which reports each entry as if it had run alone
# (one that fails after others in its process runs again on its own).
# The share is emptied before each test or smbtorture process, not between
# the entries of a batch: smbtorture's tests make and remove their own
# directories, and what one leaves behind (e.g. smb2.connect's test9.dat) is
# overwritten or ignored by the others; the cap bounds what a leftover (or a
# connection smbtorture keeps open until it exits) could spoil.

make_share_fs || exit 1
write_client_conf
kmemleak_reset
start_server || exit 1
echo "ksmbd-vm-guest: server $KSMBD_DAEMON up"

export KSMBD_SERVER=127.0.0.1 KSMBD_SHARE KSMBD_USER KSMBD_PASSWORD
export KSMBD_USER2 KSMBD_PASSWORD2
export KSMBD_UNC=//127.0.0.1/$KSMBD_SHARE KSMBD_DAEMON KSMBD_KERNEL
export KSMBD_SELFTEST_DIR KSMBD_REPO_DIR KSMBD_KTOOLS_DIR
mkdir -p "$RUN/out"
tab=$(printf '\t')
torture_cmd="/bin/sh '$KSMBD_SELFTEST_DIR/tests/smbtorture.sh' '"
batch=/run/torture-batch
batch_max=${KSMBD_TORTURE_BATCH:-20}
: >"$batch"

# prepare IDX: before a test or a batch starting with entry IDX, a server
# that stopped listening is started again (noted in IDX's log), and the share
# emptied; KSMBD_SCRATCH is a fresh directory
prepare() {
	echo "$1" >"$RUN/current"
	if ! server_alive; then
		echo "server not listening before the test: restarting it" >"$RUN/out/$1.log"
		stop_server >/dev/null 2>&1
		start_server >>"$RUN/out/$1.log" 2>&1
	fi
	# what the tests before left at the top of the share, for the console
	left=$(ls -A "$KSMBD_SHARE_DIR" 2>/dev/null | head -n 6 | tr '\n' ' ')
	[ -z "$left" ] || echo "ksmbd-vm-guest: share not empty before $1: $left"
	clean_share
	export KSMBD_SCRATCH=/run/scratch/$1
	mkdir -p "$KSMBD_SCRATCH"
}

# run_one IDX LIMIT NAME COMMAND
run_one() {
	echo "ksmbd-vm-guest: test $1 $3"
	prepare "$1"
	start=$(date +%s)
	(cd "$KSMBD_SCRATCH" && timeout -k 5 "$2" /bin/sh -c "$4") \
		>>"$RUN/out/$1.log" 2>&1 </dev/null
	rc=$?
	[ $rc -ne 124 ] && [ $rc -ne 137 ] || echo "timed out after ${2}s" >>"$RUN/out/$1.log"
	echo "$1 $rc $(($(date +%s) - start))" >>"$RUN/results"
	rm -rf "$KSMBD_SCRATCH"
}

# run_torture_batch: the entries in $batch ("IDX<TAB>LIMIT<TAB>NAME<TAB>TEST"), one
# smbtorture process after another until each has its result
run_torture_batch() {
	local first
	while [ -s "$batch" ]; do
		first=$(head -n 1 "$batch" | cut -f 1)
		prepare "$first"
		# -S: no site packages (the driver needs the standard library
		# only), which starts it seconds sooner under UML
		if ! (cd "$KSMBD_SCRATCH" && python3 -S "$KSMBD_SELFTEST_DIR/guest/torture-batch.py" \
			"$RUN" "$batch" "$batch.rest" -- \
			/bin/sh "$KSMBD_SELFTEST_DIR/tests/smbtorture.sh" --batch) </dev/null; then
			# never loop: what the driver left without a result fails
			echo "ksmbd-vm-guest: torture-batch.py failed"
			while IFS=$tab read -r idx limit name test; do
				grep -q "^$idx " "$RUN/results" && continue
				echo "guest/torture-batch.py failed" >>"$RUN/out/$idx.log"
				echo "$idx 1 0" >>"$RUN/results"
			done <"$batch"
			rm -f "$batch.rest"
			: >"$batch"
		else
			mv "$batch.rest" "$batch"
		fi
		rm -rf "$KSMBD_SCRATCH"
	done
}

while IFS=$tab read -r idx limit name cmd; do
	[ -n "$idx" ] || continue
	test=
	case $cmd in
	"$torture_cmd"smb2.*"'")
		test=${cmd#"$torture_cmd"}
		test=${test%"'"}
		case $test in *"'"* | *"$tab"*) test= ;; esac
		;;
	esac
	if [ -n "$test" ] && [ "$batch_max" -gt 1 ]; then
		printf '%s\t%s\t%s\t%s\n' "$idx" "$limit" "$name" "$test" >>"$batch"
		[ "$(wc -l <"$batch")" -lt "$batch_max" ] || run_torture_batch
		continue
	fi
	run_torture_batch
	run_one "$idx" "$limit" "$name" "$cmd"
done <"$RUN/tests"
run_torture_batch

stop_server >/dev/null 2>&1
kmemleak_report
exit 0
