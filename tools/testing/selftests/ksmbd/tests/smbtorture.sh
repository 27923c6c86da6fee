#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# smbtorture.sh TEST: one smbtorture test (e.g. smb2.connect) against the share.
# smbtorture exits 0 when a test skips itself (e.g. "server doesn't support
# SMB2_CAP_MULTI_CHANNEL"): a run that skipped and passed nothing is a skip
# here, never a pass.
# smbtorture.sh --batch TEST...: smbtorture itself over all the TESTs, in one
# process, with the same arguments; its output and status are left to the
# caller (guest/torture-batch.py, which runs consecutive smbtorture.list
# entries that way and judges each by the rules above).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"

# torture:user2name/user2password: the harness's second user (tests that
# need two users, e.g. smb2.session.bind_different_user, skip without).
# torture:localdir: the share's directory on the server's disk, for tests
# that act on the files as a local process would (smb2.samba3misc.
# localposixlock1, smb2.kernel-oplocks.kernel_oplocks8); smbtorture runs
# beside the server in the guest.
torture() {
	if [ -n "${KSMBD_USER2:-}" ]; then
		set -- --option=torture:user2name="$KSMBD_USER2" \
			--option=torture:user2password="$KSMBD_PASSWORD2" "$@"
	fi
	if [ -n "${KSMBD_SHARE_DIR:-}" ]; then
		set -- --option=torture:localdir="$KSMBD_SHARE_DIR" "$@"
	fi
	smbtorture "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
		--option=torture:sharedelay=0 "$@"
}

if [ "${1:-}" = --batch ]; then
	shift
	torture "$@"
	exit
fi
[ $# -eq 1 ] || fail "usage: smbtorture.sh TEST | smbtorture.sh --batch TEST..."
command -v smbtorture >/dev/null || skip "smbtorture not installed (samba-testsuite)"
out=$(mktemp "${TMPDIR:-/tmp}/smbtorture.XXXXXX") || fail "mktemp"
torture "$1" >"$out" 2>&1
rc=$?
cat "$out"
if [ $rc -eq 0 ] && grep -q '^skip:' "$out" && ! grep -q '^success:' "$out"; then
	rm -f "$out"
	skip "$1 skipped itself"
fi
rm -f "$out"
exit $rc
