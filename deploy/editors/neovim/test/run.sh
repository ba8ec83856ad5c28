#!/bin/sh
# Headless test of the fenci Neovim plugin.
# Usage: test/run.sh [path/to/fenci]   (or set FENCI_BIN); exits 0 only if every assertion passed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
FENCI_BIN=${1:-${FENCI_BIN:-}}
if [ -z "$FENCI_BIN" ]; then
  FENCI_BIN=$(command -v fenci || true)
fi
if [ -z "$FENCI_BIN" ] || [ ! -x "$FENCI_BIN" ]; then
  echo "usage: $0 path/to/fenci   (or set FENCI_BIN)" >&2
  exit 2
fi
case $FENCI_BIN in /*) ;; *) FENCI_BIN=$(pwd)/$FENCI_BIN ;; esac
export FENCI_BIN
command -v nvim >/dev/null || { echo "nvim not found" >&2; exit 2; }

cd "$here"
# -u NONE -i NONE --noplugin: no user config, shada or other plugins. The test
# writes PASS/FAIL lines (and Neovim its errors) to stderr, shown here on stdout;
# Neovim's headless screen output on stdout is dropped. It leaves with :cquit
# on failure.
status=0
timeout "${FENCI_TEST_TIMEOUT:-60}" nvim --headless -u NONE -i NONE --noplugin \
  -c "set rtp^=$here" -c 'luafile test/motion_test.lua' -c 'cquit 2' </dev/null 2>&1 >/dev/null || status=$?
if [ "$status" -eq 124 ]; then
  echo "FAIL: timed out" >&2
fi
exit "$status"
