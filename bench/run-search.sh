#!/usr/bin/env bash
# Compiles and runs the style search benchmarks (bench/README.md): by default the search of 100,000 styles on
# PostgreSQL at 127.0.0.1:5432 (StyleSearchDatabaseBenchmark; it drops and makes the database
# selvedge_search_bench). SEARCH_BENCH=StyleSearchBenchmark runs the in-memory matcher's benchmark instead.
# Extra arguments go to JMH, e.g.
#   bench/run-search.sh -wi 2 -w 5s -i 3 -r 10s -f 1
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -B test-compile -Dspotless.check.skip=true
./mvnw -o -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ]; then
  ARGS=(-wi 2 -w 5s -i 3 -r 10s -f 1)
fi
exec java -Xmx2g -cp "$CLASSPATH" org.openjdk.jmh.Main "io.selvedge.content.internal.${SEARCH_BENCH:-StyleSearchDatabaseBenchmark}\." "${ARGS[@]}"
