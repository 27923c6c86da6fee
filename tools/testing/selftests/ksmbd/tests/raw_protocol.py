# SPDX-License-Identifier: GPL-2.0-or-later
"""Hostile and edge-case SMB2 PDUs on raw sockets, one case per bug class
the protocol core is designed against ([MS-SMB2] 3.3.5.2 and on):

  - a NetBIOS length that disagrees with the SMB2 header (too short for a
    header, too short for the body, a NextCommand beyond it, oversized,
    a non-session-message frame type);
  - an (offset, length) pair pointing outside the PDU (SESSION_SETUP
    security buffer, TREE_CONNECT path);
  - a 3.1.1 negotiate-context walk that would run past the PDU;
  - NTLMSSP blobs whose field lengths exceed the blob;
  - a second NEGOTIATE and an SMB1 frame after SMB2 (both disconnect);
  - an unknown command (answered, the connection goes on);
  - FSCTL_VALIDATE_NEGOTIATE_INFO (secure negotiate): answered when it
    matches what was negotiated, a disconnect when it does not;
  - MessageIds outside the credit window or reused (disconnect);
  - compound elements that use a session or tree a previous element of the
    same compound logged off or disconnected;
  - TREE_DISCONNECT and LOGOFF racing requests in flight on the same tree
    and session (parallel workers): every request is answered, with
    success or the status of a gone tree or session, and the connection
    goes on (run on the debug kernel, KASAN and lockdep watch the teardown).
    UML runs one CPU, so the interleaving is the scheduler's; teardown
    under requests that are still pending (blocking locks, change notify)
    is smbtorture's smb2.lock.cancel-{tdis,logoff} and
    smb2.notify.{tdis,tdis1,logoff};
  - with the argument setup-timeout: connections that never authenticate a
    session are closed after the setup time (about a minute to run);
  - with the argument conn-limits (raw-protocol.sh sets "max ip
    connections = 4" and "max connections = 6"): a flood of connections
    from one address is held to its limit while others are served, and
    all addresses together to the server's.

Each case checks the exact status (or the disconnect), and that the same
connection (where it must survive) and a fresh one still serve a good
client. NTLMv2 blobs come from impacket.ntlm; the SMB2 framing is our own.
"""
import os
import socket
import struct
import sys
import time

from impacket import ntlm

SERVER = os.environ.get("KSMBD_SERVER", "127.0.0.1")
USER = os.environ.get("KSMBD_USER", "alice")
PASSWORD = os.environ.get("KSMBD_PASSWORD", "secret")
SHARE = os.environ.get("KSMBD_SHARE", "share")

NEGOTIATE, SESSION_SETUP, LOGOFF, TREE_CONNECT, TREE_DISCONNECT = 0, 1, 2, 3, 4
ECHO = 13
FLAG_RELATED = 0x4
HDR = struct.Struct("<4sHHIHHIIQIIQ16s")

STATUS = {
    0x00000000: "SUCCESS",
    0xC0000016: "MORE_PROCESSING_REQUIRED",
    0xC000000D: "INVALID_PARAMETER",
    0xC000006D: "LOGON_FAILURE",
    0xC0000203: "USER_SESSION_DELETED",
    0xC00000C9: "NETWORK_NAME_DELETED",
    0xC00000CC: "BAD_NETWORK_NAME",
    0xC00000BB: "NOT_SUPPORTED",
    0xC0000023: "BUFFER_TOO_SMALL",
}

failures = []


def name(st):
    return STATUS.get(st, "0x%08x" % st)


def check(what, got, want):
    if got != want:
        failures.append("%s: got %s, want %s" % (what, got, want))
        print("FAIL  %s: got %s, want %s" % (what, got, want))
    else:
        print("ok    %s: %s" % (what, got))


def hdr(cmd, mid, sid=0, tid=0, flags=0, next_cmd=0, credits=64):
    return HDR.pack(b"\xfeSMB", 64, 1, 0, cmd, credits, flags, next_cmd,
                    mid, 0, tid, sid, b"\0" * 16)


DIALECTS = (0x0202, 0x0210, 0x0300, 0x0302)


