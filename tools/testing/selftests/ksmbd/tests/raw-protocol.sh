#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# raw-protocol.sh [setup-timeout]: hostile SMB2 framing, offsets,
# negotiate contexts, NTLMSSP blobs, second NEGOTIATE, SMB1 after SMB2,
# credit window and compound elements after LOGOFF/TREE_DISCONNECT, on raw
# sockets; the server must answer each as [MS-SMB2] says and keep serving.
# With setup-timeout: connections without a session are closed in time.
# With conn-limits: "max ip connections = 4" and "max connections = 6"
# (the daemon is restarted with them, and again with the saved config)
# hold one address to four connections and all to six (our daemon:
# ksmbd-tools 3.4.7 has no max ip connections).
# A veth pair with known addresses is made for the interface list.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
if [ "${1:-}" = conn-limits ]; then
	. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
	cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
	trap 'cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"; start_daemon' EXIT
	sed -i 's/^\[global\]$/[global]\n\tmax ip connections = 4\n\tmax connections = 6/' "$KSMBD_CONF"
	start_daemon
	/usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/raw_protocol.py" conn-limits
	exit
fi
if [ $# -eq 0 ]; then
	ip link add ksmbdv0 type veth peer name ksmbdv1 &&
		ip addr add 10.77.0.1/24 dev ksmbdv0 &&
		ip -6 addr add fd00:77::1/64 dev ksmbdv0 nodad &&
		ip link set ksmbdv1 up && ip link set ksmbdv0 up ||
		fail "cannot make the veth pair"
fi
exec /usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/raw_protocol.py" "$@"
