#!/usr/bin/env bash
# Journeys + SLI candidates per trace (the journey bench), this checkout's engine against another revision's, in one
# JVM with rounds alternating between the two (AbRunner): on a noisy host, separate runs of the two builds differ by
# more than most changes do. Usage: connectors/trace-files/bench/journey-ab.sh BASE_REVISION [rounds=15] [spans=1000000]
# Prints A (the base revision) and B (this checkout). Runs pinned to one core (override with PIN="").
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
base="$(mktemp -d)"
git -C "$root" worktree add -q --detach "$base" "$1"
trap 'git -C "$root" worktree remove --force "$base"' EXIT
(cd "$base" && mvn -q -B compile -pl engine)
deps="$module/target/classes:$module/target/test-classes:$(tr ':' '\n' < "$module/target/bench.classpath" \
  | grep -v '/slo-scout-engine-' | paste -sd:)"
${PIN-taskset -c 0} java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp "$root/engine/target/test-classes" \
  dev.sloscout.engine.bench.AbRunner dev.sloscout.connectors.files.bench.JourneyThroughputBench \
  "${2:-15}" "${3:-1000000}" "$base/engine/target/classes:$deps" "$root/engine/target/classes:$deps"
