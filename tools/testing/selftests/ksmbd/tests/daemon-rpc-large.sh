#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-rpc-large.sh [N]: a share enumeration far larger than one pipe
# read and one DCE/RPC fragment (N shares with long comments, 150 by
# default: about 40 KB of NDR): smbclient -L and rpcclient netshareenumall
# list every share with its comment, so the daemon's fragments and the
# kernel's "more data" answers are put together right.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config

n=${1:-150}
mkdir -p /run/fs/many
i=1
while [ $i -le "$n" ]; do
	printf '[many%03d]\n\tpath = /run/fs/many\n\tcomment = comment of share number %03d, padded to be long enough\n' \
		$i $i
	i=$((i + 1))
done >>"$KSMBD_CONF"
reload

share_list >log 2>&1 || { tail -5 log; fail "smbclient -L"; }
got=$(grep -Ec '^[[:space:]]+many[0-9]{3}[[:space:]]+Disk[[:space:]]+comment of share number [0-9]{3}, padded to be long enough$' log)
[ "$got" = "$n" ] || { tail -5 log; fail "smbclient -L listed $got of $n shares"; }
grep -Eq "^[[:space:]]+many$(printf %03d "$n")[[:space:]]+Disk[[:space:]]+comment of share number $(printf %03d "$n")," log ||
	fail "the last share is not listed with its comment"

rpcclient -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" "$KSMBD_SERVER" \
	-c netshareenumall >log 2>&1 || { tail -5 log; fail "rpcclient netshareenumall"; }
got=$(grep -Ec '^netname: many[0-9]{3}$' log)
[ "$got" = "$n" ] || { tail -5 log; fail "netshareenumall listed $got of $n shares"; }
got=$(grep -Ec 'remark:[[:space:]]+comment of share number [0-9]{3}, padded to be long enough$' log)
[ "$got" = "$n" ] || fail "netshareenumall gave $got of $n comments"
exit 0
