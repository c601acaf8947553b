#!/usr/bin/env python3
"""Runs commands as whole processes and reports median wall time and median peak memory (RSS) of each.

    measure.py RUNS LABEL -- CMD... [:: LABEL -- CMD...]

With more than one command, the runs alternate (A B A B ...) so drift on a shared machine hits both alike.
Prints one line per command: "LABEL wall_seconds peak_mib exit_code" (medians; exit code of the last run).
Peak memory is GNU time's %M for that one command (measuring it from Python would charge Python's own memory to the
child, which forks from it); wall time comes from a monotonic clock around the run (GNU time adds about a millisecond).
"""
import os, statistics, subprocess, sys, tempfile, time

def parse(argv):
    runs = int(argv[0])
    groups, cur = [], []
    for a in argv[1:]:
        if a == "::":
            groups.append(cur); cur = []
        else:
            cur.append(a)
    groups.append(cur)
    cases = []
    for g in groups:
        sep = g.index("--")
        cases.append((g[0], g[sep + 1:]))
    return runs, cases

RSS = tempfile.NamedTemporaryFile(prefix="measure-", suffix=".rss", delete=False).name

def once(cmd):
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-f", "%M %x", "-o", RSS] + cmd, stdin=subprocess.DEVNULL, stdout=null, stderr=null)
        wall = time.perf_counter() - start
    with open(RSS) as f:
        fields = f.read().split()
    return wall, int(fields[-2]) / 1024.0, int(fields[-1]) if fields[-1].lstrip("-").isdigit() else code

def main():
    runs, cases = parse(sys.argv[1:])
    results = {label: [] for label, _ in cases}
    codes = {}
    for _ in range(runs):
        for label, cmd in cases:
            wall, mib, code = once(cmd)
            results[label].append((wall, mib))
            codes[label] = code
    for label, _ in cases:
        walls = [w for w, _ in results[label]]
        mibs = [m for _, m in results[label]]
        print(f"{label} {statistics.median(walls):.4f} {statistics.median(mibs):.1f} {codes[label]}")

try:
    main()
finally:
    os.unlink(RSS)
