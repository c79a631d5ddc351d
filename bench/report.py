"""Turns a bench run's JSONL into the checks (smoke) or the ratio tables (sweep) of docs/PERFORMANCE.md."""
import json
import statistics
import sys
from collections import defaultdict

path, mode = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(path) if line.strip()]


def correct(r):
    problems = []
    if r["lostAcked"] > 0:
        problems.append(f"{r['lostAcked']} acked commands missing from the database")
    if r["gaps"] or r["duplicates"]:
        problems.append(f"{r['gaps']} gaps, {r['duplicates']} duplicates")
    if r["deliveries"] < r["expectedDeliveries"] and (mode == "--smoke" or r["fanoutMs"]["p99"] < 1000):
        problems.append(f"{r['deliveries']} of {r['expectedDeliveries']} deliveries")
    # Past capacity, commands still in flight at the end are not acked: only a failure at light load.
    if (r["acked"] == 0 and mode != "--memory") or (mode == "--smoke" and r["acked"] != r["sent"]):
        problems.append(f"{r['acked']} of {r['sent']} commands acked")
    return problems


passed = failed = 0
failed_runs = set()
for r in rows:
    problems = correct(r)
    label = f"{r['target']} R={r['rooms']} T={r['intervalMs']}ms rep {r['rep']}"
    if problems:
        failed_runs.add(id(r))
        # In a sweep a peer that collapses is a result, not a broken run; ours must always be correct.
        if r["target"].startswith("ours") or mode == "--smoke":
            failed += 1
            print(f"FAIL {label}: {'; '.join(problems)}")
        else:
            print(f"peer failed {label}: {'; '.join(problems)}")
    else:
        passed += 1
        print(f"ok   {label}: fan-out p99 {r['fanoutMs']['p99']:.2f} ms, ack p99 {r['ackMs']['p99']:.2f} ms")

if mode == "--memory":
    print("\n| target | connections | server RSS before / after connecting (MiB) | RSS KiB / connection "
          "| heap after full GC before / after (MiB) | heap KiB / connection | Netty direct KiB / connection |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        rss = r["serverRssMiB"]
        heap = r.get("heapAfterGc") or {}
        if heap:
            live = f"{heap['idle']['liveHeapMiB']:.1f} / {heap['connected']['liveHeapMiB']:.1f}"
            per = f"{heap['heapKibPerConnection']:.2f}"
            direct = f"{heap['nettyDirectKibPerConnection']:.2f}"
        else:
            live = per = direct = "—"
        print(f"| {r['target']} | {r['connections']} | {rss['idle']:.0f} / {rss['connected']:.0f} "
              f"| {r['kibPerConnection']:.1f} | {live} | {per} | {direct} |")
elif mode != "--smoke":
    groups = defaultdict(list)
    excluded = defaultdict(list)
    for r in rows:
        # A failed run has no latency worth a median; a load-bound one measured the load generator.
        if id(r) in failed_runs or r.get("loadBound"):
            excluded[(r["rooms"], r["intervalMs"], r["target"])].append("failed" if id(r) in failed_runs else "load-bound")
        else:
            groups[(r["rooms"], r["intervalMs"], r["target"])].append(r)

    def med(key_path, target, rooms, interval):
        values = []
        for r in groups.get((rooms, interval, target), []):
            v = r
            for k in key_path:
                # Older raw lines lack the measured-window fields.
                v = v.get(k) if isinstance(v, dict) else None
            if v is not None:
                values.append(v)
        return (statistics.median(values), min(values), max(values)) if values else None

    def fmt(v, target, rooms, interval):
        left_out = excluded.get((rooms, interval, target), [])
        note = f" [{len(left_out)} {'/'.join(sorted(set(left_out)))} left out]" if left_out else ""
        if v is None:
            return ("—" if not left_out else "/".join(sorted(set(left_out)))) if not note else note.strip(" []")
        return f"{v[0]:.2f} ({v[1]:.2f}–{v[2]:.2f}){note}"

    points = sorted({(r["rooms"], r["intervalMs"]) for r in rows}, key=lambda p: (p[0], -p[1]))
    for title, ours, peer in [("Durable: ours (PostgreSQL) vs Socket.IO + pg", "ours", "sio-pg"),
                              ("Transport: ours (in memory) vs Socket.IO relay", "ours-mem", "sio"),
                              ("A change: this build vs the build before it (BEFORE_JAR, as the peer)", "ours", "ours-before")]:
        if not any(t == peer for (_, _, t) in list(groups) + list(excluded)):
            continue
        print(f"\n### {title}\n")
        print("| meetings × 6 | cmd/s | metric | peer | ours | ratio peer/ours (min–max) |")
        print("|---|---|---|---|---|---|")
        for rooms, interval in points:
            for label, key in [("fan-out p99 ms", ["fanoutMs", "p99"]), ("fan-out p50 ms", ["fanoutMs", "p50"]),
                               ("ack p99 ms", ["ackMs", "p99"]),
                               ("in-server append p99 ms (at most)", ["serverAppendMs", "p99"]),
                               ("server µs CPU / frame", ["serverMicrosPerFrame"]),
                               ("server µs CPU / frame, window only", ["serverWindow", "microsPerFrame"]),
                               ("... of which JIT", ["serverWindow", "microsPerFrameByThread", "jit"]),
                               ("... of which GC", ["serverWindow", "microsPerFrameByThread", "gc"]),
                               ("write syscalls / frame", ["serverWindow", "syscallsPerFrame", "syscw"]),
                               ("read syscalls / frame", ["serverWindow", "syscallsPerFrame", "syscr"])]:
                o = med(key, ours, rooms, interval)
                p = med(key, peer, rooms, interval)
                ratio = "—"
                if o and p and o[0] > 0:
                    ratio = f"{p[0] / o[0]:.2f} ({p[1] / max(o[2], 1e-9):.2f}–{p[2] / max(o[1], 1e-9):.2f})"
                print(f"| {rooms} | {rooms * 1000 // interval} | {label} | {fmt(p, peer, rooms, interval)} "
                      f"| {fmt(o, ours, rooms, interval)} | {ratio} |")
    bound = [r for r in rows if r.get("loadBound")]
    if bound:
        print(f"\nDiscarded as load-generator-bound (its CPU above 70 %): "
              + ", ".join(f"{r['target']} R={r['rooms']} T={r['intervalMs']}" for r in bound))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
