#!/usr/bin/env bash
# Time from JVM start to the workbench window on screen (before any analysis), on a virtual display.
# Usage: app/bench/startup.sh [RUNS]   (build first: mvn -B -DskipTests -DskipUnitTests=true package)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
jar=app/target/slo-scout.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests -DskipUnitTests=true package" >&2; exit 2; }
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
times=()
for i in $(seq 1 "$runs"); do
  ms=$(xvfb-run -a -s "-screen 0 1400x900x24" java -Dsloscout.home="$home" -Dsloscout.startupProbe=exit -jar "$jar" 2>&1 \
    | sed -n 's/^window shown \([0-9]*\) ms after JVM start$/\1/p')
  times+=("$ms")
  echo "run $i: $ms ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms over %d runs\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
