# SPDX-License-Identifier: GPL-2.0-or-later
# Paths and helpers shared by every ksmbd-vm verb. Sourced, not run.

SELFTEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(cd "$SELFTEST_DIR/../../../.." && pwd)
BUILD_DIR=${KSMBD_BUILD_DIR:-$REPO_DIR/.build}
LINUX_DIR=$BUILD_DIR/linux
PEER_DIR=$BUILD_DIR/linux-peer
KTOOLS_DIR=$BUILD_DIR/ksmbd-tools	# Debian's ksmbd-tools, unpacked
KERNELS_DIR=$BUILD_DIR/kernels		# snapshots of built kernels we boot
RUNS_DIR=$BUILD_DIR/runs		# one dir per guest boot
LOCK_FILE=$BUILD_DIR/lock
JOBS=${KSMBD_JOBS:-$(nproc)}

# The project's files that belong in the kernel tree (overlaid on the base).
KERNEL_PATHS="fs include net Documentation"

die() { echo "ksmbd-vm: error: $*" >&2; exit 1; }
log() { echo "ksmbd-vm: $*" >&2; }

# locked -n NAME CMD...: run CMD (a command or shell function) holding the
# build dir's lock NAME ("tree" for the source tree, or a kernel kind), so
# concurrent ksmbd-vm invocations never run make in one O= dir, or change
# the tree, at once.
locked() {
	local file=$LOCK_FILE-$2
	shift 2
	mkdir -p "$BUILD_DIR"
	(
		exec 9>>"$file"
		if ! flock -n 9; then
			log "waiting for the build lock ($file)"
			flock 9
		fi
		"$@"
	)
}

# now: seconds since the epoch, for stage timings
now() { date +%s; }
