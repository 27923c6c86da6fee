# SPDX-License-Identifier: GPL-2.0-or-later
# prepare: Debian packages, the pristine base tree in $BUILD_DIR/linux (a git
# repo whose first commit is the untouched base), and the project's kernel
# files overlaid on it. Re-running is cheap: only changed files are copied.

BASE_TARBALL=/usr/src/linux-source-6.1.tar.xz

install_packages() {
	local missing=() p
	while read -r p; do
		p=${p%%#*}
		p=${p//[[:space:]]/}
		[ -n "$p" ] || continue
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done <"$SELFTEST_DIR/packages.txt"
	[ ${#missing[@]} -eq 0 ] && return 0
	log "installing: ${missing[*]}"
	[ "$(id -u)" -eq 0 ] || die "need root to install: ${missing[*]}"
	# Never start daemons (smbd, winbind) on the host: they run in guests only.
	local policy=/usr/sbin/policy-rc.d made_policy=
	if [ ! -e $policy ]; then
		printf '#!/bin/sh\nexit 101\n' >$policy && chmod +x $policy
		made_policy=1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq &&
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	local rc=$?
	[ -z "$made_policy" ] || rm -f $policy
	[ $rc -eq 0 ] || die "apt-get install failed"
}

# Debian's ksmbd-tools conflicts with samba: unpack it instead of installing.
fetch_ksmbd_tools() {
	[ -x "$KTOOLS_DIR/usr/sbin/ksmbd.mountd" ] && return 0
	local tmp
	tmp=$(mktemp -d "$BUILD_DIR/debs.XXXXXX")
	(cd "$tmp" && apt-get download -qq ksmbd-tools) ||
		{ rm -rf "$tmp"; log "warning: cannot download ksmbd-tools"; return 0; }
	rm -rf "$KTOOLS_DIR"
	dpkg -x "$tmp"/ksmbd-tools_*.deb "$KTOOLS_DIR"
	rm -rf "$tmp"
}

extract_base() {
	[ -f "$BASE_TARBALL" ] || die "$BASE_TARBALL missing (package linux-source-6.1)"
	local version
	version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	if [ -d "$LINUX_DIR/.git" ] && git -C "$LINUX_DIR" rev-parse -q --verify pristine >/dev/null &&
	   [ "$(cat "$BUILD_DIR/base-version" 2>/dev/null)" = "$version" ]; then
		return 0
	fi
	log "extracting the base tree ($version) into $LINUX_DIR"
	rm -rf "$LINUX_DIR" "$PEER_DIR" "$BUILD_DIR"/obj-* "$BUILD_DIR/overlay.list"
	local tmp
	tmp=$(mktemp -d "$BUILD_DIR/extract.XXXXXX")
	tar -C "$tmp" -xJf "$BASE_TARBALL"
	mv "$tmp"/linux-source-6.1 "$LINUX_DIR"
	rmdir "$tmp"
	(
		cd "$LINUX_DIR" &&
		git init -q -b pristine-base . &&
		git config user.name "ksmbd-vm" &&
		git config user.email "ksmbd-vm@localhost" &&
		git config gc.auto 0 &&
		git add -f . &&
		git commit -q -m "Linux $version (Debian linux-source-6.1), pristine" &&
		git tag pristine
	) || die "cannot commit the pristine tree"
	echo "$version" >"$BUILD_DIR/base-version"
}

# project_kernel_files: the project's kernel-tree files, one path per line
project_kernel_files() {
	(cd "$REPO_DIR" && for d in $KERNEL_PATHS; do
		[ -d "$d" ] && find "$d" -type f ! -name '*.o' ! -name '.*.cmd'
	done) | LC_ALL=C sort
}

# overlay: the base's fs/smb/server is replaced by ours (files we drop vanish);
# every other project file is copied over the base. Files overlaid last time
# but gone from the project are restored to the base. A file is rewritten
# only when its content differs (rsync -c), and then gets the time of the
# overlay, not the project file's: a file edited while a build ran (after
# that build's overlay) still looks newer than the object compiled from
# its old content, so the next build recompiles it.
overlay() {
	local list=$BUILD_DIR/overlay.list new
	new=$(mktemp "$BUILD_DIR/overlay.XXXXXX")
	project_kernel_files >"$new"
	if [ -f "$list" ]; then
		comm -23 "$list" "$new" | while read -r f; do
			case $f in fs/smb/server/*) continue ;; esac
			if git -C "$LINUX_DIR" cat-file -e "pristine:$f" 2>/dev/null; then
				git -C "$LINUX_DIR" checkout -q pristine -- "$f"
			else
				rm -f "$LINUX_DIR/$f"
			fi
		done
	fi
	mkdir -p "$LINUX_DIR/fs/smb/server"
	rsync -rlpc --delete "$REPO_DIR/fs/smb/server/" "$LINUX_DIR/fs/smb/server/"
	rsync -lpc --files-from="$new" "$REPO_DIR/" "$LINUX_DIR/"
	mv "$new" "$list"
}

cmd_prepare() {
	[ $# -eq 0 ] || die "prepare takes no arguments"
	mkdir -p "$BUILD_DIR"
	install_packages
	locked -n tree prepare_tree
}

prepare_tree() {
	fetch_ksmbd_tools
	extract_base
	overlay
}

# ensure_prepared: the cheap part of prepare, for build/test/exec
ensure_prepared() {
	if [ ! -d "$LINUX_DIR/.git" ]; then
		cmd_prepare
	else
		locked -n tree overlay
	fi
}
