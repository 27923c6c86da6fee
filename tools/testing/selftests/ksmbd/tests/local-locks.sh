#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# local-locks.sh: SMB2 byte-range locks and the POSIX locks of local
# processes on the server see each other ([MS-SMB2] 3.3.5.14; vfs/lock.h).
# The kernel cifs client takes the SMB locks (fcntl on the mount becomes an
# SMB2 LOCK); a local process locks the file on the server's disk:
#   - a range a local process holds is refused to the client, one beside it
#     is granted, and is granted once the local process lets go;
#   - a range the client holds is refused to a local process until the
#     client unlocks it.
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
mnt=$KSMBD_SCRATCH/mnt-locks
# A client holding a batch oplock may keep byte-range locks to itself
# (and cifs does: they would never reach the server), so this client asks
# for none.
oplocks=/sys/module/cifs/parameters/enable_oplocks
was=$(cat "$oplocks") && echo 0 >"$oplocks" || fail "cannot turn cifs oplocks off"
mkdir -p "$mnt"
trap 'umount "$mnt" 2>/dev/null; echo "$was" >"$oplocks"' EXIT
mount -t cifs "$KSMBD_UNC" "$mnt" \
	-o "username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=3.1.1,cache=none" ||
	fail "mount"
head -c 4096 /dev/zero >"$mnt/locked.bin" || fail "create"
/usr/bin/python3 - "$KSMBD_SHARE_DIR/locked.bin" "$mnt/locked.bin" <<'PY'
import fcntl
import os
import sys

local_path, remote_path = sys.argv[1:]
X = fcntl.LOCK_EX | fcntl.LOCK_NB
failures = 0


def try_lock(fd, length, start):
    try:
        fcntl.lockf(fd, X, length, start)
        return "granted"
    except OSError:
        return "refused"


def other_process_lock(path, length, start):
    """What another local process gets for the range (its own POSIX
    owner: the locks of this one do not count against it)."""
    pid = os.fork()
    if pid == 0:
        fd = os.open(path, os.O_RDWR)
        st = try_lock(fd, length, start)
        os._exit(0 if st == "granted" else 1)
    _, status = os.waitpid(pid, 0)
    return "granted" if os.WEXITSTATUS(status) == 0 else "refused"


def check(what, got, want):
    global failures
    if got == want:
        print("ok    %s: %s" % (what, got))
    else:
        print("FAIL  %s: got %s, want %s" % (what, got, want))
        failures += 1


local = os.open(local_path, os.O_RDWR)
remote = os.open(remote_path, os.O_RDWR)

fcntl.lockf(local, X, 100, 0)
check("a local process holds bytes 0-99; the client asks 50-59",
      try_lock(remote, 10, 50), "refused")
check("the client asks 200-209", try_lock(remote, 10, 200), "granted")
check("another local process asks 200-209 (the client's)",
      other_process_lock(local_path, 10, 200), "refused")
check("another local process asks 300-309 (free)",
      other_process_lock(local_path, 10, 300), "granted")
fcntl.lockf(local, fcntl.LOCK_UN, 100, 0)
check("the local process lets go; the client asks 50-59 again",
      try_lock(remote, 10, 50), "granted")
fcntl.lockf(remote, fcntl.LOCK_UN, 10, 200)
check("the client unlocks 200-209; a local process asks it",
      other_process_lock(local_path, 10, 200), "granted")
fcntl.lockf(remote, fcntl.LOCK_UN, 10, 50)
os.close(remote)
os.close(local)
sys.exit(1 if failures else 0)
PY
