#!/usr/bin/env bash
# Installs what building and testing Fenci needs on a fresh Debian 12 machine that has Swift:
# the C libraries it links (zlib, jemalloc) and Neovim, which the editor plugin's headless
# test drives. Idempotent: installs only what is missing.
set -euo pipefail

missing=()
for package in zlib1g-dev libjemalloc-dev neovim; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "bootstrap: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
