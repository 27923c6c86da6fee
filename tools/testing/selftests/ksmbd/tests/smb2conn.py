# SPDX-License-Identifier: GPL-2.0-or-later
"""An impacket SMB2 connection to the harness's share for tests that drive
requests by hand (tests/rename_parent.py, tests/readonly_attr.py): CREATE
with chosen access, share mode, options and create contexts, CLOSE, and
SET_INFO rename / basic information, each answering the NTSTATUS."""
import os
import struct

from impacket import smb3structs as s3
from impacket.smbconnection import SMBConnection

SERVER = os.environ.get("KSMBD_SERVER", "127.0.0.1")
USER = os.environ.get("KSMBD_USER", "alice")
PASSWORD = os.environ.get("KSMBD_PASSWORD", "secret")
SHARE = os.environ.get("KSMBD_SHARE", "share")

SUCCESS = 0
ACCESS_DENIED = 0xC0000022
SHARING_VIOLATION = 0xC0000043
DIRECTORY_FILE, NON_DIRECTORY_FILE = 0x1, 0x40
FILE_OPEN, FILE_CREATE = 1, 2
BASIC_INFO, STANDARD_INFO = 4, 5


def status_of(e):
    """The NTSTATUS of an impacket SessionError (either flavour)."""
    get = getattr(e, "getErrorCode", None) or getattr(e, "get_error_code")
    return get() & 0xFFFFFFFF


def context(name, data):
    """One create context ([MS-SMB2] 2.2.13.2) with a name of up to 8
    bytes, its data at 24, padded to 8 bytes; Next 0 (the last)."""
    ctx = struct.pack("<IHHHHI", 0, 16, len(name), 0, 24, len(data))
    ctx += name + b"\0" * (8 - len(name)) + data
    return ctx + b"\0" * ((8 - len(ctx) % 8) % 8)


class Client:
    def __init__(self):
        self.conn = SMBConnection(SERVER, SERVER, sess_port=445,
                                  preferredDialect=s3.SMB2_DIALECT_30)
        self.conn.login(USER, PASSWORD)
        self.tid = self.conn.connectTree(SHARE)
        self.smb = self.conn.getSMBServer()

    def _call(self, command, req):
        pkt = self.smb.SMB_PACKET()
        pkt["Command"] = command
        pkt["TreeID"] = self.tid
        pkt["Data"] = req
        return self.smb.recvSMB(self.smb.sendSMB(pkt))

    def create(self, name, access, share=7, options=0,
               disposition=FILE_OPEN, attrs=0, ctxs=b""):
        """(status, FileId or None, the response body or None)"""
        req = s3.SMB2Create()
        req["RequestedOplockLevel"] = 0
        req["ImpersonationLevel"] = s3.SMB2_IL_IMPERSONATION
        req["DesiredAccess"] = access
        req["FileAttributes"] = attrs
        req["ShareAccess"] = share
        req["CreateDisposition"] = disposition
        req["CreateOptions"] = options
        wname = name.encode("utf-16le") or b"\0\0"
        req["NameLength"] = len(name) * 2
        req["CreateContextsOffset"] = 0
        req["CreateContextsLength"] = 0
        req["Buffer"] = wname
        if ctxs:
            pad = b"\0" * ((8 - len(wname) % 8) % 8)
            # the header (64) and the fixed part (56) are 8-aligned
            req["CreateContextsOffset"] = 64 + 56 + len(wname) + len(pad)
            req["CreateContextsLength"] = len(ctxs)
            req["Buffer"] = wname + pad + ctxs
        rsp = self._call(s3.SMB2_CREATE, req)
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
        self._call(s3.SMB2_CLOSE, req)
        self.smb._Session["OpenTable"].pop(fid, None)

    def set_info(self, fid, cls, blob):
        try:
            self.smb.setInfo(self.tid, fid, inputBlob=blob,
                             infoType=s3.SMB2_0_INFO_FILE,
                             fileInfoClass=cls)
        except Exception as e:      # impacket's SessionError
            return status_of(e)
        return SUCCESS

    def rename(self, fid, new, replace=False):
        """FileRenameInformation, with ReplaceIfExists as asked."""
        ri = s3.FILE_RENAME_INFORMATION_TYPE_2()
        ri["ReplaceIfExists"] = 1 if replace else 0
        ri["RootDirectory"] = b"\0" * 8
        name = new.encode("utf-16le")
        ri["FileNameLength"] = len(name)
        ri["FileName"] = name
        return self.set_info(fid, s3.SMB2_FILE_RENAME_INFO, ri)

    def set_attrs(self, fid, attrs):
        """FileBasicInformation changing the attributes only."""
        return self.set_info(fid, BASIC_INFO,
                             struct.pack("<qqqqII", 0, 0, 0, 0, attrs, 0))

    def query(self, fid, cls):
        return self.smb.queryInfo(self.tid, fid,
                                  infoType=s3.SMB2_0_INFO_FILE,
                                  fileInfoClass=cls)

    def remove(self, name, is_dir=False):
        """Delete name if it is there."""
        try:
            if is_dir:
                self.conn.deleteDirectory(SHARE, name)
            else:
                self.conn.deleteFile(SHARE, name)
        except Exception:
            pass
