# SPDX-License-Identifier: GPL-2.0-or-later
# test: KUnit suites, then the integration tests of tests.list and
# smbtorture.list, ending with "N passed, N failed, N skipped".
#
# List lines: NAME [ARG...] [--daemon=D] [--kernel=K] [--timeout=S]   ('#'
# comments, even inside quotes). Words are separated by blanks; a word may
# quote parts of itself with "..." or '...' (no escapes; the quotes are
# dropped), so that smbtorture.list can name a test with a space, e.g.
# smb2.ioctl."copy-chunk streams". NAME is tests/NAME.sh, run inside a
# guest (see lib/exec.sh for its environment); it exits 0 (pass), 4
# (skip) or anything else (fail).
# --kernel=peer runs it on the pristine base's own server (the 6.1 tree's)
# instead of the kernel under test; such entries are shown as NAME@D/peer.
# Each smbtorture.list line is a test for tests/smbtorture.sh (the guest
# runs consecutive ones in one smbtorture process: guest/stage-tests.sh and
# guest/torture-batch.py; the command line written here is what it
# recognises). `--debug`
# leaves out the entries on the peer kernel or with --daemon=samba.
# `--shard=K/N` runs every Nth list entry from the Kth (and KUnit when K is
# 1), so that N runs side by side share the list.

KUNIT_GLOB=${KSMBD_KUNIT_GLOB:-ksmbd*}

run_kunit() {
	local kind=$1 run line status name
	run=$(new_run "kunit-$kind")
	write_env "$run" kunit "$kind" none
	boot_guest "$kind" "$run" kunit.enable=1 "kunit.filter_glob=$KUNIT_GLOB" ${KERNEL_ARGS:-}
	if ! wait_guest $((BOOT_GRACE + ${KSMBD_KUNIT_TIMEOUT:-300})); then
		echo "ksmbd-vm: the KUnit boot hung; console ($run/console.log):"
		console_tail "$run" 40
		result "kunit[$kind]" 125 0
		return
	fi
	while read -r line; do
		status=${line%% *}
		name=${line#*  }
		case $status in
		PASS) result "$name" 0 0 ;;
		SKIP) result "$name" 4 0 ;;
		FAIL) result "$name" 1 0 ;;
		NONE)
			if grep -q 'ksmbd-vm-guest: done' "$run/console.log"; then
				echo "ksmbd-vm: no KUnit suite matches '$KUNIT_GLOB'"
			else
				echo "ksmbd-vm: the KUnit boot failed; console ($run/console.log):"
				console_tail "$run" 40
				result "kunit[$kind]" 125 0
			fi
			;;
		esac
	done < <(awk -f "$SELFTEST_DIR/lib/ktap.awk" "$run/console.log")
	if [ -n "$RUNNER_CHECK_LOG" ] && [ -n "$(kernel_splats "$run" "$kind")" ]; then
		echo "ksmbd-vm: the kernel reported a bug during KUnit ($run/console.log):"
		kernel_splats "$run" "$kind" | sed 's/^/    | /'
		result "kernel-log[$kind: kunit]" 1 0
	fi
}

# split_words LINE: the words of a list line (see above) in LIST_WORDS;
# fails on an unterminated quote
split_words() {
	local line=$1 c q= w= inword= i
	LIST_WORDS=()
	case $line in
	*[\"\']*) ;;
	*) read -ra LIST_WORDS <<<"$line"; return 0 ;;
	esac
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [ -n "$q" ]; then
			if [ "$c" = "$q" ]; then q=; else w+=$c; fi
			continue
		fi
		case $c in
		\"|\') q=$c inword=1 ;;
		' '|$'\t')
			[ -z "$inword" ] || LIST_WORDS+=("$w")
			w= inword=
			;;
		*) w+=$c inword=1 ;;
		esac
	done
	[ -z "$q" ] || return 1
	[ -z "$inword" ] || LIST_WORDS+=("$w")
}