def negotiate_body(dialects=DIALECTS, ctx=b"", ctx_count=0, ctx_at=None,
                   ctx_off=None, guid=None):
    """ctx is placed at ctx_at (default: 8-aligned after the dialects);
    the NegotiateContextOffset field says ctx_off (default: ctx_at)."""
    dl = b"".join(struct.pack("<H", d) for d in dialects)
    if ctx_at is None:
        ctx_at = (64 + 36 + len(dl) + 7) & ~7
    if ctx_off is None:
        ctx_off = ctx_at if ctx else 0
    body = struct.pack("<HHHHI16sIHH", 36, len(dialects), 1, 0, 0,
                       guid or os.urandom(16), ctx_off, ctx_count, 0) + dl
    if ctx:
        body += b"\0" * (ctx_at - 64 - len(body)) + ctx
    return body


def preauth_ctx():
    data = struct.pack("<HHH", 1, 32, 1) + os.urandom(32)
    return struct.pack("<HHI", 1, len(data), 0) + data


def setup_body(blob, off=None, blen=None):
    return struct.pack("<HBBIIHHQ", 25, 0, 1, 0, 0,
                       88 if off is None else off,
                       len(blob) if blen is None else blen, 0) + blob


def tcon_body(path, off=None, plen=None):
    p = path.encode("utf-16le")
    return struct.pack("<HHHH", 9, 0, 72 if off is None else off,
                       len(p) if plen is None else plen) + p


def small_body():
    return struct.pack("<HH", 4, 0)


IOCTL = 11
FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204
FSCTL_QUERY_NETWORK_INTERFACE_INFO = 0x001401FC


def ioctl_body(ctl, data, max_out=64, fid=b"\xff" * 16):
    return struct.pack("<HHI16sIIIIIIII", 57, 0, ctl, fid, 120,
                       len(data), 0, 120, 0, max_out, 1, 0) + data


class Disconnected(Exception):
    pass


class Conn:
    def __init__(self, src=None):
        self.s = socket.create_connection((SERVER, 445), timeout=20,
                                          source_address=src)
        self.mid = 0
        self.sid = 0
        self.tid = 0

    def close(self):
        self.s.close()

    def raw(self, data, nb_type=0, nb_len=None):
        n = len(data) if nb_len is None else nb_len
        self.s.sendall(struct.pack(">I", (nb_type << 24) | n) + data)

    def _recv(self, n):
        out = b""
        while len(out) < n:
            try:
                chunk = self.s.recv(n - len(out))
            except (ConnectionResetError, BrokenPipeError):
                chunk = b""
            if not chunk:
                raise Disconnected()
            out += chunk
        return out

    def recv_pdu(self):
        nb = struct.unpack(">I", self._recv(4))[0]
        return self._recv(nb & 0xFFFFFF)

    def recv_elems(self):
        """One response PDU (interim STATUS_PENDING ones skipped) as a
        list of (status, header tuple, body)."""
        while True:
            pdu = self.recv_pdu()
            out = []
            off = 0
            while True:
                h = HDR.unpack_from(pdu, off)
                nxt = h[7]
                end = off + nxt if nxt else len(pdu)
                out.append((h[3], h, pdu[off + 64:end]))
                if not nxt:
                    break
                off += nxt
            if not (len(out) == 1 and out[0][0] == 0x00000103):
                return out

    def next_mid(self):
        m = self.mid
        self.mid += 1
        return m

    def req(self, cmd, body, sid=None, tid=None, flags=0):
        """Send one request, return (status, header, body)."""
        sid = self.sid if sid is None else sid
        tid = self.tid if tid is None else tid
        self.raw(hdr(cmd, self.next_mid(), sid, tid, flags) + body)
        return self.recv_elems()[0]

    def compound(self, parts):
        """parts: (cmd, body, sid, tid, flags); send as one PDU."""
        pdu = b""
        for i, (cmd, body, sid, tid, flags) in enumerate(parts):
            last = i == len(parts) - 1
            elem_len = 64 + len(body)
            pad = 0 if last else (-elem_len) & 7
            pdu += hdr(cmd, self.next_mid(), sid, tid, flags,
                       0 if last else elem_len + pad) + body + b"\0" * pad
        self.raw(pdu)
        return self.recv_elems()

    def negotiate(self, guid=None):
        st, h, b = self.req(NEGOTIATE, negotiate_body(guid=guid))
        if st:
            raise RuntimeError("negotiate: %s" % name(st))
        return struct.unpack_from("<H", b, 4)[0]

    def login(self, password=PASSWORD):
        t1 = ntlm.getNTLMSSPType1("", "")
        st, h, b = self.req(SESSION_SETUP, setup_body(t1.getData()), sid=0)
        if st != 0xC0000016:
            return st
        self.sid = h[11]
        off, blen = struct.unpack_from("<HH", b, 4)
        t2 = b[off - 64:off - 64 + blen]
        t3, _ = ntlm.getNTLMSSPType3(t1, t2, USER, password, "")
        st, h, b = self.req(SESSION_SETUP, setup_body(t3.getData()))
        if st:
            self.sid = 0
        return st

    def tree_connect(self, share=SHARE):
        st, h, b = self.req(TREE_CONNECT,
                            tcon_body("\\\\%s\\%s" % (SERVER, share)))
        if not st:
            self.tid = h[10]
        return st

    def dropped(self, timeout=10):
        """True if the server closes the connection (sends nothing)."""
        self.s.settimeout(timeout)
        try:
            self.recv_pdu()
            return False
        except Disconnected:
            return True
        except socket.timeout:
            return False


