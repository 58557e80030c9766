#!/usr/bin/env bash
# Installs what is needed, builds clusterpilot with warnings as errors and
# runs every test. Safe to run again.
# usage: bash scripts/test.sh [--sanitize]
#   --sanitize  build and test under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh

build_dir=build-test
options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLUSTERPILOT_WERROR=ON -DCLUSTERPILOT_BUILD_BENCHMARKS=ON)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  options=(-DCMAKE_BUILD_TYPE=Debug -DCLUSTERPILOT_WERROR=ON -DCLUSTERPILOT_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
# The browser tests' one npm package (playwright-core; it drives Debian's
# chromium and downloads no browser), exactly as package-lock.json says.
(cd tests/web/browser && npm ci --no-audit --no-fund --silent)
bash scripts/build.sh "$build_dir" "${options[@]}"
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)"
