#!/usr/bin/env bash
# The containers alone (bench/README.md, "The containers alone"): one servlet that streams bytes from memory
# and reads uploads into nothing, on the Tomcat Selvedge runs on and on Jetty 12.1, TLS 1.3 on loopback, with
# Selvedge's HTTP/2 window. curl downloads and uploads SIZE_MIB over HTTP/1.1 and HTTP/2, REPS rounds after a
# warm-up, and the script reports the medians and HTTP/2 / HTTP/1.1 for each container. No encryption at
# rest, no hashing, no disk: what is left is the container's own cost, the floor under Selvedge's numbers.
#
#   bench/run-containers.sh                      # 1 GiB, 3 rounds, Tomcat and Jetty
#   CONTAINERS=tomcat SIZE_MIB=256 REPS=1 bench/run-containers.sh
#
# Builds bench/containers (its own pom.xml, so that Jetty stays out of Selvedge's dependencies); needs Maven
# Central or the artifacts in the local repository, and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/transfer-lib.sh
WORK="$(work_dir container-bench)"
CONTAINERS="${CONTAINERS:-tomcat jetty}"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building bench/containers"
./mvnw -q -B -f bench/containers/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
CLASSPATH="bench/containers/target/classes:$(cat "$WORK/classpath.txt")"
keytool -genkeypair -alias bench -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext san=dns:localhost,ip:127.0.0.1 -validity 1 -keystore "$WORK/bench.p12" -storetype PKCS12 \
  -storepass bench-only -keypass bench-only 2> /dev/null
head -c "$BYTES" /dev/urandom > "$WORK/file.bin"
PORT="$(free_port)"
URL="https://127.0.0.1:$PORT/"

transfer() {  # transfer PROTOCOL download|upload -> bytes per second, after checking the bytes and the version
  local result
  if [ "$2" = download ]; then
    result="$(curl -k -sS --fail "$1" -o /dev/null -w '%{speed_download} %{size_download} %{http_version}' "$URL?size=$BYTES")"
  else
    result="$(curl -k -sS --fail "$1" -o /dev/null -T "$WORK/file.bin" -w '%{speed_upload} %{size_upload} %{http_version}' "$URL")"
  fi
  set -- "$1" $result
  [ "${3%.*}" = "$BYTES" ] || { echo "transferred $3 bytes, not $BYTES" >&2; exit 1; }
  [ "$4" = "$([ "$1" = --http2 ] && echo 2 || echo 1.1)" ] || { echo "curl spoke HTTP/$4 for $1" >&2; exit 1; }
  echo "$2"
}

echo "$(java -version 2>&1 | head -1); curl $(curl --version | head -1 | cut -d' ' -f2); $(nproc) CPUs;" \
  "$SIZE_MIB MiB per transfer; $(date -u '+%F %H:%M') UTC"
echo "| container | transfer | HTTP/1.1 MB/s per round | HTTP/2 MB/s per round | medians | HTTP/2 / HTTP/1.1 |"
echo "|---|---|---|---|---|---:|"
for container in $CONTAINERS; do
  java -Xmx512m -cp "$CLASSPATH" io.selvedge.bench.ContainerTransferServer "$container" "$PORT" \
    "$WORK/bench.p12" bench-only > "$WORK/$container.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do grep -q '^ready' "$WORK/$container.log" && break; sleep 0.2; done
  grep -q '^ready' "$WORK/$container.log" || { cat "$WORK/$container.log" >&2; exit 1; }
  for direction in download upload; do
    declare -A speeds=()
    for protocol in --http1.1 --http2; do
      transfer "$protocol" "$direction" > /dev/null  # warm-up
      for _ in $(seq 1 "$REPS"); do speeds[$protocol]="${speeds[$protocol]:-} $(transfer "$protocol" "$direction")"; done
    done
    h1="$(median ${speeds[--http1.1]})"; h2="$(median ${speeds[--http2]})"
    echo "| $container | $direction | $(for s in ${speeds[--http1.1]}; do printf '%s ' "$(mbs "$s")"; done)|" \
      "$(for s in ${speeds[--http2]}; do printf '%s ' "$(mbs "$s")"; done)| $(mbs "$h1") / $(mbs "$h2") |" \
      "$(awk -v a="$h2" -v b="$h1" 'BEGIN {printf "%.2f", a / b}') |"
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
