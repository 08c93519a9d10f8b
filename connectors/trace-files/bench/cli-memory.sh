#!/usr/bin/env bash
# End to end: the CLI on generated zstd-compressed OTLP/JSON lines of 1 M and 8 M spans with a 300 MB heap;
# prints wall time and peak RSS. Peak memory must not grow with the input.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
out="${TMPDIR:-/tmp}/slo-scout-bench"
mkdir -p "$out"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
cp="$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes"
for spans in 1000000 8000000; do
  file="$out/spans-$spans.jsonl.zst"
  [ -f "$file" ] || java -cp "$cp" dev.sloscout.connectors.files.bench.WriteBenchInput "$file" "$spans"
  /usr/bin/time -f "$spans spans: %e s wall, %M KB max RSS" \
    java -Xmx300m -jar "$root/app/target/slo-scout.jar" ingest-stats "$file" > /dev/null
done
