# SPDX-License-Identifier: GPL-2.0-or-later
"""merge_maintainers.py BASE ENTRY: put ENTRY (one MAINTAINERS section) into
the kernel's MAINTAINERS file BASE, replacing the section with the same
title or, if there is none, inserting it in sorted position."""
import sys


def sections(lines):
    """Yield (start, end) line ranges of sections after the header."""
    i = 0
    while i < len(lines) and not lines[i].startswith("3C59X NETWORK DRIVER"):
        i += 1
    start = i
    while i <= len(lines):
        if i == len(lines) or lines[i].strip() == "":
            if i > start:
                yield start, i
            start = i + 1
        i += 1


def main():
    base_path, entry_path = sys.argv[1], sys.argv[2]
    with open(base_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    with open(entry_path, encoding="utf-8") as f:
        entry = [l for l in f.read().split("\n") if l.strip()]
    title = entry[0]
    where = None
    for start, end in sections(lines):
        name = lines[start]
        if name == title:
            lines[start:end] = entry
            break
        if where is None and name.upper() > title.upper() and ":" not in name[:3]:
            where = start
    else:
        if where is None:
            sys.exit("no place for the entry found")
        lines[where:where] = entry + [""]
    with open(base_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
