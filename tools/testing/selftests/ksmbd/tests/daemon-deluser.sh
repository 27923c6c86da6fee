#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-deluser.sh: a user added with ksmbd.adduser while the server runs
# can log in; a wrong password is refused; once deleted with ksmbd.adduser
# -d (which tells the daemon by itself) the next login fails.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config

k_adduser -a bob -p 'b0b pass' || fail "adduser -a bob"
sleep 1
smbc_as bob 'b0b pass' "$KSMBD_UNC" ls >log 2>&1 || { cat log; fail "bob cannot log in"; }
smbc_as bob 'wrong' "$KSMBD_UNC" ls >log 2>&1 && { cat log; fail "bob logs in with a wrong password"; }
grep -q NT_STATUS_LOGON_FAILURE log || { cat log; fail "a wrong password: not LOGON_FAILURE"; }

k_adduser -d bob || fail "adduser -d bob"
sleep 1
smbc_as bob 'b0b pass' "$KSMBD_UNC" ls >log 2>&1 && { cat log; fail "bob still logs in after his deletion"; }
grep -q NT_STATUS_LOGON_FAILURE log || { cat log; fail "a deleted user: not LOGON_FAILURE"; }
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$KSMBD_UNC" ls >log 2>&1 ||
	{ cat log; fail "$KSMBD_USER cannot log in any more"; }
exit 0
