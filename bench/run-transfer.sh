#!/usr/bin/env bash
# 1 GiB downloads and uploads over HTTPS on loopback, as browsers make them: HTTP/1.1 and HTTP/2, against the
# packaged jar (java -Xmx256m -jar target/selvedge.jar, its stores on fresh PostgreSQL databases at
# 127.0.0.1:5432) with its data directory on tmpfs and on this machine's disk, and nginx serving the same file
# (bench/README.md, "Transfers over HTTP/1.1 and HTTP/2"). For each place: the disk's own copy of the file
# with fsync (dd conv=fsync), then per protocol REPS rounds of nginx download, Selvedge download, nginx upload
# (WebDAV PUT, to tmpfs), the disk's copy with fsync again, Selvedge upload (each upload's SHA-256 checked by
# the server's answer); the ratios are reported as medians and round by round. Each
# transfer is reported with its speed, the server's CPU time (user + system, all threads, from /proc) and the
# load average when it ended: other builds share this machine, and a number measured at a load of 20 on two
# cores says so.
#
#   bench/run-transfer.sh                              # 1 GiB, 3 rounds, both protocols, tmpfs and disk
#   SIZE_MIB=256 REPS=1 bench/run-transfer.sh          # a quick check
#   PLACES=disk PROTOCOLS=--http2 bench/run-transfer.sh
#   SELVEDGE_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/t.jfr bench/run-transfer.sh   # profile
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-transfer.sh                  # another JDK
#   SKIP_BUILD=1 bench/run-transfer.sh                 # use target/selvedge.jar and the compiled bench as they are
#   CLIENT=chromium bench/run-transfer.sh              # headless Chromium makes every transfer instead of curl
#
# With CLIENT=chromium each transfer is one page (bench/transfer-page.html, served by nginx) in a new headless
# Chromium, HTTP/1.1 forced with --disable-http2; the page times the transfer and reports it to nginx. Needs
# the Debian package chromium.
#
# Needs nginx (the Debian package: apt-get install nginx) and PostgreSQL as the integration tests use it.
# On a virtual machine that hands freed memory back to its host at once (Linux free page reporting, as on
# Firecracker), writing a new file to tmpfs costs 3 s of CPU per GiB instead of 0.5 s, at random
# (bench/README.md). Where /sys/module/page_reporting allows it, the script holds freed memory back for
# the run (restored on exit) and touches a file's worth of memory before each upload, nginx's and
# Selvedge's alike, so that both store into memory the guest really has.
#
# Targets (issue 20): on disk, HTTP/2 within 10 % of HTTP/1.1 both ways; Selvedge downloads >= 0.9 of nginx;
# Selvedge uploads >= 0.8 of the disk's own fsync'd copy.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/transfer-lib.sh
PROTOCOLS="${PROTOCOLS:---http1.1 --http2}"
PLACES="${PLACES:-tmpfs disk}"
CLIENT="${CLIENT:-curl}"
CHROMIUM="${CHROMIUM:-chromium}"
NGINX="${NGINX:-/usr/sbin/nginx}"
WORK="$(work_dir selvedge-transfer)"
DISK="$PWD/target/transfer-bench"   # the repository's disk
declare -A SPEED CPU LOAD COPY FSYNC DIRECT PEAK
SERVER_PID=""   # the bench's launcher (TransferBenchServer), which stops the server with it
SELVEDGE_PID="" # the server itself

