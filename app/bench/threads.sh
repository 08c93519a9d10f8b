#!/usr/bin/env bash
# End to end at several thread counts: `slo-scout analyze --threads N` with a bounded heap on generated inputs
# (OTLP/JSON lines, a folder of Jaeger documents, the demo's OTLP/JSON logs), wall time, CPU and peak RSS per run,
# and a check that analysis.json is byte-identical at every thread count.
# Usage: [JAVA_OPTS=-XX:NewSize=256m] app/bench/threads.sh [SPANS=5000000] [THREADS="1 2"] [HEAP=1g]
#   SPANS=36000000 writes the 10 GB file of docs/performance.md (needs ~10 GB free under $TMPDIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spans="${1:-5000000}"
threads="${2:-1 2}"
heap="${3:-1g}"
work="${TMPDIR:-/tmp}/slo-scout-threads-bench"
mkdir -p "$work"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
module="$root/connectors/trace-files"
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
cp="$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes"
jar="$root/app/target/slo-scout.jar"

lines="$work/spans-$spans.jsonl"
[ -f "$lines" ] || java -cp "$cp" dev.sloscout.connectors.files.bench.WriteBenchInput "$lines" "$spans"
docs="$work/jaeger-200x2000"
[ -d "$docs" ] || java -cp "$cp" dev.sloscout.connectors.files.bench.WriteDocumentFolder "$docs" 200 2000
logs="$work/demo-logs.jsonl"
[ -f "$logs" ] || java -jar "$jar" demo-data --out "$work/demo-traces.jsonl.zst" --logs "$logs" --scale 5 > /dev/null

echo "| input | threads | wall s | CPU s (user + sys) | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
for input in "$lines" "$docs" "$logs"; do
  first=""
  for t in $threads; do
    out="$work/out-$(basename "$input")-$t"
    rm -rf "$out"
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" java "-Xmx$heap" ${JAVA_OPTS:-} -jar "$jar" analyze "$input" \
      --threads "$t" --out "$out" --validate never > /dev/null 2>&1 || true
    read -r wall user sys rss < "$work/time.txt"
    awk -v name="$(basename "$input")" -v t="$t" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" \
      'BEGIN { printf "| %s | %s | %s | %.1f | %d |\n", name, t, wall, user + sys, rss / 1024 }'
    if [ -z "$first" ]; then
      first="$out/analysis.json"
    elif ! cmp -s "$first" "$out/analysis.json"; then
      echo "analysis.json differs between thread counts for $input" >&2
      exit 1
    fi
  done
done
echo "analysis.json byte-identical at every thread count"
