#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-reload.sh: ksmbd.control -r reloads the configuration (a changed
# comment shows) while an open SMB session goes on working across it.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config

random_file a 100000
random_file b 100000
mkfifo cmds
smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" <cmds >out 2>&1 &
client=$!
exec 3>cmds
echo 'put a a.bin' >&3
i=0
while [ ! -f "$KSMBD_SHARE_DIR/a.bin" ] || ! cmp -s a "$KSMBD_SHARE_DIR/a.bin"; do
	i=$((i + 1))
	[ $i -lt 100 ] || { exec 3>&-; cat out; fail "the first put did not arrive"; }
	sleep 0.1
done
pid1=$(mountd_pid)

k_addshare -u "$KSMBD_SHARE" -o "comment = reloaded comment" || fail "addshare -u"
reload
[ "$(mountd_pid)" = "$pid1" ] || echo "note: ksmbd.mountd's pid changed across the reload"

echo 'put b b.bin' >&3
echo 'get a.bin a.back' >&3
echo 'quit' >&3
exec 3>&-
wait $client
rc=$?
cat out
[ $rc -eq 0 ] || fail "smbclient exited with $rc"
! grep -q NT_STATUS out || fail "the session saw an error"
cmp b "$KSMBD_SHARE_DIR/b.bin" || fail "the put after the reload did not arrive"
cmp a a.back || fail "the get after the reload differs"

share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -q 'reloaded comment' log || { cat log; fail "the reloaded comment does not show"; }
exit 0
