#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-addshare.sh: a share added with ksmbd.addshare while the server
# runs can be connected to (after ksmbd.control -r), its files land in its
# path; once deleted again it can no longer be connected to.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config
unc=//$KSMBD_SERVER/extra
dir=/run/fs/extra
rm -rf "$dir"
mkdir -p "$dir"
chmod 0777 "$dir"

smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" ls >log 2>&1 && { cat log; fail "extra answers before it exists"; }
grep -q NT_STATUS_BAD_NETWORK_NAME log || { cat log; fail "a missing share: not BAD_NETWORK_NAME"; }

k_addshare -a extra -o "path = $dir
read only = no
comment = added at run time" || fail "addshare -a extra"
reload
echo added >src
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" 'put src a.txt; ls' >log 2>&1 ||
	{ cat log; fail "put into the new share"; }
cmp src "$dir/a.txt" || fail "the file is not in the new share's path"

k_addshare -d extra || fail "addshare -d extra"
reload
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" ls >log 2>&1 && { cat log; fail "extra answers after its deletion"; }
grep -q NT_STATUS_BAD_NETWORK_NAME log || { cat log; fail "a deleted share: not BAD_NETWORK_NAME"; }
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$KSMBD_UNC" ls >log 2>&1 || { cat log; fail "the first share broke"; }
exit 0
