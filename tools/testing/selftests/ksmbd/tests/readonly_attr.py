# SPDX-License-Identifier: GPL-2.0-or-later
"""FILE_ATTRIBUTE_READONLY over impacket, as the (non-root) share user:

  - a file created READONLY is refused to an open for writing
    (ACCESS_DENIED) and reports READONLY;
  - once FileBasicInformation clears READONLY it opens for writing;
  - READONLY set again through FileBasicInformation refuses writing again;
  - an AllocationSize ("AlSi") given at create is what the response and a
    later FileStandardInformation report (1 MiB, kept while open).
"""
import os
import struct
import sys

from impacket import smb3structs as s3
from impacket.smbconnection import SMBConnection

SERVER = os.environ.get("KSMBD_SERVER", "127.0.0.1")
USER = os.environ.get("KSMBD_USER", "alice")
PASSWORD = os.environ.get("KSMBD_PASSWORD", "secret")
SHARE = os.environ.get("KSMBD_SHARE", "share")

SUCCESS = 0
ACCESS_DENIED = 0xC0000022
READ_DATA, WRITE_DATA = 0x1, 0x2
READ_ATTRIBUTES, WRITE_ATTRIBUTES, SYNCHRONIZE = 0x80, 0x100, 0x100000
READONLY, ARCHIVE, NORMAL = 0x1, 0x20, 0x80
NON_DIRECTORY_FILE = 0x40
FILE_OPEN, FILE_CREATE = 1, 2
BASIC_INFO, STANDARD_INFO = 4, 5
NAME = "readonly-attr.txt"

failures = []


def check(what, got, want):
    if got != want:
        failures.append(what)
        print("FAIL  %s: got %r, want %r" % (what, got, want))
    else:
        print("ok    %s: %r" % (what, got))


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

    def open(self, access, disposition=FILE_OPEN, attrs=0, ctxs=None):
        """(status, FileId, the response body or None)"""
        req = s3.SMB2Create()
        req["RequestedOplockLevel"] = 0
        req["ImpersonationLevel"] = s3.SMB2_IL_IMPERSONATION
        req["DesiredAccess"] = access
        req["FileAttributes"] = attrs
        req["ShareAccess"] = 7
        req["CreateDisposition"] = disposition
        req["CreateOptions"] = NON_DIRECTORY_FILE
        name = NAME.encode("utf-16le")
        req["NameLength"] = len(name)
        req["CreateContextsOffset"] = 0
        req["CreateContextsLength"] = 0
        req["Buffer"] = name
        if ctxs:
            pad = b"\0" * ((8 - len(name) % 8) % 8)
            req["CreateContextsOffset"] = (64 + 56 + len(name) + len(pad))
            req["CreateContextsLength"] = len(ctxs)
            req["Buffer"] = name + pad + ctxs
        pkt = self.smb.SMB_PACKET()
        pkt["Command"] = s3.SMB2_CREATE
        pkt["TreeID"] = self.tid
        pkt["Data"] = req
        rsp = self.smb.recvSMB(self.smb.sendSMB(pkt))
        if rsp["Status"] != SUCCESS:
            return rsp["Status"], None, None
        body = s3.SMB2Create_Response(rsp["Data"])
        fid = body["FileID"].getData()
        # impacket's setInfo/queryInfo look the FileId up here
        self.smb._Session["OpenTable"][fid] = {"FileID": fid}
        return SUCCESS, fid, body

    def close(self, fid):
        req = s3.SMB2Close()
        req["Flags"] = 0
        req["FileID"] = fid
        pkt = self.smb.SMB_PACKET()
        pkt["Command"] = s3.SMB2_CLOSE
        pkt["TreeID"] = self.tid
        pkt["Data"] = req
        self.smb.recvSMB(self.smb.sendSMB(pkt))
        del self.smb._Session["OpenTable"][fid]

    def set_attrs(self, fid, attrs):
        blob = struct.pack("<qqqqII", 0, 0, 0, 0, attrs, 0)
        try:
            self.smb.setInfo(self.tid, fid, inputBlob=blob,
                             infoType=s3.SMB2_0_INFO_FILE,
                             fileInfoClass=BASIC_INFO)
        except Exception as e:      # impacket's SessionError
            return status_of(e)
        return SUCCESS

    def alloc_size(self, fid):
        data = self.smb.queryInfo(self.tid, fid,
                                  infoType=s3.SMB2_0_INFO_FILE,
                                  fileInfoClass=STANDARD_INFO)
        return struct.unpack_from("<q", data, 0)[0]

    def unlink(self):
        try:
            self.conn.deleteFile(SHARE, NAME)
        except Exception:
            pass


def alsi(size):
    """One SMB2_CREATE_ALLOCATION_SIZE context ([MS-SMB2] 2.2.13.2.6)."""
    return struct.pack("<IHHHHI", 0, 16, 4, 0, 24, 8) + b"AlSi" + \
        b"\0" * 4 + struct.pack("<Q", size)


def main():
    c = Client()
    c.unlink()
    st, fid, body = c.open(READ_DATA | READ_ATTRIBUTES | WRITE_ATTRIBUTES,
                           FILE_CREATE, READONLY)
    check("create READONLY", st, SUCCESS)
    if st:
        return 1
    check("its attributes", body["FileAttributes"], READONLY | ARCHIVE)
    c.close(fid)
    st, fid, _ = c.open(WRITE_DATA)
    check("open of the READONLY file for writing", st, ACCESS_DENIED)
    if not st:
        c.close(fid)

    _, fid, _ = c.open(READ_ATTRIBUTES | WRITE_ATTRIBUTES)
    check("FileBasicInformation clears READONLY", c.set_attrs(fid, NORMAL),
          SUCCESS)
    c.close(fid)
    st, fid, _ = c.open(WRITE_DATA)
    check("open for writing once READONLY is cleared", st, SUCCESS)
    if not st:
        c.close(fid)

    _, fid, _ = c.open(READ_ATTRIBUTES | WRITE_ATTRIBUTES)
    check("FileBasicInformation sets READONLY", c.set_attrs(fid, READONLY),
          SUCCESS)
    c.close(fid)
    st, fid, _ = c.open(WRITE_DATA)
    check("open for writing once READONLY is set again", st, ACCESS_DENIED)
    if not st:
        c.close(fid)
    _, fid, _ = c.open(READ_ATTRIBUTES | WRITE_ATTRIBUTES)
    c.set_attrs(fid, NORMAL)
    c.close(fid)
    c.unlink()

    st, fid, body = c.open(READ_DATA | WRITE_DATA | READ_ATTRIBUTES,
                           FILE_CREATE, 0, alsi(1 << 20))
    check("create with AllocationSize 1 MiB", st, SUCCESS)
    if not st:
        check("AllocationSize in the response", body["AllocationSize"],
              1 << 20)
        check("AllocationSize while open", c.alloc_size(fid), 1 << 20)
        c.close(fid)
    c.unlink()
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
