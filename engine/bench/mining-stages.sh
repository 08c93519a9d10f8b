#!/usr/bin/env bash
# Where a log line's time goes when mined, stage by stage on one thread (header, tokens, the miner's key, the mining
# thread's part), on the fingerprint bench's corpus. Usage: engine/bench/mining-stages.sh [lines=1000000] [rounds=7]
# Set PIN="taskset -c 0" to keep the whole JVM (GC and JIT included) on one core.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
${PIN:-} java -Xms2g -Xmx2g -XX:+AlwaysPreTouch \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.engine.capsule.bench.MiningStagesBench "${1:-1000000}" "${2:-7}" "$root/../shared/data/loghub"
