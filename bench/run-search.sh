#!/usr/bin/env bash
# Compiles and runs the style search benchmark (bench/README.md). Extra arguments go to JMH, e.g.
#   bench/run-crypto.sh -wi 2 -i 3 -f 1
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile -Dspotless.check.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ]; then
  ARGS=(-wi 3 -w 3s -i 3 -r 3s -f 1)
fi
exec java -Xmx2g -cp "$CLASSPATH" org.openjdk.jmh.Main 'io.selvedge.content.internal.StyleSearchBenchmark' "${ARGS[@]}"
