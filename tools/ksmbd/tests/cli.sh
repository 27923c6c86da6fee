#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# End-to-end checks of ksmbd.adduser / ksmbd.addshare / ksmbd.control on
# files in a temporary directory (exit codes, file formats, modes).
set -u
cd "$(dirname "$0")/.."
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
n=0
ok() { n=$((n + 1)); if ! "$@"; then echo "FAIL: $*"; fail=$((fail + 1)); fi; }
rc() { want=$1; shift; "$@" >/dev/null 2>&1; got=$?; n=$((n + 1));
	[ "$got" = "$want" ] || { echo "FAIL (rc $got, want $want): $*"; fail=$((fail + 1)); }; }

DB=$T/pwd.db; CONF=$T/ksmbd.conf
printf '[global]\n\tworkgroup = TEST ; keep\n' > "$CONF"

rc 0 ./ksmbd.adduser -P "$DB" -C "$CONF" -a -p Password alice
ok grep -qx 'alice:pPScQGUQvcq2gk7nww/YUg==' "$DB"
ok test "$(stat -c %a "$DB")" = 600
rc 1 ./ksmbd.adduser -P "$DB" -a -p x alice            # exists
rc 0 ./ksmbd.adduser -i "$DB" -c "$CONF" -a bob -p secret  # old spelling
ok grep -qx 'bob:h42AFGBs2ilnekTvoTU/xw==' "$DB"
rc 0 ./ksmbd.adduser -i "$DB" -agil -px            # 3.4.7, attached
rc 0 ./ksmbd.adduser --import-users="$DB" --update-user=gil --password=y
ok grep -q '^gil:' "$DB"
rc 0 ./ksmbd.adduser -i "$DB" --del-user=gil
ok sh -c "! grep -q '^gil:' '$DB'"
rc 0 ./ksmbd.adduser -P "$DB" -u -p Password bob
ok grep -qx 'bob:pPScQGUQvcq2gk7nww/YUg==' "$DB"
rc 1 ./ksmbd.adduser -P "$DB" -u -p x carol            # missing
rc 0 ./ksmbd.adduser -P "$DB" -p x carol               # add or update
rc 0 ./ksmbd.adduser -P "$DB" -d carol
ok sh -c "! grep -q carol '$DB'"
rc 1 ./ksmbd.adduser -P "$DB" -a -p x 'a:b'
rc 1 ./ksmbd.adduser -P "$DB" -a -u -p x dave
rc 1 ./ksmbd.adduser -x
rc 1 ./ksmbd.adduser
rc 0 ./ksmbd.adduser -h
printf 'pw1\npw1\n' | ./ksmbd.adduser -P "$DB" -a eve >/dev/null 2>&1
ok grep -q '^eve:' "$DB"
rc 1 sh -c "printf 'pw1\npw2\n' | ./ksmbd.adduser -P '$DB' -a frank"
ok test "$(wc -l < "$DB")" = 3

rc 0 ./ksmbd.addshare -C "$CONF" -a -o 'path = /srv/data' -o 'comment = Data' data
ok grep -q '^\[data\]' "$CONF"
ok grep -q 'workgroup = TEST ; keep' "$CONF"
rc 1 ./ksmbd.addshare -C "$CONF" -a -o 'path = /x' DATA  # exists, case-insensitive
rc 0 ./ksmbd.addshare -C "$CONF" -u data -o 'read only = no
comment = New'
ok grep -q 'comment = New' "$CONF"
ok sh -c "! grep -q 'comment = Data' '$CONF'"
rc 1 ./ksmbd.addshare -C "$CONF" -u -o 'bogus = 1' data
rc 1 ./ksmbd.addshare -C "$CONF" -u -o 'workgroup = x' data
rc 1 ./ksmbd.addshare -C "$CONF" -a -o 'path = /x' global
rc 1 ./ksmbd.addshare -C "$CONF" -u -o 'path = /x' nosuch
rc 0 ./ksmbd.addshare -C "$CONF" -a -o 'path = /srv/tmp' tmp
ok test "$(./ksmbd.control -C "$CONF" -l | cut -f1 | tr '\n' ' ')" = "data tmp "
rc 0 ./ksmbd.addshare -C "$CONF" -d data
ok sh -c "! grep -q 'data' '$CONF'"
ok grep -q '^\[tmp\]' "$CONF"
rc 1 ./ksmbd.control
rc 1 ./ksmbd.control -d bogus
rc 1 ./ksmbd.control -s -r
rc 1 ./ksmbd.mountd -x
rc 1 ./ksmbd.mountd -p 0
rc 0 ./ksmbd.mountd -V
printf '[global\n' > "$T/bad.conf"
ok sh -c "./ksmbd.mountd -n -C '$T/bad.conf' -P '$DB' 2>&1 | grep -q 'bad.conf:1: malformed section header'"

echo "cli.sh: $n checks, $fail failed"
[ "$fail" = 0 ]
