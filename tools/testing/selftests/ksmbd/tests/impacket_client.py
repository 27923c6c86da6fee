# SPDX-License-Identifier: GPL-2.0-or-later
"""Drive the share with python3-impacket: login, put, list, get, delete."""
import io
import os
import sys

from impacket import smb3structs
from impacket.smbconnection import SMBConnection

DIALECTS = {
    "": None,
    "2.0.2": smb3structs.SMB2_DIALECT_002,
    "2.1": smb3structs.SMB2_DIALECT_21,
    "3.0": smb3structs.SMB2_DIALECT_30,
}


def main():
    want = sys.argv[1] if len(sys.argv) > 1 else ""
    if want not in DIALECTS:
        print("SKIP: impacket cannot negotiate", want)
        return 4
    env = os.environ
    conn = SMBConnection(env["KSMBD_SERVER"], env["KSMBD_SERVER"],
                         preferredDialect=DIALECTS[want], timeout=30)
    conn.login(env["KSMBD_USER"], env["KSMBD_PASSWORD"])
    share = env["KSMBD_SHARE"]
    data = os.urandom(200000)
    conn.putFile(share, "imp.bin", io.BytesIO(data).read)
    names = [f.get_longname() for f in conn.listPath(share, "*")]
    if "imp.bin" not in names:
        print("FAIL: listing lacks imp.bin:", names)
        return 1
    out = io.BytesIO()
    conn.getFile(share, "imp.bin", out.write)
    if out.getvalue() != data:
        print("FAIL: data read back differs")
        return 1
    with open(os.path.join(env["KSMBD_SHARE_DIR"], "imp.bin"), "rb") as f:
        if f.read() != data:
            print("FAIL: the file on the server differs")
            return 1
    conn.deleteFile(share, "imp.bin")
    if os.path.exists(os.path.join(env["KSMBD_SHARE_DIR"], "imp.bin")):
        print("FAIL: delete did not happen on the server")
        return 1
    conn.logoff()
    print("dialect 0x%04x" % conn.getDialect())
    return 0


if __name__ == "__main__":
    sys.exit(main())
