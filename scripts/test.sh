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
  # -O1 as AddressSanitizer's authors advise: the checks stay, and the
  # Monte Carlo and report tests run several times faster than at -O0.
  options=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DCLUSTERPILOT_WERROR=ON
           -DCLUSTERPILOT_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan-suppressions.txt
  # The plain pass has run the long randomised tests in full; here they get
  # a short fixed budget (README, "Fuzzing and fault injection").
  export CLUSTERPILOT_KILL_SHARE=${CLUSTERPILOT_KILL_SHARE:-25}
  export CLUSTERPILOT_ATTACK_INSTITUTIONS=${CLUSTERPILOT_ATTACK_INSTITUTIONS:-3}
fi
# The browser tests' one npm package (playwright-core; it drives Debian's
# chromium and downloads no browser), exactly as package-lock.json says.
(cd tests/web/browser && npm ci --no-audit --no-fund --silent)
bash scripts/build.sh "$build_dir" "${options[@]}"
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" -LE postgres

# The store-touching suites once more, against a throwaway PostgreSQL 15 in a
# temporary folder (stopped also when a test fails): the ctest label
# `postgres`. Only in the plain build: the sanitizer build runs the same code
# paths on SQLite, and CI's time is better spent once.
if [ "${1:-}" != "--sanitize" ]; then
  postgres_dir=$(mktemp -d)
  trap 'rm -rf "$postgres_dir"' EXIT
  started=$(date +%s)
  bash ../scripts/postgres-test-server.sh run "$postgres_dir/server" \
    ctest --output-on-failure -j "$(nproc)" -L postgres
  echo "clusterpilot: the PostgreSQL pass took $(($(date +%s) - started)) s"
fi
