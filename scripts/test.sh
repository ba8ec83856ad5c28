#!/usr/bin/env bash
# Set up and run every test: unit, jieba parity (reads ../shared when present) and end-to-end
# tests of the built binary. Tests run on the release build, the one users and benchmarks get.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build -c release
swift test -c release
