#!/usr/bin/env bash
# Static checks CI runs: clang-format and the short clang-tidy list in
# .clang-tidy, both as errors. Needs a configured build folder for
# compile_commands.json (default: build-test, made by scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-test}
git ls-files '*.h' '*.cc' | xargs clang-format --dry-run --Werror
echo "clang-format: ok"
# The compile commands are GCC's: clang is told to pass over the warning
# options only GCC knows (cmake/ClusterpilotHelpers.cmake's -Wno-restrict).
git ls-files '*.cc' | grep -v '^tests/\|^bench/\|^fuzz/' |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet \
    --extra-arg=-Wno-unknown-warning-option 2>&1 |
  grep -v "warnings generated\|Suppressed\|Use -header-filter\|^$" | tee /tmp/clang-tidy.log || true
if grep -q "error:" /tmp/clang-tidy.log; then
  echo "clang-tidy: errors above"
  exit 1
fi
echo "clang-tidy: ok"
