#!/usr/bin/env bash
# Fuzzes each @FuzzTest in turn with Jazzer (docs/security/fuzzing.md), for the given time each (default 1m):
#   bench/fuzz.sh            every target, 1 minute each
#   bench/fuzz.sh 10m 'io.selvedge.api.TusHeadersFuzzTest#anyUploadMetadataHeaderIsReadOrRefusedAsTheClientsMistake'
# New coverage goes to .cifuzz-corpus/ (not committed); a failing input lands in the target's Inputs
# directory under src/test/resources, where `./mvnw verify` replays it from then on. Commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-1m}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  while IFS= read -r file; do
    class="$(sed -e 's#^src/test/java/##' -e 's#\.java$##' -e 's#/#.#g' <<<"$file")"
    while IFS= read -r method; do
      targets+=("$class#$method")
    done < <(grep -A1 '@FuzzTest' "$file" | grep -oP 'void \K\w+')
  done < <(grep -rl '@FuzzTest' src/test/java | sort)
fi
./mvnw -q -B test-compile -Dspotless.check.skip=true -Djacoco.skip=true
status=0
for target in "${targets[@]}"; do
  printf '\n== fuzzing %s for %s\n' "$target" "$duration"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_INSTRUMENT='io.selvedge.**,tools.jackson.**,org.springframework.http.**' \
    ./mvnw -o -q -B test -Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false || status=1
done
exit $status
