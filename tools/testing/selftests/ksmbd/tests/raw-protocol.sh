#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# raw-protocol.sh [setup-timeout]: hostile SMB2 framing, offsets,
# negotiate contexts, NTLMSSP blobs, second NEGOTIATE, SMB1 after SMB2,
# credit window and compound elements after LOGOFF/TREE_DISCONNECT, on raw
# sockets; the server must answer each as [MS-SMB2] says and keep serving.
# With setup-timeout: connections without a session are closed in time.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
exec /usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/raw_protocol.py" "$@"
