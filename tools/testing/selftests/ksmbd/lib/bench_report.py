#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Collect the "BENCH KEY VALUE UNIT" / "BENCH KEY n/a REASON" lines that
guest/bench.sh printed for each server (one file per server in --dir), print
a table with the ratios ours/peer and ours/samba, and write it all as JSON.
"""

import argparse
import datetime
import json
import os
import re
import sys

# (key, unit, what): every workload of guest/bench.sh; all are rates, so a
# ratio above 1 means ours is faster
WORKLOADS = [
    ("tcp_loopback", "MiB/s", "raw loopback TCP (ceiling)"),
    ("seq_write_1m", "MiB/s", "cifs seq write 1 MiB (fio)"),
    ("seq_read_1m", "MiB/s", "cifs seq read 1 MiB (fio)"),
    ("rand_read_4k", "IOPS", "cifs random read 4 KiB (fio)"),
    ("file_create", "files/s", "cifs small-file create"),
    ("file_stat", "files/s", "cifs small-file stat"),
    ("file_unlink", "files/s", "cifs small-file unlink"),
    ("smbclient_put", "MiB/s", "smbclient put (large file)"),
    ("smbclient_get", "MiB/s", "smbclient get (large file)"),
]
SETUP = {
    "ours": ("normal", "ours"),
    "peer": ("peer", None),
    "samba": ("normal", "samba"),
}


def parse(path):
    """KEY -> (value or None, reason or None) from one server's log."""
    res = {}
    star = None
    text = ""
    if os.path.exists(path):
        with open(path, errors="replace") as f:
            text = f.read()
    for line in text.splitlines():
        w = line.split()
        if len(w) < 3 or w[0] != "BENCH":
            continue
        key, val = w[1], w[2]
        if val == "n/a":
            why = " ".join(w[3:]) or "failed"
            if key == "*":
                star = why
            else:
                res[key] = (None, why)
            continue
        try:
            res[key] = (float(val), None)
        except ValueError:
            res[key] = (None, "unparsable result %r" % val)
    if star is None:
        lines = text.splitlines()
        bug = [lines[i + 1].split("|", 1)[-1].strip() for i, l in enumerate(lines[:-1])
               if "the kernel reported a bug" in l]
        if bug:
            star = "no result: the guest's kernel reported %s" % re.sub(r"^\[ *[0-9.]+\] ", "", bug[0])
        elif "guest hung" in text:
            star = "no result: the guest hung and was killed"
        elif "guest died" in text:
            star = "no result: the guest died"
        else:
            star = "no result"
    for key, _, _ in WORKLOADS:
        res.setdefault(key, (None, star))
    return res


def fmt(v):
    if v is None:
        return "n/a"
    return "%.0f" % v if v >= 100 else "%.1f" % v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--servers", required=True)
    ap.add_argument("--peer-daemon", required=True)
    ap.add_argument("--commit", default="")
    ap.add_argument("--size-mib", type=int)
    ap.add_argument("--files", type=int)
    ap.add_argument("--seconds", type=int)
    a = ap.parse_args()

    servers = a.servers.split()
    data = {s: parse(os.path.join(a.dir, s)) for s in servers}
    out = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": a.commit,
        "parameters": {"file_mib": a.size_mib, "small_files": a.files,
                       "random_read_seconds": a.seconds},
        "servers": {},
        "workloads": {},
    }
    for s in servers:
        kernel, daemon = SETUP[s]
        out["servers"][s] = {"kernel": kernel, "daemon": daemon or a.peer_daemon}

    cols = servers + [r for r in ("ours/peer", "ours/samba")
                      if "ours" in servers and r.split("/")[1] in servers]
    rows = []
    notes = []
    for key, unit, what in WORKLOADS:
        w = {"unit": unit, "what": what, "values": {}, "errors": {}, "ratios": {}}
        cells = []
        for s in servers:
            v, why = data[s][key]
            w["values"][s] = v
            if why:
                w["errors"][s] = why
                notes.append("  %s %s: %s" % (s, key, why))
            cells.append(fmt(v))
        for r in cols[len(servers):]:
            other = r.split("/")[1]
            v, o = data["ours"][key][0], data[other][key][0]
            ratio = round(v / o, 3) if v is not None and o else None
            w["ratios"][r] = ratio
            cells.append("n/a" if ratio is None else "%.2f" % ratio)
        out["workloads"][key] = w
        rows.append([what, unit] + cells)

    head = ["workload", "unit"] + cols
    width = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(str(c).ljust(width[i]) if i < 2 else str(c).rjust(width[i])
                               for i, c in enumerate(r))
    print()
    print(line(head))
    print(line(["-" * n for n in width]))
    for r in rows:
        print(line(r))
    if notes:
        print("n/a:")
        print("\n".join(notes))
    print("servers: " + ", ".join("%s = %s kernel + %s daemon" % (s, v["kernel"], v["daemon"])
                                  for s, v in out["servers"].items()))
    with open(a.json, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print("bench: JSON in %s" % a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
