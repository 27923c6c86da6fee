# SPDX-License-Identifier: GPL-2.0-or-later
# Guest-side helpers: users, the share file system, starting and stopping a
# server (our tools/ksmbd, Debian's ksmbd-tools, or Samba), client config.
# KSMBD_SHARE_OPTS, when set, is one more smb.conf line for the share.
# Sourced by guest/init.sh; runs inside the guest only.

# add_unix_user NAME...: give the guest users (uids from $KSMBD_USER_UID,
# default 2000, on) without touching the host's /etc
add_unix_user() {
	local uid=${KSMBD_USER_UID:-2000}
	local f name
	mkdir -p /run/etc
	for f in passwd group shadow; do
		cp "/etc/$f" "/run/etc/$f"
	done
	for name in "$@"; do
		if ! grep -q "^$name:" /run/etc/passwd; then
			echo "$name:x:$uid:$uid:ksmbd test user:/run/home:/bin/sh" >>/run/etc/passwd
			echo "$name:x:$uid:" >>/run/etc/group
			echo "$name:*:19000:0:99999:7:::" >>/run/etc/shadow
		fi
		uid=$((uid + 1))
	done
	for f in passwd group shadow; do
		mount --bind "/run/etc/$f" "/etc/$f"
	done
}

# have_user2: there is a second user ($KSMBD_USER2/$KSMBD_PASSWORD2, e.g.
# for smbtorture's torture:user2name), other than the first; every daemon
# knows both
have_user2() {
	[ -n "${KSMBD_USER2:-}" ] && [ "$KSMBD_USER2" != "$KSMBD_USER" ]
}

# The "noperm" share: a directory nobody but root may enter, served like the
# test share (smbtorture's smb2.ioctl.bug14788.* tree connect to it and
# expect the FSCTLs that need no file to work there; torture:noperm_share
# names it, "noperm" by default)
NOPERM_SHARE=noperm
NOPERM_DIR=/run/noperm

make_noperm_dir() {
	mkdir -p "$NOPERM_DIR" && chmod 0000 "$NOPERM_DIR"
}

# make_share_fs: an ext4 image on loop (user xattrs, POSIX ACLs) in tmpfs,
# with the share directory in it, owned by the test user
make_share_fs() {
	local img=/run/share.img
	truncate -s "${KSMBD_IMAGE_SIZE:-1G}" "$img"
	mkfs.ext4 -q -F -O ^has_journal "$img" || return 1
	mkdir -p /run/fs
	mount -o loop,user_xattr,acl "$img" /run/fs || return 1
	SHARE_DIR=/run/fs/share
	mkdir -p "$SHARE_DIR"
	chown "$KSMBD_USER:" "$SHARE_DIR" 2>/dev/null
	chmod 0777 "$SHARE_DIR"
	export KSMBD_SHARE_DIR=$SHARE_DIR
}

# clean_share: empty the share between tests
clean_share() {
	find "$KSMBD_SHARE_DIR" -mindepth 1 -delete 2>/dev/null
}

