#!/usr/bin/env bash
# Ingestion throughput: OTLP/JSON lines -> assembled traces, against a bare Jackson token scan of the same bytes.
# Usage: connectors/trace-files/bench/ingest-throughput.sh [spans=1000000] [rounds=9]
# Set PIN="taskset -c 0" to keep the whole JVM (GC and JIT included) on one core;
# BENCH_OPTS=-Dbench.journeys=true adds journey discovery and SLI candidates on top of assembly;
# -Dbench.shards=N assembles on N shard threads (the analysis on their merging thread).
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
${PIN:-} java -Xms3g -Xmx3g -XX:+AlwaysPreTouch ${BENCH_OPTS:-} \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.connectors.files.bench.IngestThroughputBench "${1:-1000000}" "${2:-9}"
