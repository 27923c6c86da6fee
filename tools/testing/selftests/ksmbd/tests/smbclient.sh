#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# smbclient.sh [PROTOCOL]: with smbclient pinned to one dialect, put a file,
# list it, get it back, rename and delete it; check both sides' contents.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
proto=${1:-SMB3_11}

random_file src 300000
smbc "$proto" 'put src f.bin; ls f.bin; get f.bin back' >log 2>&1 || { cat log; fail "put/ls/get"; }
grep -q 'f.bin' log || { cat log; fail "ls does not show f.bin"; }
cmp src back || fail "the file read back differs"
cmp src "$KSMBD_SHARE_DIR/f.bin" || fail "the file on the server differs"

smbc "$proto" 'mkdir d; rename f.bin d\g.bin; ls d\*' >log 2>&1 || { cat log; fail "mkdir/rename"; }
[ -f "$KSMBD_SHARE_DIR/d/g.bin" ] || fail "rename did not happen on the server"
smbc "$proto" 'del d\g.bin; rmdir d' >log 2>&1 || { cat log; fail "del/rmdir"; }
[ ! -e "$KSMBD_SHARE_DIR/d" ] || fail "rmdir did not happen on the server"
exit 0
