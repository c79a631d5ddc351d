#!/usr/bin/env python3
"""Adds the target, the repeat and the server's pauses to one raw line of scripts/bench.sh.

The pauses come from the JVM's safepoint log (-Xlog:safepoint with utctime): every time all application
threads were stopped, by the collector or anything else. Only those inside the measured window
(windowEpochMs of the line) count. The Node peer has no such log: no pause figures for it.
  python3 bench/pauses.py point.json pauses.log target rep [server settings]
"""
import json
import re
import sys
from datetime import datetime

line_file, pause_file, target, rep = sys.argv[1:5]
with open(line_file) as f:
    row = json.loads(f.read())
row["target"] = target
row["rep"] = int(rep)
if len(sys.argv) > 5 and sys.argv[5]:
    row["serverEnv"] = sys.argv[5]  # OURS_ENV or BEFORE_ENV: which setting this line measured

# [2026-12-03T13:20:01.123+0000] Safepoint "G1CollectForAllocation", Time since last: ..., Total: 6 ns
pattern = re.compile(r'^\[([^\]]+)\] Safepoint "([^"]+)".*Total: (\d+) ns')
window = row.get("windowEpochMs")
inside = []
try:
    with open(pause_file) as f:
        for text in f:
            m = pattern.search(text)
            if not m or not window:
                continue
            at = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000
            if window[0] <= at <= window[1]:
                inside.append((m.group(2), int(m.group(3)) / 1e6))
except FileNotFoundError:
    pass

if target.startswith("ours") and window:
    ms = sorted(d for _, d in inside)

    def pct(q):
        return round(ms[min(len(ms) - 1, int(q / 100 * len(ms)))], 3) if ms else 0

    by_cause = {}
    for cause, _ in inside:
        by_cause[cause] = by_cause.get(cause, 0) + 1
    row["serverPausesMs"] = {
        "count": len(ms), "p50": pct(50), "p99": pct(99), "max": round(ms[-1], 3) if ms else 0,
        "total": round(sum(ms), 3), "over10ms": sum(1 for d in ms if d > 10), "byCause": by_cause,
    }
print(json.dumps(row))
