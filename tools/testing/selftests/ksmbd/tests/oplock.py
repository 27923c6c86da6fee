# SPDX-License-Identifier: GPL-2.0-or-later
"""SMB2 oplocks against the server, over impacket connections driven by
hand ([MS-SMB2] 2.2.23-2.2.25, 3.3.4.6, 3.3.5.22.1):

  - a Batch oplock is granted to the only open of a file;
  - a second open from another connection makes the server send the holder
    an Oplock Break Notification (MessageId all ones, level II offered) and
    waits for the acknowledgment: the acknowledgment releases it at once;
  - acknowledgment checks: again with no break outstanding
    (INVALID_DEVICE_STATE), on an unknown FileId (FILE_CLOSED), after a
    Level II break to none (INVALID_OPLOCK_PROTOCOL), with a level above
    the one offered (INVALID_OPLOCK_PROTOCOL, and the waiter goes on);
  - a write by another open breaks Level II to none without waiting;
  - the holder's connection going away releases a waiting opener at once;
  - a waiting opener whose own connection goes away does not keep the
    server from serving others;
  - a holder that never acknowledges releases the waiter after the break
    timeout (35 s);
  - a share with "oplocks = no" (KSMBD_NOOPLOCKS_SHARE) grants none.
"""
import os
import socket
import sys
import threading
import time

from impacket import smb3structs as s3
from impacket.smbconnection import SMBConnection

SERVER = os.environ.get("KSMBD_SERVER", "127.0.0.1")
USER = os.environ.get("KSMBD_USER", "alice")
PASSWORD = os.environ.get("KSMBD_PASSWORD", "secret")
SHARE = os.environ.get("KSMBD_SHARE", "share")

NONE, LEVEL_II, EXCLUSIVE, BATCH = 0, 1, 8, 9
BREAK_MID = 0xFFFFFFFFFFFFFFFF
SUCCESS = 0
FILE_CLOSED = 0xC0000128
INVALID_DEVICE_STATE = 0xC0000184
INVALID_OPLOCK_PROTOCOL = 0xC00000E3
SHARE_ALL = 7
GENERIC_RW = 0x80000000 | 0x40000000
FILE_OPEN_IF = 3

failures = []


def check(what, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (what, got, want))
        print("FAIL  %s: got %r, want %r" % (what, got, want))
    else:
        print("ok    %s: %r" % (what, got))


class Client:
    def __init__(self, share=SHARE):
        self.conn = SMBConnection(SERVER, SERVER, sess_port=445,
                                  preferredDialect=s3.SMB2_DIALECT_30)
        self.conn.login(USER, PASSWORD)
        self.tid = self.conn.connectTree(share)
        self.smb = self.conn.getSMBServer()

    def create(self, name, oplock, access=GENERIC_RW):
        """(status, oplock level, FileId bytes)"""
        req = s3.SMB2Create()
        req["RequestedOplockLevel"] = oplock
        req["ImpersonationLevel"] = s3.SMB2_IL_IMPERSONATION
        req["DesiredAccess"] = access
        req["FileAttributes"] = 0
        req["ShareAccess"] = SHARE_ALL
        req["CreateDisposition"] = FILE_OPEN_IF
        req["CreateOptions"] = 0
        req["NameLength"] = len(name) * 2
        req["Buffer"] = name.encode("utf-16le")
        req["CreateContextsOffset"] = 0
        req["CreateContextsLength"] = 0
        pkt = self.smb.SMB_PACKET()
        pkt["Command"] = s3.SMB2_CREATE
        pkt["TreeID"] = self.tid
        pkt["Data"] = req
        rsp = self.smb.recvSMB(self.smb.sendSMB(pkt))
        if rsp["Status"] != SUCCESS:
            return rsp["Status"], None, None
        body = s3.SMB2Create_Response(rsp["Data"])
        fid = body["FileID"].getData()
        self.smb._Session["OpenTable"][fid] = {"FileID": fid}  # for write()
        return SUCCESS, body["OplockLevel"], fid

    def wait_break(self, timeout=10):
        """The next Oplock Break Notification: (level, FileId) or None."""
        self.smb._timeout = timeout
        # impacket moves its MessageId window by CreditCharge - 1 for each
        # message it takes: not for a notification (charge 0)
        window = self.smb._Connection["SequenceWindow"]
        try:
            pkt = self.smb.recvSMB(BREAK_MID)
        except Exception as e:      # timeout
            print("      no break: %s" % e)
            return None
        finally:
            self.smb._Connection["SequenceWindow"] = window
        if pkt["Command"] != s3.SMB2_OPLOCK_BREAK or pkt["SessionID"] != 0:
            return None
        body = s3.SMB2OplockBreakNotification(pkt["Data"])
        return body["OplockLevel"], body["FileID"].getData()

    def ack(self, fid, level):
        """(status, level in the response)"""
        req = s3.SMB2OplockBreakAcknowledgment()
        req["OplockLevel"] = level
        req["FileID"] = fid
        pkt = self.smb.SMB_PACKET()
        pkt["Command"] = s3.SMB2_OPLOCK_BREAK
        pkt["TreeID"] = self.tid
        pkt["Data"] = req
        rsp = self.smb.recvSMB(self.smb.sendSMB(pkt))
        if rsp["Status"] != SUCCESS:
            return rsp["Status"], None
        return SUCCESS, s3.SMB2OplockBreakResponse(rsp["Data"])["OplockLevel"]

    def drop(self):
        sock = self.smb._NetBIOSSession.get_socket()
        sock.shutdown(socket.SHUT_RDWR)
        sock.close()


