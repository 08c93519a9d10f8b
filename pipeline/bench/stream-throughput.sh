#!/usr/bin/env bash
# Throughput of one stream job instance (slo-scout stream) on a real broker in the same JVM: spans decoded,
# assembled and added up into journeys per second, and the size of the state kept per journey and window.
# Usage: pipeline/bench/stream-throughput.sh [spans=300000] [partitions=6] [threads=1]
# The broker shares the machine's cores with the job: on two cores the figure is a floor, not a ceiling.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
java -Xmx2g -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.pipeline.bench.StreamThroughputBench "${1:-300000}" "${2:-6}" "${3:-1}"
