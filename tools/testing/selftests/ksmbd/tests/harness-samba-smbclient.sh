#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Self-test of the harness (run with --daemon=samba): boot, server start,
# client, teardown all work, independent of our server.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
[ "$KSMBD_DAEMON" = samba ] || skip "meant for --daemon=samba"
exec /bin/sh "$KSMBD_SELFTEST_DIR/tests/smbclient.sh" SMB3_11
