#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# logon.sh: `smbclient -L` lists the shares; a wrong password gets
# NT_STATUS_LOGON_FAILURE and an unknown share NT_STATUS_BAD_NETWORK_NAME,
# while a client that keeps its session open across both is still served
# and new clients log in afterwards.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"

smbclient -L "//$KSMBD_SERVER" -s "$KSMBD_SMBCONF" \
	-U "$KSMBD_USER%$KSMBD_PASSWORD" >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -Eq "^[[:space:]]+$KSMBD_SHARE[[:space:]]+Disk" log || { cat log; fail "-L does not list $KSMBD_SHARE as a disk"; }
grep -Eq "^[[:space:]]+IPC\\$[[:space:]]+IPC" log || { cat log; fail "-L does not list IPC\$"; }

# a client that stays connected through the failures below
random_file src 100000
mkfifo cmds
smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
	<cmds >held.log 2>&1 &
held=$!
exec 3>cmds
echo "put src held1.bin" >&3
i=0
until [ -f "$KSMBD_SHARE_DIR/held1.bin" ]; do
	i=$((i + 1))
	[ $i -le 100 ] || { cat held.log; fail "the held client did not connect"; }
	sleep 0.2
done

smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%not$KSMBD_PASSWORD" \
	-c ls >log 2>&1 && { cat log; fail "a wrong password logged in"; }
grep -q NT_STATUS_LOGON_FAILURE log || { cat log; fail "wrong password: no NT_STATUS_LOGON_FAILURE"; }

smbclient "//$KSMBD_SERVER/nosuchshare" -s "$KSMBD_SMBCONF" \
	-U "$KSMBD_USER%$KSMBD_PASSWORD" -c ls >log 2>&1 && { cat log; fail "an unknown share connected"; }
grep -q NT_STATUS_BAD_NETWORK_NAME log || { cat log; fail "unknown share: no NT_STATUS_BAD_NETWORK_NAME"; }

echo "put src held2.bin" >&3
echo "ls held*" >&3
echo "quit" >&3
exec 3>&-
wait $held || { cat held.log; fail "the connected client failed"; }
grep -q held2.bin held.log || { cat held.log; fail "the connected client's ls lacks held2.bin"; }
cmp src "$KSMBD_SHARE_DIR/held2.bin" || fail "held2.bin differs on the server"

smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
	-c 'ls held1.bin' >log 2>&1 || { cat log; fail "a new client after the failures"; }
exit 0
