# SPDX-License-Identifier: GPL-2.0-or-later
# run [DIR]: boot a guest that serves DIR (default ./share at the repo root)
# as `share`, reachable from the host only through a private network
# namespace: a tap device in namespace $RUN_NS, the guest on the other end.
# Addresses are link-local (169.254.45.0/30) and exist only in that
# namespace. Ctrl-C or `ksmbd-vm stop` stops the server, then the guest,
# then removes the namespace.
# stop: stop what `run` started.

RUN_NS=ksmbd-vm
RUN_TAP=ksmbd0
RUN_HOST_ADDR=169.254.45.1
RUN_GUEST_ADDR=169.254.45.2
RUN_STATE=$BUILD_DIR/run.state	# the run dir of the running `run`

netns_up() {
	ip netns add "$RUN_NS" &&
	ip -n "$RUN_NS" link set lo up &&
	ip -n "$RUN_NS" tuntap add dev "$RUN_TAP" mode tap &&
	ip -n "$RUN_NS" addr add "$RUN_HOST_ADDR/30" dev "$RUN_TAP" &&
	ip -n "$RUN_NS" link set "$RUN_TAP" up
}

netns_down() {
	ip netns pids "$RUN_NS" 2>/dev/null | xargs -r kill -9 2>/dev/null
	ip netns del "$RUN_NS" 2>/dev/null
	rm -f "$RUN_STATE"
}

# run_stop_guest RUN: ask the guest to stop its server and power off
run_stop_guest() {
	local run=$1
	: >"$run/stop"
	wait_guest 30 || log "the guest did not stop in 30s: killed"
}

# host_has_cifs: can this host's kernel mount cifs (built in, or a module)?
host_has_cifs() {
	grep -qw cifs /proc/filesystems 2>/dev/null || modprobe -n cifs >/dev/null 2>&1
}

cmd_run() {
	parse_guest_opts "$@"
	local dir=${ARGS_LEFT[0]:-$REPO_DIR/share} run
	[ ${#ARGS_LEFT[@]} -le 1 ] || die "usage: ksmbd-vm run [DIR] [--user U --password P] [--kernel K] [--daemon D]"
	[ "$(id -u)" -eq 0 ] || die "run needs root (network namespace, tap device)"
	if [ -f "$RUN_STATE" ] && kill -0 "$(cat "$(cat "$RUN_STATE")/pid" 2>/dev/null)" 2>/dev/null; then
		die "already running (ksmbd-vm stop ends it)"
	fi
	# the guest's user gets the uid owning DIR (a new DIR belongs to uid 2000)
	if [ ! -d "$dir" ]; then
		mkdir -p "$dir" && chown 2000:2000 "$dir" || die "cannot create $dir"
	fi
	dir=$(realpath "$dir")
	local uid
	uid=$(stat -c %u "$dir")
	[ "$uid" -ne 0 ] || log "note: $dir belongs to root; clients can write only where 'other' may"
	[ "$uid" -ne 0 ] || uid=2000
	ensure_kernel "$OPT_KERNEL" "$OPT_DAEMON"
	netns_down
	netns_up || { netns_down; die "cannot create network namespace $RUN_NS"; }
	run=$(new_run run)
	echo "$run" >"$RUN_STATE"
	write_env "$run" serve "$OPT_KERNEL" "$OPT_DAEMON" \
		KSMBD_HOST_SHARE="$dir" KSMBD_USER_UID="$uid" KSMBD_GUEST_ADDR="$RUN_GUEST_ADDR" KSMBD_GUEST_IF=vec0
	trap 'echo; log "stopping"; run_stop_guest "$run"; netns_down; exit 0' INT TERM
	# the guest's tap lives in the namespace: start UML inside it
	BOOT_WRAP="ip netns exec $RUN_NS" boot_guest "$OPT_KERNEL" "$run" \
		"vec0:transport=tap,ifname=$RUN_TAP"
	local i=0
	while [ ! -e "$run/ready" ]; do
		if ! guest_alive || [ $i -gt $((BOOT_GRACE * 5)) ]; then
			log "the guest did not come up; console ($run/console.log):"
			console_tail "$run" 30 >&2
			kill_guest
			netns_down
			exit 1
		fi
		sleep 0.2
		i=$((i + 1))
	done
	# `ip netns exec` runs its command in a mount namespace of its own, so
	# a mount made under it vanishes; nsenter --net changes only the
	# network namespace (the cifs client connects from the mounter's one)
	cat <<EOM
ksmbd-vm: serving $dir as //$RUN_GUEST_ADDR/share ($OPT_DAEMON daemon, $OPT_KERNEL kernel)
  user: $GUEST_USER   password: $GUEST_PASSWORD
  reach it from the host through namespace $RUN_NS:
    ip netns exec $RUN_NS smbclient //$RUN_GUEST_ADDR/share -U $(sq "$GUEST_USER%$GUEST_PASSWORD") -c ls
    mkdir -p /mnt/ksmbd && nsenter --net=/run/netns/$RUN_NS mount -t cifs //$RUN_GUEST_ADDR/share /mnt/ksmbd -o $(sq "username=$GUEST_USER,password=$GUEST_PASSWORD")
  (umount /mnt/ksmbd before stopping)
EOM
	host_has_cifs || cat <<EOM
  note: this host's kernel has no cifs client (no cifs in /proc/filesystems,
  no module to load), so the mount line cannot work here; smbclient can.
EOM
	cat <<EOM
  console: $run/console.log
  Ctrl-C or 'ksmbd-vm stop' stops it.
EOM
	while guest_alive; do
		sleep 1
	done
	wait "$GUEST_PID" 2>/dev/null
	netns_down
	log "the guest has stopped"
}

cmd_stop() {
	local run pid i=0
	[ -f "$RUN_STATE" ] || { log "nothing is running"; netns_down; return 0; }
	run=$(cat "$RUN_STATE")
	pid=$(cat "$run/pid" 2>/dev/null)
	: >"$run/stop"
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
		if [ $i -ge 150 ]; then
			log "the guest did not stop in 30s: killing it"
			kill -9 -- -"$pid" 2>/dev/null
			break
		fi
		sleep 0.2
		i=$((i + 1))
	done
	# `run` removes the namespace when its guest ends; make sure
	sleep 1
	netns_down
	log "stopped"
}
