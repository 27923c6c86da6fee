#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cifs-mount.sh [VERS [OPTS]]: the kernel cifs client mounts the share with
# vers=VERS (and the extra mount options OPTS, e.g. "seal" for encryption)
# and runs a small POSIX workload, each step checked against the files the
# server really has:
#   - untar of a source tree (fs/smb and tools/ksmbd of this repo), diff -r
#     against the original, through the mount and on the server
#   - a rename storm (files renamed in rounds, across directories)
#   - a large file (KSMBD_CIFS_LARGE_MB MiB, default 32: sized to finish in
#     seconds under UML) written and read back with a checksum
#   - mmap writes, truncate up and down, hard links, user xattrs
#   - rename, delete, and an empty share at the end
# With "posix" among OPTS the mount must really have negotiated the SMB3.1.1
# POSIX extensions: /proc/mounts shows "posix" only when the server agreed.
# There the 6.1 client turns a chown into an owner SID it can only get from
# a cifs.idmap upcall (EINVAL without one, whatever the server), so tar does
# not restore owners onto a posix mount.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
vers=${1:-3.1.1}
opts=${2:+,$2}
mnt=$KSMBD_SCRATCH/mnt
srv=$KSMBD_SHARE_DIR
large_mb=${KSMBD_CIFS_LARGE_MB:-32}
mkdir -p "$mnt"
mount -t cifs "$KSMBD_UNC" "$mnt" \
	-o "username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=$vers,cache=none$opts" ||
	fail "mount vers=$vers$opts"
trap 'umount "$mnt" 2>/dev/null' EXIT
tar_owner=
case "$opts," in
*,posix,*)
	tar_owner=--no-same-owner
	grep " $mnt cifs " /proc/mounts | grep -Eq '[ ,]posix(,| )' ||
		fail "POSIX extensions not negotiated: $(grep " $mnt " /proc/mounts)"
	;;
esac

step() { echo "-- $*"; }

step "small file round trip"
random_file src 1048576
cp src "$mnt/f.bin" || fail "write"
cmp src "$mnt/f.bin" || fail "read back differs"
cmp src "$srv/f.bin" || fail "the file on the server differs"
mkdir "$mnt/d" || fail "mkdir"
mv "$mnt/f.bin" "$mnt/d/g.bin" || fail "rename"
[ "$(ls "$mnt/d")" = g.bin ] || fail "listing after rename"
rm "$mnt/d/g.bin" && rmdir "$mnt/d" || fail "delete"

step "untar a source tree, diff -r"
tar -C "$KSMBD_REPO_DIR" -cf tree.tar fs/smb tools/ksmbd/lib tools/ksmbd/mountd ||
	fail "tar of the source tree"
mkdir orig && tar -C orig -xf tree.tar || fail "untar locally"
mkdir "$mnt/tree" && tar $tar_owner -C "$mnt/tree" -xf tree.tar ||
	fail "untar onto the mount"
diff -r orig "$mnt/tree" || fail "diff -r through the mount"
diff -r orig "$srv/tree" || fail "diff -r on the server"
n=$(find orig -type f | wc -l)
[ "$(find "$mnt/tree" -type f | wc -l)" -eq "$n" ] || fail "file count differs"
echo "$n files"

step "rename storm"
mkdir "$mnt/storm" "$mnt/storm/a" "$mnt/storm/b" || fail "mkdir storm"
i=0
while [ $i -lt 40 ]; do
	echo "file $i" >"$mnt/storm/a/f$i" || fail "create f$i"
	i=$((i + 1))
done
round=0
while [ $round -lt 5 ]; do
	i=0
	while [ $i -lt 40 ]; do
		if [ $((round % 2)) -eq 0 ]; then
			mv "$mnt/storm/a/f$i" "$mnt/storm/b/g$i" || fail "rename a/f$i"
		else
			mv "$mnt/storm/b/g$i" "$mnt/storm/a/f$i" || fail "rename b/g$i"
		fi
		i=$((i + 1))
	done
	round=$((round + 1))
