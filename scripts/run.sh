#!/usr/bin/env bash
# Builds the server if its sources changed since the last build, then starts it.
# Without DATABASE_URL it keeps meetings in memory only; see README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

jar=server/target/intervision-panel.jar
if [ ! -f "$jar" ] || [ -n "$(find server/src server/pom.xml pom.xml sql -newer "$jar" -print -quit)" ]; then
  # The build fetches the meeting platforms' SDKs with npm (server/vendor/package-lock.json).
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: building the server needs Node.js and npm (they fetch the meeting platforms' SDKs)." >&2
    echo "       Debian/Ubuntu: apt-get install nodejs npm; elsewhere Node.js 18 or newer from nodejs.org." >&2
    exit 1
  fi
  echo "building $jar ..." >&2
  mvn -B -q -DskipTests package
fi

# G1 unless told otherwise: on a machine or container with one CPU the JVM would choose the serial
# collector, whose pauses grow with the number of connected people (docs/PERFORMANCE.md).
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=1} -jar "$jar" "$@"
