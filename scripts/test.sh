#!/usr/bin/env bash
# Runs every test: domain, protocol, WebSocket and REST against a real server, and the
# PostgreSQL tests against a real database. Those FAIL when no database is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/postgres-env.sh

ensure_postgres
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

mvn -B verify "$@"
