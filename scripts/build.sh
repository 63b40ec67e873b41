#!/usr/bin/env bash
# Configures and builds recon into build/ (or $RECON_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dir=${RECON_BUILD_DIR:-build}
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null  # later -D flags win
ninja -C "$dir" ${RECON_BUILD_TARGETS:-}
