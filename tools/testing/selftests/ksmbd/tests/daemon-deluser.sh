#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-deluser.sh: a user added with ksmbd.adduser while the server runs
# can log in; a wrong password is refused; once deleted with ksmbd.adduser
# -d (which tells the daemon by itself) the next login fails. Logins are
# checked with smbclient -L (session setup, IPC$, srvsvc).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config
list_as() { smbclient -L "$KSMBD_SERVER" -s "$KSMBD_SMBCONF" -U "$1%$2"; }

k_adduser -a bob -p 'b0b pass' || fail "adduser -a bob"
sleep 1
list_as bob 'b0b pass' >log 2>&1 || { cat log; fail "bob cannot log in"; }
grep -q "$KSMBD_SHARE" log || { cat log; fail "bob's share list lacks $KSMBD_SHARE"; }
list_as bob 'wrong' >log 2>&1 && { cat log; fail "bob logs in with a wrong password"; }
grep -q NT_STATUS_LOGON_FAILURE log || { cat log; fail "a wrong password: not LOGON_FAILURE"; }

k_adduser -d bob || fail "adduser -d bob"
sleep 1
list_as bob 'b0b pass' >log 2>&1 && { cat log; fail "bob still logs in after his deletion"; }
grep -q NT_STATUS_LOGON_FAILURE log || { cat log; fail "a deleted user: not LOGON_FAILURE"; }
list_as "$KSMBD_USER" "$KSMBD_PASSWORD" >log 2>&1 ||
	{ cat log; fail "$KSMBD_USER cannot log in any more"; }
exit 0
