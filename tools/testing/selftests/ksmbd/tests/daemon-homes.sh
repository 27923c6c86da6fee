#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-homes.sh: a [homes] section gives each user of the user database a
# share named after them, with %U expanded (the one way a path can depend on
# the user: the kernel asks for shares by name only). The test user gets the
# files of /run/fs/homes/USER through //server/USER; another user has a home
# share of their own but may not connect to the test user's; [homes] itself
# (its path needs a user) is refused like a missing share. Ours only:
# ksmbd-tools 3.4.7 documents no [homes].
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
[ "$KSMBD_DAEMON" = ours ] || skip "[homes] is ours (ksmbd-tools 3.4.7 has none)"
save_config
base=/run/fs/homes
rm -rf "$base"
mkdir -p "$base/$KSMBD_USER" "$base/bob"
echo "home of $KSMBD_USER" >"$base/$KSMBD_USER/mine.txt"
echo "home of bob" >"$base/bob/mine.txt"
chmod -R a+rwX "$base"

k_adduser -a bob -p 'b0b pass' || fail "adduser -a bob"
cat >>"$KSMBD_CONF" <<'EOC'
[homes]
	path = /run/fs/homes/%U
	comment = home of %U
EOC
reload

share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -Eq "^[[:space:]]+$KSMBD_USER[[:space:]]+Disk[[:space:]]+home of $KSMBD_USER\$" log ||
	{ cat log; fail "the home share of $KSMBD_USER is not listed"; }
grep -Eq '^[[:space:]]+bob[[:space:]]+Disk[[:space:]]+home of bob$' log ||
	{ cat log; fail "the home share of bob is not listed"; }

smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "//$KSMBD_SERVER/$KSMBD_USER" 'get mine.txt got.txt' >log 2>&1 ||
	{ cat log; fail "$KSMBD_USER cannot read their home share"; }
cmp got.txt "$base/$KSMBD_USER/mine.txt" || fail "$KSMBD_USER's share does not serve $base/$KSMBD_USER"
smbc_as bob 'b0b pass' "//$KSMBD_SERVER/bob" 'get mine.txt got.txt' >log 2>&1 ||
	{ cat log; fail "bob cannot read his home share"; }
cmp got.txt "$base/bob/mine.txt" || fail "bob's share does not serve $base/bob"
smbc_as bob 'b0b pass' "//$KSMBD_SERVER/$KSMBD_USER" ls >log 2>&1 &&
	{ cat log; fail "bob connects to $KSMBD_USER's home share"; }
grep -q NT_STATUS_ACCESS_DENIED log || { cat log; fail "bob on $KSMBD_USER's share: not ACCESS_DENIED"; }

smbc_as "$KSMBD_USER" "$KSMBD_PASSWORD" "//$KSMBD_SERVER/homes" ls >log 2>&1 &&
	{ cat log; fail "[homes] itself can be connected to"; }
grep -q NT_STATUS_BAD_NETWORK_NAME log || { cat log; fail "[homes] itself: not BAD_NETWORK_NAME"; }

# the shares follow the user database
k_adduser -d bob || fail "adduser -d bob"
sleep 1
share_list >log 2>&1 || { cat log; fail "smbclient -L"; }
grep -Eq '^[[:space:]]+bob[[:space:]]+Disk' log && { cat log; fail "bob's home share outlives him"; }
exit 0
