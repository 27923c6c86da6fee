#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-share-list.sh: `smbclient -L` (srvsvc NetShareEnumAll over IPC$)
# lists the shares with their comments and IPC$, and leaves out a share
# with "browseable = no".
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config

mkdir -p /run/fs/docs /run/fs/hidden
k_addshare -u "$KSMBD_SHARE" -o "comment = the test share" || fail "addshare -u"
k_addshare -a docs -o "path = /run/fs/docs
comment = Documents and more" || fail "addshare -a docs"
k_addshare -a hidden -o "path = /run/fs/hidden
comment = not listed
browseable = no" || fail "addshare -a hidden"
reload

share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
cat log
grep -Eq "^[[:space:]]+${KSMBD_SHARE}[[:space:]]+Disk[[:space:]]+the test share\$" log ||
	fail "$KSMBD_SHARE is not listed with its comment"
grep -Eq '^[[:space:]]+docs[[:space:]]+Disk[[:space:]]+Documents and more$' log ||
	fail "docs is not listed with its comment"
grep -Eq '^[[:space:]]+IPC\$[[:space:]]+IPC' log || fail "IPC\$ is not listed"
! grep -q hidden log || fail "a share with browseable = no is listed"
exit 0
