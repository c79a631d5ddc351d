#!/usr/bin/env bash
# Runs every test: domain, protocol, WebSocket and REST against a real server, and the
# PostgreSQL tests against a real database: the one on 127.0.0.1:$PG_PORT (5432) when it answers,
# otherwise a cluster of this script's own (scripts/postgres-env.sh). Those FAIL when neither works.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh

ensure_postgres

# Exports VAR as where PROGRAM is, installing Debian's PACKAGE when it is missing (as root). A VAR set
# beforehand wins. The tests that use these fail, instead of skipping, when VAR is set and the program gone.
need_program() {
  local var=$1 program=$2 package=$3 what=$4 found
  [ -n "${!var:-}" ] && return 0
  found=$(command -v "$program" || { [ -x "/usr/sbin/$program" ] && echo "/usr/sbin/$program"; } || true)
  if [ -z "$found" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "error: $what needs $program: apt-get install $package, or set $var" >&2
      exit 1
    fi
    echo "installing $package for $what ..." >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >&2
    found=$(command -v "$program" || echo "/usr/sbin/$program")
  fi
  export "$var=$found"
}

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
need_program CHROMIUM_PATH chromium chromium "the browser tests"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The reverse-proxy test runs deploy/nginx/ in Debian's nginx, as a child process of its own on free
# loopback ports. (Where systemd runs, installing the package also starts the system's nginx on port 80.)
need_program NGINX_PATH nginx nginx "the reverse-proxy test"
# The service unit in deploy/systemd/ is checked with systemd-analyze verify (no running systemd needed).
need_program SYSTEMD_ANALYZE_PATH systemd-analyze systemd "the service unit check"
# The TLS tests (nginx in front, PostgreSQL over TLS) make their certificates with openssl.
need_program OPENSSL_PATH openssl openssl "the TLS tests"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:$PG_PORT/postgres}"

mvn -B verify "$@"

# The meeting-platform packages: generated for an example address and checked offline against
# Microsoft's Teams schema (npm, from the committed lockfile), the icon rules and the address rules.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >&2
  else
    echo "error: the manifest checks need Node.js and npm" >&2
    exit 1
  fi
fi
(cd plugin-manifest/tools && npm ci --no-audit --no-fund --loglevel=error)
scripts/plugin-manifests.sh https://panel.example.org
node plugin-manifest/tools/validate.mjs build/plugins https://panel.example.org

# A small benchmark that checks correctness only (200 meetings, 10 s): every acked command stored,
# every member receives every seq once. Speed is for scripts/bench.sh, not for CI.
scripts/bench.sh --smoke

# A short run of every fault (kill -9, SIGTERM, PostgreSQL restarted in immediate mode, connections
# reset and stalled, one of two nodes killed) that checks no acked command was lost or applied twice
# and every participant resumed without a gap. The long runs are scripts/chaos.sh without --small.
scripts/chaos.sh --small
