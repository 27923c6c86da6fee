#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# posix.sh: the SMB3.1.1 POSIX extensions with the kernel cifs client
# (mount -o posix,nomapposix: names go on the wire as they are; actimeo=0:
# every stat asks the server):
#   - the mount really negotiated them (/proc/mounts says "posix")
#   - new files and directories get the mode the client asks (its umask
#     applied), as the server's disk shows and a stat through the mount
#   - modes changed on the server (setgid, sticky, odd bits) are what a
#     stat through the mount sees (FilePosixInformation)
#   - "a" and "A" are two files (a rename to "A" does not replace "a"); names with ':' * ? < > | " are plain
#     names on the server, not streams or errors
#   - a listing (POSIX directory entries) names exactly what the server has
#   - statfs answers with the server's numbers (FileFsPosixInformation)
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
mnt=$KSMBD_SCRATCH/mnt
srv=$KSMBD_SHARE_DIR
mkdir -p "$mnt"
mount -t cifs "$KSMBD_UNC" "$mnt" \
	-o "username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=3.1.1,cache=none,actimeo=0,posix,nomapposix" ||
	fail "mount -o posix"
trap 'umount "$mnt" 2>/dev/null' EXIT
grep " $mnt cifs " /proc/mounts | grep -Eq '[ ,]posix(,| )' ||
	fail "POSIX extensions not negotiated: $(grep " $mnt " /proc/mounts)"

step() { echo "-- $*"; }
# mode_is PATH OCTAL: the permission bits of PATH
mode_is() {
	m=$(stat -c %a "$1") || fail "stat $1"
	[ "$m" = "$2" ] || fail "$1: mode $m, want $2"
}

step "modes of new files and directories"
(umask 027 && echo data >"$mnt/f" && mkdir "$mnt/d") || fail "create under umask 027"
mode_is "$srv/f" 640
mode_is "$srv/d" 750
mode_is "$mnt/f" 640
mode_is "$mnt/d" 750
(umask 077 && echo x >"$mnt/d/private") || fail "create under umask 077"
mode_is "$srv/d/private" 600
[ -d "$mnt/d" ] && [ -f "$mnt/f" ] || fail "file types through the mount"

step "modes set on the server, seen through the mount"
for m in 604 2750 1777 4711 755; do
	chmod "$m" "$srv/f" || fail "chmod $m"
	mode_is "$mnt/f" "$(printf %o "0$m")"
done
chmod 640 "$srv/f"
chmod 2770 "$srv/d" || fail "chmod dir"
mode_is "$mnt/d" 2770
[ "$(stat -c %h "$mnt/d")" = "$(stat -c %h "$srv/d")" ] ||
	fail "directory link count differs"

step "case-sensitive names"
echo lower >"$mnt/a" || fail "create a"
echo upper >"$mnt/A" || fail "create A"
[ "$(cat "$srv/a")" = lower ] && [ "$(cat "$srv/A")" = upper ] ||
	fail "a and A are not two files on the server"
[ "$(cat "$mnt/a")" = lower ] && [ "$(cat "$mnt/A")" = upper ] ||
	fail "a and A read back wrong"
rm "$mnt/A" || fail "rm A"
[ -f "$srv/a" ] && [ ! -e "$srv/A" ] || fail "rm A removed the wrong file"
# a rename to "A" beside "a" makes "A", it does not replace "a"
echo moved >"$mnt/x" || fail "create x"
mv "$mnt/x" "$mnt/A" || fail "mv x A"
[ "$(cat "$srv/a")" = lower ] && [ "$(cat "$srv/A")" = moved ] ||
	fail "mv x A beside a: a=$(cat "$srv/a" 2>&1) A=$(cat "$srv/A" 2>&1)"
rm "$mnt/A" || fail "rm A"

step "names Windows forbids"
for n in 'a:b' 'x:$DATA' 'q*?<>|"' 'tab	x'; do
	echo "$n" >"$mnt/$n" || fail "create '$n'"
	[ "$(cat "$srv/$n")" = "$n" ] || fail "'$n' is not that file on the server"
	[ "$(cat "$mnt/$n")" = "$n" ] || fail "'$n' read back wrong"
done
mkdir "$mnt/dir:x" && echo in >"$mnt/dir:x/f:y" || fail "a directory named with ':'"
[ "$(cat "$srv/dir:x/f:y")" = in ] || fail "dir:x/f:y on the server"

step "listing"
[ "$(ls -A "$mnt")" = "$(ls -A "$srv")" ] ||
	fail "listing differs: $(ls -A "$mnt" | tr '\n' ' ') vs $(ls -A "$srv" | tr '\n' ' ')"
[ "$(ls "$mnt/dir:x")" = "f:y" ] || fail "listing of dir:x"
[ "$(find "$mnt" | wc -l)" -eq "$(find "$srv" | wc -l)" ] || fail "find counts differ"

step "statfs"
[ "$(stat -f -c '%S %b' "$mnt")" = "$(stat -f -c '%S %b' "$srv")" ] ||
	fail "statfs: $(stat -f -c '%S %b' "$mnt") vs $(stat -f -c '%S %b' "$srv")"
df "$mnt" >/dev/null || fail "df"

step "clean up"
rm -rf "$mnt"/* || fail "rm -rf"
[ -z "$(ls -A "$srv")" ] || fail "the share is not empty: $(ls -A "$srv")"
umount "$mnt" || fail "umount"
trap - EXIT
exit 0
