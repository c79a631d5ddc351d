# Sourced by the other scripts: exports JAVA_HOME pointing at a JDK >= 21.
# The machine's default java may be older (17 on Debian 12), so look at JAVA_HOME first,
# then the usual JVM folder, newest first.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]) }'
}

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(pick_jdk)"; then
  echo "error: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "       Debian 12 has no OpenJDK 21 package: install Eclipse Temurin 21 or 25 from Adoptium's apt" >&2
  echo "       repository (https://adoptium.net/installation/linux/: apt-get install temurin-21-jdk)." >&2
  echo "       Debian 13 and Ubuntu 24.04: apt-get install openjdk-21-jdk-headless. Or set JAVA_HOME to any JDK >= 21." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "error: Maven (mvn) is not installed; on Debian: apt-get install maven" >&2
  exit 1
fi
