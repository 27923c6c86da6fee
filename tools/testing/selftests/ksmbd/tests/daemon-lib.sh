# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the tests of the user space daemon (sourced after lib.sh; runs
# inside the guest). They drive the tools of the daemon the guest runs:
# ours (tools/ksmbd) or Debian's ksmbd-tools, with the spellings both accept
# (-c CONF, -i PWDDB, -a NAME, one -o with newline-separated options), on the
# files guest/lib.sh start_ksmbd() writes.

KSMBD_CONF=/run/ksmbd/ksmbd.conf
KSMBD_PWDDB=/run/ksmbd/ksmbdpwd.db

case ${KSMBD_DAEMON:-} in
ours) KSMBD_TOOLS=$KSMBD_REPO_DIR/tools/ksmbd ;;
ksmbd-tools)
	[ -n "${KSMBD_KTOOLS_DIR:-}" ] || skip "KSMBD_KTOOLS_DIR is not set"
	KSMBD_TOOLS=$KSMBD_KTOOLS_DIR/usr/sbin
	;;
*) skip "meant for --daemon=ours or --daemon=ksmbd-tools" ;;
esac

k_adduser() { "$KSMBD_TOOLS/ksmbd.adduser" -c "$KSMBD_CONF" -i "$KSMBD_PWDDB" "$@"; }
k_addshare() { "$KSMBD_TOOLS/ksmbd.addshare" -c "$KSMBD_CONF" "$@"; }
k_control() { "$KSMBD_TOOLS/ksmbd.control" "$@"; }

# mountd_pid: the pid of the running ksmbd.mountd (its manager), or nothing
mountd_pid() {
	pidof -s ksmbd.mountd
}

# save_config: put the config and user db back (and reload) when the test ends
save_config() {
	cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
	cp "$KSMBD_PWDDB" /run/ksmbd/ksmbdpwd.db.saved
	trap restore_config EXIT
}

restore_config() {
	cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"
	cp /run/ksmbd/ksmbdpwd.db.saved "$KSMBD_PWDDB"
	k_control -r >/dev/null 2>&1
}

# reload: ask the daemon to reload and give it a moment to do so
reload() {
	k_control -r || fail "ksmbd.control -r"
	sleep 1
}

# smbc_as USER PASSWORD UNC COMMANDS: one smbclient session (SMB3_11)
smbc_as() {
	smbclient "$3" -s "$KSMBD_SMBCONF" -U "$1%$2" -c "$4"
}

# share_list: smbclient -L as the test user
share_list() {
	smbclient -L "$KSMBD_SERVER" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD"
}

# start_daemon: stop the running daemon (and the kernel server) and start it
# again on the current config, for global settings that need a restart;
# waits until the server listens again
start_daemon() {
	k_control -s >/dev/null 2>&1
	i=0
	while mountd_pid >/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if [ "$KSMBD_DAEMON" = ours ]; then
		"$KSMBD_TOOLS/ksmbd.mountd" -C "$KSMBD_CONF" -P "$KSMBD_PWDDB"
	else
		"$KSMBD_TOOLS/ksmbd.mountd" -c "$KSMBD_CONF" -u "$KSMBD_PWDDB"
	fi
	wait_port 445 20 || fail "the server did not come back"
}

# wait_port PORT SECONDS: until something listens on TCP PORT
wait_port() {
	hex=$(printf ':%04X ' "$1")
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		grep -q "$hex.* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
