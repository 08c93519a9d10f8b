#!/usr/bin/env bash
# Fingerprinting one long line as it grows (10,000 characters to LONGEST, six shapes of token): the time per character
# should stay flat. Usage: engine/bench/long-line.sh [longest=1000000]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
${PIN:-} java -Xms1g -Xmx1g \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.engine.capsule.bench.LongLineBench "${1:-1000000}"