def ready():
    c = Conn()
    c.negotiate()
    if c.login():
        raise RuntimeError("login failed")
    return c


def still_serves(what):
    """A fresh connection logs in, connects the share and echoes."""
    try:
        c = ready()
        st = c.tree_connect()
        if not st:
            st = c.req(ECHO, small_body())[0]
        c.close()
    except (Disconnected, OSError, RuntimeError) as e:
        st = "error %s" % e
    check(what + ": a new client is served", name(st) if isinstance(st, int)
          else st, "SUCCESS")


def case_netbios_lengths():
    c = Conn()
    c.raw(hdr(NEGOTIATE, 0)[:40])
    check("NetBIOS length < SMB2 header", c.dropped(), True)
    c.close()

    c = Conn()
    # header complete, NEGOTIATE body cut after 10 of its 36 bytes
    c.raw((hdr(NEGOTIATE, c.next_mid()) + negotiate_body())[:74])
    st = c.recv_elems()[0][0]
    check("NetBIOS length cuts the fixed body", name(st), "INVALID_PARAMETER")
    check("... the connection goes on", c.negotiate() in (0x0302, 0x0300),
          True)
    c.close()

    c = Conn()
    c.raw(hdr(NEGOTIATE, 0, next_cmd=4096) + negotiate_body())
    check("NextCommand beyond the NetBIOS length", c.dropped(), True)
    c.close()

    c = Conn()
    c.raw(hdr(NEGOTIATE, 0) + negotiate_body(), nb_len=0xFFFFFF)
    check("NetBIOS length beyond the PDU bound", c.dropped(), True)
    c.close()

    c = Conn()
    c.raw(hdr(NEGOTIATE, 0) + negotiate_body(), nb_type=0x81)
    check("NetBIOS session request frame", c.dropped(), True)
    c.close()
    still_serves("after bad NetBIOS framing")


def case_offsets():
    c = Conn()
    c.negotiate()
    t1 = ntlm.getNTLMSSPType1("", "").getData()
    st = c.req(SESSION_SETUP, setup_body(t1, blen=len(t1) + 1), sid=0)[0]
    check("SESSION_SETUP buffer one byte past the PDU", name(st),
          "INVALID_PARAMETER")
    st = c.req(SESSION_SETUP, setup_body(t1, off=0xFFF8), sid=0)[0]
    check("SESSION_SETUP buffer offset past the PDU", name(st),
          "INVALID_PARAMETER")
    check("... a login on the same connection", name(c.login()), "SUCCESS")
    path = "\\\\%s\\%s" % (SERVER, SHARE)
    st = c.req(TREE_CONNECT, tcon_body(path, plen=0xFFFE))[0]
    check("TREE_CONNECT path past the PDU", name(st), "INVALID_PARAMETER")
    st = c.req(TREE_CONNECT, tcon_body(path, off=0xFFF0))[0]
    check("TREE_CONNECT path offset past the PDU", name(st),
          "INVALID_PARAMETER")
    check("... a tree connect on the same connection",
          name(c.tree_connect()), "SUCCESS")
    c.close()


