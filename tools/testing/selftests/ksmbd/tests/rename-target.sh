#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# rename-target.sh: a rename with ReplaceIfExists onto a file held open (on
# this connection or another, through its data or a named stream, any
# share mode) gets ACCESS_DENIED and the target keeps its data; after the
# target's close the rename replaces it (tests/rename_target.py)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
/usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/rename_target.py" "$@"
