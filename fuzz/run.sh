#!/usr/bin/env bash
# Builds the fuzz targets with clang into build-fuzz/ and runs each for SECONDS (default 60),
# seeded from the samples, the test fixtures and the rule packs. Crashes land in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
dir=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRECON_FUZZ=ON -DRECON_BUILD_TESTS=OFF -DRECON_BUILD_BENCH=OFF >/dev/null
ninja -C "$dir" -j2 fuzz_front_matter fuzz_jsonl fuzz_rules
seed() {  # seed <corpus dir> <files...>
  local to=$1
  shift
  mkdir -p "$to"
  for f in "$@"; do if [ -f "$f" ]; then cp "$f" "$to/"; fi; done
}
seed "$dir/corpus/front_matter" samples/*.md tests/data/ingest/*.md tests/data/ingest/*.txt
mkdir -p "$dir/corpus/jsonl"
for f in tests/data/ingest/*.jsonl tests/data/cli/bad_inputs/*.jsonl; do
  n=0
  while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$dir/corpus/jsonl/$(basename "$f").$n"; done < "$f"
done
seed "$dir/corpus/rules" rules/*.yaml tests/data/cli/rules/*.yaml tests/data/cli/bad_rules/*.yaml
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in front_matter jsonl rules; do
  echo "== fuzz_$target for ${seconds}s"
  (cd "$dir" && ./fuzz/fuzz_$target -max_total_time="$seconds" -print_final_stats=1 \
     -dict=../fuzz/$target.dict "corpus/$target" 2>&1 | grep -E "^(#[0-9]+.*DONE|stat::|==|SUMMARY|.*ERROR)" || true)
done
