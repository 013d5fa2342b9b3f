#!/usr/bin/env bash
# Two Selvedge nodes of one production installation behind nginx, on loopback, for a person to try what
# SeveralNodesIT proves (issue 20): the packaged jar twice (separate processes), nginx's stream module
# passing TLS through round-robin (each new connection to the next node), PostgreSQL (a fresh database per
# store on 127.0.0.1:5432, user postgres, trust auth), s3proxy in its own process (every region's files),
# and the Redis at 127.0.0.1:6379. A certificate for localhost is made with openssl for the run.
#
#   ./mvnw -o -q -DskipTests package && bench/run-two-nodes.sh   # starts, checks, waits for Enter
#   KEEP=0 bench/run-two-nodes.sh                                  # starts, checks, stops
#   READY_WAIT=600 bench/run-two-nodes.sh                          # a busy machine: wait longer for a node
#
# The check: /healthz through the balancer four times (nginx logs which node answered each), then node A is
# killed (kill -9) and /healthz still answers through the balancer. Everything it made (databases, folders)
# is removed on exit. nginx with its stream module: `apt-get install -y nginx-light libnginx-mod-stream` (the
# script does it if it may and must).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/selvedge.jar
KEEP="${KEEP:-1}"
BALANCER_PORT="${BALANCER_PORT:-9843}"
PG="${PG:-postgresql://postgres@127.0.0.1:5432/postgres}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
NGINX="${NGINX:-/usr/sbin/nginx}"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -o -q -DskipTests package first" >&2; exit 2; }
STREAM_MODULE=/usr/lib/nginx/modules/ngx_stream_module.so
if [ ! -x "$NGINX" ] || { ! "$NGINX" -V 2>&1 | grep -q -- '--with-stream\b' && [ ! -f "$STREAM_MODULE" ]; }; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q nginx-light libnginx-mod-stream >/dev/null; else
    echo "nginx or its stream module is missing: sudo apt-get install -y nginx-light libnginx-mod-stream" >&2; exit 2; fi
fi
LOAD_STREAM=""
[ -f "$STREAM_MODULE" ] && LOAD_STREAM="load_module $STREAM_MODULE;"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/selvedge-nodes.XXXXXX")"
RUN="selvedge_nodes_$$"
PIDS=()
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for store in global us eu apac; do psql -q "$PG" -c "drop database if exists ${RUN}_$store with (force)" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== databases ${RUN}_{global,us,eu,apac}"
for store in global us eu apac; do psql -q "$PG" -c "create database ${RUN}_$store"; done

echo "== certificate for localhost"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 -subj "/CN=localhost/O=Selvedge bench" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

echo "== s3proxy (its own process)"
./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
S3_PORT="$(free_port)"
mkdir -p "$WORK/s3/selvedge-us" "$WORK/s3/selvedge-eu" "$WORK/s3/selvedge-apac"
cat > "$WORK/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret-not-for-anything-else
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
CONF
java -cp "$(cat "$WORK/cp.txt")" org.gaul.s3proxy.Main --properties "$WORK/s3proxy.conf" > "$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)

settings() {  # the settings both nodes share, as SELVEDGE_* variables
  export SELVEDGE_ENVIRONMENT=production SELVEDGE_MASTER_KEY_PASSPHRASE="bench passphrase, not a real one"
  export SELVEDGE_TLS_CERTIFICATE="$WORK/cert.pem" SELVEDGE_TLS_PRIVATE_KEY="$WORK/key.pem"
  export SELVEDGE_REDIS_URL="$REDIS_URL" SELVEDGE_STORAGE_REGIONS=us,eu,apac
  export SELVEDGE_STORAGE_GLOBAL_JDBCURL="jdbc:postgresql://127.0.0.1:5432/${RUN}_global" SELVEDGE_STORAGE_GLOBAL_USERNAME=postgres
  for region in us eu apac; do
    local r="${region^^}"
    export "SELVEDGE_STORAGE_REGION_${r}_JDBCURL=jdbc:postgresql://127.0.0.1:5432/${RUN}_$region"
    export "SELVEDGE_STORAGE_REGION_${r}_USERNAME=postgres"
    export "SELVEDGE_STORAGE_REGION_${r}_BLOBS_TYPE=s3" "SELVEDGE_STORAGE_REGION_${r}_BLOBS_ENDPOINT=http://127.0.0.1:$S3_PORT"
    export "SELVEDGE_STORAGE_REGION_${r}_BLOBS_BUCKET=selvedge-$region" "SELVEDGE_STORAGE_REGION_${r}_BLOBS_PATHSTYLE=true"
    export "SELVEDGE_STORAGE_REGION_${r}_BLOBS_ACCESSKEY=bench-access"
    export "SELVEDGE_STORAGE_REGION_${r}_BLOBS_SECRETKEY=bench-secret-not-for-anything-else"
  done
}
start_node() {  # name port management-port
  mkdir -p "$WORK/$1"
  (settings; SELVEDGE_DATA_DIR="$WORK/$1" SELVEDGE_PORT="$2" SELVEDGE_MANAGEMENT_PORT="$3" \
    exec java -jar "$JAR" > "$WORK/$1.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 "${READY_WAIT:-300}"); do
    curl -fsS --cacert "$WORK/cert.pem" "https://localhost:$2/healthz" >/dev/null 2>&1 && { echo "== node $1 ready on $2"; return; }
    sleep 1
  done
  echo "node $1 did not become ready: $WORK/$1.log" >&2; tail -20 "$WORK/$1.log" >&2; exit 1
}

A_PORT="$(free_port)"; B_PORT="$(free_port)"
start_node a "$A_PORT" "$(free_port)"
A_PID="${PIDS[-1]}"
# The second node shares the key stores (storage both mount, or an HSM/KMS): the local KMS adds a key for every
# new group, so a copy would not do.
mkdir -p "$WORK/b" && ln -s "$WORK/a/keys" "$WORK/b/keys"
start_node b "$B_PORT" "$(free_port)"

cat > "$WORK/nginx.conf" <<CONF
$LOAD_STREAM
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events {}
stream {
  log_format nodes '\$remote_addr -> \$upstream_addr \$status';
  upstream selvedge { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; }
  server { listen 127.0.0.1:$BALANCER_PORT; proxy_pass selvedge; proxy_connect_timeout 1s; proxy_next_upstream on; access_log $WORK/nginx-access.log nodes; }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
echo "== nginx on https://localhost:$BALANCER_PORT (TLS passed through, round-robin per connection)"

for i in 1 2 3 4; do curl -fsS --cacert "$WORK/cert.pem" "https://localhost:$BALANCER_PORT/healthz"; echo; done
sleep 1; echo "== which node took each connection:"; cat "$WORK/nginx-access.log"

if [ "$KEEP" = 1 ]; then
  echo "Both nodes run: https://localhost:$BALANCER_PORT (trust $WORK/cert.pem). Enter kills node A (kill -9)."
  read -r _
fi
kill -9 "$A_PID"; wait "$A_PID" 2>/dev/null || true; echo "== node A killed (kill -9)"
# nginx finds node A refusing and passes each new connection on to node B (proxy_next_upstream).
for i in 1 2 3; do curl -fsS --cacert "$WORK/cert.pem" "https://localhost:$BALANCER_PORT/healthz"; echo; done
echo "== still served, by:"; tail -3 "$WORK/nginx-access.log"
if [ "$KEEP" = 1 ]; then echo "Enter stops everything."; read -r _; fi