class Opener(threading.Thread):
    """A CREATE from another connection, in the background."""

    def __init__(self, client, name, oplock=NONE):
        super().__init__(daemon=True)
        self.client, self.name, self.oplock = client, name, oplock
        self.result = None
        self.took = None

    def run(self):
        t0 = time.monotonic()
        try:
            self.result = self.client.create(self.name, self.oplock)
        except Exception as e:
            self.result = ("exception", str(e))
        self.took = time.monotonic() - t0


def batch_holder(a, name):
    st, level, fid = a.create(name, BATCH)
    check("%s: batch granted to the only open" % name, (st, level),
          (SUCCESS, BATCH))
    return fid


def main():
    a, b = Client(), Client()
    tag = "oplock-%d" % os.getpid()

    # 1: break to II, acknowledged; the waiter goes on at once
    f1 = tag + "-1"
    fid = batch_holder(a, f1)
    op = Opener(b, f1, BATCH)
    op.start()
    brk = a.wait_break()
    check("f1: break notification offers level II", brk, (LEVEL_II, fid))
    time.sleep(1)
    check("f1: opener waits for the acknowledgment", op.is_alive(), True)
    check("f1: ack to II", a.ack(fid, LEVEL_II), (SUCCESS, LEVEL_II))
    op.join(10)
    check("f1: opener done after the ack",
          (op.is_alive(), op.result and op.result[:2]),
          (False, (SUCCESS, LEVEL_II)))
    check("f1: ack with no break outstanding", a.ack(fid, LEVEL_II)[0],
          INVALID_DEVICE_STATE)
    bad = bytes(16 * [0x5a])
    check("f1: ack on an unknown FileId", a.ack(bad, NONE)[0], FILE_CLOSED)
    # a write from b breaks both Level II oplocks to none, no ack wanted
    b.smb.write(b.tid, op.result[2], b"x", 0, 1)
    brk = a.wait_break()
    check("f1: a write breaks the holder's II to none", brk, (NONE, fid))
    check("f1: ack of a break to none", a.ack(fid, NONE)[0],
          INVALID_OPLOCK_PROTOCOL)

    # 2: an ack above the level offered
    f2 = tag + "-2"
    fid = batch_holder(a, f2)
    op = Opener(b, f2)
    op.start()
    check("f2: break offers II", a.wait_break(), (LEVEL_II, fid))
    check("f2: ack with EXCLUSIVE", a.ack(fid, EXCLUSIVE)[0],
          INVALID_OPLOCK_PROTOCOL)
    op.join(10)
    check("f2: opener done after the refused ack",
          (op.is_alive(), op.result and op.result[0]), (False, SUCCESS))

    # 3: the holder's connection goes away instead of acknowledging
    f3 = tag + "-3"
    h = Client()
    fid = batch_holder(h, f3)
    op = Opener(b, f3)
    op.start()
    check("f3: break offers II", h.wait_break(), (LEVEL_II, fid))
    h.drop()
    op.join(10)
    check("f3: opener done once the holder disconnected",
          (op.is_alive(), op.result and op.result[0]), (False, SUCCESS))

    # 4: the waiting opener's own connection goes away
    f4 = tag + "-4"
    fid = batch_holder(a, f4)
    w = Client()
    op = Opener(w, f4)
    op.start()
    check("f4: break offers II", a.wait_break(), (LEVEL_II, fid))
    w.drop()
    op.join(10)
    c = Client()
    st, _, _ = c.create(tag + "-other", NONE)
    check("f4: the server serves others meanwhile", st, SUCCESS)
    check("f4: the holder may still acknowledge", a.ack(fid, LEVEL_II)[0],
          SUCCESS)

    # 5: no acknowledgment at all: the break times out
    f5 = tag + "-5"
    fid = batch_holder(a, f5)
    op = Opener(b, f5)
    op.start()
    check("f5: break offers II", a.wait_break(), (LEVEL_II, fid))
    op.join(60)
    took = op.took if op.took is not None else -1
    print("      opener waited %.1f s" % took)
    check("f5: opener released by the break timeout",
          (op.is_alive(), op.result and op.result[0], 30 < took < 45),
          (False, SUCCESS, True))

    # 6: "oplocks = no"
    n = Client(os.environ["KSMBD_NOOPLOCKS_SHARE"])
    st, level, _ = n.create(tag + "-6", BATCH)
    check("f6: no oplock on a share with oplocks = no", (st, level),
          (SUCCESS, NONE))

    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("all passed")


main()