PAGE_REPORTING=/sys/module/page_reporting/parameters
SAVED_REPORTING=""
stop_selvedge() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""; SELVEDGE_PID=""
}
cleanup() {
  if [ -n "$SAVED_REPORTING" ]; then
    set -- $SAVED_REPORTING
    echo "$1" > "$PAGE_REPORTING/min_free_ms" 2>/dev/null || true
    echo "$2" > "$PAGE_REPORTING/max_waiting_mib" 2>/dev/null || true
  fi
  if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  stop_selvedge
  rm -rf "$WORK" "$DISK"
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
load() { cut -d' ' -f1 /proc/loadavg; }

SKIP=(-Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true)
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== packaging the jar and compiling the bench"
  ./mvnw -o -q -B -DskipTests "${SKIP[@]}" package
  ./mvnw -o -q -B "${SKIP[@]}" test-compile
  ./mvnw -o -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo "== $SIZE_MIB MiB of random bytes in $WORK"
mkdir -p "$WORK/www" "$WORK/upload" "$WORK/tmp"
cp bench/transfer-page.html "$WORK/www/"
: > "$WORK/report.log"
head -c "$BYTES" /dev/urandom > "$WORK/www/file.bin"
SHA="$(sha256sum "$WORK/www/file.bin" | cut -d' ' -f1)"

echo "== nginx (HTTP/2 and HTTP/1.1 on one port, as ALPN chooses)"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
NGINX_PORT="$(free_port)"
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
  log_format report '\$args';
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $WORK/tmp/body;
  proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT ssl http2;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1.3;
    root $WORK/www;
    location = /report { access_log $WORK/report.log report; return 204; }  # what CLIENT=chromium measured
    # An upload nginx really receives: WebDAV PUT reads the whole body into a temporary file, then renames it.
    location /upload/ {
      root $WORK;
      client_max_body_size 4g;
      dav_methods PUT DELETE;
    }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
NGINX_URL="https://127.0.0.1:$NGINX_PORT"
NGINX_PIDS="$(cat "$WORK/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')"

start_selvedge() {  # start_selvedge DIR: the packaged jar with its data directory DIR/data
  local dir="$1"
  rm -rf "$dir"; mkdir -p "$dir"
  "${JAVA:-java}" -Xmx512m -cp "$CLASSPATH" io.selvedge.content.TransferBenchServer \
    "$dir/selvedge.env" "$dir/data" target/selvedge.jar > "$dir/bench.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 900); do  # a start on a machine shared with other builds took over 5 minutes
    [ -f "$dir/selvedge.env" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$dir/bench.log" "$dir/selvedge.log"; exit 1; }
    sleep 1
  done
  [ -f "$dir/selvedge.env" ] || { echo "Selvedge did not start within 15 minutes" >&2; tail -20 "$dir/selvedge.log"; exit 1; }
  # shellcheck disable=SC1091
  . "$dir/selvedge.env"
  SELVEDGE_URL="https://127.0.0.1:$SELVEDGE_PORT"
  AUTH="Authorization: Bearer $SELVEDGE_TOKEN"
}

# browser OP URL [METHOD TOKEN]: one transfer in a new headless Chromium (CLIENT=chromium), answered as curl's
# -w would answer it: bytes per second, bytes, HTTP version; an upload's answer from the server goes to
# $WORK/version.json.
browser() {
  local flags=() before pid report
  [ "$EXPECTED_VERSION" = 1.1 ] && flags=(--disable-http2)
  before="$(wc -l < "$WORK/report.log")"
  rm -rf "$WORK/chromium"
  "$CHROMIUM" --headless=new --no-sandbox --ignore-certificate-errors --disable-web-security \
    --user-data-dir="$WORK/chromium" "${flags[@]}" \
    "$NGINX_URL/transfer-page.html#$(python3 -c 'import sys, urllib.parse as u; print(u.urlencode(dict(
      op=sys.argv[1], url=sys.argv[2], method=sys.argv[3], token=sys.argv[4])))' "$1" "$2" "${3:-}" "${4:-}")" \
    > "$WORK/chromium.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    [ "$(wc -l < "$WORK/report.log")" -gt "$before" ] && break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  report="$(tail -n +"$((before + 1))" "$WORK/report.log" | head -1)"
  python3 -c 'import sys, urllib.parse as u
