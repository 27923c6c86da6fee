#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-encrypt.sh: "smb3 encryption = mandatory" refuses sessions that
# cannot encrypt (SMB2_10, a client that disables encryption) and serves
# SMB3 clients, which encrypt because the session says ENCRYPT_DATA;
# "smb3 encryption = disabled" refuses a client that requires encryption.
# (Global settings need a restart: the daemon is restarted, and again with
# the saved config.)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
[ "$KSMBD_DAEMON" = ours ] || skip "3.4.7 spells smb3 encryption differently"

cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
trap 'cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"; start_daemon' EXIT

# smbc_enc PROTOCOL PROTECTION COMMANDS
smbc_enc() {
	smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
		--option="client min protocol=$1" --option="client max protocol=$1" \
		--client-protection="$2" -c "$3"
}

sed -i 's/^\[global\]$/[global]\n\tsmb3 encryption = mandatory/' "$KSMBD_CONF"
start_daemon
echo hi >src
smbc_enc SMB3_11 sign 'put src m.txt; ls' >log 2>&1 ||
	{ cat log; fail "SMB3_11 refused with mandatory encryption"; }
cmp src "$KSMBD_SHARE_DIR/m.txt" || fail "the file on the server differs"
smbc_enc SMB3_00 sign ls >log 2>&1 ||
	{ cat log; fail "SMB3_00 refused with mandatory encryption"; }
smbc_enc SMB2_10 sign ls >log 2>&1 &&
	{ cat log; fail "SMB2_10 (no encryption) got a session"; }
grep -q ACCESS_DENIED log || { cat log; fail "SMB2_10 not refused with ACCESS_DENIED"; }

cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"
sed -i 's/^\[global\]$/[global]\n\tsmb3 encryption = disabled/' "$KSMBD_CONF"
start_daemon
smbc_enc SMB3_11 encrypt ls >log 2>&1 &&
	{ cat log; fail "an encrypting client got a share with encryption disabled"; }
smbc_enc SMB3_11 sign ls >log 2>&1 ||
	{ cat log; fail "SMB3_11 refused with encryption disabled"; }
exit 0
