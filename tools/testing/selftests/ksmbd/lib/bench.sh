# SPDX-License-Identifier: GPL-2.0-or-later
# bench: the workloads of guest/bench.sh, one guest run per server:
#   ours   our server (normal kernel) with our tools/ksmbd
#   peer   the pristine 6.1.192 tree's own server (peer kernel) with our
#          tools/ksmbd as its daemon and the same ksmbd.conf as ours
#          (guest/lib.sh). It serves file opens, so smbclient put and get
#          give numbers, but ANY directory open panics its guest ("Segfault
#          with no mm", RIP opinfo_put+0x0 with RDI 0, called from
#          smb2_open): even a bare CREATE of the share root (impacket:
#          FILE_READ_ATTRIBUTES, no oplock, no create context), or
#          smbclient's ls, mkdir or del. The cifs mount opens the root, so
#          the guest dies there and every cifs workload is n/a
#          (bench_lost() below names the step and the oops).
#          It is the 6.1.192 server's own bug, not our daemon's: with our
#          daemon reduced to the very netlink payloads Debian's ksmbd-tools
#          3.4.7 sends (compared under strace: share flags 0x2c7, login
#          status without KSMBD_USER_FLAG_EXTENSION, startup max
#          protocol, read/write/trans sizes, credits, sub_auth and SMB
#          Direct size left 0) except the share-config payload_sz that
#          6.1.192 requires, it still panics, and so it does with each of
#          oplocks = no, smb2 leases = yes (the cifs mount too), store dos
#          attributes = no, hide dot files = no, vfs objects = acl_xattr or
#          streams_xattr, inherit owner, crossmnt, follow symlinks = yes,
#          multi channel on, smb3 encryption = disabled, force user/group =
#          root (2026-12-02). No option helps, so the peer runs with ours'.
#          --peer-daemon ksmbd-tools uses Debian's ksmbd-tools (3.4.7 in
#          Debian 12) instead; its share-config answer has payload_sz 0
#          (seen under strace), which 6.1.192 refuses: every TREE_CONNECT
#          is ACCESS_DENIED and every workload but the TCP one is n/a
#   samba  Samba's smbd on the normal kernel
# Prints a table with the ratios ours/peer and ours/samba and writes it as
# JSON. A benchmark, not a test: a server that cannot do a workload gets
# n/a with the reason, and the verb fails only on bad usage.

BENCH_SERVERS="ours peer samba"

# bench_one SERVER KIND DAEMON LOG ARGS...: one guest run, its output in LOG
bench_one() {
	local srv=$1 kind=$2 daemon=$3 log=$4
	shift 4
	local cmd a lost
	echo "== bench: $srv ($kind kernel, $daemon daemon)"
	cmd="/bin/sh $(sq "$SELFTEST_DIR/guest/bench.sh")"
	for a in "$@"; do
		cmd="$cmd $(sq "$a")"
	done
	(
		ensure_prepared
		what=("$kind")
		[ "$daemon" != ours ] || what+=(tools)
		build_all "${what[@]}" || exit 1
		if [ "$daemon" = ksmbd-tools ] && [ ! -x "$KTOOLS_DIR/usr/sbin/ksmbd.mountd" ]; then
			echo "Debian's ksmbd-tools is not unpacked in $KTOOLS_DIR"
			exit 1
		fi
	) >"$log.build" 2>&1 || {
		tail -n 5 "$log.build"
		echo "BENCH * n/a cannot build the $kind kernel or tools (see ksmbd-vm build $kind)" >"$log"
		return
	}
	T_NAME=() T_CMD=() T_LIMIT=() T_RC=()
	RUNNER_QUIET=1 RUNNER_STREAM=1
	add_entry "bench[$srv]" "$cmd" "$BENCH_TIMEOUT"
	# the runner streams the guest's output; keep a copy to parse
	run_entries "$kind" "$daemon" 0 2>&1 | tee "$log"
	lost=$(bench_lost "$log")
	[ -z "$lost" ] || echo "$lost" >>"$log"
}

