#!/usr/bin/env bash
# A 1 GiB download and upload over HTTPS on loopback, Selvedge against nginx in the same run (issue 6,
# bench/README.md). Generates a random file in a temporary folder (tmpfs where there is one), starts
# nginx (the Debian package; its own configuration under that folder, TLS 1.3 only, a self-signed P-256
# certificate like Selvedge's development one, sendfile on) serving the file and storing uploads (WebDAV
# PUT, which reads and writes the whole body), starts Selvedge with -Xmx256m (TransferBenchServer: the
# test server with embedded H2 and a local blob folder, on the same tmpfs), times each transfer with
# curl and reads each server's CPU time around it (less sensitive than speed to a shared machine's load).
#
#   bench/run-transfer.sh                     # 1 GiB, 5 repetitions, HTTP/1.1
#   SIZE_MIB=256 REPS=1 bench/run-transfer.sh # a quick check
#   HTTP=--http2 bench/run-transfer.sh        # both servers over HTTP/2
#   SELVEDGE_ON=disk bench/run-transfer.sh   # Selvedge's data directory on disk (target/it-data), not tmpfs
#   SELVEDGE_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/t.jfr bench/run-transfer.sh   # profile
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-transfer.sh   # Selvedge on another JDK
#
# On a virtual machine that hands freed memory back to its host at once (Linux free page reporting, as
# on Firecracker), writing a new file to tmpfs costs 3 s of CPU per GiB instead of 0.5 s, at random
# (bench/README.md). Where /sys/module/page_reporting allows it, the script holds freed memory back for
# the run (restored on exit) and touches a file's worth of memory before each upload, nginx's and
# Selvedge's alike, so that both store into memory the guest really has.
#
# Targets (issue 6): Selvedge download >= 0.8 of nginx download, Selvedge upload >= 0.5 of nginx
# download, Selvedge heap 256 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB="${SIZE_MIB:-1024}"
REPS="${REPS:-5}"
HTTP="${HTTP:---http1.1}"
NGINX="${NGINX:-/usr/sbin/nginx}"
BYTES=$((SIZE_MIB * 1024 * 1024))
BASE=/dev/shm
[ -d "$BASE" ] && [ -w "$BASE" ] || BASE="${TMPDIR:-/tmp}"
WORK="$(mktemp -d "$BASE/selvedge-transfer.XXXXXX")"
SELVEDGE_PID=""
SELVEDGE_DATA=""

PAGE_REPORTING=/sys/module/page_reporting/parameters
SAVED_REPORTING=""
cleanup() {
  if [ -n "$SAVED_REPORTING" ]; then
    set -- $SAVED_REPORTING
    echo "$1" > "$PAGE_REPORTING/min_free_ms" 2>/dev/null || true
    echo "$2" > "$PAGE_REPORTING/max_waiting_mib" 2>/dev/null || true
  fi
  if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  if [ -n "$SELVEDGE_PID" ]; then kill "$SELVEDGE_PID" 2>/dev/null || true; wait "$SELVEDGE_PID" 2>/dev/null || true; fi
  if [ -n "$SELVEDGE_DATA" ]; then rm -rf "$SELVEDGE_DATA"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -w "$PAGE_REPORTING/min_free_ms" ] && [ -w "$PAGE_REPORTING/max_waiting_mib" ]; then
  SAVED_REPORTING="$(cat "$PAGE_REPORTING/min_free_ms") $(cat "$PAGE_REPORTING/max_waiting_mib")"
  if echo 100000 > "$PAGE_REPORTING/min_free_ms" && echo 16384 > "$PAGE_REPORTING/max_waiting_mib"; then
    echo "== free page reporting held back for the run (min_free_ms, max_waiting_mib were $SAVED_REPORTING)"
  fi
