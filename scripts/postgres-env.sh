# Sourced by the scripts that need a local PostgreSQL (tests, benchmarks).
#
# PG_PORT (default 5432) is where a PostgreSQL with a password-less 'postgres' user answers on 127.0.0.1.
# When none answers there:
#   - in CI (CI=true, as root, on Debian) the machine's own cluster is installed if needed, told to trust
#     loopback connections and started: a CI machine exists to run these tests;
#   - anywhere else a cluster of this script's own is made in a temporary directory on a free port, and
#     removed when the script ends. A developer's own PostgreSQL and its authentication are never changed.

PG_PORT="${PG_PORT:-5432}"
PRIVATE_PG_DIR=""

pg_reachable() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null
  fi
}

ensure_postgres() {
  if pg_reachable; then
    export PG_PORT
    return 0
  fi
  if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$PG_PORT" = 5432 ]; then
    system_postgres_for_ci
  else
    start_private_postgres
  fi
}

# The PostgreSQL server programs (initdb, pg_ctl): Debian's newest, or any on the PATH.
pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

# Runs a PostgreSQL program as the 'postgres' user when we are root (initdb refuses root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_private_postgres() {
  local bin
  bin=$(pg_bin_dir)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing the PostgreSQL server programs ..." >&2
      apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
      bin=$(pg_bin_dir)
    else
      echo "error: no PostgreSQL on 127.0.0.1:$PG_PORT and no initdb to start one. Install PostgreSQL" \
        "(apt-get install postgresql), or set PG_PORT to where one runs with a password-less 'postgres' user." >&2
      return 1
    fi
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
  PRIVATE_PG_DIR=$(mktemp -d /tmp/ivp-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PRIVATE_PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export PG_PORT PRIVATE_PG_DIR
  echo "starting a PostgreSQL of our own on 127.0.0.1:$PG_PORT (removed when this script ends) ..." >&2
  as_postgres "$bin/initdb" -D "$PRIVATE_PG_DIR/data" -A trust -U postgres >/dev/null
  as_postgres "$bin/pg_ctl" -D "$PRIVATE_PG_DIR/data" -l "$PRIVATE_PG_DIR/log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -k $PRIVATE_PG_DIR" start >/dev/null
  PRIVATE_PG_BIN="$bin"
  trap stop_private_postgres EXIT
}

# Stops and removes the cluster start_private_postgres made; does nothing when there is none. Scripts
# with an EXIT trap of their own call it from there.
stop_private_postgres() {
  if [ -n "$PRIVATE_PG_DIR" ] && [ -d "$PRIVATE_PG_DIR/data" ]; then
    as_postgres "$PRIVATE_PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PRIVATE_PG_DIR"
  fi
}

system_postgres_for_ci() {
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "installing PostgreSQL ..." >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  fi
  local version hba
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Trust loopback connections: only in CI, whose machine exists to run these tests.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do
    pg_reachable && return 0
    sleep 1
  done
  echo "error: PostgreSQL did not come up on 127.0.0.1:$PG_PORT" >&2
  return 1
}
