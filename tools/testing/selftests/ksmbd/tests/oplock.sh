#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# oplock.sh: SMB2 oplock grant, break notification, acknowledgment checks,
# holder/waiter disconnects and the break timeout (tests/oplock.py); a
# share added with "oplocks = no" grants none.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config
dir=/run/fs/nooplocks
rm -rf "$dir"
mkdir -p "$dir"
chmod 0777 "$dir"
k_addshare -a nooplocks -o "path = $dir
read only = no
oplocks = no" || fail "addshare -a nooplocks"
reload
KSMBD_NOOPLOCKS_SHARE=nooplocks /usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/oplock.py" "$@"
