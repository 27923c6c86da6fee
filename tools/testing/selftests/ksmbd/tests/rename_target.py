# SPDX-License-Identifier: GPL-2.0-or-later
"""A rename with ReplaceIfExists onto a file that is open, over impacket.

[MS-FSA] 2.1.5.14.11: the target of a replacing rename must have no open;
Windows and Samba answer ACCESS_DENIED whatever the open shares, and the
target keeps its data. The target is held open on this connection or on
another, for each share mode, through its data or through a named stream.
Once the target is closed the same rename succeeds and moves the data.
"""
import sys

from smb2conn import Client, SUCCESS, ACCESS_DENIED, NON_DIRECTORY_FILE

FILE_OPEN, FILE_OVERWRITE_IF = 1, 5
READ_DATA, WRITE_DATA = 0x1, 0x2
READ_ATTRIBUTES, DELETE, SYNCHRONIZE = 0x80, 0x10000, 0x100000
RENAMER = DELETE | READ_ATTRIBUTES | SYNCHRONIZE

failures = []


def check(what, got, want):
    if got != want:
        failures.append(what)
        print("FAIL  %s: got 0x%08x, want 0x%08x" % (what, got, want))


def make(c, name, data):
    st, fid, _ = c.create(name, READ_DATA | WRITE_DATA | READ_ATTRIBUTES,
                          7, NON_DIRECTORY_FILE, FILE_OVERWRITE_IF)
    if st:
        raise RuntimeError("create %s: 0x%08x" % (name, st))
    c.conn.writeFile(c.tid, fid, data, 0)
    c.close(fid)


def content(c, name):
    st, fid, _ = c.create(name, READ_DATA | READ_ATTRIBUTES, 7,
                          NON_DIRECTORY_FILE, FILE_OPEN)
    if st:
        return "open: 0x%08x" % st
    data = c.conn.readFile(c.tid, fid, 0, 64)
    c.close(fid)
    return data


def main():
    a, b = Client(), Client()
    n = 0
    for where, holder in (("other connection", a), ("same connection", b)):
        for via in ("data", "stream"):
            for share in range(8):
                what = "%s, target open through its %s sharing %d" % (
                    where, via, share)
                make(b, "rt-src", b"source")
                make(b, "rt-dst", b"target")
                st, hold, _ = holder.create(
                    "rt-dst" + (":s" if via == "stream" else ""),
                    READ_DATA | READ_ATTRIBUTES, share, NON_DIRECTORY_FILE,
                    FILE_OVERWRITE_IF if via == "stream" else FILE_OPEN)
                if st:
                    check(what + ": open of the target", st, SUCCESS)
                    continue
                st, fid, _ = b.create("rt-src", RENAMER, 7,
                                      NON_DIRECTORY_FILE, FILE_OPEN)
                check(what + ": open of the source", st, SUCCESS)
                check(what, b.rename(fid, "rt-dst", replace=True),
                      ACCESS_DENIED)
                holder.close(hold)
                got = content(b, "rt-dst")
                if got != b"target":
                    failures.append(what + ": target data")
                    print("FAIL  %s: the target holds %r" % (what, got))
                check(what + ", after the target's close",
                      b.rename(fid, "rt-dst", replace=True), SUCCESS)
                b.close(fid)
                got = content(b, "rt-dst")
                if got != b"source":
                    failures.append(what + ": renamed data")
                    print("FAIL  %s: after the rename the target holds %r"
                          % (what, got))
                n += 1
    print("%d cases, %d failed" % (n, len(failures)))
    for name in ("rt-src", "rt-dst"):
        b.remove(name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
