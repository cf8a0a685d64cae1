#!/usr/bin/env sh
# Launches the cfc command line from this checkout: java -jar cli/target/cfc.jar.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
jar="$here/cli/target/cfc.jar"
if [ ! -f "$jar" ]; then
  echo "cfc: $jar is missing; build it with: mvn -B -q install -DskipTests" >&2
  exit 4
fi
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
# The build's class-data archive of the classes cfc loads (see cli/pom.xml) takes about a quarter
# off a no-change run; the JVM silently ignores it when it does not match this JVM or this jar.
archive="$here/cli/target/cfc.jsa"
if [ -f "$archive" ]; then
  exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
    -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "$@"
fi
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" "$@"
