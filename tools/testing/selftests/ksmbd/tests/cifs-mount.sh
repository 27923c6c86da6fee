#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cifs-mount.sh [VERS]: the kernel cifs client mounts the share with vers=VERS,
# writes, reads back, lists, renames and deletes.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
vers=${1:-3.1.1}
mnt=$KSMBD_SCRATCH/mnt
mkdir -p "$mnt"
mount -t cifs "$KSMBD_UNC" "$mnt" \
	-o "username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=$vers,cache=none" ||
	fail "mount vers=$vers"
trap 'umount "$mnt" 2>/dev/null' EXIT

random_file src 1048576
cp src "$mnt/f.bin" || fail "write"
cmp src "$mnt/f.bin" || fail "read back differs"
cmp src "$KSMBD_SHARE_DIR/f.bin" || fail "the file on the server differs"
mkdir "$mnt/d" || fail "mkdir"
mv "$mnt/f.bin" "$mnt/d/g.bin" || fail "rename"
[ "$(ls "$mnt/d")" = g.bin ] || fail "listing after rename"
rm "$mnt/d/g.bin" && rmdir "$mnt/d" || fail "delete"
[ -z "$(ls -A "$KSMBD_SHARE_DIR")" ] || fail "the share is not empty after delete"
umount "$mnt" || fail "umount"
trap - EXIT
exit 0
