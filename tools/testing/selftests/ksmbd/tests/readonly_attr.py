# SPDX-License-Identifier: GPL-2.0-or-later
"""FILE_ATTRIBUTE_READONLY over impacket, as the (non-root) share user:

  - a file created READONLY is refused to an open for writing
    (ACCESS_DENIED) and reports READONLY;
  - once FileBasicInformation clears READONLY it opens for writing;
  - READONLY set again through FileBasicInformation refuses writing again;
  - an AllocationSize ("AlSi") given at create is what the response and a
    later FileStandardInformation report (1 MiB, kept while open).
"""
import struct
import sys

from smb2conn import (Client, context, SUCCESS, ACCESS_DENIED,
                      NON_DIRECTORY_FILE, FILE_CREATE, STANDARD_INFO)

READ_DATA, WRITE_DATA = 0x1, 0x2
READ_ATTRIBUTES, WRITE_ATTRIBUTES = 0x80, 0x100
READONLY, ARCHIVE, NORMAL = 0x1, 0x20, 0x80
NAME = "readonly-attr.txt"

failures = []


def check(what, got, want):
    if got != want:
        failures.append(what)
        print("FAIL  %s: got %r, want %r" % (what, got, want))
    else:
        print("ok    %s: %r" % (what, got))


def open_file(c, access, disposition=1, attrs=0, ctxs=b""):
    return c.create(NAME, access, 7, NON_DIRECTORY_FILE, disposition,
                    attrs, ctxs)


def write_open(c):
    """The status of an open of the file for writing (closed again)."""
    st, fid, _ = open_file(c, WRITE_DATA)
    if not st:
        c.close(fid)
    return st


def set_attrs(c, attrs):
    _, fid, _ = open_file(c, READ_ATTRIBUTES | WRITE_ATTRIBUTES)
    st = c.set_attrs(fid, attrs)
    c.close(fid)
    return st


def main():
    c = Client()
    c.remove(NAME)
    st, fid, body = open_file(c, READ_DATA | READ_ATTRIBUTES |
                              WRITE_ATTRIBUTES, FILE_CREATE, READONLY)
    check("create READONLY", st, SUCCESS)
    if st:
        return 1
    check("its attributes", body["FileAttributes"], READONLY | ARCHIVE)
    c.close(fid)
    check("open of the READONLY file for writing", write_open(c),
          ACCESS_DENIED)
    check("FileBasicInformation clears READONLY", set_attrs(c, NORMAL),
          SUCCESS)
    check("open for writing once READONLY is cleared", write_open(c),
          SUCCESS)
    check("FileBasicInformation sets READONLY", set_attrs(c, READONLY),
          SUCCESS)
    check("open for writing once READONLY is set again", write_open(c),
          ACCESS_DENIED)
    set_attrs(c, NORMAL)
    c.remove(NAME)

    st, fid, body = open_file(c, READ_DATA | WRITE_DATA | READ_ATTRIBUTES,
                              FILE_CREATE, 0,
                              context(b"AlSi", struct.pack("<Q", 1 << 20)))
    check("create with AllocationSize 1 MiB", st, SUCCESS)
    if not st:
        check("AllocationSize in the response", body["AllocationSize"],
              1 << 20)
        check("AllocationSize while open",
              struct.unpack_from("<q", c.query(fid, STANDARD_INFO))[0],
              1 << 20)
        c.close(fid)
    c.remove(NAME)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