def case_negotiate_contexts():
    ctx = preauth_ctx()
    c = Conn()
    st, h, b = c.req(NEGOTIATE, negotiate_body(dialects=(0x0311,), ctx=ctx,
                                               ctx_count=1))
    check("3.1.1 NEGOTIATE with a preauth context",
          (name(st), struct.unpack_from("<H", b, 4)[0] if not st else 0),
          ("SUCCESS", 0x0311))
    c.close()
    bad = {
        "context offset past the PDU": dict(ctx=ctx, ctx_count=1,
                                            ctx_off=0xFFF8),
        "context count beyond the contexts": dict(ctx=ctx, ctx_count=2),
        "context DataLength past the PDU":
            dict(ctx=ctx[:2] + b"\xff\xff" + ctx[4:], ctx_count=1),
        "context offset not 8-aligned": dict(ctx=ctx, ctx_count=1,
                                             ctx_at=106),
    }
    for what, kw in bad.items():
        c = Conn()
        st = c.req(NEGOTIATE, negotiate_body(dialects=(0x0311,), **kw))[0]
        check("3.1.1 NEGOTIATE " + what, name(st), "INVALID_PARAMETER")
        c.close()
    still_serves("after bad negotiate contexts")


def ntlm_fields(blob, at, length):
    """Set the (len, maxlen) of the NTLMSSP field descriptor at offset at."""
    return blob[:at] + struct.pack("<HH", length, length) + blob[at + 4:]


def case_ntlmssp():
    c = Conn()
    c.negotiate()
    t1 = ntlm.getNTLMSSPType1("", "")
    st = c.req(SESSION_SETUP, setup_body(t1.getData()[:14]), sid=0)[0]
    check("NTLMSSP NEGOTIATE cut short", name(st), "INVALID_PARAMETER")

    for what, at in (("NtChallengeResponse", 20), ("UserName", 36),
                     ("EncryptedRandomSessionKey", 52)):
        c.sid = 0
        st, h, b = c.req(SESSION_SETUP, setup_body(t1.getData()), sid=0)
        check("NTLMSSP NEGOTIATE", name(st), "MORE_PROCESSING_REQUIRED")
        c.sid = h[11]
        off, blen = struct.unpack_from("<HH", b, 4)
        t2 = b[off - 64:off - 64 + blen]
        t3, _ = ntlm.getNTLMSSPType3(t1, t2, USER, PASSWORD, "")
        st = c.req(SESSION_SETUP,
                   setup_body(ntlm_fields(t3.getData(), at, 0xFFF0)))[0]
        check("NTLMSSP AUTHENTICATE %s length past the blob" % what,
              name(st), "INVALID_PARAMETER")
        st = c.req(ECHO, small_body())[0]
        check("... ECHO on the connection", name(st), "SUCCESS")
    c.sid = 0
    check("... a login on the same connection", name(c.login()), "SUCCESS")
    c.close()


def case_wrong_password():
    c = Conn()
    c.negotiate()
    check("wrong password", name(c.login("not" + PASSWORD)), "LOGON_FAILURE")
    check("... a login on the same connection", name(c.login()), "SUCCESS")
    c.close()


def case_second_negotiate():
    c = ready()
    c.raw(hdr(NEGOTIATE, c.next_mid()) + negotiate_body())
    check("second NEGOTIATE disconnects", c.dropped(), True)
    c.close()


