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
#   BEFORE_SERVER_OPTS="-XX:+UseZGC" JVM options for ours-before only: a collector or heap setting as the change
#   OURS_ENV="DB_COMMITS_IN_FLIGHT=1" BEFORE_ENV="..."
#                                    server settings (README's table) for ours and ours-before, or for every node
#                                    of --scale (OURS_ENV): with BEFORE_JAR=the same jar, a setting as the change
#   scripts/bench.sh --scale         scale-out: NODES (3) server processes on one PostgreSQL, MEETINGS (9900) x 6
#                                    people spread over them, GENERATORS (4) load processes, one command per
#                                    meeting every INTERVAL_MS (5000); one merged line per repeat
# Every server and load process this script starts is stopped by its PID, also on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh
ensure_postgres

mode="${1:-sweep}"
load_memory=()
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
elif [ "$mode" = "--scale" ]; then
  repeats="${REPEATS:-1}"; seconds="${SECONDS_PER_POINT:-60}"; warmup="${WARMUP:-10}"
  points="${MEETINGS:-9900}:${INTERVAL_MS:-5000}"
  targets="ours"
elif [ "$mode" = "--memory" ]; then
  # Idle meetings (one command a minute): server memory per connection, as RSS and, for ours, as the heap
  # after a full collection (the server runs one every second while idle) and Netty's direct memory.
  points="${POINTS:-1000:60000 2500:60000}"
  targets="${TARGETS:-ours sio-pg}"
  repeats=1; seconds=3; warmup=1
  memory_opts="-XX:G1PeriodicGCInterval=1000 -XX:-G1PeriodicGCInvokesConcurrent"
  load_memory=(--heap-after-gc true)
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
  per_process=$(( ${point%%:*} * 6 / ( ${NODES:-1} > ${GENERATORS:-1} ? ${GENERATORS:-1} : ${NODES:-1} ) ))
  [ "$mode" = "--scale" ] || per_process=$(( ${point%%:*} * 6 ))
  if [ $(( per_process + 100 )) -gt "$(ulimit -n)" ]; then
    echo "error: $point needs $per_process connections in one process, but this machine allows $(ulimit -n) open files per process (hard limit $(ulimit -Hn))" >&2
    exit 2
  fi
done

# G1 named explicitly: pinned to one CPU, the JVM would pick the serial collector by itself, whose
# young collections of a heap holding 6,000 connections took 130-220 ms (docs/PERFORMANCE.md).
# The server as scripts/run.sh starts it (MaxTenuringThreshold=1: docs/PERFORMANCE.md, round two).
load_opts="-Xms1g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=10"
jvm_opts="$load_opts -XX:MaxTenuringThreshold=1 ${memory_opts:-}"

db="ivp_bench"
admin="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
database_url="postgresql://postgres@127.0.0.1:$PG_PORT/$db"
mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)${mode/--/-}.jsonl"
started=()
cleanup() {
  for pid in "${started[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  stop_private_postgres
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

# Every stop of the JVM's threads (collections and other safepoints), to give pauses as a histogram.
pause_file=bench/results/pauses.log
pause_log="-Xlog:safepoint:file=$pause_file:utctime"

start_server() { # target port -> pid
  # The load connects thousands of sockets from a few loopback addresses: no per-address connect limit.
  export CONNECTS_PER_SECOND=0
  case "$1" in
    ours)
      env ${OURS_ENV:-} DATABASE_URL="$database_url" JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} $pause_log -jar "$jar" >"bench/results/server-$1.log" 2>&1 &
      ;;
    ours-before)
      # Another build of our server (BEFORE_JAR), interleaved with this one: a change's cost as a ratio from one run.
      env ${BEFORE_ENV:-} DATABASE_URL="$database_url" JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BEFORE_SERVER_OPTS:-${BENCH_SERVER_OPTS:-$jvm_opts}} $pause_log -jar "${BEFORE_JAR:?ours-before needs BEFORE_JAR}" >"bench/results/server-$1.log" 2>&1 &
      ;;
    ours-mem)
      JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" PORT="$2" HOST=127.0.0.1 \
        taskset -c 0 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} $pause_log -jar "$jar" >"bench/results/server-$1.log" 2>&1 &
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

