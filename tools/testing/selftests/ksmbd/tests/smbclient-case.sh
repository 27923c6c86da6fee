#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# smbclient-case.sh: names are case-insensitive, as on Windows: a file and
# its directory are reached in another case, CREATE in another case opens
# the file (no second one), a rename may change only the case of a name,
# and a rename onto a name that exists in another case collides.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
p=SMB3_11
d=$KSMBD_SHARE_DIR/Dir

random_file src 3000
random_file src2 2000
smbc $p 'mkdir Dir; put src Dir\File.txt' >log 2>&1 || { cat log; fail "put"; }
smbc $p 'get DIR\FILE.TXT back' >log 2>&1 || { cat log; fail "get in another case"; }
cmp src back || fail "the file read in another case differs"

smbc $p 'put src2 dir\FILE.txt' >log 2>&1 || { cat log; fail "put in another case"; }
[ "$(ls "$d" | grep -ic '^file\.txt$')" = 1 ] || { ls "$d"; fail "a second file was made"; }
cmp src2 "$d/File.txt" || fail "put in another case did not write the file"

smbc $p 'rename Dir\File.txt Dir\FILE.TXT' >log 2>&1 || { cat log; fail "case-only rename"; }
[ -f "$d/FILE.TXT" ] && [ ! -e "$d/File.txt" ] ||
	{ ls "$d"; fail "the case-only rename did not change the name"; }

smbc $p 'put src Dir\other.txt' >log 2>&1 || { cat log; fail "put other"; }
smbc $p 'rename Dir\other.txt dir\file.txt' >log 2>&1
grep -q NT_STATUS_OBJECT_NAME_COLLISION log ||
	{ cat log; fail "a rename onto FILE.TXT spelled file.txt did not collide"; }
[ -f "$d/other.txt" ] && [ "$(ls "$d" | wc -l)" = 2 ] ||
	{ ls "$d"; fail "the colliding rename changed the directory"; }

smbc $p 'del Dir\*; rmdir Dir' >log 2>&1 || { cat log; fail "cleanup"; }
exit 0
