#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-subst.sh: `%' substitutions of ksmbd.conf(5) in our daemon. A share
# with path /run/fs/%S and a comment of %S, %L and %D is listed with the
# expanded comment and serves the files of its expanded path; a share whose
# path needs the session user (%U: the kernel's share config request names
# only the share) is neither listed nor connectable, and the others go on.
# Debian's ksmbd-tools 3.4.7 documents no substitutions: ours only.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
[ "$KSMBD_DAEMON" = ours ] || skip "substitutions are ours (ksmbd-tools 3.4.7 has none)"
save_config
dir=/run/fs/substshare
rm -rf "$dir"
mkdir -p "$dir"
chmod 0777 "$dir"
echo "expanded" >"$dir/where.txt"
nb=$(sed -n 's/^[[:space:]]*netbios name[[:space:]]*=[[:space:]]*//p' "$KSMBD_CONF")
wg=$(sed -n 's/^[[:space:]]*workgroup[[:space:]]*=[[:space:]]*//p' "$KSMBD_CONF")
[ -n "$nb" ] && [ -n "$wg" ] || fail "no netbios name / workgroup in $KSMBD_CONF"

cat >>"$KSMBD_CONF" <<'EOC'
[substshare]
	path = /run/fs/%S
	comment = %S on %L in %D, 100%%
[peruser]
	path = /run/fs/%U
	comment = per user
EOC
reload

share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -Eq "^[[:space:]]+substshare[[:space:]]+Disk[[:space:]]+substshare on $nb in $wg, 100%\$" log ||
	{ cat log; fail "substshare is not listed with its expanded comment"; }
grep -q peruser log && { cat log; fail "a share with a %U path is listed"; }

smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "//$KSMBD_SERVER/substshare" 'get where.txt got.txt' >log 2>&1 ||
	{ cat log; fail "get from substshare"; }
cmp got.txt "$dir/where.txt" || fail "substshare does not serve /run/fs/substshare"

# the %U share is refused as a share that does not exist is (the 6.1
# server's status for that differs from ours: compare, don't assume)
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "//$KSMBD_SERVER/nosuchshare" ls >log 2>&1 &&
	{ cat log; fail "a missing share can be connected to"; }
want=$(grep -o 'NT_STATUS_[A-Z_]*' log | tail -n 1)
[ "$KSMBD_KERNEL" = peer ] || [ "$want" = NT_STATUS_BAD_NETWORK_NAME ] ||
	{ cat log; fail "a missing share: $want, not BAD_NETWORK_NAME"; }
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "//$KSMBD_SERVER/peruser" ls >log 2>&1 &&
	{ cat log; fail "a share with a %U path can be connected to"; }
got=$(grep -o 'NT_STATUS_[A-Z_]*' log | tail -n 1)
[ -n "$want" ] && [ "$got" = "$want" ] ||
	{ cat log; fail "the %U share: $got, a missing share: $want"; }
smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "$KSMBD_UNC" ls >log 2>&1 || { cat log; fail "the first share broke"; }
exit 0
