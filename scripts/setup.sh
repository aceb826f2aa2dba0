#!/usr/bin/env bash
# One-step set-up from a fresh clone, safe to run again.
#   bash scripts/setup.sh run    install missing packages, build, export matrices/ into output/
#   bash scripts/setup.sh test   install missing packages, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
case "$mode" in
  run | test) ;;
  *) echo "usage: bash scripts/setup.sh run|test" >&2; exit 2 ;;
esac

# Every dependency is a Debian package.
packages=(
  cmake g++ make pkg-config
  libxlsxwriter-dev libyaml-cpp-dev libboost-program-options-dev libfmt-dev
  libcmark-dev libstemmer-dev nlohmann-json3-dev libmimalloc-dev
  libgtest-dev python3
)
# Tests only: openpyxl to read the workbook back, LibreOffice to open it; clang and its
# libFuzzer runtime for the fuzzers that .ci/run runs.
if [ "$mode" = test ]; then
  packages+=(python3-openpyxl libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils
             clang libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
# The run command builds the tool alone; the test command adds the test programs.
testing=$([ "$mode" = test ] && echo ON || echo OFF)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING="$testing"
cmake --build build -j"$jobs"

if [ "$mode" = run ]; then
  ./build/raci export matrices -o output
  ls -l output
else
  cd build
  ctest --output-on-failure -j"$jobs"
fi