# wait_port PORT [SECONDS]: wait until something listens on TCP PORT
wait_port() {
	local hex i=0
	hex=$(printf ':%04X ' "$1")
	while [ $i -lt $((${2:-20} * 10)) ]; do
		grep -q "$hex.* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

write_client_conf() {
	local d=/run/smbclient
	mkdir -p $d/lock $d/state $d/cache $d/private
	cat >$d/smb.conf <<EOC
[global]
	workgroup = WORKGROUP
	client min protocol = SMB2_02
	client max protocol = SMB3_11
	lock directory = $d/lock
	state directory = $d/state
	cache directory = $d/cache
	private dir = $d/private
	log level = 1
EOC
	export KSMBD_SMBCONF=$d/smb.conf
}

write_ksmbd_conf() {
	mkdir -p /run/ksmbd
	cat >/run/ksmbd/ksmbd.conf <<EOC
[global]
	netbios name = KSMBDVM
	workgroup = WORKGROUP
	server string = ksmbd-vm guest
	server min protocol = SMB2_02
	server multi channel support = yes

[$KSMBD_SHARE]
	path = $KSMBD_SHARE_DIR
	read only = no
	vfs objects = streams_xattr
	${KSMBD_SHARE_OPTS:-}

[$NOPERM_SHARE]
	path = $NOPERM_DIR
	read only = no
EOC
	: >/run/ksmbd/ksmbdpwd.db
}

# start_ksmbd BIN CONF-OPT ADDUSER-DB-OPT MOUNTD-DB-OPT: ours takes -C/-P
# everywhere; Debian's 3.4.7 takes -c, and -i (adduser) / -u (mountd) for
# the user database (its adduser's -u means "update user")
start_ksmbd() {
	local bin=$1 c=$2 pa=$3 pm=$4
	make_noperm_dir || return 1
	write_ksmbd_conf
	"$bin/ksmbd.adduser" "$c" /run/ksmbd/ksmbd.conf "$pa" /run/ksmbd/ksmbdpwd.db \
		-a "$KSMBD_USER" -p "$KSMBD_PASSWORD" || return 1
	! have_user2 ||
		"$bin/ksmbd.adduser" "$c" /run/ksmbd/ksmbd.conf "$pa" /run/ksmbd/ksmbdpwd.db \
			-a "$KSMBD_USER2" -p "$KSMBD_PASSWORD2" || return 1
	"$bin/ksmbd.mountd" "$c" /run/ksmbd/ksmbd.conf "$pm" /run/ksmbd/ksmbdpwd.db || return 1
}

start_samba() {
	local d=/run/samba
	mkdir -p $d/private $d/lock $d/state $d/cache $d/pid $d/log $d/ncalrpc
	make_noperm_dir || return 1
	cat >$d/smb.conf <<EOC
[global]
	netbios name = KSMBDVM
	workgroup = WORKGROUP
	server role = standalone server
	passdb backend = tdbsam:$d/private/passdb.tdb
	private dir = $d/private
	lock directory = $d/lock
	state directory = $d/state
	cache directory = $d/cache
	pid directory = $d/pid
	ncalrpc dir = $d/ncalrpc
	log file = $d/log/log.%m
	logging = file
	server min protocol = SMB2_02
	smb ports = 445
	disable netbios = yes
	load printers = no
	printcap name = /dev/null
	disable spoolss = yes
	ea support = yes
	store dos attributes = yes

[$KSMBD_SHARE]
	path = $KSMBD_SHARE_DIR
	read only = no
	${KSMBD_SHARE_OPTS:-}

[$NOPERM_SHARE]
	path = $NOPERM_DIR
	read only = no
EOC
	printf '%s\n%s\n' "$KSMBD_PASSWORD" "$KSMBD_PASSWORD" |
		smbpasswd -c $d/smb.conf -s -a "$KSMBD_USER" >/dev/null || return 1
	! have_user2 ||
		printf '%s\n%s\n' "$KSMBD_PASSWORD2" "$KSMBD_PASSWORD2" |
		smbpasswd -c $d/smb.conf -s -a "$KSMBD_USER2" >/dev/null || return 1
	smbd -D -s $d/smb.conf || return 1
}

# start_server: start $KSMBD_DAEMON and wait until port 445 answers
start_server() {
	case $KSMBD_DAEMON in
	ours) start_ksmbd "$KSMBD_REPO_DIR/tools/ksmbd" -C -P -P ;;
	ksmbd-tools) start_ksmbd "$KSMBD_KTOOLS_DIR/usr/sbin" -c -i -u ;;
	samba) start_samba ;;
	none) return 0 ;;
	*) echo "unknown daemon $KSMBD_DAEMON"; return 1 ;;
	esac || { echo "ksmbd-vm-guest: starting $KSMBD_DAEMON failed"; return 1; }
	wait_port 445 20 || { echo "ksmbd-vm-guest: nothing listens on port 445"; return 1; }
}

stop_server() {
	case $KSMBD_DAEMON in
	ours) "$KSMBD_REPO_DIR/tools/ksmbd/ksmbd.control" -s ;;
	ksmbd-tools) "$KSMBD_KTOOLS_DIR/usr/sbin/ksmbd.control" -s ;;
	samba) kill "$(cat /run/samba/pid/smbd.pid 2>/dev/null)" 2>/dev/null ;;
	esac
}

server_alive() {
	[ "$KSMBD_DAEMON" = none ] || wait_port 445 1
}

# kmemleak_reset / kmemleak_report: leaks from before the server started are
# forgotten; what is found at the end is printed for the host to see
kmemleak_reset() {
	[ -w /sys/kernel/debug/kmemleak ] || return 0
	echo scan >/sys/kernel/debug/kmemleak
	echo clear >/sys/kernel/debug/kmemleak
}

kmemleak_report() {
	[ -w /sys/kernel/debug/kmemleak ] || return 0
	sleep 1
	echo scan >/sys/kernel/debug/kmemleak
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	sed 's/^/kmemleak: /' /sys/kernel/debug/kmemleak
}
