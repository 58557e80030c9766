#!/usr/bin/env bash
# The main job on a demo month: installs what is needed, builds clusterpilot,
# then generates a synthetic institution, imports, classifies and writes the
# monthly pilot report. Safe to run again (it starts the demo afresh).
# usage: bash scripts/demo.sh [DIR]   (default DIR: ./clusterpilot-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DCLUSTERPILOT_BUILD_TESTS=OFF
./build/app/clusterpilot demo --out "${1:-clusterpilot-demo}"
