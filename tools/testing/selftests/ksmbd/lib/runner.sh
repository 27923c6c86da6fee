# SPDX-License-Identifier: GPL-2.0-or-later
# The test runner shared by `test` and `exec`: entries (name, command,
# timeout) run in as few guest boots as possible. A test that hangs or
# crashes the guest fails with the console's tail, and the entries after it
# go on in a fresh guest.
#
# The guest (guest/stage-tests.sh) runs the entries in order, writing
# RUN/current (the entry in progress), RUN/out/IDX.log and "IDX STATUS
# SECONDS" lines to RUN/results; this side reports each result as it comes
# and kills a guest whose current entry outlives its limit by 30 s. Up to
# KSMBD_TORTURE_BATCH (default 20; 1: no batching) consecutive plain
# smbtorture entries share one smbtorture process in the guest
# (guest/torture-batch.py), each still with its own result, log and limit.
#
# Entry i: T_NAME[i], T_CMD[i] (a /bin/sh command line run in the guest),
# T_LIMIT[i] (seconds); the runner sets T_RC[i] (exit status; 4 = skipped).

T_NAME=() T_CMD=() T_LIMIT=() T_RC=()
N_PASS=0 N_FAIL=0 N_SKIP=0
BOOT_GRACE=${KSMBD_BOOT_GRACE:-60}	# seconds a boot may take on a busy host
RUNNER_QUIET=	# set by exec: no PASS/FAIL lines, just the output
RUNNER_STREAM=	# set by exec: stream entry output while it runs
RUNNER_CHECK_LOG=1	# fail a boot whose kernel log shows a bug report
RUNNER_DETAIL_LINES=30	# how much of a failed test's output to show

add_entry() {
	local i=${#T_NAME[@]}
	T_NAME[i]=$1
	T_CMD[i]=$2
	T_LIMIT[i]=${3:-120}
	T_RC[i]=
}

# result NAME RC SECONDS [DETAIL-FILE]
result() {
	local name=$1 rc=$2 secs=$3 detail=${4:-}
	case $rc in
	0) N_PASS=$((N_PASS + 1)); [ -n "$RUNNER_QUIET" ] || echo "PASS  $name (${secs}s)" ;;
	4) N_SKIP=$((N_SKIP + 1)); [ -n "$RUNNER_QUIET" ] || echo "SKIP  $name (${secs}s)" ;;
	*)
		N_FAIL=$((N_FAIL + 1))
		[ -n "$RUNNER_QUIET" ] || echo "FAIL  $name (${secs}s, status $rc)"
		if [ -n "$detail" ] && [ -s "$detail" ] && [ -z "$RUNNER_STREAM" ]; then
			tail -n "$RUNNER_DETAIL_LINES" "$detail" | sed 's/^/    > /'
		fi
		;;
	esac
}

# run_entries KIND DAEMON IDX...: run entries, rebooting after a hang/crash
run_entries() {
	local kind=$1 daemon=$2
	shift 2
	local pending=("$@")
	while [ ${#pending[@]} -gt 0 ]; do
		run_batch "$kind" "$daemon" "${pending[@]}"
		pending=("${REMAINING[@]}")
	done
}

# drain RUN: report results the guest has written since the last call
drain() {
	local run=$1 line idx rc secs
	while [ "$SEEN" -lt "$(wc -l <"$run/results")" ]; do
		SEEN=$((SEEN + 1))
		line=$(sed -n "${SEEN}p" "$run/results")
		read -r idx rc secs <<<"$line"
		T_RC[idx]=$rc
		result "${T_NAME[idx]}" "$rc" "$secs" "$run/out/$idx.log"
	done
}

# stream FILE: with RUNNER_STREAM, print what FILE gained since last time
stream() {
	local size
	[ -n "$RUNNER_STREAM" ] && [ -f "$1" ] || return 0
	size=$(stat -c %s "$1")
	[ "$size" -gt "$STREAM_OFF" ] || return 0
	tail -c +$((STREAM_OFF + 1)) "$1" | head -c $((size - STREAM_OFF))
	STREAM_OFF=$size
}

run_batch() {
	local kind=$1 daemon=$2
	shift 2
	local run i cur= c t_start limit why=
	run=$(new_run "tests-$kind-$daemon")
	write_env "$run" tests "$kind" "$daemon" \
		"KSMBD_TORTURE_BATCH=${KSMBD_TORTURE_BATCH:-20}"
	for i in "$@"; do
		printf '%s\t%s\t%s\t%s\n' "$i" "${T_LIMIT[i]}" "${T_NAME[i]}" "${T_CMD[i]}"
	done >"$run/tests"
	: >"$run/results"
	SEEN=0
	REMAINING=()
	boot_guest "$kind" "$run" ${KERNEL_ARGS:-}
	STREAM_OFF=0
	t_start=$(now)
	limit=$((BOOT_GRACE + ${T_LIMIT[$1]}))
	while guest_alive; do
		stream "$run/out/$1.log"
		drain "$run"
		c=$(cat "$run/current" 2>/dev/null)
		if [ -n "$c" ] && [ "$c" != "$cur" ]; then
			cur=$c
			t_start=$(now)
			limit=$((T_LIMIT[cur] + 30))
		fi
		if [ $(($(now) - t_start)) -gt "$limit" ]; then
			why="guest hung (killed after ${limit}s)"
			kill_guest
			break
		fi
		sleep 0.5
	done
	wait "$GUEST_PID" 2>/dev/null
	stream "$run/out/$1.log"
	drain "$run"
	[ -n "$why" ] || why="guest died"

	if [ -z "$cur" ]; then
		# nothing ran: boot or server start failed; fail them all
		echo "ksmbd-vm: $why before the first test ($kind kernel, $daemon):" >&2
		console_tail "$run" 40 >&2
		for i in "$@"; do
			T_RC[i]=125
			result "${T_NAME[i]}" 125 0
		done
		return
	fi
	for i in "$@"; do
		[ -z "${T_RC[i]}" ] || continue
		if [ "$i" = "$cur" ]; then
			T_RC[i]=125
			echo "ksmbd-vm: ${T_NAME[i]}: $why; console ($run/console.log):" >&2
			console_tail "$run" 40 >&2
			result "${T_NAME[i]}" 125 $(($(now) - t_start)) "$run/out/$i.log"
		else
			REMAINING+=("$i")
		fi
	done
	if [ -n "$RUNNER_CHECK_LOG" ] && [ -n "$(kernel_splats "$run" "$kind")" ]; then
		echo "ksmbd-vm: the kernel reported a bug ($run/console.log):" >&2
		kernel_splats "$run" "$kind" | sed 's/^/    | /' >&2
		result "kernel-log[$kind/$daemon: ${T_NAME[$1]} ...]" 1 0
	fi
}
