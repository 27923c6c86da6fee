#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-guest.sh: with "map to guest = bad user", an unknown account logs
# in as the guest and may use a "guest ok" share but not the others; a
# known account with a wrong password is still refused. (Global settings
# need a restart: the daemon is restarted, and again with the saved config.)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"

cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
cp "$KSMBD_PWDDB" /run/ksmbd/ksmbdpwd.db.saved
trap 'cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"; start_daemon' EXIT

mkdir -p /run/fs/public
chmod 0777 /run/fs/public
sed -i 's/^\[global\]$/[global]\n\tmap to guest = bad user/' "$KSMBD_CONF"
printf '[public]\n\tpath = /run/fs/public\n\tguest ok = yes\n\tread only = no\n' >>"$KSMBD_CONF"
start_daemon

echo hi >src
smbc_as stranger whatever "//$KSMBD_SERVER/public" 'put src s.txt; ls' >log 2>&1 ||
	{ cat log; fail "an unknown account cannot use the guest ok share"; }
cmp src /run/fs/public/s.txt || fail "the guest's file is not there"
smbc_as stranger whatever "$KSMBD_UNC" ls >log 2>&1 &&
	{ cat log; fail "the guest reaches a share without guest ok"; }
smbc_as "$KSMBD_USER" wrong "$KSMBD_UNC" ls >log 2>&1 &&
	{ cat log; fail "a known account logs in with a wrong password"; }
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$KSMBD_UNC" ls >log 2>&1 ||
	{ cat log; fail "$KSMBD_USER cannot log in"; }
exit 0