if [ "$mode" = "--scale" ]; then
  # Unpinned: NODES servers, PostgreSQL and GENERATORS load processes share the machine's cores.
  nodes="${NODES:-3}"; generators="${GENERATORS:-4}"
  rooms="${points%%:*}"; interval="${points##*:}"
  for rep in $(seq 1 "$repeats"); do
    fresh_database
    ports=(); pids=()
    for _ in $(seq 1 "$nodes"); do
      port=$(free_port)
      env ${OURS_ENV:-} CONNECTS_PER_SECOND=0 ROOM_LINGER_SECONDS=120 DATABASE_URL="$database_url" JWT_SECRET="bench-secret-that-is-long-enough-for-hs256!!" \
        PORT="$port" HOST=127.0.0.1 "$JAVA_HOME/bin/java" ${BENCH_SERVER_OPTS:-$jvm_opts} -jar "$jar" \
        >"bench/results/server-node-${#ports[@]}.log" 2>&1 &
      pids+=("$!"); started+=("$!"); ports+=("$port")
    done
    for port in "${ports[@]}"; do wait_port "$port"; done
    port_list=$(IFS=,; echo "${ports[*]}"); pid_list=$(IFS=,; echo "${pids[*]}")
    # Every generator sets up its share first; the schedules all start at this moment.
    start_at=$(( $(date +%s%3N) + ${SETUP_SECONDS:-240} * 1000 ))
    lines=$(mktemp); gens=()
    echo "rep $rep: ours-scale nodes=$nodes meetings=$rooms interval=${interval}ms generators=$generators" >&2
    for g in $(seq 1 "$generators"); do
      share=$(( rooms / generators + (g <= rooms % generators ? 1 : 0) ))
      timeout $(( ${SETUP_SECONDS:-240} + seconds + warmup + 240 )) "$JAVA_HOME/bin/java" ${BENCH_LOAD_OPTS:-$load_opts} \
        -jar "$bench" --target ours --port "$port_list" --rooms "$share" --interval-ms "$interval" --warmup "$warmup" \
        --seconds "$seconds" --server-pid "$pid_list" --database-url "$database_url" --histograms true \
        --start-at "$start_at" >"$lines.$g" &
      gens+=("$!"); started+=("$!")
    done
    for pid in "${gens[@]}"; do wait "$pid"; done
    cat "$lines".* | "$JAVA_HOME/bin/java" -cp "$bench" nl.intervision.bench.Merge \
      | SERVER_ENV="${OURS_ENV:-}" python3 -c "import json,os,sys; r=json.loads(sys.stdin.read()); r['target']='ours-scale'; r['rep']=$rep; r['serverEnv']=os.environ['SERVER_ENV'] or None; print(json.dumps(r))" >>"$out"
    rm -f "$lines" "$lines".*
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  done
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  tail -n "$repeats" "$out"
  exit 0
fi

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
      timeout $((seconds + warmup + 240)) taskset -c 1 "$JAVA_HOME/bin/java" ${BENCH_LOAD_OPTS:-$load_opts} -jar "$bench" \
        --target "$(case "$target" in ours*) echo ours ;; *) echo sio ;; esac)" --port "$port" --rooms "$rooms" \
        --interval-ms "$interval" --warmup "$warmup" --seconds "$seconds" --server-pid "$pid" "${db_arg[@]}" "${load_memory[@]}" \
        >"$out.point"
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      server_env=$(case "$target" in ours) echo "${OURS_ENV:-}" ;; ours-before) echo "${BEFORE_ENV:-}" ;; esac)
      python3 bench/pauses.py "$out.point" "$pause_file" "$target" "$rep" "$server_env" >>"$out"
      rm -f "$out.point" "$pause_file"
    done
  done
done
psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null

python3 bench/report.py "$out" "$mode"
