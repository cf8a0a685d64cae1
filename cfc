#!/usr/bin/env sh
# Launches the cfc command line from this checkout: java -jar cli/target/cfc.jar.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
jar="$here/cli/target/cfc.jar"
if [ ! -f "$jar" ]; then
  echo "cfc: $jar is missing; build it with: mvn -B -q install -DskipTests" >&2
  exit 4
fi
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" "$@"
