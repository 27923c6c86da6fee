#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# daemon-rpcclient.sh: rpcclient over srvsvc, lsarpc and samr:
# netshareenumall, srvinfo, lookupnames, enumdomusers; the SID that
# lookupnames gives for the user ends in the RID enumdomusers gives.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"

rpcclient -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" "$KSMBD_SERVER" \
	-c "netshareenumall; srvinfo; lookupnames $KSMBD_USER; enumdomusers" >log 2>&1 ||
	{ cat log; fail "rpcclient"; }
cat log
grep -Eq "netname: $KSMBD_SHARE\$" log || fail "netshareenumall: no $KSMBD_SHARE"
grep -Eq 'netname: IPC\$$' log || fail "netshareenumall: no IPC\$"
grep -Eq "path:[[:space:]]+.*fs.share" log || fail "netshareenumall: no path for $KSMBD_SHARE"
grep -Eq '^[[:space:]]+KSMBDVM[[:space:]]' log || fail "srvinfo: no KSMBDVM server line"
grep -Eq 'platform_id[[:space:]]*:[[:space:]]*500' log || fail "srvinfo: no platform_id 500"
sid=$(sed -n "s/^$KSMBD_USER \(S-1-5-21-[0-9-]*\) (User: 1)\$/\1/p" log)
[ -n "$sid" ] || fail "lookupnames: no user SID for $KSMBD_USER"
rid=$(sed -n "s/^user:\[$KSMBD_USER\] rid:\[\(0x[0-9a-f]*\)\]\$/\1/p" log)
[ -n "$rid" ] || fail "enumdomusers: $KSMBD_USER not listed"
[ "${sid##*-}" = "$(printf '%d' "$rid")" ] ||
	fail "lookupnames RID ${sid##*-} differs from enumdomusers RID $rid"

# an unknown name is not mapped, and that is an error, not a crash
rpcclient -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" "$KSMBD_SERVER" \
	-c "lookupnames nosuchuser" >log 2>&1
cat log
grep -q 'NT_STATUS_NONE_MAPPED' log || fail "lookupnames of an unknown name: not NONE_MAPPED"
rpcclient -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" "$KSMBD_SERVER" \
	-c "srvinfo" >/dev/null 2>&1 || fail "the server no longer answers rpcclient"
exit 0
