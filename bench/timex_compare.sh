#!/usr/bin/env bash
# Prints recon's time-expression throughput beside chrono-node's on the same TempEval-3 text.
# Usage: bench/timex_compare.sh [BUILD_DIR] [RECON_MB] [CHRONO_MB]   (defaults: build 100 20)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
recon_mb="${2:-100}"
chrono_mb="${3:-20}"
if [[ ! -x "$build/bench/timex_bench" ]]; then
  echo "build timex_bench first: ninja -C $build timex_bench" >&2
  exit 1
fi
recon_line="$("$build/bench/timex_bench" "$here/../../shared" "$recon_mb")"
chrono_line="$(node "$here/chrono/run.mjs" "$chrono_mb")"
echo "$recon_line"
echo "$chrono_line"
