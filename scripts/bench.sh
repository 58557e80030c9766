#!/usr/bin/env bash
# Builds an optimised clusterpilot and runs every benchmark at 1,000,000
# measurements, each against its reference in the same run. Takes several
# minutes and a few GB of temporary disk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
bash scripts/build.sh build-bench -DCMAKE_BUILD_TYPE=Release -DCLUSTERPILOT_BUILD_TESTS=OFF \
  -DCLUSTERPILOT_BUILD_BENCHMARKS=ON
for bench in import_bench classify_bench report_bench; do
  echo "== $bench"
  "./build-bench/bench/$bench"
done
echo "== scoring_bench (one core)"
./build-bench/bench/scoring_bench
