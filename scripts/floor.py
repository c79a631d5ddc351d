#!/usr/bin/env python3
"""The physical floor of this machine for docs/PERFORMANCE.md: what the kernel alone costs to move a
small frame between two processes over TCP loopback, before any server code runs.

Prints JSON lines (one per measurement) on stdout; docs/bench/<date>-floor.jsonl is its output.
Loopback only, no files, bounded in time (each measurement stops after SECONDS, about 15 s in all):

    python3 scripts/floor.py > docs/bench/$(date +%F)-floor.jsonl

- pingpong: two processes, each pinned to its own CPU (sched_setaffinity, what `taskset -c` does),
  send 64 bytes back and forth over one TCP loopback connection (TCP_NODELAY); the round trip as the
  initiator's wall clock sees it. Also with both pinned to the same CPU.
- write_read: one process writes 64 bytes into one end of a TCP loopback connection and reads them at
  the other end; CPU time (user + system) per write+read pair. This is the kernel's cost of delivering
  one small frame to one socket, plus the interpreter's own loop (so an upper bound).

Python adds a few microseconds per call; a C program would read slightly lower. The machine is not
idle (other work shares it): `loadavg` is recorded with each line.
"""
import json
import os
import socket
import sys
import time

SECONDS = float(os.environ.get("SECONDS_PER_MEASUREMENT", "4"))
WARMUP = 2000
SIZE = 64


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100.0 * len(sorted_values)))]


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def connected_pair():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    a = socket.create_connection(server.getsockname())
    b, _ = server.accept()
    server.close()
    for s in (a, b):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return a, b


def read_exactly(fd, n):
    got = 0
    while got < n:
        chunk = os.read(fd, n - got)
        if not chunk:
            raise EOFError
        got += len(chunk)


def pingpong(cpu_initiator, cpu_echo):
    a, b = connected_pair()
    pid = os.fork()
    if pid == 0:
        a.close()
        os.sched_setaffinity(0, {cpu_echo})
        fd = b.fileno()
        try:
            while True:
                read_exactly(fd, SIZE)
                os.write(fd, b"y" * SIZE)
        except (EOFError, OSError):
            os._exit(0)
    b.close()
    os.sched_setaffinity(0, {cpu_initiator})
    fd = a.fileno()
    frame = b"x" * SIZE
    samples = []
    deadline = time.monotonic() + SECONDS
    i = 0
    while time.monotonic() < deadline:
        start = time.perf_counter_ns()
        os.write(fd, frame)
        read_exactly(fd, SIZE)
        elapsed = time.perf_counter_ns() - start
        i += 1
        if i > WARMUP:
            samples.append(elapsed / 1000.0)
    a.close()
    os.waitpid(pid, 0)
    samples.sort()
    return {
        "measurement": "pingpong",
        "cpus": [cpu_initiator, cpu_echo],
        "bytes": SIZE,
        "roundTrips": len(samples),
        "roundTripUs": {
            "p50": round(percentile(samples, 50), 1),
            "p99": round(percentile(samples, 99), 1),
            "p999": round(percentile(samples, 99.9), 1),
            "max": round(samples[-1], 1),
        },
    }


def write_read(cpu):
    os.sched_setaffinity(0, {cpu})
    a, b = connected_pair()
    wfd, rfd = a.fileno(), b.fileno()
    frame = b"x" * SIZE
    for _ in range(WARMUP):
        os.write(wfd, frame)
        read_exactly(rfd, SIZE)
    pairs = 0
    cpu0 = time.process_time()
    wall0 = time.monotonic()
    while time.monotonic() - wall0 < SECONDS:
        for _ in range(1000):
            os.write(wfd, frame)
            read_exactly(rfd, SIZE)
        pairs += 1000
    cpu_us = (time.process_time() - cpu0) * 1e6
    a.close()
    b.close()
    os.sched_setaffinity(0, set(range(os.cpu_count())))
    return {
        "measurement": "write_read",
        "cpus": [cpu],
        "bytes": SIZE,
        "pairs": pairs,
        "cpuUsPerPair": round(cpu_us / pairs, 2),
    }


def main():
    if os.cpu_count() < 2:
        sys.exit("needs two CPUs")
    runs = [lambda: pingpong(0, 1), lambda: pingpong(1, 0), lambda: pingpong(0, 0), lambda: write_read(1)]
    for run in runs:
        before = loadavg()
        line = run()
        line.update({"seconds": SECONDS, "loadavgBefore": before, "loadavgAfter": loadavg(),
                     "python": sys.version.split()[0], "kernel": os.uname().release,
                     "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
