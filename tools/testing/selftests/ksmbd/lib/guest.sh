# SPDX-License-Identifier: GPL-2.0-or-later
# Booting guests: every boot gets a run directory $RUNS_DIR/NAME.XXXXXX with
#   env          shell variables for guest/init.sh
#   console.log  everything the guest's console printed (kernel log included)
#   tests        what stage-tests.sh runs; results, current, out/ its output
#   status       the guest stage's exit status

GUEST_USER=alice
GUEST_PASSWORD=secret
# a second user every daemon knows (smbtorture's torture:user2name); not
# "bob" or "carol", which tests add and delete themselves
GUEST_USER2=dave
GUEST_PASSWORD2=secret2

new_run() {
	mkdir -p "$RUNS_DIR"
	# keep the last 40 run dirs
	ls -1dt "$RUNS_DIR"/*/ 2>/dev/null | tail -n +40 | xargs -r rm -rf
	mktemp -d "$RUNS_DIR/$1.XXXXXX"
}

# sq STRING: STRING quoted for /bin/sh
sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# write_env RUN STAGE KIND DAEMON [VAR=VALUE...]
write_env() {
	local run=$1 stage=$2 kind=$3 daemon=$4 kv
	shift 4
	{
		echo "KSMBD_STAGE=$(sq "$stage")"
		echo "KSMBD_KERNEL=$(sq "$kind")"
		echo "KSMBD_DAEMON=$(sq "$daemon")"
		echo "KSMBD_USER=$(sq "$GUEST_USER")"
		echo "KSMBD_PASSWORD=$(sq "$GUEST_PASSWORD")"
		echo "KSMBD_USER2=$(sq "$GUEST_USER2")"
		echo "KSMBD_PASSWORD2=$(sq "$GUEST_PASSWORD2")"
		echo "KSMBD_SHARE=share"
		echo "KSMBD_SELFTEST_DIR=$(sq "$SELFTEST_DIR")"
		echo "KSMBD_REPO_DIR=$(sq "$REPO_DIR")"
		echo "KSMBD_KTOOLS_DIR=$(sq "$KTOOLS_DIR")"
		for kv in "$@"; do
			echo "${kv%%=*}=$(sq "${kv#*=}")"
		done
	} >"$run/env"
}

# boot_guest KIND RUN [KERNEL-ARGS...]: start a guest in the background, in
# its own process group (GUEST_PID), console to RUN/console.log
boot_guest() {
	local kind=$1 run=$2 image
	shift 2
	image=$(kernel_image "$kind")
	[ -x "$image" ] || die "no $kind kernel: run ksmbd-vm build $kind"
	# shellcheck disable=SC2086
	setsid ${BOOT_WRAP:-} "$image" mem="${KSMBD_MEM:-1G}" root=/dev/root rootfstype=hostfs \
		rootflags=/ ro init="$SELFTEST_DIR/guest/init.sh" con=null \
		con0=fd:0,fd:1 uml_dir="$run/uml" ksmbd_run="$run" "$@" \
		</dev/null >"$run/console.log" 2>&1 &
	GUEST_PID=$!
	echo "$GUEST_PID" >"$run/pid"
}

guest_alive() { kill -0 "$GUEST_PID" 2>/dev/null; }

kill_guest() {
	kill -9 -- -"$GUEST_PID" 2>/dev/null
	wait "$GUEST_PID" 2>/dev/null
}

# wait_guest SECONDS: wait for the guest to power off; kill it after SECONDS
wait_guest() {
	local end=$(($(now) + $1))
	while guest_alive; do
		if [ "$(now)" -ge $end ]; then
			kill_guest
			return 1
		fi
		sleep 0.2
	done
	wait "$GUEST_PID" 2>/dev/null
	return 0
}

# console_tail RUN [N]: the end of a guest's console, indented
console_tail() {
	tail -n "${2:-40}" "$1/console.log" | sed 's/^/    | /'
}

# kernel_splats RUN KIND: print the first line of each kernel bug report in
# the guest's log (lib/splats.awk says which known noise does not count)
kernel_splats() {
	local syms=$BUILD_DIR/obj-$2/ksmbd.syms lib=$BUILD_DIR/obj-$2/fs/smb/server/built-in.a
	if [ -f "$lib" ] && [ ! "$syms" -nt "$lib" ]; then
		nm --defined-only "$lib" 2>/dev/null | awk 'NF == 3 { print $3 }' >"$syms"
	fi
	awk -v syms="$syms" -f "$SELFTEST_DIR/lib/splats.awk" "$1/console.log" | head -20
}

# ensure_kernel KIND DAEMON: build what a guest needs (no-op when up to date)
ensure_kernel() {
	local what=("$1")
	[ "$2" != ours ] || what+=(tools)
	ensure_prepared
	build_all "${what[@]}" || die "build failed"
	if [ "$2" = ksmbd-tools ] && [ ! -x "$KTOOLS_DIR/usr/sbin/ksmbd.mountd" ]; then
		die "Debian's ksmbd-tools is not unpacked: run ksmbd-vm prepare"
	fi
}
