#!/usr/bin/env python3
"""Turns the JSONL of scripts/chaos.sh into the Markdown table of docs/RELIABILITY.md."""
import json
import sys


def fault_summary(f):
    parts = []
    if "restartMs" in f:
        parts.append(f"server back after {f['restartMs']} ms")
    if "databaseDownMs" in f:
        parts.append(f"PostgreSQL down {f['databaseDownMs']} ms")
    if "firstAckAfterDatabaseBackMs" in f:
        parts.append(f"first ack {f['firstAckAfterDatabaseBackMs']} ms after it was back")
    if "connectionsReset" in f:
        parts.append(f"{f['connectionsReset']} connections reset")
    if "connectionsStalled" in f:
        parts.append(f"{f['connectionsStalled']} connections stalled 2 s")
    return "; ".join(parts) or "-"


def main(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    print("| scenario | connections | fault | dropped | resumed p50 / max (ms) | acked / sent | re-sent by id "
          "| temporary errors | lost acked | applied twice | gaps | duplicates | result |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        f, c, log = r["fault"], r["client"], r["log"]
        resumed = f["resumedMs"]
        temporary = sum(c["temporaryErrors"].values())
        print(f"| {r['scenario']} | {r['connections']} | {fault_summary(f)} | {f['participantsDropped']} "
              f"| {resumed['p50']} / {resumed['max']} | {c['acked']} / {c['sent']} | {c['resentAfterReconnect']} "
              f"| {temporary} | {log['lostAcked']} | {log['appliedTwice']} | {c['gaps']} | {c['duplicates']} "
              f"| {'pass' if r['pass'] else 'FAIL: ' + '; '.join(c['problems'])} |")


if __name__ == "__main__":
    main(sys.argv[1])
