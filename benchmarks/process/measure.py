#!/usr/bin/env python3
"""Runs commands as whole processes and reports median wall time and median peak memory (RSS) of each.

    measure.py RUNS LABEL -- CMD... [:: LABEL -- CMD...]

With more than one command, the runs alternate (A B A B ...) so drift on a shared machine hits both alike.
Prints one line per command: "LABEL wall_seconds peak_mib exit_code" (medians; exit code of the last run).
Peak memory comes from wait4's rusage of that one child, wall time from a monotonic clock around fork and wait.
"""
import os, statistics, subprocess, sys, time

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

def once(cmd):
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=null, stderr=null)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, p.returncode

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

main()
