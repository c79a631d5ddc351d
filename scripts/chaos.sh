#!/usr/bin/env bash
# Fault runs against the real server on a PostgreSQL of its own: kill -9, SIGTERM, PostgreSQL
# restarted in immediate mode, connections reset and stalled by a TCP proxy, one of two nodes
# killed. Each run checks that no acked command was lost or applied twice and that every
# participant resumed and saw every seq exactly once (bench/src/main/java/.../chaos).
#   scripts/chaos.sh            the long runs (200 meetings x 6, 30 s each, plus a 6,000-client reconnect storm)
#   scripts/chaos.sh --small    a short run of every scenario (CI, from scripts/test.sh)
# Settings: SCENARIOS (a space-separated subset), ROOMS, SECONDS_PER_RUN, INTERVAL_MS for the long runs;
# CHAOS_SERVER_JVM adds options to the server's JVM (e.g. -XX:StartFlightRecording=filename=x.jfr).
# Results: bench/results/chaos-<time>.jsonl and a Markdown table on stdout. Loopback only; every
# process started here (servers, the private PostgreSQL) is stopped by its PID or data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh

mode="${1:-long}"
scenarios="${SCENARIOS:-kill9 sigterm pg-restart proxy-reset proxy-stall node-kill}"
if [ "$mode" = "--small" ]; then
  size="--rooms 20 --per-room 4 --seconds 9 --interval-ms 1000"
  storm=""
else
  size="--rooms ${ROOMS:-200} --per-room 6 --seconds ${SECONDS_PER_RUN:-30} --interval-ms ${INTERVAL_MS:-200}"
  storm="--rooms 1000 --per-room 6 --seconds 20 --interval-ms 5000"
fi

jar=server/target/intervision-panel.jar
bench=bench/target/bench.jar
if [ ! -f "$jar" ] || [ ! -f "$bench" ]; then
  mvn -B -q -DskipTests package
fi
ulimit -n 100000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# A PostgreSQL cluster of our own, so that restarting it hurts nobody else on this machine.
pg_bin=$(pg_bin_dir)
if [ -z "$pg_bin" ]; then
  echo "installing the PostgreSQL server programs ..." >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  pg_bin=$(pg_bin_dir)
fi
pg_dir=$(mktemp -d /tmp/ivp-chaos-pg.XXXXXX)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg_opts="-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir"
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT INT TERM
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "$pg_opts" -l "$pg_dir/log" -w start >/dev/null
admin="postgresql://postgres@127.0.0.1:$pg_port/postgres"
database_url="postgresql://postgres@127.0.0.1:$pg_port/ivp_chaos"
restart_cmd="$(declare -f as_pg); as_pg '$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate -o '$pg_opts' -l '$pg_dir/log' -w restart"

mkdir -p bench/results
out="bench/results/chaos-$(date -u +%Y%m%dT%H%M%SZ)${mode/--/-}.jsonl"
# The per-address connection limit would throttle a load generator that is a few addresses only.
server_env="CONNECTS_PER_SECOND=0"

run() { # scenario, size...
  local scenario=$1; shift
  "$pg_bin/psql" -q "$admin" -c "DROP DATABASE IF EXISTS ivp_chaos WITH (FORCE)" -c "CREATE DATABASE ivp_chaos" >/dev/null
  echo "chaos: $scenario $*" >&2
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$bench" nl.intervision.bench.chaos.Chaos --scenario "$scenario" \
    --jar "$jar" --database-url "$database_url" --logs bench/results --pg-restart-cmd "$restart_cmd" \
    --env "$server_env" --server-jvm "${CHAOS_SERVER_JVM:-}" "$@" >>"$out" || failed=1
}

failed=0
for scenario in $scenarios; do
  # shellcheck disable=SC2086
  run "$scenario" $size
done
if [ -n "$storm" ]; then
  # shellcheck disable=SC2086
  run proxy-reset $storm
fi

python3 bench/chaos_report.py "$out"
echo "results: $out" >&2
if [ "$failed" != 0 ]; then
  echo "chaos: a promise was broken (see the table and $out)" >&2
  exit 1
fi
