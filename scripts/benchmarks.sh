#!/usr/bin/env bash
# The package-benchmark suite in Benchmarks/ (tokenize per mode, summarize, compare, framing
# and JSON, an in-process connection and a TCP round trip).
#
#   bash scripts/benchmarks.sh            check malloc counts against Benchmarks/Thresholds,
#                                         then print the throughput/latency table
#   bash scripts/benchmarks.sh update     rewrite Benchmarks/Thresholds from a fresh run
#
# Malloc counts are the gate because they repeat exactly run to run; wall clock and
# throughput move 20-40% on a shared 2-core machine, so they are reported, not gated.
# A regression (more mallocs than the committed threshold allows) fails; an improvement
# passes with a reminder to commit new thresholds.
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
mode="${1:-check}"

case "$mode" in
update)
    swift package --allow-writing-to-package-directory benchmark thresholds update \
        --metric mallocCountTotal --no-progress
    echo "benchmarks: thresholds written to Benchmarks/Thresholds; review and commit them"
    exit 0
    ;;
check) ;;
*)
    echo "usage: bash scripts/benchmarks.sh [check|update]" >&2
    exit 2
    ;;
esac

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift package benchmark thresholds check --metric mallocCountTotal --no-progress >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    # Through `swift package`, a regression and an improvement both exit non-zero; the
    # plugin's message tells them apart.
    if grep -q "benchmarkThresholdRegression" "$log" || ! grep -q "benchmarkThresholdImprovement" "$log"; then
        cat "$log"
        echo "benchmarks: FAIL: malloc counts regressed (or the check could not run); see above" >&2
        exit 1
    fi
    grep -v '^\[' "$log" | tail -40
    echo "benchmarks: malloc counts improved; run 'bash scripts/benchmarks.sh update' and commit Benchmarks/Thresholds"
else
    echo "benchmarks: malloc counts match Benchmarks/Thresholds"
fi

# The table: throughput (for tokenize, iterations/s of a 1 MB text, i.e. MB/s) and wall clock.
swift package benchmark --metric throughput --metric wallClock --format markdown --path stdout --no-progress
