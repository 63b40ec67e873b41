#!/usr/bin/env bash
# Generates corpora of 10^3, 10^4 and 10^5 articles under bench/out/ (once; delete to rebuild)
# and runs pipeline_bench on each with -j1 and -j2, one process per run so peak memory is per run.
#   bench/run_pipeline_bench.sh [BUILD_DIR] [SIZES...]     (default: build, 1000 10000 100000)
# Set SAMPLES=dir to generate from other sample articles, BENCH_ARGS for extra bench flags.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
bench="$build/bench/pipeline_bench"
if [ ! -x "$bench" ]; then
  echo "run_pipeline_bench: $bench not built; run: ninja -C $build pipeline_bench" >&2
  exit 1
fi
mkdir -p bench/out
for n in "${sizes[@]}"; do
  out="bench/out/corpus-$n"
  if [ ! -f "$out/.done" ]; then
    rm -rf "$out"
    python3 bench/generate.py -n "$n" --seed 1 --out "$out" ${SAMPLES:+--samples "$SAMPLES"}
    touch "$out/.done"
  fi
  for j in 1 2; do
    echo
    "$bench" "$out" -j "$j" ${BENCH_ARGS:-}
  done
done
