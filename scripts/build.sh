#!/usr/bin/env bash
# Configures and builds clusterpilot into a build folder.
# usage: scripts/build.sh BUILD_DIR [extra cmake options...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$1
shift
cmake -S . -B "$build_dir" -G Ninja "$@" >/dev/null
ninja -C "$build_dir" -j "$(nproc)"
