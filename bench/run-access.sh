#!/usr/bin/env bash
# Runs the JMH benchmark of one authorization decision, and of the same policy in jCasbin
# (bench/README.md). Extra arguments go to JMH, e.g. `bench/run-access.sh -f 2 -i 10`.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile -Dspotless.check.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  DecisionBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
