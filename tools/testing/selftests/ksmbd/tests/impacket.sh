#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# impacket.sh [DIALECT]: python3-impacket (an independent SMB2/3 client) logs
# in, writes, lists, reads and deletes a file. DIALECT: 2.0.2, 2.1, 3.0, 3.1.1
# (impacket 0.10 speaks up to 3.0; default: its best).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
exec /usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/impacket_client.py" "${1:-}"