q = {k: v[0] for k, v in u.parse_qs(sys.argv[1], keep_blank_values=True).items()}
open(sys.argv[2], "w").write(q.get("answer", ""))
if q.get("version") == "error":
    print("the page failed:", q.get("answer"), file=sys.stderr)
print(q.get("speed", 0), q.get("size", 0), q.get("version", "none"))' "$report" "$WORK/version.json"
}
nginx_download() {
  if [ "$CLIENT" = chromium ]; then browser download "$NGINX_URL/file.bin"; return; fi
  "${CURL[@]}" -o /dev/null -w '%{speed_download} %{size_download} %{http_version}' "$NGINX_URL/file.bin"
}
nginx_upload() {
  if [ "$CLIENT" = chromium ]; then
    browser upload "$NGINX_URL/upload/file.bin" PUT
  else
    "${CURL[@]}" -o /dev/null -H 'Content-Type: application/octet-stream' \
      -T "$WORK/www/file.bin" -w '%{speed_upload} %{size_upload} %{http_version}' "$NGINX_URL/upload/file.bin"
  fi
  [ "$(stat -c %s "$WORK/upload/file.bin")" = "$BYTES" ] || { echo "nginx stored a short file" >&2; exit 1; }
  rm -f "$WORK/upload/file.bin"
}
# Uploads stream the file with -T (--data-binary @file would read it into memory first, and refuses 1 GiB).
selvedge_upload() {
  local result url="$SELVEDGE_URL/api/v1/styles/$SELVEDGE_STYLE/versions?filename=bench.bin"
  if [ "$CLIENT" = chromium ]; then
    result="$(browser upload "$url" POST "$SELVEDGE_TOKEN")"
  else
    result="$("${CURL[@]}" -o "$WORK/version.json" -H "$AUTH" -H 'Content-Type: application/octet-stream' \
      -X POST -T "$WORK/www/file.bin" -w '%{speed_upload} %{size_upload} %{http_version}' "$url")"
  fi
  grep -q "\"sha256\":\"$SHA\"" "$WORK/version.json" || { echo "Selvedge stored another SHA-256" >&2; exit 1; }
  VERSION="$(grep -o '"id":"[^"]*"' "$WORK/version.json" | head -1 | cut -d'"' -f4)"
  echo "$result"
}
selvedge_download() {
  if [ "$CLIENT" = chromium ]; then
    browser download "$SELVEDGE_URL/api/v1/versions/$VERSION/content" "" "$SELVEDGE_TOKEN"
    return
  fi
  "${CURL[@]}" -o /dev/null -H "$AUTH" -w '%{speed_download} %{size_download} %{http_version}' \
    "$SELVEDGE_URL/api/v1/versions/$VERSION/content"
}
cpu_ticks() {  # user + system CPU time of the processes named, all their threads, in clock ticks
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
measure() {  # measure "PIDS" FUNCTION -> "speed server-CPU-seconds load", or fail on a short transfer
  local pids="$1" before after result
  # shellcheck disable=SC2086
  before="$(cpu_ticks $pids)"
  result="$($2)"
  # shellcheck disable=SC2086
  after="$(cpu_ticks $pids)"
  set -- $result
  [ "${2%.*}" = "$BYTES" ] || { echo "transferred $2 bytes, not $BYTES" >&2; exit 1; }
  [ "$3" = "$EXPECTED_VERSION" ] || { echo "$CLIENT spoke HTTP/$3, not HTTP/$EXPECTED_VERSION" >&2; exit 1; }
  echo "$1 $(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}') $(load)"
}
fsync_copy() {  # the disk's own speed: the file copied into DIR and fsynced, bytes per second [dd's flags]
  local dir="$1" start end
  start="$(date +%s.%N)"
  dd if="$WORK/www/file.bin" of="$dir/copy.bin" bs=1M conv=fsync status=none ${2:-}
  end="$(date +%s.%N)"
  rm -f "$dir/copy.bin"
  awk -v b="$BYTES" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", b / (e - s)}'
}

ratios() {  # ratios "A1 A2 .." "B1 B2 ..": each Ai / Bi, then their median
  local -a a b r
  read -r -a a <<< "$1"; read -r -a b <<< "$2"
  for j in "${!a[@]}"; do r+=("$(awk -v x="${a[$j]}" -v y="${b[$j]}" 'BEGIN {printf "%.2f", x / y}')"); done
  echo "${r[*]} (median $(median "${r[@]}"))"
}
REPORT="$WORK/report.md"
: > "$REPORT"
say() { echo "$@" | tee -a "$REPORT"; }

say "Selvedge: the packaged jar on $("${JAVA:-java}" -version 2>&1 | head -1), -Xmx256m; nginx $("$NGINX" -v 2>&1 | cut -d/ -f2);"
CLIENT_VERSION="curl $(curl --version | head -1 | cut -d' ' -f2)"
[ "$CLIENT" = chromium ] && CLIENT_VERSION="$("$CHROMIUM" --version 2>/dev/null), headless"
say "client $CLIENT_VERSION; $(nproc) CPUs; $SIZE_MIB MiB per transfer; $(date -u '+%F %H:%M') UTC; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for place in $PLACES; do
  case "$place" in
    tmpfs) dir="$WORK/selvedge" ;;
    disk) dir="$DISK/selvedge" ;;
    *) echo "PLACES: tmpfs or disk, not $place" >&2; exit 1 ;;
  esac
  echo "== Selvedge with its data directory on $place ($dir)"
  start_selvedge "$dir"
  FSYNC["$place"]="$(fsync_copy "$dir")"
  echo "   copy with fsync on $place: $(mbs "${FSYNC[$place]}") MB/s"
  # Selvedge writes blobs around the page cache (O_DIRECT) where the file system allows: the disk's speed that
  # way too, so that the ratio against the issue's buffered copy is not read as more than it is.
  DIRECT["$place"]="$(fsync_copy "$dir" oflag=direct 2>/dev/null || echo 0)"
  echo "   copy with O_DIRECT and fsync on $place: $(mbs "${DIRECT[$place]}") MB/s"
  for protocol in $PROTOCOLS; do
    CURL=(curl -k -sS "$protocol" --fail)
    EXPECTED_VERSION=$([ "$protocol" = --http2 ] && echo 2 || echo 1.1)
    echo "== $protocol, warm-up (not counted): one upload to Selvedge, one download from each, SHA-256s checked"
    selvedge_upload > /dev/null
    [ "$("${CURL[@]}" "$NGINX_URL/file.bin" | sha256sum | cut -d' ' -f1)" = "$SHA" ]
    [ "$("${CURL[@]}" -H "$AUTH" "$SELVEDGE_URL/api/v1/versions/$VERSION/content" | sha256sum | cut -d' ' -f1)" = "$SHA" ]
    for i in $(seq 1 "$REPS"); do
      for transfer in nginx_download selvedge_download nginx_upload disk_copy selvedge_upload; do
        key="$place $protocol $transfer"
        if [ "$transfer" = disk_copy ]; then
          # The disk's own speed, measured again right before each upload: it moved 2-5x between runs on this
          # machine, so a ratio against one copy at the start says more about that copy than about the upload.
          prefault
          COPY[$key]="${COPY[$key]:-} $(fsync_copy "$dir")"
          continue
        fi
        pids="$SELVEDGE_PID"
        [[ "$transfer" = nginx_* ]] && pids="$NGINX_PIDS"
        [[ "$transfer" = *_upload ]] && prefault
        result="$(measure "$pids" "$transfer")"  # an assignment, so that a failed transfer stops the run
        set -- $result
        SPEED[$key]="${SPEED[$key]:-} $1"; CPU[$key]="${CPU[$key]:-} $2"; LOAD[$key]="${LOAD[$key]:-} $3"
      done
      echo "   round $i done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    done
  done
  PEAK["$place"]="$(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$SELVEDGE_PID/status")"
  stop_selvedge
