#!/usr/bin/env bash
# How long the packaged server takes to be ready from a new data directory (bench/README.md, "Start"): the jar
# as built (java -jar target/selvedge.jar) against the same jar extracted beside its libraries and started
# from a class data sharing archive (README, "Faster start"), alternately, REPS times each, in the development
# environment (embedded H2, generated keys and certificate). Ready means the log's "Started SelvedgeApplication"
# line, as ProcessExitIT times it; each start is reported with the load average when it ended, since other
# builds share this machine. TRACE=30 also prints the 30 slowest startup steps of one more plain start.
# With a JDK 25 (IMAGE_JAVA, by default the one under /usr/lib/jvm if any), also as the image starts: on JDK 25
# from an ahead-of-time cache (-XX:AOTCacheOutput once, then -XX:AOTCache), alternating with the other two.
#
#   bench/run-start.sh              # 5 starts of each
#   REPS=3 TRACE=30 bench/run-start.sh
#   SKIP_BUILD=1 bench/run-start.sh # target/selvedge.jar as it is
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${REPS:-5}"
JAVA="${JAVA:-java}"
IMAGE_JAVA="${IMAGE_JAVA:-$(ls /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1 || true)}"
WORK="$PWD/target/start-bench"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -o -q -B -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true package
fi
rm -rf "$WORK"; mkdir -p "$WORK"
"$JAVA" -Djarmode=tools -jar target/selvedge.jar extract --destination "$WORK/app" > /dev/null
SETTINGS=(--selvedge.environment=development --selvedge.port=0 --selvedge.management.port=0)

echo "== training run (the Dockerfile's): $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start="$(date +%s%N)"
"$JAVA" -XX:ArchiveClassesAtExit="$WORK/app/selvedge.jsa" -Dspring.context.exit=onRefresh \
  --enable-native-access=ALL-UNNAMED -jar "$WORK/app/selvedge.jar" "${SETTINGS[@]}" \
  --selvedge.data-dir="$WORK/training" --selvedge.crypto.provider=jdk > "$WORK/training.log" 2>&1
echo "   $(( ($(date +%s%N) - start) / 1000000 )) ms, archive $(du -m "$WORK/app/selvedge.jsa" | cut -f1) MB"

if [ -n "$IMAGE_JAVA" ]; then
  echo "== training run (the Dockerfile's, $IMAGE_JAVA): ahead-of-time cache"
  start="$(date +%s%N)"
  "$IMAGE_JAVA" -XX:AOTCacheOutput="$WORK/app/selvedge.aot" -Dspring.context.exit=onRefresh \
    --enable-native-access=ALL-UNNAMED -jar "$WORK/app/selvedge.jar" "${SETTINGS[@]}" \
    --selvedge.data-dir="$WORK/aot-training" > "$WORK/aot-training.log" 2>&1
  echo "   $(( ($(date +%s%N) - start) / 1000000 )) ms, cache $(du -m "$WORK/app/selvedge.aot" | cut -f1) MB"
fi

ready() {  # ready LABEL JAR [JVM OPTIONS...]: milliseconds from launch to "Started SelvedgeApplication"
  local label="$1" jar="$2" data log pid start
  shift 2
  data="$(mktemp -d "$WORK/data-XXXXXX")"; log="$data.log"
  start="$(date +%s%N)"
  "${RUN_JAVA:-$JAVA}" "$@" --enable-native-access=ALL-UNNAMED -jar "$jar" "${SETTINGS[@]}" --selvedge.data-dir="$data" \
    > "$log" 2>&1 &
  pid=$!
  until grep -q 'Started SelvedgeApplication' "$log"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log"; exit 1; }
    sleep 0.02
  done
  printf '| %s | %d | %s |\n' "$label" "$(( ($(date +%s%N) - start) / 1000000 ))" "$(cut -d' ' -f1 /proc/loadavg)"
  if [ -n "${PRINT_TRACE:-}" ]; then
    until grep -q 'Startup trace' "$log"; do sleep 0.2; done
    sleep 1; grep -A "$TRACE" 'Startup trace' "$log"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$log"
}

echo
echo "| start (new data directory) | ms to ready | load average |"
echo "|---|---:|---:|"
for _ in $(seq 1 "$REPS"); do
  ready "plain: java -jar target/selvedge.jar" target/selvedge.jar
  ready "CDS: extracted, -XX:SharedArchiveFile" "$WORK/app/selvedge.jar" -XX:SharedArchiveFile="$WORK/app/selvedge.jsa"
  if [ -n "$IMAGE_JAVA" ]; then
    RUN_JAVA="$IMAGE_JAVA" ready "as the image: JDK 25, extracted, -XX:AOTCache" "$WORK/app/selvedge.jar" \
      -XX:AOTCache="$WORK/app/selvedge.aot"
  fi
done
if [ -n "${TRACE:-}" ]; then
  echo
  PRINT_TRACE=1 ready "plain, traced" target/selvedge.jar -Dselvedge.startup-trace="$TRACE"
  PRINT_TRACE=1 ready "CDS, traced" "$WORK/app/selvedge.jar" -XX:SharedArchiveFile="$WORK/app/selvedge.jsa" \
    -Dselvedge.startup-trace="$TRACE"
fi
rm -rf "$WORK"
