#!/usr/bin/env bash
# Journeys + SLI candidates per trace (the journey bench), this checkout's engine against another revision's, in one
# JVM with rounds alternating between the two (engine/bench/ab.sh). Prints A (the base revision) and B (this
# checkout), ns per trace. Usage: connectors/trace-files/bench/journey-ab.sh BASE_REVISION [rounds=15] [spans=1000000]
# (BENCH_OPTS=-Dbench.routes=true: entry spans with http.route and http.request.method)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
exec "$module/../../engine/bench/ab.sh" "$1" "$module" dev.sloscout.connectors.files.bench.JourneyThroughputBench \
  "${3:-1000000}" "${2:-15}"