done
# 5 rounds: everything ends in b/ as g*
[ -z "$(ls "$srv/storm/a")" ] || fail "storm: a/ not empty on the server"
[ "$(ls "$srv/storm/b" | wc -l)" -eq 40 ] || fail "storm: b/ lacks files"
[ "$(cat "$mnt/storm/b/g17")" = "file 17" ] || fail "storm: content moved wrong"
# rename over an existing file replaces it
mv "$mnt/storm/b/g1" "$mnt/storm/b/g2" || fail "rename over an existing file"
[ "$(cat "$srv/storm/b/g2")" = "file 1" ] || fail "replace-rename content"
[ ! -e "$srv/storm/b/g1" ] || fail "replace-rename left the source"

step "large file (${large_mb} MiB) with checksum"
t0=$(date +%s)
random_file big $((large_mb * 1048576))
sum=$(sha256sum <big | cut -d' ' -f1)
cp big "$mnt/big" || fail "write the large file"
[ "$(sha256sum <"$srv/big" | cut -d' ' -f1)" = "$sum" ] ||
	fail "large file differs on the server"
[ "$(sha256sum <"$mnt/big" | cut -d' ' -f1)" = "$sum" ] ||
	fail "large file read back differs"
echo "$((large_mb * 2)) MiB moved in $(($(date +%s) - t0))s"
rm -f big "$mnt/big"

step "mmap write"
head -c 65536 /dev/zero >"$mnt/mm" || fail "create mm"
/usr/bin/python3 - "$mnt/mm" <<'EOF' || fail "mmap write"
import mmap, sys
with open(sys.argv[1], "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    m[100:105] = b"hello"
    m[65530:65536] = b"tail!!"
    m.flush()
    m.close()
EOF
/usr/bin/python3 - "$srv/mm" <<'EOF' || fail "mmap data on the server"
import sys
d = open(sys.argv[1], "rb").read()
assert len(d) == 65536, len(d)
assert d[100:105] == b"hello" and d[65530:] == b"tail!!", "mmap data lost"
assert d[:100] == bytes(100), "bytes around the write changed"
EOF

step "truncate"
truncate -s 1000000 "$mnt/mm" || fail "truncate up"
[ "$(stat -c %s "$srv/mm")" -eq 1000000 ] || fail "size after truncate up"
[ "$(stat -c %s "$mnt/mm")" -eq 1000000 ] || fail "size seen after truncate up"
truncate -s 103 "$mnt/mm" || fail "truncate down"
[ "$(stat -c %s "$srv/mm")" -eq 103 ] || fail "size after truncate down"
[ "$(tail -c 3 "$mnt/mm")" = "hel" ] || fail "data after truncate down"

step "hard links"
echo linked >"$mnt/l1" || fail "create l1"
ln "$mnt/l1" "$mnt/l2" || fail "ln"
[ "$(stat -c %i "$srv/l1")" = "$(stat -c %i "$srv/l2")" ] ||
	fail "not the same inode on the server"
[ "$(stat -c %h "$mnt/l1")" -eq 2 ] || fail "link count seen through the mount"
rm "$mnt/l1" || fail "rm l1"
[ "$(cat "$mnt/l2")" = linked ] || fail "l2 after rm l1"

step "user xattrs"
command -v setfattr >/dev/null || fail "setfattr missing (package attr)"
setfattr -n user.color -v blue "$mnt/l2" || fail "setfattr"
[ "$(getfattr --only-values -n user.color "$mnt/l2")" = blue ] ||
	fail "getfattr through the mount"
getfattr -d "$mnt/l2" | grep -q 'user.color="blue"' || fail "xattr listing"
setfattr -x user.color "$mnt/l2" || fail "setfattr -x"
! getfattr -n user.color "$mnt/l2" 2>/dev/null || fail "xattr still there"

step "clean up"
rm -rf "$mnt/tree" "$mnt/storm" "$mnt/mm" "$mnt/l2" || fail "rm -rf"
[ -z "$(ls -A "$srv")" ] || fail "the share is not empty after delete: $(ls -A "$srv")"
umount "$mnt" || fail "umount"
trap - EXIT
exit 0
