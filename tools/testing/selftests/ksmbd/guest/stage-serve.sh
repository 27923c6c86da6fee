# SPDX-License-Identifier: GPL-2.0-or-later
# Guest stage for `ksmbd-vm run`: serve $KSMBD_HOST_SHARE (a host directory,
# mounted rw over hostfs) or the ext4 image, on eth0 (a tap into the host's
# private namespace) until the host creates $RUN/stop.

if [ -n "$KSMBD_HOST_SHARE" ]; then
	mkdir -p /run/hostshare
	mount -t hostfs -o "$KSMBD_HOST_SHARE" hostfs /run/hostshare || exit 1
	export KSMBD_SHARE_DIR=/run/hostshare
	# hostfs creates everything as the host user running the guest (root)
	# and the guest sees that owner, so a client acting as the guest's
	# user could not write into a directory it just made: serve as root
	export KSMBD_SHARE_OPTS="force user = root"
else
	make_share_fs || exit 1
fi
if [ -n "$KSMBD_GUEST_ADDR" ]; then
	ip link set "$KSMBD_GUEST_IF" up &&
	ip addr add "$KSMBD_GUEST_ADDR/30" dev "$KSMBD_GUEST_IF" || exit 1
fi
start_server || exit 1
echo "ksmbd-vm-guest: serving"
: >"$RUN/ready"
while [ ! -e "$RUN/stop" ]; do
	sleep 1
done
echo "ksmbd-vm-guest: stopping the server"
stop_server
sleep 1
exit 0
