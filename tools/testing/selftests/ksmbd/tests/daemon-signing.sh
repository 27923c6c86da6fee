#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-signing.sh: "server signing = mandatory" makes NEGOTIATE say
# SIGNING_REQUIRED (smbtorture smb2.session-require-signing.bug15397 checks
# the security mode and that a session signs), every dialect still serves a
# signing client, and the default ("auto") answers SIGNING_ENABLED only.
# (A global setting: the daemon is restarted, and again with the saved
# config.)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
command -v smbtorture >/dev/null || skip "smbtorture not installed (samba-testsuite)"

cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
trap 'cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"; start_daemon' EXIT

bug15397() {
	sh "$KSMBD_SELFTEST_DIR/tests/smbtorture.sh" \
		smb2.session-require-signing.bug15397 >log 2>&1
}

# the default does not require signing: the test sees it and fails
bug15397 && { cat log; fail "signing required without server signing = mandatory"; }
grep -q 'Signing not required' log || { cat log; fail "bug15397 failed otherwise"; }

sed -i 's/^\[global\]$/[global]\n\tserver signing = mandatory/' "$KSMBD_CONF"
start_daemon
bug15397 || { cat log; fail "bug15397 with server signing = mandatory"; }
for p in SMB2_02 SMB2_10 SMB3_00 SMB3_11; do
	smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
		--option="client min protocol=$p" --option="client max protocol=$p" \
		-c ls >log 2>&1 || { cat log; fail "$p refused with mandatory signing"; }
done
exit 0
