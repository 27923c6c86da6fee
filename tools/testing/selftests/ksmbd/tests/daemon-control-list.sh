#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-control-list.sh: ksmbd.control -l lists the shares the running
# ksmbd.mountd serves, with their comments: a share written into the file
# by hand shows with -C FILE at once, but without -C only after a reload.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
[ "$KSMBD_DAEMON" = ours ] || skip "Debian's ksmbd.control 3.4.7 has no -l"
save_config

k_control -l >log 2>&1 || { cat log; fail "ksmbd.control -l"; }
cat log
grep -q "^$KSMBD_SHARE\$" log || fail "-l does not list $KSMBD_SHARE"
! grep -q 'IPC\$' log || fail "-l lists IPC\$"

mkdir -p /run/fs/listed
printf '[listed]\n\tpath = /run/fs/listed\n\tcomment = a listed share\n' >>"$KSMBD_CONF"
printf 'listed\ta listed share\n' >want
k_control -C "$KSMBD_CONF" -l >log 2>&1 || { cat log; fail "ksmbd.control -C FILE -l"; }
grep -qxF "$(cat want)" log || { cat log; fail "-C FILE -l does not list the new share"; }
k_control -l >log 2>&1 || { cat log; fail "ksmbd.control -l"; }
grep -q '^listed' log && { cat log; fail "-l lists a share the daemon has not loaded"; }
reload
k_control -l >log 2>&1 || { cat log; fail "ksmbd.control -l"; }
cat log
grep -qxF "$(cat want)" log || fail "-l does not list the reloaded share with its comment"
exit 0
