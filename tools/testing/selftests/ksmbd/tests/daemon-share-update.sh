#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-share-update.sh: a share whose path and "read only" change while
# the server runs (ksmbd.addshare -u, then ksmbd.control -r) is served with
# the new settings from the next connection on, though the kernel had the
# old ones cached.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config
unc=//$KSMBD_SERVER/moving
rm -rf /run/fs/old /run/fs/new
mkdir -p /run/fs/old /run/fs/new
chmod 0777 /run/fs/old /run/fs/new
echo one >one
echo two >two

k_addshare -a moving -o "path = /run/fs/old
read only = no" || fail "addshare -a moving"
reload
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" 'put one one.txt' >log 2>&1 || { cat log; fail "put into the share"; }
cmp one /run/fs/old/one.txt || fail "the first file is not in the old path"

k_addshare -u moving -o "path = /run/fs/new" || fail "addshare -u moving"
reload
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" 'put two two.txt' >log 2>&1 || { cat log; fail "put after the update"; }
[ -e /run/fs/old/two.txt ] && fail "the share still writes to its old path"
cmp two /run/fs/new/two.txt || fail "the file is not in the new path"

k_addshare -u moving -o "read only = yes" || fail "addshare -u read only"
reload
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" 'put one three.txt' >log 2>&1 && { cat log; fail "a read-only share took a file"; }
[ -e /run/fs/new/three.txt ] && fail "a file appeared in a read-only share"
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$unc" 'get two.txt back' >log 2>&1 || { cat log; fail "get from the read-only share"; }
cmp two back || fail "the file read back differs"
exit 0