# bench_lost LOG: when the guest of LOG died or hung, one line
# "BENCH * n/a REASON" for the workloads it did not get to (bench_report.py
# gives them REASON), naming the step the guest was in and, after a kernel
# oops, its first line, where it faulted and the first function of its call
# trace (all as the console excerpt in LOG shows them)
bench_lost() {
	local log=$1 what step bug rip from
	what=$(grep -m 1 -oE 'guest (died|hung[^;]*)' "$log") || return 0
	step=$(sed -n 's/.*bench: step \(.*\)$/\1/p' "$log" | tail -n 1)
	bug=$(grep -m 1 -oE '(Kernel panic - not syncing: |BUG: |Oops: |general protection fault).*' "$log")
	rip=$(grep -m 1 -oE 'RIP: [0-9a-f]+:[^ ]+' "$log" | sed 's/^RIP: [0-9a-f]*://')
	from=$(grep -A 1 -m 1 'Call Trace:' "$log" | tail -n 1 |
		grep -oE '[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+')
	printf 'BENCH * n/a the %s%s%s%s%s\n' "$what" "${step:+ in the step \"$step\"}" \
		"${bug:+: $bug}" "${rip:+ at $rip}" "${from:+ called from $from}"
}

cmd_bench() {
	local json=$BUILD_DIR/bench.json peer_daemon=ours servers=$BENCH_SERVERS
	local mb=256 files=500 secs=15 dir srv a
	while [ $# -gt 0 ]; do
		case $1 in
		--json) json=$2; shift ;;
		--json=*) json=${1#*=} ;;
		--peer-daemon) peer_daemon=$2; shift ;;
		--peer-daemon=*) peer_daemon=${1#*=} ;;
		--servers) servers=${2//,/ }; shift ;;
		--servers=*) servers=${1#*=}; servers=${servers//,/ } ;;
		--size) mb=$2; shift ;;
		--size=*) mb=${1#*=} ;;
		--files) files=$2; shift ;;
		--files=*) files=${1#*=} ;;
		--seconds) secs=$2; shift ;;
		--seconds=*) secs=${1#*=} ;;
		*) die "usage: ksmbd-vm bench [--json FILE] [--servers ours,peer,samba] [--peer-daemon ours|ksmbd-tools] [--size MIB] [--files N] [--seconds S]" ;;
		esac
		shift
	done
	case $peer_daemon in ours|ksmbd-tools) ;; *) die "--peer-daemon: ours or ksmbd-tools" ;; esac
	for srv in $servers; do
		case $srv in ours|peer|samba) ;; *) die "--servers: ours, peer, samba" ;; esac
	done
	for a in "$mb" "$files" "$secs"; do
		[[ $a =~ ^[1-9][0-9]*$ ]] || die "--size, --files, --seconds take positive numbers"
	done
	# the share image, a large file in tmpfs and page caches: more than 1G
	export KSMBD_MEM=${KSMBD_MEM:-1536M}
	BENCH_TIMEOUT=$((600 + secs + mb * 2))
	dir=$(mktemp -d "$BUILD_DIR/bench.XXXXXX")
	for srv in $servers; do
		case $srv in
		ours) bench_one ours normal ours "$dir/ours" "$mb" "$files" "$secs" ;;
		peer) bench_one peer peer "$peer_daemon" "$dir/peer" "$mb" "$files" "$secs" ;;
		samba) bench_one samba normal samba "$dir/samba" "$mb" "$files" "$secs" ;;
		esac
	done
	mkdir -p "$(dirname "$json")"
	python3 "$SELFTEST_DIR/lib/bench_report.py" --dir "$dir" --json "$json" \
		--servers "$servers" --peer-daemon "$peer_daemon" \
		--commit "$(git -C "$REPO_DIR" describe --always --dirty 2>/dev/null)" \
		--size-mib "$mb" --files "$files" --seconds "$secs"
	rm -rf "$dir"
	return 0
}
