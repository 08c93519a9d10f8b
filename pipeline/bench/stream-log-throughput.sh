#!/usr/bin/env bash
# Log mining throughput of one stream job instance (slo-scout stream --logs-topic) on a real broker in the same
# JVM: log records decoded, repartitioned by service and mined into capsules per second, and the size of a
# service's mining state.
# Usage: pipeline/bench/stream-log-throughput.sh [records=200000] [partitions=6]
# The broker shares the machine's cores with the job: on two cores the figure is a floor, not a ceiling.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
java -Xmx2g -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.pipeline.bench.StreamLogThroughputBench "${1:-200000}" "${2:-6}"
