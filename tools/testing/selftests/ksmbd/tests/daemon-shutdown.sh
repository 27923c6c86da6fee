#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-shutdown.sh: ksmbd.control -s stops ksmbd.mountd and the kernel
# server: the daemon exits, nothing listens on port 445 any more, a client
# cannot connect. (The harness starts the server again for the next test.)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"

mountd_pid >/dev/null || fail "no ksmbd.mountd before the test"
share_list >log 2>&1 || { cat log; fail "the server does not answer before the test"; }
k_control -s || fail "ksmbd.control -s"
i=0
while mountd_pid >/dev/null || grep -q ':01BD .* 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
mountd_pid >/dev/null && fail "ksmbd.mountd still runs: $(mountd_pid)"
grep -q ':01BD .* 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null && fail "port 445 still listens"
share_list >log 2>&1 && { cat log; fail "a client still connects"; }
echo "state: $(cat /sys/class/ksmbd-control/kill_server 2>/dev/null)"
exit 0