# load_list FILE [PREFIX] [FILTER] [KIND]: add the entries of a list file
# for a run on the KIND kernel; the daemon of each goes to T_DAEMON, its
# kernel (empty: the one under test) to T_KERNEL
load_list() {
	local file=$1 prefix=${2:-} filter=${3:-} kind=${4:-normal} line w name args daemon kernel limit normal_only
	[ -f "$file" ] || return 0
	while read -r line; do
		line=${line%%#*}
		[ -n "${line// }" ] || continue
		line="$prefix$line"
		name= args= daemon=ours kernel= limit=${KSMBD_TEST_TIMEOUT:-120} normal_only=
		split_words "$line" || die "$file: unterminated quote: $line"
		for w in "${LIST_WORDS[@]}"; do
			case $w in
			--daemon=*) daemon=${w#*=} ;;
			--kernel=*) kernel=${w#*=} ;;
			--timeout=*) limit=${w#*=} ;;
			--normal-only) normal_only=1 ;;
			*)
				if [ -z "$name" ]; then name=$w; else args="$args $(sq "$w")"; fi
				;;
			esac
		done
		[ -f "$SELFTEST_DIR/tests/$name.sh" ] || die "$file: no tests/$name.sh"
		local display="$name${args:+[$(echo "$args" | tr -d "'" | sed 's/^ //')]}"
		case $kernel in
		'') [ "$daemon" = ours ] || display="$display@$daemon" ;;
		peer) display="$display@$daemon/peer" ;;
		*) die "$file: --kernel=$kernel: only peer may be named" ;;
		esac
		[ -z "$filter" ] || echo "$display" | grep -qE -- "$filter" || continue
		# KASAN, lockdep and kmemleak make the debug kernel slower
		[ "$kind" != debug ] || limit=$((limit * 2))
		# the debug pass is there for our kernel under KASAN/lockdep:
		# entries on the peer kernel, or serving with Samba (harness
		# self-checks), would only repeat the normal pass
		# (and --normal-only: scale tests whose debug run would only be
		# slower, the code they drive being under KASAN in other tests)
		if [ "$kind" = debug ] && { [ "$kernel" = peer ] || [ "$daemon" = samba ] ||
			[ -n "$normal_only" ]; }; then
			continue
		fi
		# --shard=K/N: every Nth entry, starting with the Kth
		LIST_SEQ=$((${LIST_SEQ:-0} + 1))
		[ $(((LIST_SEQ - 1) % SHARD_N)) -eq $((SHARD_K - 1)) ] || continue
		add_entry "$display" "/bin/sh $(sq "$SELFTEST_DIR/tests/$name.sh")$args" "$limit"
		T_DAEMON[${#T_NAME[@]} - 1]=$daemon
		T_KERNEL[${#T_NAME[@]} - 1]=$kernel
	done <"$file"
}

# run_loaded KIND: run every loaded entry, one boot sequence per kernel and
# daemon
run_loaded() {
	local kind=$1 kd k d i idx need
	for kd in $(for i in "${!T_NAME[@]}"; do
		echo "${T_KERNEL[i]:-$kind}/${T_DAEMON[i]}"
	done | awk '!seen[$0]++'); do
		k=${kd%/*} d=${kd#*/}
		idx=()
		for i in "${!T_NAME[@]}"; do
			[ "${T_KERNEL[i]:-$kind}/${T_DAEMON[i]}" = "$kd" ] && idx+=("$i")
		done
		need=()
		[ "$k" = "$kind" ] || need+=("$k")
		[ "$d" != ours ] || need+=(tools)
		if [ ${#need[@]} -gt 0 ] && ! build_all "${need[@]}"; then
			for i in "${idx[@]}"; do
				T_RC[i]=125
				result "${T_NAME[i]}" 125 0
			done
			continue
		fi
		run_entries "$k" "$d" "${idx[@]}"
	done
}

# torture_all [FILTER] [peer]: every smb2.* smbtorture test (those matching
# the extended regex FILTER), each with its own timeout (KSMBD_TORTURE_TIMEOUT,
# default 120 s); counts only. With "peer", against the pristine 6.1 server
# (with our daemon: Debian's ksmbd-tools 3.4.7 cannot serve a share to it).
torture_all() {
	local filter=${1:-} peer=${2:-} t n=0
	command -v smbtorture >/dev/null || die "no smbtorture (package samba-testsuite)"
	while read -r t; do
		[ -z "$filter" ] || echo "$t" | grep -qE -- "$filter" || continue
		add_entry "$t" \
			"/bin/sh $(sq "$SELFTEST_DIR/tests/smbtorture.sh") $(sq "$t")" \
			"${KSMBD_TORTURE_TIMEOUT:-120}"
		T_DAEMON[${#T_NAME[@]} - 1]=ours
		T_KERNEL[${#T_NAME[@]} - 1]=${peer:+peer}
		n=$((n + 1))
	done < <(smbtorture --list 2>/dev/null | grep -E '^smb2\.' | sort -u)
	[ $n -gt 0 ] || die "no smbtorture smb2.* test matches '$filter'"
	echo "$n tests"
}

# compare_results OURS PEER: the tests both files name that the peer passes
# and we do not (and the reverse), so "what the 6.1 server passes, ours
# passes too" can be read off
compare_results() {
	[ -f "$1" ] && [ -f "$2" ] || return 0
	# a name may hold spaces (smb2.ioctl.copy-chunk streams)
	awk '{ t = substr($0, index($0, " ") + 1) }
	     FNR == NR { ours[t] = $1; next }
	     (t in ours) { both++
		if ($1 == "PASS" && ours[t] != "PASS") behind[++nb] = t
		if ($1 != "PASS" && ours[t] == "PASS") ahead++ }
	     END { printf "vs. the 6.1 server on %d common tests: %d it passes and we do not, %d we pass and it does not\n",
			both, nb, ahead
		for (i = 1; i <= nb; i++) print "  behind: " behind[i] }' "$1" "$2"
}

# write_results FILE: one "PASS|FAIL|SKIP NAME" line per entry run
write_results() {
	local i
	for i in "${!T_NAME[@]}"; do
		case ${T_RC[i]} in
		0) echo "PASS ${T_NAME[i]}" ;;
		4) echo "SKIP ${T_NAME[i]}" ;;
		'') ;;
		*) echo "FAIL ${T_NAME[i]}" ;;
		esac
	done >"$1"
}

cmd_test() {
	local kind=normal kunit=1 integ=1 all= peer= filter= a t0 res
	T_DAEMON=() T_KERNEL=()
	SHARD_K=1 SHARD_N=1
	for a in "$@"; do
		case $a in
		--debug) kind=debug ;;
		--all) all=1 kunit= ;;
		--peer) peer=1 ;;
		--kunit-only) integ= ;;
		--no-kunit) kunit= ;;
		--shard=*)
			SHARD_K=${a#*=} SHARD_N=${SHARD_K#*/} SHARD_K=${SHARD_K%/*}
			[[ $SHARD_K =~ ^[1-9][0-9]*$ && $SHARD_N =~ ^[1-9][0-9]*$ ]] &&
				[ "$SHARD_K" -le "$SHARD_N" ] || die "test: --shard=K/N, 1 <= K <= N"
			# KUnit runs in the first shard only
			[ "$SHARD_K" -eq 1 ] || kunit=
			;;
		-*) die "test: unknown option $a" ;;
		*) filter=$a ;;
		esac
	done
	[ -z "$peer" ] || [ -n "$all" ] || die "test: --peer goes with --all"
	t0=$(now)
	ensure_kernel "$kind" none	# tools/ksmbd is built when a test needs it
	[ "$kind" != debug ] || KERNEL_ARGS="kmemleak=on"
	if [ -n "$kunit" ] && [ -z "$filter" ]; then
		echo "== KUnit ($kind kernel)"
		run_kunit "$kind"
	fi
	if [ -n "$integ" ]; then
		if [ -n "$all" ]; then
			echo "== smbtorture smb2.*${filter:+ matching '$filter'} ($kind kernel), counts only"
			torture_all "$filter" "$peer"
			RUNNER_DETAIL_LINES=5
		else
			echo "== integration tests ($kind kernel)"
			load_list "$SELFTEST_DIR/tests.list" "" "$filter" "$kind"
			load_list "$SELFTEST_DIR/smbtorture.list" "smbtorture " "$filter" "$kind"
		fi
		run_loaded "$kind"
	fi
	echo "== $kind: $(($(now) - t0))s"
	if [ -n "$all" ]; then
		res=$BUILD_DIR/test-all${peer:+-peer}.txt
		write_results "$res"
		echo "per-test results: $res"
		compare_results "$BUILD_DIR/test-all.txt" "$BUILD_DIR/test-all-peer.txt"
	fi
	echo "$N_PASS passed, $N_FAIL failed, $N_SKIP skipped"
	# --all is a progress report, not a gate
	[ -n "$all" ] && return 0
	[ "$N_FAIL" -eq 0 ]
}
