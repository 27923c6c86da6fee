#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# open-limit.sh: "max open files = 20" (the daemon is restarted with it, and
# again with the saved config) holds a session to 20 open files: the 21st
# CREATE is refused with STATUS_TOO_MANY_OPENED_FILES before the file is
# made, another session still opens files, and a CLOSE makes room again
# (smb2.maxfid only sees that some CREATE fails, at 10,000 opens).
. "$KSMBD_SELFTEST_DIR/tests/lib.sh"
. "$KSMBD_SELFTEST_DIR/tests/daemon-lib.sh"
cp "$KSMBD_CONF" /run/ksmbd/ksmbd.conf.saved
trap 'cp /run/ksmbd/ksmbd.conf.saved "$KSMBD_CONF"; start_daemon' EXIT
sed -i 's/^\[global\]$/[global]\n\tmax open files = 20/' "$KSMBD_CONF"
start_daemon
/usr/bin/python3 - <<'PY'
import os
import sys

sys.path.insert(0, os.path.join(os.environ["KSMBD_SELFTEST_DIR"], "tests"))
from smb2conn import Client, FILE_CREATE, NON_DIRECTORY_FILE, SUCCESS

TOO_MANY_OPENED_FILES = 0xC000011F
RW = 0x0012019F         # FILE_GENERIC_READ | FILE_GENERIC_WRITE
DELETE_ON_CLOSE = 0x1000
share_dir = os.environ["KSMBD_SHARE_DIR"]
failures = 0


def check(what, got, want):
    global failures
    ok = got == want
    failures += not ok
    print("%s  %s: got %s%s" % ("ok  " if ok else "FAIL", what, got,
                                "" if ok else ", want %s" % (want,)))


def make(c, name):
    st, fid, _ = c.create(name, RW | 0x10000, options=NON_DIRECTORY_FILE |
                          DELETE_ON_CLOSE, disposition=FILE_CREATE)
    return st, fid


a = Client()
fids = []
for i in range(20):
    st, fid = make(a, "lim%02d" % i)
    if st != SUCCESS:
        break
    fids.append(fid)
check("a session opens 20 files", len(fids), 20)
st, _ = make(a, "lim20")
check("the 21st CREATE", "0x%08x" % st, "0x%08x" % TOO_MANY_OPENED_FILES)
check("... makes no file", os.path.exists(os.path.join(share_dir, "lim20")),
      False)
b = Client()
st, fid_b = make(b, "other")
check("another session opens a file meanwhile", st, SUCCESS)
b.close(fid_b)
a.close(fids.pop())
st, fid = make(a, "lim20")
check("after one CLOSE the session opens one more", st, SUCCESS)
fids.append(fid)
for fid in fids:
    a.close(fid)
check("delete-on-close left nothing behind",
      sorted(n for n in os.listdir(share_dir) if n.startswith("lim")), [])
sys.exit(1 if failures else 0)
PY
