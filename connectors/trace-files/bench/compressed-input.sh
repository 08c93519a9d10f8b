#!/usr/bin/env bash
# End to end: the CLI reading the same generated OTLP/JSON lines plain and compressed each way (gzip, zstd, xz,
# bzip2), at one and two threads, RUNS times each (3); prints wall time per run, so decompression's cost shows beside
# the plain read. SPANS sets the input's size (300000).
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
out="${TMPDIR:-/tmp}/slo-scout-bench"
spans="${SPANS:-300000}"
mkdir -p "$out"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
cp="$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes"
for ext in jsonl jsonl.gz jsonl.zst jsonl.xz jsonl.bz2; do
  file="$out/spans-$spans.$ext"
  [ -f "$file" ] || java -cp "$cp" dev.sloscout.connectors.files.bench.WriteBenchInput "$file" "$spans"
  size=$(stat -c %s "$file")
  for threads in 1 2; do
    for run in $(seq "${RUNS:-3}"); do
      /usr/bin/time -f "$ext ($((size / 1024)) KB), $threads thread(s), run $run: %e s wall, %M KB max RSS" \
        java -jar "$root/app/target/slo-scout.jar" ingest-stats --threads "$threads" "$file" > /dev/null
    done
  done
done
