#!/usr/bin/env bash
# Runs resolver_bench (the whole resolver core on generated claim graphs of 10^4 .. 10^7
# claims, one child process per run) and saves its table, with the machine's load before and
# after, under bench/out/resolver-<date>.txt.
#   bench/run_resolver_bench.sh [BUILD_DIR] [resolver_bench flags...]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
bench="$build/bench/resolver_bench"
if [ ! -x "$bench" ]; then
  echo "run_resolver_bench: $bench not built; run: ninja -C $build resolver_bench" >&2
  exit 1
fi
mkdir -p bench/out
out="bench/out/resolver-$(date -u +%Y%m%dT%H%M).txt"
{
  echo "# $(date -u) $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$bench" "$@"
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
