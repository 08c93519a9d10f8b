#!/usr/bin/env bash
# The capsule accumulator at one thread (the fingerprint bench's corpus), this checkout's engine against another
# revision's, in one JVM with rounds alternating between the two (AbRunner): on a noisy host, separate runs of the two
# builds differ by more than most changes do. Prints A (the base revision) and B (this checkout), ns per line.
# Usage: engine/bench/mining-ab.sh BASE_REVISION [rounds=15] [lines=1000000]. Runs pinned (override with PIN="").
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
base="$(mktemp -d)"
git -C "$root" worktree add -q --detach "$base" "$1"
trap 'git -C "$root" worktree remove --force "$base"' EXIT
(cd "$base" && mvn -q -B compile -pl engine)
deps="$module/target/test-classes:$(cat "$module/target/bench.classpath")"
${PIN-taskset -c 0} java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp "$module/target/test-classes" \
  dev.sloscout.engine.bench.AbRunner dev.sloscout.engine.capsule.bench.FingerprintThroughputBench \
  "${2:-15}" "${3:-1000000}:$root/../shared/data/loghub" "$base/engine/target/classes:$deps" \
  "$module/target/classes:$deps"
