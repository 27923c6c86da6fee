#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Host-side check of guest/torture-batch.py against a fake smbtorture that
prints what smbtorture 4.17 prints (checked in a guest: "test: LEAF", then
"success: LEAF" or "failure: LEAF [" ... "]", suites with "progress: N",
"Unknown torture operation 'NAME'"), with tests that fail, skip, hang, crash,
share a leaf name or have a space in their name; and lib/test.sh's parsing of
list lines (quoted words). No guest needed, python3 and bash only:

    python3 tools/testing/selftests/ksmbd/guest/torture-batch-test.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "torture-batch.py")

# the fake smbtorture: TEST... -> output of those tests, in order
FAKE = r'''
import os, sys, time
LEAVES = {"smb2.a": ["a"], "smb2.suite": ["x", "y", "z"],
          "smb2.fail": ["fail"], "smb2.skip": ["skip"], "smb2.hang": ["hang"],
          "smb2.crash": ["crash"], "smb2.mixed": ["m1", "m2"],
          "smb2.b.a": ["a"], "smb2.teardown": ["td"], "smb2.noleaf": ["nl"],
          "smb2.slow": ["slow"], "smb2.slow2": ["slow2"],
          "smb2.slow3": ["slow3"], "smb2.suite.y.y": ["y"],
          "smb2.after": ["after"],
          "smb2.ioctl.copy-chunk streams": ["copy-chunk streams"],
          "smb2.dcp.CREATE": ["CREATE"],
          "smb2.dcp.CREATE Existing": ["CREATE Existing"]}
print("smbtorture 4.17.12-Debian")
print("Using seed 42", flush=True)
rc = 0
for t in sys.argv[1:]:
    print("time: 2026-12-02 08:20:36.008307", flush=True)
    if t not in LEAVES:
        print("Unknown torture operation '%s'" % t)
        rc = 1
        continue
    if len(LEAVES[t]) > 1:
        print("progress: %d" % len(LEAVES[t]))
    for leaf in LEAVES[t]:
        print("test: " + leaf)
        print("output of " + leaf, flush=True)
        if leaf == "hang":
            time.sleep(60)
        if leaf.startswith("slow"):
            time.sleep(1.5)
        if leaf == "crash":
            os.abort()
        # "after" fails when smb2.a ran before it in the same process
        if leaf == "fail" or (leaf == "after" and
                              "smb2.a" in sys.argv[1:sys.argv.index(t)]):
            print("failure: fail [\nfile.c:1: status was BAD\n]")
            rc = 1
        elif leaf in ("skip", "m2"):
            print("skip: %s [\nno such capability\n]" % leaf)
        elif leaf == "nl":
            pass
        else:
            print("success: " + leaf)
        if leaf == "td":
            rc = 1
        sys.stdout.flush()
sys.exit(rc)
'''

LIST = """smb2.a.a
smb2.b.a.a
smb2.suite.x.x
smb2.suite.y.y
smb2.suite.z.z
smb2.fail.fail
smb2.skip.skip
smb2.hang.hang
smb2.crash.crash
smb2.mixed.m1.m1
smb2.mixed.m2.m2
smb2.teardown.td
smb2.noleaf.nl
smb2.slow.slow
smb2.slow2.slow2
smb2.slow3.slow3
smb2.after.after
smb2.ioctl.copy-chunk streams.copy-chunk streams
smb2.dcp.CREATE.CREATE
smb2.dcp.CREATE Existing.CREATE Existing
"""


class TortureBatchTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.tmp = os.path.join(self.dir, "tmp")
        os.makedirs(self.tmp)
        with open(os.path.join(self.tmp, "torture-list.txt"), "w") as f:
            f.write(LIST)
        self.fake = os.path.join(self.dir, "fake.py")
        with open(self.fake, "w") as f:
            f.write(FAKE)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def batch(self, tests, limit=20):
        """Run TESTS (no two alike) as the shell does (a new process for
        what is left); return ({test: (status, log)}, number of processes)."""
        self.assertEqual(len(set(tests)), len(tests))
        self.run = tempfile.mkdtemp(dir=self.dir)
        os.makedirs(os.path.join(self.run, "out"))
        batch = os.path.join(self.dir, "batch")
        with open(batch, "w") as f:
            for i, t in enumerate(tests):
                f.write("%d\t%d\tsmbtorture[%s]\t%s\n" % (i, limit, t, t))
        env = dict(os.environ, TMPDIR=self.tmp, KSMBD_DAEMON="none")
        runs = 0
        while os.path.getsize(batch) > 0:
            runs += 1
            self.assertLessEqual(runs, 2 * len(tests), "no progress")
            subprocess.run([sys.executable, "-S", DRIVER, self.run, batch,
                            batch + ".rest", "--", sys.executable, self.fake],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            os.replace(batch + ".rest", batch)
        res = {}
        with open(os.path.join(self.run, "results")) as f:
            lines = f.read().split("\n")[:-1]
        self.assertEqual(sorted(int(x.split()[0]) for x in lines),
                         list(range(len(tests))), "one result per entry")
        for x in lines:
            idx, status, secs = x.split()
            with open(os.path.join(self.run, "out", idx + ".log")) as f:
                res[tests[int(idx)]] = (int(status), f.read())
            self.assertGreaterEqual(int(secs), 0)
        return {t: res[t] for t in tests}, runs

    def test_results(self):
        tests = ["smb2.a", "smb2.suite", "smb2.fail", "smb2.skip",
                 "smb2.nosuch", "smb2.mixed", "smb2.b.a"]
        res, runs = self.batch(tests)
        # the two that failed run again on their own
        self.assertEqual(runs, 3)
        status = {t: s for t, (s, _) in res.items()}
        self.assertEqual(status, {"smb2.a": 0, "smb2.suite": 0,
                                  "smb2.fail": 1, "smb2.skip": 4,
                                  "smb2.nosuch": 1, "smb2.mixed": 0,
                                  "smb2.b.a": 0})
        # each log holds its own test's output, and only that
        self.assertIn("Using seed 42", res["smb2.a"][1])
        self.assertIn("status was BAD", res["smb2.fail"][1])
        self.assertIn("runs again on its own", res["smb2.fail"][1])
        self.assertNotIn("output of x", res["smb2.fail"][1])
        for leaf in "xyz":
            self.assertIn("success: " + leaf, res["smb2.suite"][1])
        self.assertIn("Unknown torture operation", res["smb2.nosuch"][1])
        self.assertIn("no such capability", res["smb2.skip"][1])

    def test_same_leaf(self):
        # smb2.a and smb2.b.a both print "a": each gets its own
        res, _ = self.batch(["smb2.a", "smb2.b.a", "smb2.fail"])
        self.assertEqual(res["smb2.b.a"][0], 0)
        self.assertIn("output of a", res["smb2.b.a"][1])
        self.assertIn("after smb2.a", res["smb2.b.a"][1])

    def test_list_names(self):
        # `test --all` names a test as `smbtorture --list` prints it
        res, _ = self.batch(["smb2.suite.y.y", "smb2.fail", "smb2.skip"])
        self.assertEqual([res[t][0] for t in res], [0, 1, 4])
        self.assertIn("success: y", res["smb2.suite.y.y"][1])

    def test_timeout(self):
        res, runs = self.batch(["smb2.a", "smb2.hang", "smb2.suite"], limit=2)
        self.assertEqual(runs, 2)
        self.assertEqual(res["smb2.hang"][0], 124)
        self.assertIn("timed out after 2s", res["smb2.hang"][1])
        self.assertEqual(res["smb2.a"][0], 0)
        self.assertEqual(res["smb2.suite"][0], 0)

    def test_own_limit(self):
        # a limit counts from the end of the entry before, not the batch
        res, runs = self.batch(["smb2.slow", "smb2.a", "smb2.suite"],
                               limit=1)
        self.assertEqual(runs, 2)
        self.assertEqual(res["smb2.slow"][0], 124)
        self.assertEqual(res["smb2.a"][0], 0)
        res, runs = self.batch(["smb2.slow", "smb2.slow2", "smb2.slow3"],
                               limit=3)
        self.assertEqual(runs, 1)
        self.assertEqual([res[t][0] for t in res], [0, 0, 0])

    def test_crash(self):
        res, runs = self.batch(["smb2.a", "smb2.crash", "smb2.suite"])
        self.assertEqual(runs, 3)
        self.assertEqual(res["smb2.crash"][0], 1)
        self.assertIn("signal 6", res["smb2.crash"][1])
        self.assertEqual(res["smb2.suite"][0], 0)

    def test_skipped_over(self):
        # entries that print nothing before a later one starts fail
        res, _ = self.batch(["smb2.noleaf", "smb2.nosuch", "smb2.nosuch2",
                             "smb2.a"])
        self.assertEqual([res[t][0] for t in res], [1, 1, 1, 0])

    def test_batch_only_failure(self):
        # a failure due to a test before it in the process is not one
        res, runs = self.batch(["smb2.a", "smb2.after", "smb2.suite"])
        self.assertEqual(runs, 2)
        self.assertEqual([res[t][0] for t in res], [0, 0, 0])
        self.assertIn("runs again on its own", res["smb2.after"][1])
        res, runs = self.batch(["smb2.after", "smb2.a"])
        self.assertEqual(runs, 1)

    def test_no_result(self):
        # a leaf that never reports fails its entry, not the next one
        res, _ = self.batch(["smb2.noleaf", "smb2.a"])
        self.assertEqual(res["smb2.noleaf"][0], 1)
        self.assertIn("no result from smbtorture for: nl",
                      res["smb2.noleaf"][1])
        self.assertEqual(res["smb2.a"][0], 0)

    def test_space_in_name(self):
        # a test whose name holds a space is one argument and one entry;
        # "CREATE" is not taken for the start of "CREATE Existing"
        tests = ["smb2.dcp.CREATE", "smb2.dcp.CREATE Existing",
                 "smb2.ioctl.copy-chunk streams", "smb2.a"]
        res, runs = self.batch(tests)
        self.assertEqual(runs, 1)
        self.assertEqual([res[t][0] for t in tests], [0, 0, 0, 0])
        self.assertIn("success: CREATE Existing",
                      res["smb2.dcp.CREATE Existing"][1])
        self.assertNotIn("Existing", res["smb2.dcp.CREATE"][1])
        self.assertIn("success: copy-chunk streams",
                      res["smb2.ioctl.copy-chunk streams"][1])

    def test_unattributed_failure(self):
        # smbtorture fails and no test says so: the last one fails
        res, _ = self.batch(["smb2.a", "smb2.teardown"])
        self.assertEqual(res["smb2.a"][0], 0)
        self.assertEqual(res["smb2.teardown"][0], 1)
        self.assertIn("exited with status 1", res["smb2.teardown"][1])


class ListLineTest(unittest.TestCase):
    """lib/test.sh's split_words: the words of a list line."""

    def words(self, line):
        script = ('. "$1"; split_words "$2" || exit 3; '
                  'printf "%s\\n" "${LIST_WORDS[@]}"')
        p = subprocess.run(["bash", "-c", script, "bash",
                            os.path.join(HERE, "..", "lib", "test.sh"), line],
                           stdout=subprocess.PIPE, check=False)
        if p.returncode == 3:
            return None
        self.assertEqual(p.returncode, 0)
        return p.stdout.decode().split("\n")[:-1]

    def test_words(self):
        self.assertEqual(self.words("smbtorture smb2.lock.rw-shared"),
                         ["smbtorture", "smb2.lock.rw-shared"])
        self.assertEqual(self.words("a  b\tc --timeout=30"),
                         ["a", "b", "c", "--timeout=30"])
        # no glob expansion
        self.assertEqual(self.words("smbtorture smb2.*"),
                         ["smbtorture", "smb2.*"])

    def test_quotes(self):
        self.assertEqual(
            self.words('smbtorture smb2.ioctl."copy-chunk streams"'),
            ["smbtorture", "smb2.ioctl.copy-chunk streams"])
        self.assertEqual(
            self.words('smbtorture "smb2.charset.Testing wide-a" x'),
            ["smbtorture", "smb2.charset.Testing wide-a", "x"])
        self.assertEqual(self.words("x 'a \"b' \"\" y"),
                         ["x", 'a "b', "", "y"])
        self.assertIsNone(self.words('smbtorture smb2."unterminated'))


if __name__ == "__main__":
    unittest.main()
