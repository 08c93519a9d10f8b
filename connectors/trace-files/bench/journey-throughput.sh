#!/usr/bin/env bash
# Journey discovery + SLI candidates alone, per trace, on the ingest bench's traces assembled once and held in memory.
# Usage: connectors/trace-files/bench/journey-throughput.sh [spans=1000000] [rounds=15]
# Runs pinned to one core (override with PIN=""), GC and JIT included.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
${PIN-taskset -c 0} java -Xms3g -Xmx3g -XX:+AlwaysPreTouch \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.connectors.files.bench.JourneyThroughputBench "${1:-1000000}" "${2:-15}"
