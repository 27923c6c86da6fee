# SPDX-License-Identifier: GPL-2.0-or-later
# bench: the workloads of guest/bench.sh, one guest run per server:
#   ours   our server (normal kernel) with our tools/ksmbd
#   peer   the pristine 6.1 tree's own server (peer kernel) with our
#          tools/ksmbd as its daemon. It serves files, but its guest
#          panics at the first CREATE of a directory ("Segfault with no
#          mm" at opinfo_put+0x0 called from smb2_open, RDI 0; also
#          smbclient ls and smbtorture smb2.create.mkdir-dup), so every
#          cifs workload (the mount opens the share's root) is lost.
#          --peer-daemon ksmbd-tools uses Debian's ksmbd-tools (3.4.7 in
#          Debian 12) instead, but that version cannot serve a share with
#          the 6.1.192 server: its share-config answer carries the path
#          with payload_sz 0 (seen on the netlink socket), the server
#          answers every TREE_CONNECT with ACCESS_DENIED, so it is not the
#          default either
#   samba  Samba's smbd on the normal kernel
# Prints a table with the ratios ours/peer and ours/samba and writes it as
# JSON. A benchmark, not a test: a server that cannot do a workload gets
# n/a with the reason, and the verb fails only on bad usage.

BENCH_SERVERS="ours peer samba"

# bench_one SERVER KIND DAEMON LOG ARGS...: one guest run, its output in LOG
bench_one() {
	local srv=$1 kind=$2 daemon=$3 log=$4
	shift 4
	local cmd a
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