done

say ""
say "| place | protocol | transfer | MB/s per round (load average) | median MB/s | server CPU s per round | median CPU s |"
say "|---|---|---|---|---:|---|---:|"
declare -A MEDIAN
for place in $PLACES; do
  for protocol in $PROTOCOLS; do
    for transfer in nginx_download selvedge_download nginx_upload selvedge_upload; do
      key="$place $protocol $transfer"
      read -r -a speeds <<< "${SPEED[$key]}"; read -r -a cpus <<< "${CPU[$key]}"; read -r -a loads <<< "${LOAD[$key]}"
      cells=""
      for j in "${!speeds[@]}"; do cells="$cells$(mbs "${speeds[$j]}") (${loads[$j]}), "; done
      MEDIAN[$key]="$(median "${speeds[@]}")"
      name="${transfer/_/ }"; [ "$transfer" = nginx_upload ] && name="nginx upload (PUT, tmpfs)"
      say "| $place | ${protocol#--} | $name | ${cells%, } | $(mbs "${MEDIAN[$key]}") | ${cpus[*]} | $(median "${cpus[@]}") |"
    done
  done
done
say ""
for place in $PLACES; do
  say "On $place: copy with fsync $(mbs "${FSYNC[$place]}") MB/s, with O_DIRECT and fsync $(mbs "${DIRECT[$place]}") MB/s; Selvedge's peak resident memory $(echo "${PEAK[$place]}")"
  for protocol in $PROTOCOLS; do
    m() { echo "${MEDIAN[$place $protocol $1]}"; }
    copies="${COPY[$place $protocol disk_copy]}"
    say "$(awk -v p="$place" -v proto="${protocol#--}" -v sd="$(m selvedge_download)" -v nd="$(m nginx_download)" \
      -v su="$(m selvedge_upload)" -v fs="${FSYNC[$place]}" -v fd="${DIRECT[$place]}" 'BEGIN {
        printf "- %s, %s: medians: Selvedge download / nginx download %.2f (target >= 0.9); Selvedge upload / the first copy with fsync %.2f (target >= 0.8), / direct copy %.2f", p, proto, sd / nd, su / fs, (fd > 0 ? su / fd : 0) }')"
    # Each round's own ratios (the two transfers minutes apart at most), and their median.
    say "  round by round: copy with fsync just before the upload$(for c in $copies; do printf ' %s' "$(mbs "$c")"; done) MB/s;" \
      "download / nginx $(ratios "${SPEED[$place $protocol selvedge_download]}" "${SPEED[$place $protocol nginx_download]}");" \
      "upload / copy $(ratios "${SPEED[$place $protocol selvedge_upload]}" "$copies");" \
      "for reference, nginx's upload (to tmpfs, unencrypted) / copy $(ratios "${SPEED[$place $protocol nginx_upload]}" "$copies")"
  done
  if [[ " $PROTOCOLS " = *" --http1.1 "* && " $PROTOCOLS " = *" --http2 "* ]]; then
    say "$(awk -v p="$place" -v d2="${MEDIAN[$place --http2 selvedge_download]}" -v d1="${MEDIAN[$place --http1.1 selvedge_download]}" \
      -v u2="${MEDIAN[$place --http2 selvedge_upload]}" -v u1="${MEDIAN[$place --http1.1 selvedge_upload]}" 'BEGIN {
        printf "- %s: Selvedge HTTP/2 / HTTP/1.1: download %.2f, upload %.2f (target >= 0.9 both)", p, d2 / d1, u2 / u1 }')"
  fi
done
say "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cp "$REPORT" target/transfer-report.md 2>/dev/null || true
echo "(report also in target/transfer-report.md)"
