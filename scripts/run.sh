#!/usr/bin/env bash
# Builds the server if its sources changed since the last build, then starts it.
# Without DATABASE_URL it keeps meetings in memory only; see README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

jar=server/target/intervision-panel.jar
if [ ! -f "$jar" ] || [ -n "$(find server/src server/pom.xml pom.xml sql -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  mvn -B -q -DskipTests package
fi

exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$jar" "$@"
