# SPDX-License-Identifier: GPL-2.0-or-later
# exec SCRIPT [ARGS...]: boot a guest, start the server as `run` does (share
# `share` on a scratch ext4, user alice/secret unless given), run SCRIPT in
# the guest and exit with its status. SCRIPT sees:
#   KSMBD_SERVER=127.0.0.1  KSMBD_SHARE=share  KSMBD_UNC=//127.0.0.1/share
#   KSMBD_USER  KSMBD_PASSWORD  KSMBD_SMBCONF (client smb.conf, for -s)
#   KSMBD_USER2  KSMBD_PASSWORD2 (a second user, dave/secret2, every daemon
#   knows)  share "noperm" (a directory the users may not enter)
#   KSMBD_SCRATCH (empty tmpfs dir, also the cwd)  KSMBD_SHARE_DIR (the
#   share's directory, server side)  KSMBD_DAEMON  KSMBD_KERNEL
#   KSMBD_SELFTEST_DIR  KSMBD_REPO_DIR

# parse_guest_opts ARGS...: common options of exec, test, run; the rest goes
# to ARGS_LEFT
parse_guest_opts() {
	OPT_KERNEL=normal OPT_DAEMON=ours OPT_TIMEOUT=600
	ARGS_LEFT=()
	while [ $# -gt 0 ]; do
		case $1 in
		--kernel) OPT_KERNEL=$2; shift ;;
		--kernel=*) OPT_KERNEL=${1#*=} ;;
		--daemon) OPT_DAEMON=$2; shift ;;
		--daemon=*) OPT_DAEMON=${1#*=} ;;
		--user) GUEST_USER=$2; shift ;;
		--user=*) GUEST_USER=${1#*=} ;;
		--password) GUEST_PASSWORD=$2; shift ;;
		--password=*) GUEST_PASSWORD=${1#*=} ;;
		--timeout) OPT_TIMEOUT=$2; shift ;;
		--timeout=*) OPT_TIMEOUT=${1#*=} ;;
		--) shift; ARGS_LEFT+=("$@"); break ;;
		*) ARGS_LEFT+=("$1") ;;
		esac
		shift
	done
	case $OPT_KERNEL in normal|debug|peer) ;; *) die "--kernel: normal, debug or peer" ;; esac
	case $OPT_DAEMON in ours|ksmbd-tools|samba|none) ;;
	*) die "--daemon: ours, ksmbd-tools, samba or none" ;; esac
}

cmd_exec() {
	parse_guest_opts "$@"
	set -- "${ARGS_LEFT[@]}"
	[ $# -ge 1 ] || die "usage: ksmbd-vm exec SCRIPT [ARGS...] [--kernel K] [--daemon D]"
	local script cmd a
	script=$(realpath -e "$1") || die "no such script: $1"
	shift
	cmd="/bin/sh $(sq "$script")"
	[ -x "$script" ] && cmd=$(sq "$script")
	for a in "$@"; do
		cmd="$cmd $(sq "$a")"
	done
	ensure_kernel "$OPT_KERNEL" "$OPT_DAEMON"
	[ "$OPT_KERNEL" != debug ] || KERNEL_ARGS="kmemleak=on"
	RUNNER_QUIET=1 RUNNER_STREAM=1
	add_entry "$(basename "$script")" "$cmd" "$OPT_TIMEOUT"
	run_entries "$OPT_KERNEL" "$OPT_DAEMON" 0
	exit "${T_RC[0]}"
}