def case_smb1_after_smb2():
    c = ready()
    dialects = b"\x02NT LM 0.12\0\x02SMB 2.002\0\x02SMB 2.???\0"
    smb1 = (b"\xffSMB\x72" + b"\0" * 27 + b"\0" +
            struct.pack("<H", len(dialects)) + dialects)
    c.raw(smb1)
    check("SMB1 NEGOTIATE after SMB2 disconnects", c.dropped(), True)
    c.close()
    c = Conn()
    c.raw(smb1)
    st, h, b = c.recv_elems()[0]
    check("SMB1 multi-protocol NEGOTIATE first: SMB2 answer",
          (name(st), struct.unpack_from("<H", b, 4)[0]), ("SUCCESS", 0x02FF))
    c.mid = 1
    check("... then SMB2 NEGOTIATE", c.negotiate() in (0x0302, 0x0300), True)
    c.close()


def case_unknown_command():
    c = ready()
    st = c.req(0x13, small_body())[0]
    check("unknown command 0x13", name(st), "INVALID_PARAMETER")
    r = c.compound([(ECHO, small_body(), c.sid, 0, 0),
                    (0xff, small_body(), c.sid, 0, FLAG_RELATED)])
    check("ECHO + unknown command 0xff in a compound",
          [name(e[0]) for e in r], ["SUCCESS", "INVALID_PARAMETER"])
    check("... ECHO on the connection", name(c.req(ECHO, small_body())[0]),
          "SUCCESS")
    c.close()


def case_validate_negotiate():
    guid = os.urandom(16)
    c = Conn()
    check("3.0.2 negotiated", hex(c.negotiate(guid)), "0x302")
    c.login()
    c.tree_connect("IPC$")
    vni = struct.pack("<I16sHH", 0, guid, 1, len(DIALECTS)) + \
        b"".join(struct.pack("<H", d) for d in DIALECTS)
    st, h, b = c.req(IOCTL, ioctl_body(FSCTL_VALIDATE_NEGOTIATE_INFO, vni))
    check("VALIDATE_NEGOTIATE_INFO with what was sent", name(st), "SUCCESS")
    if not st:
        out_off, out_len = struct.unpack_from("<II", b, 32)
        caps, sguid, mode, dialect = struct.unpack_from(
            "<I16sHH", b, out_off - 64)
        check("... answers the negotiated dialect and signing mode",
              (out_len, hex(dialect), mode & 1), (24, "0x302", 1))
    bad = struct.pack("<I16sHH", 0, guid, 1, 3) + \
        b"".join(struct.pack("<H", d) for d in DIALECTS[:3])
    c.raw(hdr(IOCTL, c.next_mid(), c.sid, c.tid) +
          ioctl_body(FSCTL_VALIDATE_NEGOTIATE_INFO, bad))
    check("VALIDATE_NEGOTIATE_INFO with a dialect left out disconnects",
          c.dropped(), True)
    c.close()


def case_interfaces():
    """FSCTL_QUERY_NETWORK_INTERFACE_INFO lists the test's veth addresses
    (raw-protocol.sh made them), not loopback; a small buffer is
    BUFFER_TOO_SMALL, a FileId other than all ones INVALID_PARAMETER."""
    c = ready()
    c.tree_connect("IPC$")
    st, h, b = c.req(IOCTL, ioctl_body(FSCTL_QUERY_NETWORK_INTERFACE_INFO,
                                       b"", max_out=8192))
    check("QUERY_NETWORK_INTERFACE_INFO", name(st), "SUCCESS")
    addrs = []
    if not st:
        out_off, out_len = struct.unpack_from("<II", b, 32)
        data = b[out_off - 64:out_off - 64 + out_len]
        at = 0
        while at + 152 <= len(data):
            nxt, idx, caps, _, speed, fam = struct.unpack_from(
                "<IIIIQH", data, at)
            if fam == 2:
                addrs.append(socket.inet_ntop(socket.AF_INET,
                                              data[at + 28:at + 32]))
            elif fam == 0x17:
                addrs.append(socket.inet_ntop(socket.AF_INET6,
                                              data[at + 32:at + 48]))
            check("... entry has an ifindex and a speed",
                  (idx > 0, speed > 0), (True, True))
            if not nxt:
                break
            at += nxt
        check("... entries fill the output exactly", at + 152, len(data))
    check("... lists the veth's IPv4 address", "10.77.0.1" in addrs, True)
    check("... lists the veth's IPv6 address", "fd00:77::1" in addrs, True)
    check("... leaves loopback out", "127.0.0.1" in addrs, False)
    st, h, b = c.req(IOCTL, ioctl_body(FSCTL_QUERY_NETWORK_INTERFACE_INFO,
                                       b"", max_out=100))
    check("... into 100 bytes", name(st), "BUFFER_TOO_SMALL")
    st, h, b = c.req(IOCTL, ioctl_body(FSCTL_QUERY_NETWORK_INTERFACE_INFO,
                                       b"", max_out=8192, fid=b"\0" * 16))
    check("... on a FileId", name(st), "INVALID_PARAMETER")
    c.close()


