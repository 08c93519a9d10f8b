#!/usr/bin/env bash
# Embedding throughput, HNSW build and query latency, recall@10 vs exact search, on the Loghub-2k templates in
# ../shared/data/loghub. Usage: assist/bench/vector-search.sh [queries=200]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.assist.bench.VectorSearchBench "$root/../shared/data/loghub" "${1:-200}"
