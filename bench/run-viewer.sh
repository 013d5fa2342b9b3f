#!/usr/bin/env bash
# The 3D viewer with a heavy garment in headless Chromium (bench/README.md, "3D viewer"): makes a ~60 MB GLB of
# ~500,000 triangles under target/bench/ (once; samples/make-samples.py heavy), then measures time to first
# frame and the frame rate while orbiting, RUNS times (default 3). Needs python3, chromium and the three webjar
# in the local Maven repository (any build of Selvedge fetched it). Extra arguments go to bench/viewer-bench.py,
# e.g.  bench/run-viewer.sh --orbit 20
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=target/bench/heavy.glb
if [ ! -f "$MODEL" ]; then
  mkdir -p target/bench
  (cd samples && python3 make-samples.py heavy "../$MODEL")
fi
for run in $(seq "${RUNS:-3}"); do
  echo "run $run"
  python3 bench/viewer-bench.py "$MODEL" "$@"
done