def case_credit_window():
    c = ready()
    c.mid += 10000
    c.raw(hdr(ECHO, c.next_mid(), c.sid) + small_body())
    check("MessageId beyond the credit window disconnects", c.dropped(),
          True)
    c.close()
    c = ready()
    c.raw(hdr(ECHO, 1, c.sid) + small_body())
    check("a reused MessageId disconnects", c.dropped(), True)
    c.close()


def case_compound_logoff():
    c = ready()
    c.tree_connect()
    sid, tid = c.sid, c.tid
    r = c.compound([(LOGOFF, small_body(), sid, 0, 0),
                    (TREE_CONNECT, tcon_body("\\\\x\\" + SHARE),
                     0xFFFFFFFFFFFFFFFF, 0, FLAG_RELATED)])
    check("compound LOGOFF + related TREE_CONNECT",
          [name(e[0]) for e in r], ["SUCCESS", "USER_SESSION_DELETED"])
    r = c.compound([(ECHO, small_body(), 0, 0, 0),
                    (TREE_DISCONNECT, small_body(), sid, tid, 0)])
    check("... the session stays gone for an unrelated element",
          [name(e[0]) for e in r], ["SUCCESS", "USER_SESSION_DELETED"])
    c.close()

    c = ready()
    c.tree_connect()
    r = c.compound([(TREE_DISCONNECT, small_body(), c.sid, c.tid, 0),
                    (TREE_DISCONNECT, small_body(), 0xFFFFFFFFFFFFFFFF,
                     0xFFFFFFFF, FLAG_RELATED),
                    (TREE_DISCONNECT, small_body(), c.sid, c.tid, 0)])
    check("compound TREE_DISCONNECT + related + unrelated",
          [name(e[0]) for e in r],
          ["SUCCESS", "NETWORK_NAME_DELETED", "NETWORK_NAME_DELETED"])
    check("... the session goes on", name(c.tree_connect()), "SUCCESS")
    c.close()


def answers(c, n):
    """The statuses of the next n response PDUs, in arrival order."""
    out = []
    for _ in range(n):
        out += [e[0] for e in c.recv_elems()]
    print("      answers: " + " ".join(
        "%s x%d" % (name(st), out.count(st)) for st in sorted(set(out))))
    return out


def race_round(c, teardown, allowed):
    """30 IOCTLs on c's tree with the teardown command sent in the middle,
    all without waiting: the statuses that are not in allowed (and the
    number of answers)."""
    ifinfo = ioctl_body(FSCTL_QUERY_NETWORK_INTERFACE_INFO, b"", max_out=8192)
    c.tree_connect("IPC$")
    for i in range(31):
        cmd, body = (teardown, small_body()) if i == 15 else (IOCTL, ifinfo)
        c.raw(hdr(cmd, c.next_mid(), c.sid, c.tid) + body)
    got = answers(c, 31)
    return len(got), [name(st) for st in got if st not in allowed]


def case_teardown_race():
    gone_tree, gone_sess = 0xC00000C9, 0xC0000203
    c = ready()
    for rnd in range(8):
        check("round %d: 30 IOCTLs around a TREE_DISCONNECT all answered, "
              "SUCCESS or NETWORK_NAME_DELETED" % rnd,
              race_round(c, TREE_DISCONNECT, (0, gone_tree)), (31, []))
    for rnd in range(4):
        check("round %d: 30 IOCTLs around a LOGOFF all answered, SUCCESS or "
              "a gone tree/session" % rnd,
              race_round(c, LOGOFF, (0, gone_tree, gone_sess)), (31, []))
        check("... the connection logs in again", name(c.login()), "SUCCESS")
    check("... and echoes", name(c.req(ECHO, small_body())[0]), "SUCCESS")
    c.close()


