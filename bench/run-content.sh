#!/usr/bin/env bash
# Upload and download throughput of versions over HTTPS on loopback, through a server with a 256 MiB
# heap (bench/README.md): a generated body of the given size (default 1g; e.g. 5g, 512m) is uploaded
# as a version, downloaded, and both SHA-256s compared with the generator's. No file is involved.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-1g}"
case "$SIZE" in
  *g) BYTES=$(( ${SIZE%g} * 1024 * 1024 * 1024 )) ;;
  *m) BYTES=$(( ${SIZE%m} * 1024 * 1024 )) ;;
  *) BYTES="$SIZE" ;;
esac
./mvnw -q -B test-compile -Dspotless.check.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx256m -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED -cp "$CLASSPATH" io.selvedge.content.LargeUploadProbe "$BYTES"
