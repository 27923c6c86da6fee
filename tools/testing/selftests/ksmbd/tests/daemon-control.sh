#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-control.sh: ksmbd.control -d COMPONENT toggles a kernel debug class
# (shown in brackets when on), refuses an unknown one, and -c prints the
# kernel server's version.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"

on() { grep -q "\[$1\]"; }
before=$(cat /sys/class/ksmbd-control/debug) || fail "no /sys/class/ksmbd-control/debug"
echo "before: $before"
echo "$before" | on vfs && fail "vfs debug is on before the test"
out=$(k_control -d vfs) || fail "ksmbd.control -d vfs"
echo "after -d vfs: $out"
echo "$out" | on vfs || fail "-d vfs did not print vfs as on"
on vfs </sys/class/ksmbd-control/debug || fail "vfs debug is not on in sysfs"
echo "$out" | on auth && fail "-d vfs also turned auth on"
out=$(k_control -d vfs) || fail "ksmbd.control -d vfs (again)"
echo "after -d vfs again: $out"
echo "$out" | on vfs && fail "a second -d vfs did not turn it off"
k_control -d nosuchclass >log 2>&1 && { cat log; fail "-d with an unknown class succeeded"; }
[ "$(cat /sys/class/ksmbd-control/debug)" = "$before" ] || fail "the debug classes changed"

ver=$(k_control -c) || fail "ksmbd.control -c"
echo "version: $ver"
echo "$ver" | grep -Eq '[0-9]+\.[0-9]+\.[0-9]+' || fail "-c printed no version number"
if [ -r /sys/module/ksmbd/version ]; then
	echo "$ver" | grep -qF "$(cat /sys/module/ksmbd/version)" ||
		fail "-c does not print /sys/module/ksmbd/version"
fi
exit 0