fi
prefault() {  # gives the next upload memory the guest really has (see above); not timed
  if [ -n "$SAVED_REPORTING" ]; then
    dd if=/dev/zero of="$WORK/prefault" bs=1M count=$((SIZE_MIB + 256)) status=none
    rm -f "$WORK/prefault"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

echo "== building the test classes"
./mvnw -q -B test-compile -Dspotless.check.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo "== $SIZE_MIB MiB of random bytes in $WORK"
mkdir -p "$WORK/www" "$WORK/upload" "$WORK/tmp"
head -c "$BYTES" /dev/urandom > "$WORK/www/file.bin"
SHA="$(sha256sum "$WORK/www/file.bin" | cut -d' ' -f1)"

echo "== nginx"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
NGINX_PORT="$(free_port)"
HTTP2_LISTEN=""
[ "$HTTP" = "--http2" ] && HTTP2_LISTEN=" http2"
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"  # the worker must read the file in the owner-only folder
cat > "$WORK/nginx.conf" <<EOF
$USER_LINE
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $WORK/tmp/body;
  proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT ssl$HTTP2_LISTEN;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1.3;
    root $WORK/www;
    # An upload nginx really receives: WebDAV PUT reads the whole body into a temporary file, then renames it.
    location /upload/ {
      root $WORK;
      client_max_body_size 2g;
      dav_methods PUT DELETE;
    }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
NGINX_URL="https://127.0.0.1:$NGINX_PORT"

echo "== Selvedge (-Xmx256m)"
# shellcheck disable=SC2086
DATA_ARG=("$WORK/selvedge-data")   # the same tmpfs as nginx's files; SELVEDGE_ON=disk: target/it-data
[ "${SELVEDGE_ON:-tmp}" = disk ] && DATA_ARG=()
"${JAVA:-java}" -Xmx256m -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED ${SELVEDGE_JAVA_OPTS:-} -cp "$CLASSPATH" io.selvedge.content.TransferBenchServer \
  "$WORK/selvedge.env" "${DATA_ARG[@]}" > "$WORK/selvedge.log" 2>&1 &
SELVEDGE_PID=$!
for _ in $(seq 1 300); do
  [ -f "$WORK/selvedge.env" ] && break
  kill -0 "$SELVEDGE_PID" 2>/dev/null || { tail -40 "$WORK/selvedge.log"; exit 1; }
  sleep 1
done
# shellcheck disable=SC1091
. "$WORK/selvedge.env"
SELVEDGE_URL="https://127.0.0.1:$SELVEDGE_PORT"
AUTH="Authorization: Bearer $SELVEDGE_TOKEN"

for server in "nginx $NGINX_PORT" "Selvedge $SELVEDGE_PORT"; do
  set -- $server
  echo "   $1: $(openssl s_client -connect "127.0.0.1:$2" -tls1_3 </dev/null 2>/dev/null \
    | grep -m1 -E '^(New|Protocol|.*Cipher is)' || true)"
done

# Uploads stream the file with -T (--data-binary @file would read it into memory first, and refuses 1 GiB).
CURL=(curl -k -sS "$HTTP" --fail)

nginx_download() {
  "${CURL[@]}" -o /dev/null -w '%{speed_download} %{size_download}' "$NGINX_URL/file.bin"
}
nginx_upload() {
  "${CURL[@]}" -o /dev/null -H 'Content-Type: application/octet-stream' \
    -T "$WORK/www/file.bin" -w '%{speed_upload} %{size_upload}' "$NGINX_URL/upload/file.bin"
  [ "$(stat -c %s "$WORK/upload/file.bin")" = "$BYTES" ] || { echo "nginx stored a short file" >&2; exit 1; }
  rm -f "$WORK/upload/file.bin"
}
selvedge_upload() {
  local result
  result="$("${CURL[@]}" -o "$WORK/version.json" -H "$AUTH" -H 'Content-Type: application/octet-stream' \
    -X POST -T "$WORK/www/file.bin" -w '%{speed_upload} %{size_upload}' \
    "$SELVEDGE_URL/api/v1/styles/$SELVEDGE_STYLE/versions?filename=bench.bin")"
  grep -q "\"sha256\":\"$SHA\"" "$WORK/version.json" || { echo "Selvedge stored another SHA-256" >&2; exit 1; }
  VERSION="$(grep -o '"id":"[^"]*"' "$WORK/version.json" | head -1 | cut -d'"' -f4)"
  echo "$result"
}
selvedge_download() {
  "${CURL[@]}" -o /dev/null -H "$AUTH" -w '%{speed_download} %{size_download}' \
    "$SELVEDGE_URL/api/v1/versions/$VERSION/content"
}
cpu_ticks() {  # user + system CPU time of the processes named, all their threads, in clock ticks
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
measure() {  # measure "PIDS" FUNCTION -> "speed server-CPU-seconds", or fail on a short transfer
  local pids="$1" before after result
  # shellcheck disable=SC2086
  before="$(cpu_ticks $pids)"
  result="$($2)"
  # shellcheck disable=SC2086
  after="$(cpu_ticks $pids)"
  set -- $result
  [ "${2%.*}" = "$BYTES" ] || { echo "transferred $2 bytes, not $BYTES" >&2; exit 1; }
  echo "$1 $(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}')"
}

echo "== warm-up (not counted): one upload to Selvedge, one download from each, SHA-256s checked"
selvedge_upload > /dev/null
[ "$("${CURL[@]}" "$NGINX_URL/file.bin" | sha256sum | cut -d' ' -f1)" = "$SHA" ]
[ "$("${CURL[@]}" -H "$AUTH" "$SELVEDGE_URL/api/v1/versions/$VERSION/content" | sha256sum | cut -d' ' -f1)" = "$SHA" ]

NGINX_PIDS="$(cat "$WORK/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')"
declare -a ND NU SD SU NDC NUC SDC SUC
for i in $(seq 1 "$REPS"); do
  set -- $(measure "$NGINX_PIDS" nginx_download); ND[i]=$1; NDC[i]=$2
  set -- $(measure "$SELVEDGE_PID" selvedge_download); SD[i]=$1; SDC[i]=$2
  prefault; set -- $(measure "$NGINX_PIDS" nginx_upload); NU[i]=$1; NUC[i]=$2
  prefault; set -- $(measure "$SELVEDGE_PID" selvedge_upload); SU[i]=$1; SUC[i]=$2
  printf '   repetition %d done (load average %s)\n' "$i" "$(cut -d' ' -f1-3 /proc/loadavg)"
done

kill "$SELVEDGE_PID"; wait "$SELVEDGE_PID" 2>/dev/null || true; SELVEDGE_PID=""
HEAP="$(grep -o 'BENCH heap max .*' "$WORK/selvedge.log" || echo 'heap not reported')"

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mbs() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1e6}'; }
row() {
  local name="$1"; shift
  local line="| $name |"
  for v in "$@"; do line="$line $(mbs "$v") |"; done
  echo "$line $(mbs "$(median "$@")") |"
}

echo
echo "Selvedge on $("${JAVA:-java}" -version 2>&1 | head -1), $(nproc) CPUs"
echo "$SIZE_MIB MiB over HTTPS on loopback, curl $HTTP, Selvedge data on ${SELVEDGE_ON:-tmp}, MB/s (10^6 bytes per second), $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| transfer |"; rule="|---|"
for i in $(seq 1 "$REPS"); do header="$header run $i |"; rule="$rule---:|"; done
echo "$header median |"; echo "$rule---:|"
row "nginx download" "${ND[@]}"
row "Selvedge download" "${SD[@]}"
row "nginx upload (WebDAV PUT)" "${NU[@]}"
row "Selvedge upload" "${SU[@]}"
echo
echo "The servers' CPU time per transfer (user + system, all threads, seconds; less sensitive to the load):"
echo
echo "$header median |"; echo "$rule---:|"
for name in "nginx download:NDC" "Selvedge download:SDC" "nginx upload (WebDAV PUT):NUC" "Selvedge upload:SUC"; do
  declare -n values="${name#*:}"
  line="| ${name%:*} |"
  for v in "${values[@]}"; do line="$line $v |"; done
  echo "$line $(median "${values[@]}") |"
  unset -n values
done
echo
N_D="$(median "${ND[@]}")"; S_D="$(median "${SD[@]}")"; N_U="$(median "${NU[@]}")"; S_U="$(median "${SU[@]}")"
awk -v nd="$N_D" -v sd="$S_D" -v nu="$N_U" -v su="$S_U" 'BEGIN {
  printf "Selvedge download / nginx download: %.2f (target >= 0.8)\n", sd / nd
  printf "Selvedge upload / nginx download:   %.2f (target >= 0.5)\n", su / nd
  printf "Selvedge upload / nginx upload:     %.2f (for information)\n", su / nu
}'
echo "Selvedge: $HEAP"
