# SPDX-License-Identifier: GPL-2.0-or-later
"""A rename against the opens of its target directory, over impacket.

Windows opens the target's directory for a rename; our server checks the
directory's opens as an open for FILE_LIST_DIRECTORY sharing read and
write would be checked (smb2/set_info.c), on every connection:

  - an open of the directory with DELETE access fails the rename of a
    file with SHARING_VIOLATION, whatever it shares;
  - an open with data access (read, write, append, execute) that does not
    share read fails it too;
  - an open without data or DELETE access (attributes only) never does,
    nor one with data access that shares read;
  - a directory is renamed beside any of them.

Each case opens the directory (a subdirectory, or the share root, which
cannot be opened for DELETE) from this connection or from another, then
renames a file (or a subdirectory) inside it from the other, and checks
the status against that rule.
"""
import sys

from smb2conn import (Client, SUCCESS, SHARING_VIOLATION, DIRECTORY_FILE,
                      NON_DIRECTORY_FILE, FILE_CREATE)

READ_DATA, WRITE_DATA, APPEND_DATA, EXECUTE = 0x1, 0x2, 0x4, 0x20
READ_ATTRIBUTES, DELETE, SYNCHRONIZE = 0x80, 0x10000, 0x100000
ALL_ACCESS = 0x1F01FF
SHARE_READ = 1
DATA = READ_DATA | WRITE_DATA | APPEND_DATA | EXECUTE

ACCESSES = [("attributes", READ_ATTRIBUTES | SYNCHRONIZE),
            ("list", READ_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("traverse", EXECUTE | READ_ATTRIBUTES | SYNCHRONIZE),
            ("add-file", WRITE_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("add-subdir", APPEND_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("delete", DELETE | READ_ATTRIBUTES | SYNCHRONIZE),
            ("all", ALL_ACCESS)]

failures = []


def share_name(share):
    return "".join(c for i, c in enumerate("RWD")
                   if share & (1 << i)) or "nothing"


def expected(kind, access, share):
    if kind == "dir":
        return SUCCESS
    if access & DELETE:
        return SHARING_VIOLATION
    if access & DATA and not share & SHARE_READ:
        return SHARING_VIOLATION
    return SUCCESS


def one_case(holder, b, kind, parent, access, share):
    """The status of renaming a new file (or directory) in parent, from
    b, while holder has parent open for access sharing share."""
    prefix = parent + "\\" if parent else ""
    src, dst = prefix + "rp-src", prefix + "rp-dst"
    st, dh, _ = holder.create(parent, access, share,
                              DIRECTORY_FILE if parent else 0)
    if st:
        return "open of the directory: 0x%08x" % st
    st, fh, _ = b.create(src, DELETE | READ_ATTRIBUTES | SYNCHRONIZE, 7,
                         DIRECTORY_FILE if kind == "dir" else
                         NON_DIRECTORY_FILE, FILE_CREATE)
    got = "create of the source: 0x%08x" % st if st else b.rename(fh, dst)
    if not st:
        b.close(fh)
    holder.close(dh)
    for name in (src, dst):
        b.remove(name, kind == "dir")
    return got


def main():
    a, b = Client(), Client()
    st, fid, _ = a.create("rp", ALL_ACCESS, 7, DIRECTORY_FILE, FILE_CREATE)
    if st:
        print("FAIL  mkdir rp: 0x%08x" % st)
        return 1
    a.close(fid)
    n = 0
    for where in ("other connection", "same connection"):
        holder = a if where == "other connection" else b
        for kind, parent in (("file", "rp"), ("dir", "rp"), ("file", "")):
            for aname, access in ACCESSES:
                if not parent and access & DELETE:
                    continue    # the share root is not opened for DELETE
                for share in range(8):
                    got = one_case(holder, b, kind, parent, access, share)
                    want = expected(kind, access, share)
                    n += 1
                    if got != want:
                        what = "%s: rename of a %s in %s, directory open " \
                               "for %s sharing %s" % (
                                   where, kind, parent or "the root", aname,
                                   share_name(share))
                        failures.append(what)
                        print("FAIL  %s: got %s, want 0x%08x" %
                              (what, got if isinstance(got, str) else
                               "0x%08x" % got, want))
    b.remove("rp", True)
    print("%d cases, %d failed" % (n, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
