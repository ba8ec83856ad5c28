#!/usr/bin/env bash
# Installs jieba and jieba-rs (PyPI rjieba) into a venv beside this script, builds fenci in
# release mode, and prints the side-by-side table (Markdown) with ratios.
# Usage: bash Benchmarks/peers/run.sh [compare.py options, e.g. --skip-jieba --megabytes 8]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install -q -r "$here/requirements.txt"
(cd "$root" && swift build -c release --product fenci >&2)
exec "$here/.venv/bin/python" "$here/compare.py" --fenci "$root/.build/release/fenci" "$@"
