# Sourced by the scripts that need a local PostgreSQL (tests, and run.sh when asked for one).

pg_reachable() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

# Makes sure PostgreSQL answers on 127.0.0.1:5432 and lets the local 'postgres' user in without
# a password. On this project's machines it already runs; on a bare Debian, as root, it is
# installed and started here.
ensure_postgres() {
  if pg_reachable; then
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: no PostgreSQL on 127.0.0.1:5432. Start one, or set TEST_DATABASE_URL to a server the tests may create databases on." >&2
    return 1
  fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "installing PostgreSQL ..." >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  fi
  local version hba
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Trust loopback connections, for a test machine only: tests create and drop their own databases.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do
    pg_reachable && return 0
    sleep 1
  done
  echo "error: PostgreSQL did not come up on 127.0.0.1:5432" >&2
  return 1
}
