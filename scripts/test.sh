#!/usr/bin/env bash
# Runs every test: domain, protocol, WebSocket and REST against a real server, and the
# PostgreSQL tests against a real database. Those FAIL when no database is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh

ensure_postgres

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Chromium for the browser tests ..." >&2
      apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
    else
      echo "error: the browser tests need Chromium: apt-get install chromium, or set CHROMIUM_PATH" >&2
      exit 1
    fi
  fi
  export CHROMIUM_PATH="$(command -v chromium)"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

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
