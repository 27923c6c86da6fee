#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cifs-large.sh [MIB]: the kernel cifs client (vers=3.1.1, cache=none)
# writes a file of MIB MiB (default 1024) of random data to a share and
# reads it back; three SHA-256 sums must agree: of what was written, of
# what the server has on its disk, of what the client reads back. The MiB/s
# of both directions are printed.
#
# The guest has 1 GiB of RAM and the test share's image lives in tmpfs, so
# the file goes to a share of its own, added at run time with the daemon's
# ksmbd.addshare (and a reload), on an ext4 image on loop in the run
# directory (the host's disk under the build dir, mounted rw over hostfs at
# /run/ksmbd-run by guest/init.sh). The data is streamed: generated, summed
# and written in one process, never held in a local copy. The share and the
# image go again at the end, pass or fail.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
mib=${1:-1024}
name=large
img=/run/ksmbd-run/cifs-large.img
fs=/run/cifs-large
dir=$fs/share
mnt=$KSMBD_SCRATCH/mnt
unc=//$KSMBD_SERVER/$name
opts="username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=3.1.1,cache=none"

# the data moves in writes and reads of this many MiB (the client splits
# them into wsize/rsize requests, several in flight)
chunk_mib=8

# stream put FILE MIB | stream get FILE: write MIB MiB of random data to
# FILE, or read FILE; either prints "SHA256 BYTES SECONDS", SECONDS being the
# time spent in open, write or read, and close (not in making the data)
stream() {
	/usr/bin/python3 -S - "$chunk_mib" "$@" <<'EOF'
import hashlib, os, sys, time

chunk = int(sys.argv[1]) << 20
mode, path = sys.argv[2], sys.argv[3]
h = hashlib.sha256()
done = 0
io = 0.0
if mode == "put":
    left = int(sys.argv[4]) << 20
    t = time.monotonic()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    io += time.monotonic() - t
    while left:
        data = os.urandom(min(chunk, left))
        h.update(data)
        view = memoryview(data)
        t = time.monotonic()
        while view:
            n = os.write(fd, view)
            view = view[n:]
        io += time.monotonic() - t
        left -= len(data)
        done += len(data)
else:
    buf = bytearray(chunk)
    t = time.monotonic()
    fd = os.open(path, os.O_RDONLY)
    while True:
        n = os.readv(fd, [buf])
        if not n:
            break
        h.update(memoryview(buf)[:n])
        done += n
    io += time.monotonic() - t
t = time.monotonic()
os.close(fd)
io += time.monotonic() - t
print(h.hexdigest(), done, "%.2f" % io)
EOF
}

# step WHAT: a heading, with the seconds since the test started
t_start=$(date +%s)
step() { echo "-- $* (at $(($(date +%s) - t_start)) s)"; }

# rate BYTES SECONDS: MiB/s
rate() {
	awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1048576 / s : 0) }'
}

# drop_caches: what the guest has written reaches the image, and what it
# has cached of the image and of cifs files is forgotten, so that the next
# read comes from the image (server side) or over the wire (client side)
drop_caches() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
}

# forget_share: a tree connect to the deleted share, refused, makes the
# server forget its copy of it (which holds the share's directory, and so
# $fs, busy)
forget_share() {
	smbclient "$unc" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" -c ls
}

# umount_fs: umount $fs, giving the server a moment to let go of it
umount_fs() {
	i=0
	while ! umount "$fs" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 25 ] || return 1
		sleep 0.2
	done
}

cleanup() {
	umount "$mnt" 2>/dev/null
	restore_config
	if mountpoint -q "$fs"; then
		sleep 1
		forget_share >/dev/null 2>&1
		umount_fs || echo "cannot umount $fs"
	fi
	rm -f "$img"
}

save_config
trap cleanup EXIT
mkdir -p "$mnt" "$fs"

# room for the file and ext4's metadata; sparse on the host, which must
# have the room for the file
free_mib=$(df -Pm /run/ksmbd-run | awk 'NR == 2 { print $4 }')
[ "${free_mib:-0}" -gt $((mib + 256)) ] ||
	fail "the run dir's disk has ${free_mib:-?} MiB free, $mib MiB and some are needed"
truncate -s $((mib + mib / 2 + 64))M "$img" || fail "create $img"
mkfs.ext4 -q -F -O ^has_journal "$img" || fail "mkfs.ext4 $img"
mount -o loop,user_xattr,acl "$img" "$fs" || fail "loop mount of $img"
mkdir "$dir" || fail "mkdir $dir"
chmod 0777 "$dir" || fail "chmod $dir"
k_addshare -a "$name" -o "path = $dir
read only = no" || fail "addshare -a $name"
reload

mount -t cifs "$unc" "$mnt" -o "$opts" || fail "mount $unc"
grep " $mnt cifs " /proc/mounts

step "write $mib MiB"
out=$(stream put "$mnt/big" "$mib") || fail "writing the file"
set -- $out
[ $# -eq 3 ] || fail "writing the file: $out"
sent=$1
[ "$2" -eq $((mib * 1048576)) ] || fail "wrote $2 bytes"
echo "sent      $sent"
echo "write: $mib MiB in $3 s, $(rate "$2" "$3") MiB/s"
umount "$mnt" || fail "umount after the write"

step "the file on the server's disk"
drop_caches
[ "$(stat -c %s "$dir/big")" -eq $((mib * 1048576)) ] ||
	fail "size on the server: $(stat -c %s "$dir/big")"
out=$(stream get "$dir/big") || fail "reading the file on the server"
set -- $out
[ $# -eq 3 ] || fail "reading the file on the server: $out"
echo "on disk   $1 (read in $3 s)"
[ "$1" = "$sent" ] || fail "the file on the server's disk differs from what was written"

step "read $mib MiB back"
drop_caches
mount -t cifs "$unc" "$mnt" -o "$opts" || fail "mount $unc again"
out=$(stream get "$mnt/big") || fail "reading the file back"
set -- $out
[ $# -eq 3 ] || fail "reading the file back: $out"
echo "read back $1"
[ "$2" -eq $((mib * 1048576)) ] || fail "read $2 bytes back"
echo "read: $mib MiB in $3 s, $(rate "$2" "$3") MiB/s"
[ "$1" = "$sent" ] || fail "the file read back differs from what was written"

step "delete the file and the share"
rm "$mnt/big" || fail "delete the file"
[ ! -e "$dir/big" ] || fail "the file is still on the server after its deletion"
umount "$mnt" || fail "umount"
k_addshare -d "$name" || fail "addshare -d $name"
reload
forget_share >log 2>&1 && { cat log; fail "$name answers after its deletion"; }
grep -q NT_STATUS_BAD_NETWORK_NAME log || { cat log; fail "a deleted share: not BAD_NETWORK_NAME"; }
umount_fs || fail "the server still holds $fs after the share's deletion"
step "done"
exit 0
