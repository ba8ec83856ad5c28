#!/usr/bin/env bash
# Set up and run every check CI runs: the deploy/ linters, the benchmark suite's malloc-count
# gate (and its throughput table), then every test: unit, jieba parity (reads ../shared when
# present), end-to-end tests of the built binary, a real third-party JSON-RPC client
# (python-lsp-jsonrpc, installed into a venv under .build/) and the Neovim plugin in headless
# Neovim. Tests run on the release build, the one users get; they run last so the run ends
# with the test summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/lint-deploy.sh
bash scripts/benchmarks.sh
venv=.build/test-venv
if [ ! -x "$venv/bin/python" ]; then
    mkdir -p .build
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r Tests/Fixtures/requirements.txt
export FENCI_TEST_PYTHON="$PWD/$venv/bin/python"
swift build -c release
# The same binary without the Jemalloc trait (glibc's malloc): a test checks that the build
# setting still works, and Benchmarks/service/measure.py --allocators compares the two.
swift build -c release --disable-default-traits --scratch-path .build-system-malloc --product fenci
export FENCI_SYSTEM_MALLOC_FENCI="$PWD/.build-system-malloc/release/fenci"
swift test -c release
