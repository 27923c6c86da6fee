#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-cli-34.sh: the command lines of Debian's ksmbd-tools 3.4.7, in the
# spellings its --help prints (long options with `=', the name attached to
# -a/-u/-d, -c CONF, adduser -i PWDDB, mountd -u PWDDB, one --options of
# lines) drive the running daemon: a user is added, updated and deleted, a
# share added and deleted, and ksmbd.mountd restarted. Run with ours and with
# ksmbd-tools itself, so the spellings are proven to be 3.4.7's.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
save_config
T=$KSMBD_TOOLS
list_as() { smbclient -L "$KSMBD_SERVER" -s "$KSMBD_SMBCONF" -U "$1%$2"; }

"$T/ksmbd.adduser" --import-users="$KSMBD_PWDDB" -c "$KSMBD_CONF" --add-user=carol --password=c4rol ||
	fail "adduser --add-user=carol"
sleep 1
list_as carol c4rol >log 2>&1 || { cat log; fail "carol cannot log in"; }
"$T/ksmbd.adduser" -i "$KSMBD_PWDDB" -ucarol -pn3w || fail "adduser -ucarol"
sleep 1
list_as carol n3w >log 2>&1 || { cat log; fail "carol's new password is refused"; }
list_as carol c4rol >log 2>&1 && { cat log; fail "carol's old password still works"; }

dir=/run/fs/cli34
mkdir -p "$dir"
"$T/ksmbd.addshare" -c "$KSMBD_CONF" --add-share=cli34 --options="path = $dir
comment = added the 3.4.7 way" || fail "addshare --add-share=cli34"
reload
share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -Eq '^[[:space:]]+cli34[[:space:]]+Disk[[:space:]]+added the 3.4.7 way$' log ||
	{ cat log; fail "cli34 is not listed"; }
"$T/ksmbd.addshare" -c "$KSMBD_CONF" -dcli34 || fail "addshare -dcli34"
reload
share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -q cli34 log && { cat log; fail "cli34 is still listed"; }

# the daemon itself: stopped, then started as 3.4.7 is (-c CONF -u PWDDB)
k_control -s || fail "ksmbd.control -s"
i=0
while mountd_pid >/dev/null || grep -q ':01BD .* 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "the server does not stop"
	sleep 0.1
done
"$T/ksmbd.mountd" -c "$KSMBD_CONF" -u "$KSMBD_PWDDB" || fail "ksmbd.mountd -c -u"
i=0
until share_list >log 2>&1; do
	i=$((i + 1))
	[ $i -lt 40 ] || { cat log; fail "no answer after ksmbd.mountd -c -u"; }
	sleep 0.5
done
list_as carol n3w >log 2>&1 || { cat log; fail "carol cannot log in after the restart"; }

"$T/ksmbd.adduser" --import-users="$KSMBD_PWDDB" --del-user=carol || fail "adduser --del-user=carol"
sleep 1
list_as carol n3w >log 2>&1 && { cat log; fail "carol logs in after her deletion"; }
list_as "$KSMBD_USER" "$KSMBD_PASSWORD" >log 2>&1 || { cat log; fail "$KSMBD_USER cannot log in"; }
exit 0
