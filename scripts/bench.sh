#!/usr/bin/env bash
# Benchmarks our server against what a team would build instead (Socket.IO rooms, and Socket.IO
# storing each command in PostgreSQL first), interleaved in one run on this machine, loopback only.
#   scripts/bench.sh                 the sweep: results in bench/results/<time>.jsonl and a Markdown table
#   scripts/bench.sh --smoke         a small run that checks correctness only (CI)
#   scripts/bench.sh --memory        idle meetings: server memory (RSS) per connection
#   scripts/bench.sh --frame-cost    one thread, no sockets: CPU and bytes to decide, apply and encode a batch
#   BEFORE_JAR=x.jar TARGETS="ours ours-before sio-pg" scripts/bench.sh
#                                    another build of ours (e.g. the commit before a change) interleaved with this one
#   OURS_JAR=y.jar                   measure that build as "ours" instead of server/target/intervision-panel.jar
# Every server and load process this script starts is stopped by its PID, also on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh
ensure_postgres

mode="${1:-sweep}"
if [ "$mode" = "--frame-cost" ]; then
  mvn -B -q -DskipTests -pl server -am package
  mkdir -p bench/results
  out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-frame-cost.jsonl"
  "$JAVA_HOME/bin/java" -cp server/target/test-classes:server/target/intervision-panel.jar \
    nl.intervision.panel.domain.FrameCost "${BATCHES:-300000}" "${REPEATS:-7}" | tee "$out"
  exit 0
fi
repeats="${REPEATS:-3}"
seconds="${SECONDS_PER_POINT:-20}"
warmup="${WARMUP:-5}"
if [ "$mode" = "--smoke" ]; then
  points="${POINTS:-200:1000}"
  targets="ours sio-pg"
  repeats=1; seconds=10; warmup=3
elif [ "$mode" = "--memory" ]; then
  # Idle meetings (one command a minute): server memory (RSS) per connection.
  points="${POINTS:-1000:60000 2500:60000}"
  targets="${TARGETS:-ours ours-mem sio}"
  repeats=1; seconds=3; warmup=1
else
  points="${POINTS:-1000:1000 1000:500 1000:250 1000:125}"
  targets="${TARGETS:-ours sio-pg ours-mem sio}"
fi

# OURS_JAR: a copy of the build to measure, so rebuilding during a long run does not change it midway.
jar="${OURS_JAR:-server/target/intervision-panel.jar}"
bench=bench/target/bench.jar
if [ ! -f "$jar" ] || [ ! -f "$bench" ]; then
  mvn -B -q -DskipTests package
fi
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)

# 60,000 connections need the file limit raised and several source addresses (the load uses 127.0.0.2-9).
ulimit -n 300000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
for point in $points; do
  if [ $(( ${point%%:*} * 6 + 1000 )) -gt "$(ulimit -n)" ]; then
    echo "error: $point needs $(( ${point%%:*} * 6 )) connections, but this machine allows $(ulimit -n) open files per process (hard limit $(ulimit -Hn))" >&2
    exit 2
  fi
done

# G1 named explicitly: pinned to one CPU, the JVM would pick the serial collector by itself, whose
# young collections of a heap holding 6,000 connections took 130-220 ms (docs/PERFORMANCE.md).
jvm_opts="-Xms1g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=10"

db="ivp_bench"
admin="postgresql://postgres@127.0.0.1:5432/postgres"
database_url="postgresql://postgres@127.0.0.1:5432/$db"
mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)${mode/--/-}.jsonl"
started=()
cleanup() {
  for pid in "${started[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "server on port $1 did not come up" >&2
  return 1
}
fresh_database() {
  # A checkpoint now rather than in the middle of the next point, whoever wrote the WAL before it.
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" -c "CHECKPOINT" >/dev/null
}

start_server() { # target port -> pid
  # The load connects thousands of sockets from a few loopback addresses: no per-address connect limit.
  export CONNECTS_PER_SECOND=0
  case "$1" in
    ours)
      DATABASE_URL="$database_url" JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} -jar "$jar" >"bench/results/server-$1.log" 2>&1 &
      ;;
    ours-before)
      # Another build of our server (BEFORE_JAR), interleaved with this one: a change's cost as a ratio from one run.
      DATABASE_URL="$database_url" JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} -jar "${BEFORE_JAR:?ours-before needs BEFORE_JAR}" >"bench/results/server-$1.log" 2>&1 &
      ;;
    ours-mem)
      JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} -jar "$jar" >"bench/results/server-$1.log" 2>&1 &
      ;;
    sio)
      (cd bench/peer && PORT="$2" exec taskset -c 0 node sio-server.js) >"bench/results/server-$1.log" 2>&1 &
      ;;
    sio-pg)
      (cd bench/peer && PORT="$2" DATABASE_URL="$database_url" exec taskset -c 0 node sio-server.js) >"bench/results/server-$1.log" 2>&1 &
      ;;
  esac
  echo $!
}

for rep in $(seq 1 "$repeats"); do
  for point in $points; do
    rooms="${point%%:*}"; interval="${point##*:}"
    for target in $targets; do
      fresh_database
      port=$(free_port)
      pid=$(start_server "$target" "$port")
      started+=("$pid")
      wait_port "$port"
      db_arg=()
      case "$target" in ours|ours-before|sio-pg) db_arg=(--database-url "$database_url") ;; esac
      echo "rep $rep: $target rooms=$rooms interval=${interval}ms" >&2
      timeout $((seconds + warmup + 240)) taskset -c 1 "$JAVA_HOME/bin/java" ${BENCH_LOAD_OPTS:-$jvm_opts} -jar "$bench" \
        --target "$(case "$target" in ours*) echo ours ;; *) echo sio ;; esac)" --port "$port" --rooms "$rooms" \
        --interval-ms "$interval" --warmup "$warmup" --seconds "$seconds" --server-pid "$pid" "${db_arg[@]}" \
        | python3 -c "import json,sys; r=json.loads(sys.stdin.read()); r['target']='$target'; r['rep']=$rep; print(json.dumps(r))" >>"$out"
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
  done
done
psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null

python3 bench/report.py "$out" "$mode"
