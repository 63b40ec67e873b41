#!/usr/bin/env bash
# Builds recon (installing missing Debian packages) and prints the reconciled timeline of the
# bundled samples. Extra arguments go to `recon run`, e.g. --format markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
RECON_BUILD_TARGETS=recon bash scripts/build.sh
exec build/recon run samples/ "$@"
