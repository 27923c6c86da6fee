#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# readonly-attr.sh: FILE_ATTRIBUTE_READONLY set at create and through
# FileBasicInformation refuses opens for writing, clearing it allows them
# again; an AllocationSize given at create is kept (tests/readonly_attr.py).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
/usr/bin/python3 "$KSMBD_SELFTEST_DIR/tests/readonly_attr.py" "$@"
