#!/usr/bin/env bash
# The capsule accumulator at one thread (the fingerprint bench's corpus), this checkout's engine against another
# revision's, in one JVM with rounds alternating between the two (ab.sh). Prints A (the base revision) and B (this
# checkout), ns per line. Usage: engine/bench/mining-ab.sh BASE_REVISION [rounds=15] [lines=1000000]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
exec "$module/bench/ab.sh" "$1" "$module" dev.sloscout.engine.capsule.bench.FingerprintThroughputBench \
  "${3:-1000000}:$module/../../shared/data/loghub" "${2:-15}"
