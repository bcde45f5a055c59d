#!/usr/bin/env bash
# Size of the release .wasm of the full API (after wasm-opt -Oz), raw and
# gzipped (-9), for docs/benchmarks.md; fails past the ceiling.
#
#   bash gep-wasm/size.sh        (after gep-wasm/build.sh)
#
# The budget is 150 KB gzipped; today's module does not meet it
# (docs/benchmarks.md, "WASM size"): loading and saving alone take more.
# The check fails past CEILING, about 4 KB above today's module, so that
# the module does not grow unnoticed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
BUDGET=150000
CEILING="${GEP_WASM_CEILING:-259000}"
for pkg in pkg pkg-node; do
  wasm="$here/$pkg/gep_wasm_bg.wasm"
  raw=$(wc -c < "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  printf '%-9s raw %7d bytes (%d KB), gzipped %7d bytes (%d KB)\n' "$pkg" "$raw" $((raw / 1000)) "$gz" $((gz / 1000))
done
if [ "$gz" -le "$BUDGET" ]; then
  echo "within the budget of $BUDGET bytes gzipped"
elif [ "$gz" -le "$CEILING" ]; then
  echo "over the budget of $BUDGET bytes gzipped (not met), under the ceiling of $CEILING"
else
  echo "FAIL: $gz bytes gzipped, past the ceiling of $CEILING bytes" >&2
  exit 1
fi
