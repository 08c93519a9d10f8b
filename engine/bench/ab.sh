#!/usr/bin/env bash
# One bench, this checkout's engine against another revision's, in one JVM with rounds alternating between the two
# (AbRunner): on a noisy host, separate runs of two builds differ by more than most changes do. Prints A (the base
# revision) and B (this checkout). Only the engine's classes differ between A and B; the bench's own code is this
# checkout's. Runs pinned to one core (override with PIN="").
# Usage: engine/bench/ab.sh BASE_REVISION MODULE_DIR BENCH_CLASS ARGUMENT ROUNDS (BENCH_OPTS: JVM options, e.g.
# -Dbench.routes=true)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module="$(cd "$2" && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
base="$(mktemp -d)"
git -C "$root" worktree add -q --detach "$base" "$1"
trap 'git -C "$root" worktree remove --force "$base"' EXIT
(cd "$base" && mvn -q -B compile -pl engine)
deps="$module/target/test-classes:$(tr ':' '\n' < "$module/target/bench.classpath" | grep -v '/slo-scout-engine-' \
  | paste -sd:)"
if [ "$module" != "$root/engine" ]; then deps="$module/target/classes:$deps"; fi
${PIN-taskset -c 0} java -Xms6g -Xmx6g -XX:+AlwaysPreTouch ${BENCH_OPTS:-} -cp "$root/engine/target/test-classes" \
  dev.sloscout.engine.bench.AbRunner "$3" "$5" "$4" "$base/engine/target/classes:$deps" \
  "$root/engine/target/classes:$deps"
