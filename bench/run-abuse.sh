#!/usr/bin/env bash
# The abuse load test of issue 17 (bench/README.md, "Abuse under load"): the packaged jar with its stores on
# PostgreSQL (127.0.0.1:5432, fresh databases) and its files on disk (target/abuse-bench), a legitimate user
# browsing, uploading and downloading over HTTP/2, then the same under an attack from one address and from 64
# addresses behind the trusted loopback proxy, then the attackers alone once blocked; CPU from /proc/<pid>/stat.
#
#   bench/run-abuse.sh        # 45 s per measured phase
#   bench/run-abuse.sh 90     # longer phases
#   ABUSE_SERVER_CPUS=0 ABUSE_CLIENT_CPUS=1 bench/run-abuse.sh   # server and bench on separate cores
#   ABUSE_SERVER_JVM_OPTIONS=-XX:StartFlightRecording=filename=$PWD/target/abuse.jfr,settings=profile bench/run-abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PHASE="${1:-45}"
SKIP=(-Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true)
echo "== packaging the jar and compiling the bench client"
./mvnw -o -q -B -DskipTests "${SKIP[@]}" package
./mvnw -o -q -B "${SKIP[@]}" test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
WORK="$PWD/target/abuse-bench"
rm -rf "$WORK"; mkdir -p "$WORK"
echo "== $(date -u '+%F %T') UTC, $(nproc) CPUs, before: $(uptime)"
PIN=()
if [[ -n "${ABUSE_CLIENT_CPUS:-}" ]]; then PIN=(taskset -c "$ABUSE_CLIENT_CPUS"); fi
"${PIN[@]}" java -Xmx512m -cp "$CLASSPATH" io.selvedge.protection.AbuseBench target/selvedge.jar "$WORK/data" "$PHASE"
echo "== after: $(uptime)"
