#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# smbtorture.sh TEST: one smbtorture test (e.g. smb2.connect) against the share.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
[ $# -eq 1 ] || fail "usage: smbtorture.sh TEST"
command -v smbtorture >/dev/null || skip "smbtorture not installed (samba-testsuite)"
smbtorture "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
	--option=torture:sharedelay=0 "$1"
