# SPDX-License-Identifier: GPL-2.0-or-later
# build: UML kernels (normal, debug, peer) and tools/ksmbd.
#
#   normal  $BUILD_DIR/linux (base + project) with config/kernel.config
#   debug   the same tree with kernel.config + debug.config
#   peer    the pristine base (its own server) with kernel.config
#
# Each has its own O= dir ($BUILD_DIR/obj-KIND). A finished kernel is copied
# to $BUILD_DIR/kernels/linux-KIND, which is what guests boot, so a rebuild
# never changes the binary under a running guest.

kind_src() { if [ "$1" = peer ]; then echo "$PEER_DIR"; else echo "$LINUX_DIR"; fi; }
kind_obj() { echo "$BUILD_DIR/obj-$1"; }
kind_fragments() {
	echo "$SELFTEST_DIR/config/kernel.config"
	[ "$1" != debug ] || echo "$SELFTEST_DIR/config/debug.config"
}
kernel_image() { echo "$KERNELS_DIR/linux-$1"; }

kmake() {
	local src=$1 obj=$2
	shift 2
	local cc=gcc
	command -v ccache >/dev/null && cc="ccache gcc"
	make -s -C "$src" O="$obj" ARCH=um CC="$cc" HOSTCC="$cc" -j"$JOBS" "$@"
}

# verify_config OBJ KIND FRAGMENT...: every option the fragments ask for (the
# last fragment to mention an option wins) is set so in OBJ/.config
verify_config() {
	local obj=$1 kind=$2
	shift 2
	local bad
	bad=$(awk -v kind="$kind" '
		FNR == NR { have[$0] = 1; if (/^CONFIG_/) set[substr($0, 1, index($0, "=") - 1)] = 1; next }
		/^CONFIG_[A-Za-z0-9_]+=/ { opt = substr($0, 1, index($0, "=") - 1); want[opt] = $0; next }
		/^# CONFIG_[A-Za-z0-9_]+ is not set$/ { want[$2] = $0 }
		END {
			for (opt in want) {
				line = want[opt]
				# the base server has no KUnit option
				if (kind == "peer" && opt == "CONFIG_SMB_SERVER_KUNIT_TEST") continue
				if (line ~ /^#/) { if (opt in set) print line }
				else if (!(line in have)) print line
			}
		}' "$obj/.config" "$@")
	[ -z "$bad" ] && return 0
	echo "ksmbd-vm: error: options not set as requested in $obj/.config:" >&2
	echo "$bad" | sed 's/^/    /' >&2
	return 1
}

configure_kernel() {
	local kind=$1 src obj stamp
	src=$(kind_src "$kind")
	obj=$(kind_obj "$kind")
	mapfile -t frags < <(kind_fragments "$kind")
	stamp=$(cat "${frags[@]}" | sha256sum | cut -d' ' -f1)
	if [ -f "$obj/.config" ] && [ "$(cat "$obj/.ksmbd-config" 2>/dev/null)" = "$stamp" ]; then
		return 0
	fi
	log "configuring the $kind kernel"
	mkdir -p "$obj"
	kmake "$src" "$obj" defconfig >/dev/null &&
	ARCH=um "$src/scripts/kconfig/merge_config.sh" -m -O "$obj" \
		"$obj/.config" "${frags[@]}" >"$obj/merge_config.log" &&
	kmake "$src" "$obj" olddefconfig >/dev/null &&
	verify_config "$obj" "$kind" "${frags[@]}" || return 1
	echo "$stamp" >"$obj/.ksmbd-config"
}

# source_stamp KIND: changes whenever a file the kernel is built from changes
source_stamp() {
	local kind=$1 obj
	obj=$(kind_obj "$kind")
	{
		cat "$obj/.ksmbd-config"
		if [ "$kind" != peer ]; then
			(cd "$LINUX_DIR" && xargs -a "$BUILD_DIR/overlay.list" stat -c '%n %Y %s' 2>/dev/null)
			(cd "$LINUX_DIR" && find fs/smb/server -printf '%p %T@ %s\n' | LC_ALL=C sort)
		fi
	} | sha256sum | cut -d' ' -f1
}

ensure_peer_tree() {
	[ -d "$PEER_DIR" ] && return 0
	log "creating the peer tree (pristine base) in $PEER_DIR"
	git -C "$LINUX_DIR" worktree prune
	git -C "$LINUX_DIR" worktree add -q --detach "$PEER_DIR" pristine
}

build_kernel() {
	local kind=$1 src obj image stamp t0
	t0=$(now)
	src=$(kind_src "$kind")
	obj=$(kind_obj "$kind")
	image=$(kernel_image "$kind")
	configure_kernel "$kind" || return 1
	stamp=$(source_stamp "$kind")
	if [ -x "$image" ] && [ "$(cat "$image.stamp" 2>/dev/null)" = "$stamp" ]; then
		log "$kind kernel up to date"
		return 0
	fi
	log "building the $kind kernel in $obj"
	if ! kmake "$src" "$obj" linux >"$obj/build.log" 2>&1; then
		grep -E 'error|Error|warning:' "$obj/build.log" | head -40 >&2
		log "the $kind kernel failed to build; full log: $obj/build.log"
		return 1
	fi
	mkdir -p "$KERNELS_DIR"
	cp "$obj/linux" "$image.tmp" && mv -f "$image.tmp" "$image"
	echo "$stamp" >"$image.stamp"
	log "$kind kernel built in $(($(now) - t0))s: $image"
}

build_tools() {
	[ -f "$REPO_DIR/tools/ksmbd/Makefile" ] || { log "no tools/ksmbd/Makefile yet"; return 0; }
	log "building tools/ksmbd"
	make -s -C "$REPO_DIR/tools/ksmbd" -j"$JOBS" >"$BUILD_DIR/tools-build.log" 2>&1 || {
		tail -40 "$BUILD_DIR/tools-build.log" >&2
		log "tools/ksmbd failed to build; full log: $BUILD_DIR/tools-build.log"
		return 1
	}
}

# build_all WHAT...: WHAT is normal, debug, peer or tools; each holds its
# own lock, so a long debug build does not hold up a normal one
build_all() {
	local w
	for w in "$@"; do
		case $w in
		tools) locked -n tools build_tools || return 1 ;;
		peer) locked -n tree ensure_peer_tree && locked -n peer build_kernel peer || return 1 ;;
		*) locked -n "$w" build_kernel "$w" || return 1 ;;
		esac
	done
}

cmd_build() {
	local what=() a
	for a in "$@"; do
		case $a in
		normal|debug|peer|tools) what+=("$a") ;;
		--debug) what+=(debug) ;;
		--peer) what+=(peer) ;;
		--all) what+=(normal debug peer tools) ;;
		*) die "build: unknown argument '$a' (normal|debug|peer|tools|--all)" ;;
		esac
	done
	[ ${#what[@]} -gt 0 ] || what=(normal tools)
	ensure_prepared
	build_all "${what[@]}"
}
