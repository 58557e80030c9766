#!/usr/bin/env bash
# The main job on a demo month: installs what is needed, builds clusterpilot,
# then generates a synthetic institution, imports, classifies and writes the
# monthly pilot report. Safe to run again (it starts the demo afresh).
# With --serve it then makes one account per role, each with a random
# password printed once, and serves the demo store on loopback.
# usage: bash scripts/demo.sh [--serve] [DIR]   (default DIR: ./clusterpilot-demo)
#   CLUSTERPILOT_BINARY: use this clusterpilot instead of installing and
#   building one (the test of this script); CLUSTERPILOT_LISTEN: the address
#   to serve on (default 127.0.0.1:8080; port 0 takes a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
serve=0
if [ "${1:-}" = "--serve" ]; then
  serve=1
  shift
fi
dir=${1:-clusterpilot-demo}
clusterpilot=${CLUSTERPILOT_BINARY:-./build/app/clusterpilot}
if [ -z "${CLUSTERPILOT_BINARY:-}" ]; then
  bash scripts/install-dependencies.sh
  bash scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DCLUSTERPILOT_BUILD_TESTS=OFF
fi
"$clusterpilot" demo --out "$dir"
[ "$serve" = 1 ] || exit 0

db="$dir/clusterpilot.db"
# The departments the demo generated: the clinician and manager get the first.
department=$("$clusterpilot" assignments --db "$db" --format csv |
  awk -F';' 'NR == 2 { print $3; exit }')
echo "clusterpilot demo accounts (the passwords are shown only now):"
for role in clinician finance manager admin; do
  name="demo-$role"
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')
  departments=()
  if [ "$role" = clinician ] || [ "$role" = manager ]; then departments=(--department "$department"); fi
  printf '%s\n' "$password" |
    "$clusterpilot" user add --db "$db" --name "$name" --role "$role" "${departments[@]}" >/dev/null
  echo "  $name  $password"
done
# The reports page writes a month's report with the demo tariffs on first ask.
printf 'serve.tariffs = %s\nserve.reports_dir = %s\n' "$PWD/data/demo_tariffs.csv" "$dir/web-reports" \
  > "$dir/serve.properties"
exec "$clusterpilot" serve --db "$db" --listen "${CLUSTERPILOT_LISTEN:-127.0.0.1:8080}" \
  --config "$dir/serve.properties"
