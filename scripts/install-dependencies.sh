#!/usr/bin/env bash
# Installs the Debian packages clusterpilot needs to build, test and
# benchmark. Safe to run again: it only calls apt-get when something is
# missing. Needs root (or sudo) on Debian 12 (bookworm).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ccache
  libpoco-dev libxerces-c-dev libsqlite3-dev sqlite3 libboost-dev libcsv-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev libglpk-dev
  libxml2-utils chromium poppler-utils clang-format clang-tidy clang libclang-rt-14-dev strace
  libsodium-dev libkainjow-mustache-dev wrk nodejs
  postgresql-15 libpq-dev python3
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "clusterpilot: all build dependencies are installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "clusterpilot: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
