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

# G1 unless told otherwise: on a machine or container with one CPU the JVM would choose the serial
# collector, whose pauses grow with the number of connected people (docs/PERFORMANCE.md).
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=10} -jar "$jar" "$@"
