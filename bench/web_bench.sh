#!/usr/bin/env bash
# The web app's benchmark on a 1M-measurement store: copies STORE (it is
# written to: an account, sessions, audit entries) and runs web_bench on the
# copy. Without STORE it makes one (generate 690,000 patients x 12 months,
# import, classify: several minutes). Needs Debian's wrk.
# usage: bench/web_bench.sh [STORE] [web_bench options...]
#   BUILD_DIR (default build-bench) holds bench/web_bench and app/clusterpilot;
#   BENCH_WRAPPER, when set, is put in front of the timed run.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-bench}
command -v wrk >/dev/null || { echo "web_bench.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/clusterpilot-web-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  store=$1
  shift
else
  store=$work/1m.sqlite
  "$build_dir/app/clusterpilot" generate --patients 690000 --months 12 --end-month 2026-10 \
    --out "$work/1m.csv"
  "$build_dir/app/clusterpilot" import --db "$store" "$work/1m.csv"
  "$build_dir/app/clusterpilot" classify --db "$store"
  rm -f "$work/1m.csv" "$work/1m.csv.truth.csv"
fi
cp "$store" "$work/copy.sqlite"
# Opening the copy once migrates an older store, outside the timed run.
"$build_dir/app/clusterpilot" user list --db "$work/copy.sqlite" >/dev/null
${BENCH_WRAPPER:-} "$build_dir/bench/web_bench" "$work/copy.sqlite" "$@"
