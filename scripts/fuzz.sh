#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (build folder build-fuzz) and runs each one for a
# fixed time against its seed corpus and dictionary. Exits non-zero when any
# target finds a crash, a leak, a timeout or undefined behaviour; the input
# that did it is kept in build-fuzz/crashes/TARGET/.
#
# usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 20 (what CI runs); use 600 or more for a real
#                       search, e.g. bash scripts/fuzz.sh 3600 csv_export_reader
#   TARGET              default all: csv_export_reader xml_export_reader
#                       cluster_model_reader nza_code_list_importer
#                       tariff_table revenue_table
# FUZZ_JOBS (default 1) sets the build's parallelism: the build is slow but
# leaves the other core free.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
if ! [ "$seconds" -gt 0 ] 2>/dev/null; then
  echo "usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET > 0] [TARGET...]" >&2
  exit 2
fi
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(csv_export_reader xml_export_reader cluster_model_reader nza_code_list_importer
           tariff_table revenue_table)
fi

build_dir=build-fuzz
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(cd .. && pwd)}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
# Every library is instrumented for coverage and the sanitizers; only the
# fuzz targets link the libFuzzer driver (fuzz/CMakeLists.txt).
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B "$build_dir" -G Ninja \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link $sanitize" \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link $sanitize" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCLUSTERPILOT_FUZZ=ON -DCLUSTERPILOT_BUILD_TESTS=OFF -DCLUSTERPILOT_WERROR=OFF >/dev/null
ninja -C "$build_dir" -j "${FUZZ_JOBS:-1}" "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for target in "${targets[@]}"; do
  # New inputs go to build-fuzz/corpus; the seeds in fuzz/corpus stay as
  # committed (copy interesting finds there by hand, minimised).
  mkdir -p "$build_dir/corpus/$target" "$build_dir/crashes/$target"
  echo "== fuzz_$target for ${seconds}s"
  if ! "$build_dir/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -dict="fuzz/$target.dict" \
      -artifact_prefix="$build_dir/crashes/$target/" \
      "$build_dir/corpus/$target" "fuzz/corpus/$target" 2>"$build_dir/fuzz_$target.log"; then
    failed+=("$target")
    tail -n 60 "$build_dir/fuzz_$target.log"
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' \
    "$build_dir/fuzz_$target.log" || true
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: failures in ${failed[*]}; inputs in $build_dir/crashes/" >&2
  exit 1
fi
echo "fuzz: no failures in ${targets[*]}"
