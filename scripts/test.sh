#!/usr/bin/env bash
# Set up and run every test: unit, jieba parity (reads ../shared when present), end-to-end
# tests of the built binary, and a real third-party JSON-RPC client (python-lsp-jsonrpc,
# installed into a venv under .build/). Tests run on the release build, the one users get.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
venv=.build/test-venv
if [ ! -x "$venv/bin/python" ]; then
    mkdir -p .build
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r Tests/Fixtures/requirements.txt
export FENCI_TEST_PYTHON="$PWD/$venv/bin/python"
swift build -c release
swift test -c release
