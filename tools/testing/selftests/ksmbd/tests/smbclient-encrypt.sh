#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# smbclient-encrypt.sh PROTOCOL [CIPHER]: smbclient requiring encryption
# (it refuses a session or a response that is not encrypted), pinned to
# PROTOCOL and, for SMB3_11, to one cipher (AES-128-CCM, AES-128-GCM,
# AES-256-CCM, AES-256-GCM): a 9 MiB file (multi-credit READ/WRITE) put,
# listed and read back, checked on both sides.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
proto=${1:?usage: smbclient-encrypt.sh PROTOCOL [CIPHER]}
cipher=${2:-}

set -- --client-protection=encrypt
[ -n "$cipher" ] && set -- "$@" --option="client smb3 encryption algorithms=$cipher"
random_file src 9437184
smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
	--option="client min protocol=$proto" --option="client max protocol=$proto" \
	"$@" -c 'put src e.bin; ls e.bin; get e.bin back' >log 2>&1 ||
	{ cat log; fail "encrypted put/ls/get ($proto ${cipher:-default})"; }
grep -q 'e.bin' log || { cat log; fail "ls does not show e.bin"; }
cmp src back || fail "the file read back differs"
cmp src "$KSMBD_SHARE_DIR/e.bin" || fail "the file on the server differs"
exit 0