def served_from(src):
    """Log in from src, retrying while the server still counts a
    connection that just went: the status, or "refused"."""
    for i in range(50):
        try:
            c = Conn(src=(src, 0))
            c.negotiate()
            st = name(c.login())
            c.close()
            return st
        except (Disconnected, RuntimeError, OSError):
            time.sleep(0.2)
    return "refused"


def refused_from(src):
    c = Conn(src=(src, 0))
    c.raw(hdr(NEGOTIATE, 0) + negotiate_body())
    gone = c.dropped()
    c.close()
    return gone


def case_conn_limits():
    """"max ip connections = 4" and "max connections = 6"."""
    held = []
    for i in range(4):
        c = Conn(src=("127.0.0.1", 0))
        c.negotiate()
        held.append(c)
    check("4 connections from 127.0.0.1 negotiate", len(held), 4)
    check("a fifth from the same address is closed unanswered",
          refused_from("127.0.0.1"), True)
    flood = []
    for i in range(300):
        try:
            flood.append(Conn(src=("127.0.0.1", 0)))
        except OSError:
            break
    for f in flood:
        f.close()
    print("ok    a flood of %d more connections from 127.0.0.1" % len(flood))
    for i in range(2):
        c = Conn(src=("127.0.0.2", 0))
        c.negotiate()
        check("another address is served meanwhile (%d)" % (i + 1),
              name(c.login()), "SUCCESS")
        held.append(c)
    check("a seventh connection in all (from a third address) is closed",
          refused_from("127.0.0.3"), True)
    held.pop().close()
    check("when one of the six goes, the third address is served",
          served_from("127.0.0.3"), "SUCCESS")
    held.pop(0).close()
    check("when one of 127.0.0.1's goes, it is served again",
          served_from("127.0.0.1"), "SUCCESS")
    for c in held:
        c.close()


def case_setup_timeout():
    """[MS-SMB2] 3.3.6.3: a connection that has not authenticated a session
    some time after it was accepted (40 s here) is closed; one with a
    session is not."""
    bare = Conn()
    negotiated = Conn()
    negotiated.negotiate()
    logged_off = ready()
    logged_off.req(LOGOFF, small_body())
    good = ready()
    time.sleep(45)
    for what, c in (("never negotiated", bare),
                    ("negotiated, no session", negotiated),
                    ("logged off", logged_off)):
        check("a connection %s is closed after the setup time" % what,
              c.dropped(timeout=30), True)
        c.close()
    check("a connection with a session still answers ECHO",
          name(good.req(ECHO, small_body())[0]), "SUCCESS")
    good.close()


def main():
    if sys.argv[1:] == ["setup-timeout"]:
        case_setup_timeout()
        return 1 if failures else 0
    if sys.argv[1:] == ["conn-limits"]:
        try:
            case_conn_limits()
        except (Disconnected, OSError, RuntimeError, struct.error) as e:
            failures.append("case_conn_limits: %r" % e)
            print("FAIL  case_conn_limits: unexpected %r" % e)
        return 1 if failures else 0
    for case in (case_netbios_lengths, case_offsets, case_negotiate_contexts,
                 case_ntlmssp, case_wrong_password, case_second_negotiate,
                 case_smb1_after_smb2, case_unknown_command,
                 case_validate_negotiate, case_interfaces,
                 case_credit_window,
                 case_compound_logoff, case_teardown_race):
        print("--", case.__name__)
        try:
            case()
        except (Disconnected, OSError, RuntimeError, struct.error) as e:
            failures.append("%s: %r" % (case.__name__, e))
            print("FAIL  %s: unexpected %r" % (case.__name__, e))
    still_serves("at the end")
    if failures:
        print("FAIL: %d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
