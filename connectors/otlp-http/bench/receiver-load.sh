#!/usr/bin/env bash
# Load on the OTLP/HTTP receiver over loopback: 1, 4 and 16 clients posting protobuf requests back to back.
# Usage: connectors/otlp-http/bench/receiver-load.sh [seconds=10] [spans-per-request=100]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
(cd "$root" && mvn -q -B install -DskipTests -DskipUnitTests=true -pl connectors/otlp-http -am)
(cd "$module" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$(cat "$module/target/bench.classpath"):$module/target/classes:$module/target/test-classes" \
  dev.sloscout.connectors.otlphttp.bench.ReceiverLoadBench "${1:-10}" "${2:-100}"
