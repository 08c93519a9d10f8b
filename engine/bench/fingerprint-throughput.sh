#!/usr/bin/env bash
# Log fingerprinting throughput on one thread (header + typed masking + mining), on Loghub-2k lines when
# ../shared/data/loghub is there. Usage: engine/bench/fingerprint-throughput.sh [lines=2000000] [rounds=7]
# Set PIN="taskset -c 0" to keep the whole JVM (GC and JIT included) on one core.
# BENCH_OPTS adds the capsule accumulator's rounds: -Dbench.threads=1,2,6:2 (T threads, or T workers : S mining
# stages; each round prints the handing-out thread's share of the CPU), -Dbench.interleave=N (the systems' lines
# taking turns every N lines, as one OTLP export carrying many services delivers them; default one after the other),
# -Dbench.warmup=N (warm-up rounds of each count before those measured; default 6).
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
${PIN:-} java -Xms2g -Xmx2g -XX:+AlwaysPreTouch ${BENCH_OPTS:-} \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.engine.capsule.bench.FingerprintThroughputBench "${1:-2000000}" "${2:-7}" "$root/../shared/data/loghub"
