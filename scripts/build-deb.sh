#!/usr/bin/env bash
# Builds clusterpilot_VERSION_amd64.deb and checks it the way Debian does:
# lintian without errors, the files a service install needs in the package,
# and a systemd unit that systemd-analyze accepts.
#
# usage: bash scripts/build-deb.sh [BUILD_DIR]
#   BUILD_DIR  default build-deb (a Release build); CI passes its test build,
#              whose binary cpack strips, so nothing is compiled twice.
# The package lands in BUILD_DIR/; its path is the last line printed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-deb}

packages=(lintian dpkg-dev fakeroot file)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "clusterpilot: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  bash scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCLUSTERPILOT_BUILD_TESTS=OFF
else
  ninja -C "$build_dir" clusterpilot clusterpilot_changelog
fi
rm -f "$build_dir"/clusterpilot_*.deb
(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls "$build_dir"/clusterpilot_*_amd64.deb)
echo "== $deb"

echo "== lintian (errors fail the build; warnings are listed)"
lintian --fail-on error --suppress-tags binary-without-manpage "$deb"

echo "== contents"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/clusterpilot ./usr/share/clusterpilot/default-cluster-model.xml \
    ./usr/share/clusterpilot/cluster_profiles.csv ./etc/clusterpilot/clusterpilot.properties \
    ./lib/systemd/system/clusterpilot-serve.service ./usr/share/doc/clusterpilot/copyright; do
  if ! grep -q " $path\$" <<<"$contents"; then
    echo "missing from the package: $path" >&2
    exit 1
  fi
done
control=$(mktemp -d)
trap 'rm -rf "$control"' EXIT
dpkg-deb --control "$deb" "$control"
grep -q "adduser --system" "$control/postinst" || { echo "postinst creates no system user" >&2; exit 1; }
grep -qx "/etc/clusterpilot/clusterpilot.properties" "$control/conffiles" ||
  { echo "the settings file is not a conffile" >&2; exit 1; }
echo "ok: binary, model, data, settings (conffile), unit, copyright, system user"

echo "== systemd-analyze verify"
root=$(mktemp -d)
trap 'rm -rf "$control" "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
# The unit names /usr/bin/clusterpilot; verify it against the unpacked package
# so the check needs no install on this machine.
unit="$root/lib/systemd/system/clusterpilot-serve.service"
sed -i "s|ExecStart=/usr/bin/clusterpilot|ExecStart=$root/usr/bin/clusterpilot|" "$unit"
systemd-analyze verify "$unit"
echo "ok: the unit verifies"
"$root/usr/bin/clusterpilot" --version
echo "$deb"
