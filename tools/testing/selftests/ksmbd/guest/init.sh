#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# PID 1 of a ksmbd-vm guest (User-Mode Linux). The root file system is the
# host's, read-only over hostfs; everything the guest writes goes to tmpfs (/run),
# to an ext4 image on loop inside tmpfs, or to the per-boot run directory
# (a host directory under the build dir, the only host path mounted rw).
#
# The host passes ksmbd_run=DIR on the kernel command line (unknown
# parameters reach init as environment variables); DIR/env holds the rest.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/run/home TMPDIR=/run/tmp LANG=C.UTF-8 TERM=dumb

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
# /run is the guest's scratch space. /tmp stays the host's (read-only): the
# project, its build dir or a script given to `exec` may live there.
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs -o mode=1777 tmpfs /var/tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mkdir -p /run/home /run/ksmbd-run /run/tmp
chmod 1777 /run/tmp
mount -t hostfs -o "$ksmbd_run" hostfs /run/ksmbd-run || {
	echo "ksmbd-vm-guest: cannot mount the run dir $ksmbd_run"
	echo o >/proc/sysrq-trigger
}
RUN=/run/ksmbd-run
# shellcheck source=/dev/null
. "$RUN/env"
# shellcheck source=guest/lib.sh
. "$KSMBD_SELFTEST_DIR/guest/lib.sh"

guest_poweroff() {
	sync
	echo o >/proc/sysrq-trigger
	sleep 5
	/usr/bin/python3 -c 'import ctypes; ctypes.CDLL(None).reboot(0x4321fedc)'
}

hostname ksmbd-vm
ip link set lo up
add_unix_user "$KSMBD_USER" ${KSMBD_USER2:+"$KSMBD_USER2"}
echo "ksmbd-vm-guest: up, stage $KSMBD_STAGE"

# shellcheck source=/dev/null
( . "$KSMBD_SELFTEST_DIR/guest/stage-$KSMBD_STAGE.sh" )
status=$?
echo "$status" >"$RUN/status"
echo "ksmbd-vm-guest: done, status $status"
guest_poweroff
