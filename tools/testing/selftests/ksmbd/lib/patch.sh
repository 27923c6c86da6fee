# SPDX-License-Identifier: GPL-2.0-or-later
# patch [DIR]: the committed project (HEAD) as a git format-patch series
# against the pristine base, one patch per logical part, proven by `git am`
# onto a fresh worktree of the pristine base. Default DIR: $BUILD_DIR/patches.

SERIES_WT=$BUILD_DIR/series
AM_WT=$BUILD_DIR/series-am

# series_commit SUBJECT BODY PATH...: copy PATH (from HEAD) into the series
# worktree, replacing what the base had there; commit if anything changed
series_commit() {
	local subject=$1 body=$2 p
	shift 2
	for p in "$@"; do
		git -C "$REPO_DIR" cat-file -e "HEAD:$p" 2>/dev/null || continue
		rm -rf "${SERIES_WT:?}/$p"
		git -C "$REPO_DIR" archive HEAD -- "$p" | tar -x -C "$SERIES_WT"
	done
	# -f: Debian's base tree ships a .gitignore that ignores everything
	git -C "$SERIES_WT" add -A -f
	git -C "$SERIES_WT" diff --cached --quiet && return 0
	git -C "$SERIES_WT" commit -q -s -m "$subject" -m "$body"
}

# hookup paths: the project's fs/, net/ files outside fs/smb/server
hookup_paths() {
	git -C "$REPO_DIR" ls-files -- fs net | grep -v '^fs/smb/server/' || true
}

worktree_fresh() {
	git -C "$LINUX_DIR" worktree remove --force "$1" 2>/dev/null
	rm -rf "$1"
	git -C "$LINUX_DIR" worktree prune
	git -C "$LINUX_DIR" worktree add -q --detach "$1" pristine
}

make_series() {
	local out=$1 name email
	name=$(git -C "$REPO_DIR" log -1 --format=%an)
	email=$(git -C "$REPO_DIR" log -1 --format=%ae)
	export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
	export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email
	worktree_fresh "$SERIES_WT" || return 1

	# shellcheck disable=SC2046
	series_commit "fs/smb: prepare the tree for the new ksmbd server" \
"Changes outside fs/smb/server that the new server needs: build
hookup and shared definitions." $(hookup_paths)
	series_commit "ksmbd: add the netlink ABI header" \
"The generic netlink interface between the kernel server and its
userspace daemon, kept compatible with the 6.1 ABI." include
	series_commit "ksmbd: replace the SMB3 server with a new implementation" \
"A new in-kernel SMB2/3 server, with its KUnit suites. It keeps the
module name, Kconfig symbols and netlink ABI of the server it replaces,
so existing userspace keeps working." fs/smb/server
	series_commit "tools/ksmbd: add the userspace daemon and admin tools" \
"ksmbd.mountd, ksmbd.control, ksmbd.adduser and ksmbd.addshare, with a
command line compatible with ksmbd-tools." tools/ksmbd
	series_commit "selftests/ksmbd: add the UML build and test harness" \
"ksmbd-vm builds User-Mode Linux kernels with the server, boots them,
and runs KUnit suites and integration tests with real SMB clients." \
		tools/testing/selftests/ksmbd
	series_commit "Documentation: ksmbd: describe the new server" \
"Administration and design documentation." Documentation
	if git -C "$REPO_DIR" cat-file -e HEAD:MAINTAINERS 2>/dev/null; then
		git -C "$REPO_DIR" show HEAD:MAINTAINERS >"$BUILD_DIR/MAINTAINERS.entry"
		python3 "$SELFTEST_DIR/lib/merge_maintainers.py" \
			"$SERIES_WT/MAINTAINERS" "$BUILD_DIR/MAINTAINERS.entry" || return 1
		git -C "$SERIES_WT" add MAINTAINERS
		git -C "$SERIES_WT" diff --cached --quiet ||
			git -C "$SERIES_WT" commit -q -s -m "MAINTAINERS: update the ksmbd entry" \
				-m "List the files of the new server, its tools and tests."
	fi

	rm -rf "$out"
	mkdir -p "$out"
	git -C "$SERIES_WT" format-patch -q --cover-letter -o "$out" pristine..HEAD || return 1

	# prove it: apply onto a fresh pristine worktree, compare the trees
	worktree_fresh "$AM_WT" || return 1
	local patches
	mapfile -t patches < <(ls "$out"/*.patch | grep -v '/0000-cover-letter.patch$')
	git -C "$AM_WT" am -q "${patches[@]}" || {
		git -C "$AM_WT" am --abort
		echo "patch: git am failed"
		return 1
	}
	if [ "$(git -C "$AM_WT" rev-parse 'HEAD^{tree}')" != "$(git -C "$SERIES_WT" rev-parse 'HEAD^{tree}')" ]; then
		echo "patch: the applied series differs from the project"
		return 1
	fi
	git -C "$SERIES_WT" log --reverse --format='  %s' pristine..HEAD
	echo "patch: $(ls "$out" | grep -vc 0000-) patches in $out, applied cleanly with git am"
}

cmd_patch() {
	local out=${1:-$BUILD_DIR/patches}
	out=$(realpath -m "$out")
	ensure_prepared
	locked -n tree make_series "$out"
}
