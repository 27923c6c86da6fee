#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# rename-parent.sh: a rename against the opens of its target directory on
# this connection and another (tests/rename_parent.py): opens with DELETE
# access, or data access not sharing read, fail the rename of a file with
# SHARING_VIOLATION; a directory is renamed beside them.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
/usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/rename_parent.py" "$@"
