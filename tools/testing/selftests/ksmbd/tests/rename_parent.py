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
cannot be opened for DELETE) from this connection or from another, then renames a file (or a subdirectory)
inside it from the other, and checks the status against that rule.
"""
import os
import sys

from impacket import smb3structs as s3
from impacket.smbconnection import SMBConnection

SERVER = os.environ.get("KSMBD_SERVER", "127.0.0.1")
USER = os.environ.get("KSMBD_USER", "alice")
PASSWORD = os.environ.get("KSMBD_PASSWORD", "secret")
SHARE = os.environ.get("KSMBD_SHARE", "share")

SUCCESS = 0
SHARING_VIOLATION = 0xC0000043
READ_DATA, WRITE_DATA, APPEND_DATA, EXECUTE = 0x1, 0x2, 0x4, 0x20
READ_ATTRIBUTES, DELETE, SYNCHRONIZE = 0x80, 0x10000, 0x100000
ALL_ACCESS = 0x1F01FF
SHARE_READ, SHARE_WRITE, SHARE_DELETE = 1, 2, 4
DIRECTORY_FILE, NON_DIRECTORY_FILE = 0x1, 0x40
FILE_OPEN, FILE_CREATE = 1, 2
DATA = READ_DATA | WRITE_DATA | APPEND_DATA | EXECUTE

ACCESSES = [("attributes", READ_ATTRIBUTES | SYNCHRONIZE),
            ("list", READ_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("traverse", EXECUTE | READ_ATTRIBUTES | SYNCHRONIZE),
            ("add-file", WRITE_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("add-subdir", APPEND_DATA | READ_ATTRIBUTES | SYNCHRONIZE),
            ("delete", DELETE | READ_ATTRIBUTES | SYNCHRONIZE),
            ("all", ALL_ACCESS)]

failures = []


def status_of(e):
    get = getattr(e, "getErrorCode", None) or getattr(e, "get_error_code")
    return get() & 0xFFFFFFFF


class Client:
    def __init__(self):
        self.conn = SMBConnection(SERVER, SERVER, sess_port=445,
                                  preferredDialect=s3.SMB2_DIALECT_30)
        self.conn.login(USER, PASSWORD)
        self.tid = self.conn.connectTree(SHARE)
        self.smb = self.conn.getSMBServer()

    def open(self, name, access, share, options, disposition):
        return self.smb.create(self.tid, name, access, share, options,
                               disposition, 0)

    def close(self, fid):
        self.smb.close(self.tid, fid)

    def rename(self, fid, new):
        """The status of a FileRenameInformation SET_INFO on fid."""
        ri = s3.FILE_RENAME_INFORMATION_TYPE_2()
        ri["ReplaceIfExists"] = 0
        ri["RootDirectory"] = b"\0" * 8
        name = new.encode("utf-16le")
        ri["FileNameLength"] = len(name)
        ri["FileName"] = name
        try:
            self.smb.setInfo(self.tid, fid, inputBlob=ri,
                             infoType=s3.SMB2_0_INFO_FILE,
                             fileInfoClass=s3.SMB2_FILE_RENAME_INFO)
        except Exception as e:      # impacket's SessionError
            return status_of(e)
        return SUCCESS


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


def main():
    a, b = Client(), Client()
    a.close(a.open("rp", ALL_ACCESS, 7, DIRECTORY_FILE, FILE_CREATE))
    n = 0
    for where in ("other connection", "same connection"):
        holder = a if where == "other connection" else b
        for kind, parent in (("file", "rp"), ("dir", "rp"), ("file", "")):
            for aname, access in ACCESSES:
                if not parent and access & DELETE:
                    continue    # the share root is not opened for DELETE
                for share in range(8):
                    src = (parent + "\\" if parent else "") + "rp-src"
                    dst = (parent + "\\" if parent else "") + "rp-dst"
                    dh = holder.open(parent, access, share,
                                     DIRECTORY_FILE if parent else 0,
                                     FILE_OPEN)
                    fh = b.open(src, DELETE | READ_ATTRIBUTES | SYNCHRONIZE,
                                7, DIRECTORY_FILE if kind == "dir" else
                                NON_DIRECTORY_FILE, FILE_CREATE)
                    got = b.rename(fh, dst)
                    b.close(fh)
                    holder.close(dh)
                    for name in (src, dst):
                        try:
                            if kind == "dir":
                                b.conn.deleteDirectory(SHARE, name)
                            else:
                                b.conn.deleteFile(SHARE, name)
                        except Exception:
                            pass
                    want = expected(kind, access, share)
                    n += 1
                    if got != want:
                        what = "%s: rename of a %s in %s, directory open " \
                               "for %s sharing %s" % (
                                   where, kind, parent or "the root", aname,
                                   share_name(share))
                        failures.append(what)
                        print("FAIL  %s: got 0x%08x, want 0x%08x" %
                              (what, got, want))
    b.conn.deleteDirectory(SHARE, "rp")
    print("%d cases, %d failed" % (n, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
