#!/usr/bin/env bash
# Builds recon with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export RECON_BUILD_DIR=${RECON_BUILD_DIR:-build-asan}
bash scripts/build.sh -DRECON_SANITIZE=ON -DRECON_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Asan
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$RECON_BUILD_DIR" --output-on-failure -j2
