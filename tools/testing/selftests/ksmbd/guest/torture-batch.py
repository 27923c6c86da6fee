#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Guest side: run consecutive smbtorture.list entries in ONE smbtorture
process (starting smbtorture costs more than many tests take under UML), and
report each entry as guest/stage-tests.sh reports a test of its own.

Usage: torture-batch.py RUN BATCH REST -- COMMAND...

BATCH has one entry a line, "IDX<TAB>LIMIT<TAB>NAME<TAB>TEST" (TEST: an
smbtorture name such as smb2.lock.rw-shared, or a suite such as smb2.credits).
COMMAND TEST... is started once, in its own process group, with the tests in
order. Its stdout (smbtorture's subunit-like stream) is cut into entries:

    test: LEAF                          a test starts
    success: LEAF | xfail: LEAF         it passed
    failure: LEAF [ | error: LEAF [ | uxsuccess: LEAF [    it failed
    skip: LEAF [                        it skipped itself ("[" ... "]": why)
    Unknown torture operation 'TEST'    TEST does not exist

smbtorture names only the leaf (smb2.lock.rw-shared prints "rw-shared"), and
a suite runs several leaves, so the leaves of each entry come from
`smbtorture --list` ("SUITE.TCASE.LEAF" lines; cached in $TMPDIR, the guest's
tmpfs, for the boot).
A "test:" line belongs to the current entry when it expects that leaf, else
to the first later entry that does (the ones in between ran nothing); an
entry ends when all its leaves have reported. Its result follows
tests/smbtorture.sh: it fails if a leaf failed, erred or never reported; it
passes if a leaf succeeded; it skips if every leaf skipped.

Each entry gets what tests/smbtorture.sh would give it: its output in
RUN/out/IDX.log (lines between two entries go to the later one), "IDX STATUS
SECONDS" appended to RUN/results when it ends (STATUS 0 pass, 4 skip, 124
timed out, 1 failed), RUN/current naming it while it runs (the host's
watchdog reads it), and its own time limit: LIMIT seconds from the end of the
entry before it (from the start of smbtorture for the first one).

An entry that fails after other tests of its process is not reported: it
runs again on its own (something an earlier test left, such as a connection
smbtorture keeps until it exits with an open on it, can make a test fail that
passes alone), and its result is that of the run on its own, as if it had
never been batched. Such entries go first in REST, marked "<TAB>alone"; an
entry so marked runs in a process of its own. A time-out is not run again.

The process stops early when an entry times out (smbtorture is killed), when
an entry failed and the server no longer listens on port 445 (the shell
restarts it, as it would before a test of its own), or when smbtorture dies.
The entry in progress then ends as failed (124 when timed out) and the
entries after it are written to REST, in BATCH's format, for a new process;
REST is empty when the batch is done. Every run ends at least one entry or
marks it to run alone, so the shell's loop over REST ends.
"""

import collections
import os
import re
import select
import signal
import subprocess
import sys
import time

LIST_CACHE = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                          "torture-list.txt")
RESULT_RE = re.compile(r"^(test|success|successful|failure|fail|error|skip|"
                       r"xfail|uxsuccess): (.*?)( \[( multipart)?)?$")
UNKNOWN_RE = re.compile(r"^Unknown torture operation '(.*)'$")
FAILED = ("failure", "fail", "error", "uxsuccess")
PASSED = ("success", "successful", "xfail")


def torture_list():
    """Every test smbtorture knows, as "SUITE.TCASE.LEAF" lines."""
    try:
        with open(LIST_CACHE, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except OSError:
        pass
    out = subprocess.run(["smbtorture", "--list"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                         check=False).stdout.decode("utf-8", "replace")
    lines = [x.strip() for x in out.splitlines() if x.strip()]
    with open(LIST_CACHE + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(LIST_CACHE + ".tmp", LIST_CACHE)
    return lines


def leaves_of(test, known):
    """The leaf names TEST runs (a multiset): the last component of each
    listed "TEST.<...>" line, or of TEST itself when listed as it is (as
    `test --all` names them); empty when smbtorture does not list TEST."""
    prefix = test + "."
    return collections.Counter(x.rsplit(".", 1)[-1] for x in known
                               if x == test or x.startswith(prefix))


def server_alive():
    """Something listens on TCP port 445 (as guest/lib.sh's server_alive)."""
    if os.environ.get("KSMBD_DAEMON") == "none":
        return True
    deadline = time.monotonic() + 1
    while True:
        for name in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                with open(name, encoding="ascii") as f:
                    for line in f.readlines()[1:]:
                        w = line.split()
                        if w[1].endswith(":01BD") and w[3] == "0A":
                            return True
            except (OSError, IndexError):
                pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


class Entry:
    """One list entry of the batch and what smbtorture said about it."""

    def __init__(self, line, known):
        w = line.split("\t")
        idx, limit, name, test = w[:4]
        self.alone = w[4:] == ["alone"]
        self.line = "\t".join(w[:4])
        self.idx, self.limit, self.name, self.test = idx, int(limit), name, \
            test
        self.expected = leaves_of(test, known)
        self.started = collections.Counter()
        self.results = []  # (leaf, status)
        self.unknown = False
        self.start = None
        self.log = None

    def expects(self, leaf):
        return self.started[leaf] < self.expected[leaf]

    def complete(self):
        """Every leaf has started and reported (a test smbtorture does not
        list: its first leaf has reported)."""
        if self.expected - self.started:
            return False
        return bool(self.results) and \
            len(self.results) >= sum(self.started.values())

    def status(self):
        """(STATUS, why) by tests/smbtorture.sh's rules."""
        got = [s for _, s in self.results]
        if self.unknown:
            return 1, "smbtorture does not know this test"
        missing = self.expected - \
            collections.Counter(leaf for leaf, _ in self.results)
        if any(s in FAILED for s in got):
            return 1, None
        if missing:
            return 1, "no result from smbtorture for: " + \
                ", ".join(sorted(missing.elements()))
        if any(s in PASSED for s in got):
            return 0, None
        if got and all(s == "skip" for s in got):
            return 4, None
        return 1, "no result from smbtorture"


class Batch:
    def __init__(self, run, entries):
        self.run = run
        self.entries = entries
        self.cur = 0
        self.owner = None  # the entry a "[ ... ]" block belongs to
        self.failed_here = False
        self.again = []  # entries that failed here, to run on their own

    def write(self, e, text):
        if e.log is None:
            e.log = open(os.path.join(self.run, "out", e.idx + ".log"), "a",
                         encoding="utf-8", errors="replace")
        e.log.write(text + "\n")

    def begin(self, i, now):
        """Entry i is the one in progress from now on."""
        self.cur = i
        if i >= len(self.entries):
            return
        e = self.entries[i]
        e.start = now
        cur = os.path.join(self.run, "current")
        with open(cur + ".tmp", "w", encoding="ascii") as f:
            f.write(e.idx + "\n")
        os.replace(cur + ".tmp", cur)
        print("ksmbd-vm-guest: test %s %s" % (e.idx, e.name), flush=True)
        if i > 0:
            self.write(e, "ksmbd-vm: %s ran in one smbtorture process after %s"
                       " (its \"Using seed\" is in %s.log)" %
                       (e.test, self.entries[i - 1].test,
                        self.entries[0].idx))

    def finish(self, e, now, status=None, why=None):
        """Report entry e; with STATUS given, that one, else by its leaves."""
        if status is None:
            status, why = e.status()
        if why:
            self.write(e, why)
        if status not in (0, 4):
            self.failed_here = True
        if status == 1 and e is not self.entries[0] and not e.alone:
            # what an earlier test of the process left behind (an open,
            # a connection, a file) may have made it fail: the result is
            # that of a run on its own, as if it had never been batched
            self.write(e, "ksmbd-vm: %s failed after other tests in one "
                       "smbtorture process; it runs again on its own" %
                       e.test)
            e.log.close()
            e.log = None
            self.again.append(e)
            return status
        if e.log is not None:
            e.log.close()
            e.log = None
        with open(os.path.join(self.run, "results"), "a",
                  encoding="ascii") as f:
            secs = now - e.start if e.start is not None else 0
            f.write("%s %d %d\n" % (e.idx, status, int(secs + 0.5)))
        return status

    def advance(self, j, now):
        """Entries cur..j-1 are over; j is in progress."""
        if j == self.cur:
            return
        for e in self.entries[self.cur:j]:
            self.finish(e, now)
        self.begin(j, now)

    def sink(self):
        """The entry that gets a line of no entry of its own."""
        if self.cur < len(self.entries):
            return self.entries[self.cur]
        return self.entries[-1]

    def line(self, text, now):
        """Put one line of output where it belongs."""
        if self.owner is not None:
            self.write(self.owner, text)
            if text == "]":
                self.owner = None
            return
        m = UNKNOWN_RE.match(text)
        if m:
            for j in range(self.cur, len(self.entries)):
                if self.entries[j].test == m.group(1):
                    self.advance(j, now)
                    e = self.entries[j]
                    e.unknown = True
                    self.write(e, text)
                    self.finish(e, now)
                    self.begin(j + 1, now)
                    return
            self.write(self.sink(), text)
            return
        m = RESULT_RE.match(text)
        if not m:
            self.write(self.sink(), text)
            return
        kind, leaf, bracket = m.group(1), m.group(2), m.group(3)
        if kind == "test":
            n = len(self.entries)
            if self.cur < n and not self.entries[self.cur].expects(leaf):
                for j in range(self.cur + 1, n):
                    if self.entries[j].expects(leaf):
                        self.advance(j, now)
                        break
            e = self.sink()
            e.started[leaf] += 1
            self.write(e, text)
            return
        e = self.sink()
        e.results.append((leaf, kind))
        self.write(e, text)
        if bracket:
            self.owner = e

    def feed(self, text, now):
        """Handle one line; True when the server is gone after a failure
        (stop this process)."""
        self.line(text, now)
        # an entry ends when its last leaf has reported (after the "]" of a
        # "[ ... ]" block); the last one ends with smbtorture, whose exit
        # status it takes into account
        if (self.owner is not None or self.cur >= len(self.entries) - 1 or
                not self.entries[self.cur].complete()):
            return False
        status = self.finish(self.entries[self.cur], now)
        self.begin(self.cur + 1, now)
        return status not in (0, 4) and not server_alive()


def kill(proc):
    """SIGTERM to smbtorture's process group, SIGKILL 5 s later (as
    `timeout -k 5`)."""
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            pass


def main():
    if len(sys.argv) < 6 or sys.argv[4] != "--":
        sys.exit("usage: torture-batch.py RUN BATCH REST -- COMMAND...")
    run, batch, rest, command = sys.argv[1], sys.argv[2], sys.argv[3], \
        sys.argv[5:]
    known = torture_list()
    with open(batch, encoding="utf-8") as f:
        lines = [x.rstrip("\n") for x in f if x.strip()]
    # an entry marked "alone" runs on its own; the others up to the next
    # such entry together
    n = 1 if lines and lines[0].endswith("\talone") else \
        next((k for k, x in enumerate(lines) if x.endswith("\talone")),
             len(lines))
    entries = [Entry(x, known) for x in lines[:n]]
    if not entries:
        open(rest, "w", encoding="utf-8").close()
        return
    b = Batch(run, entries)
    b.begin(0, time.monotonic())
    proc = subprocess.Popen(command + [e.test for e in entries],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    fd = proc.stdout.fileno()
    buf = b""
    why = None  # why smbtorture was stopped early
    while why is None:
        now = time.monotonic()
        if b.cur < len(entries):
            e = entries[b.cur]
            left = e.start + e.limit - now
        else:
            left = 30  # every entry has reported: it is about to exit
        if left <= 0:
            why = "timeout"
            break
        r, _, _ = select.select([fd], [], [], min(left, 1.0))
        if not r:
            continue
        data = os.read(fd, 65536)
        if not data:
            break
        *chunk, buf = (buf + data).split(b"\n")
        for ln in chunk:
            if b.feed(ln.decode("utf-8", "replace").rstrip("\r"),
                      time.monotonic()):
                why = "server"
                break
    if why is None:
        # the end of its output (a last line without a newline)
        for ln in buf.decode("utf-8", "replace").splitlines():
            b.feed(ln.rstrip("\r"), time.monotonic())
    else:
        kill(proc)
    rc = proc.wait()
    now = time.monotonic()
    if why is not None:
        # what it printed before it was killed
        tail = proc.stdout.read() if why == "timeout" else b""
        for ln in (buf + tail).decode("utf-8", "replace").splitlines():
            b.line(ln.rstrip("\r"), now)
    proc.stdout.close()
    i = b.cur
    if i < len(entries):
        e = entries[i]
        st, msg = e.status()
        if why == "timeout":
            b.finish(e, now, 124, "timed out after %ds" % e.limit)
        elif why == "server":
            # entry i-1 failed and the server is gone: i runs again after
            # the shell has restarted the server
            b.write(e, "ksmbd-vm: smbtorture stopped (the server is gone);"
                    " %s runs again in a new process" % e.test)
            i -= 1
        elif not e.complete() and not e.unknown:
            b.finish(e, now, 1, "; ".join(x for x in (
                msg, "smbtorture ended (%s) during this test" % (
                    "status %d" % rc if rc >= 0 else "signal %d" % -rc))
                if x))
        elif st in (0, 4) and rc != 0 and not b.failed_here:
            # smbtorture failed and no test said so (a teardown?): blame the
            # last test rather than pass them all
            b.finish(e, now, 1, "smbtorture exited with status %d though"
                     " every test of its run reported success or skip: %s" %
                     (rc, " ".join(x.test for x in entries)))
        else:
            b.finish(e, now)
        i += 1
    with open(rest + ".tmp", "w", encoding="utf-8") as f:
        for e in b.again:
            f.write(e.line + "\talone\n")
        for e in entries[i:]:
            f.write(e.line + "\n")
        for x in lines[n:]:
            f.write(x + "\n")
    os.replace(rest + ".tmp", rest)


if __name__ == "__main__":
    main()
