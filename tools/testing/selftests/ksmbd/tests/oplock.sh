#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# oplock.sh: SMB2 oplock grant, break notification, acknowledgment checks,
# holder/waiter disconnects and the break timeout (tests/oplock.py).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
exec /usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/oplock.py" "$@"
