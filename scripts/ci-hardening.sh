#!/usr/bin/env bash
# The hardening half of CI (.ci/run runs it after the README's test command): each libFuzzer
# target for RACI_FUZZ_SECONDS (default 60) after replaying its regression inputs, then the
# whole test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer. Needs
# what `bash scripts/setup.sh test` installs (clang, its libFuzzer runtime). Exits non-zero
# on any failure; ends with the sanitizer suite's CTest summary.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "ci: fuzzing, each target for ${RACI_FUZZ_SECONDS:-60} s"
CXX=clang++ CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DRACI_FUZZ=ON -DRACI_FUZZ_SECONDS="${RACI_FUZZ_SECONDS:-60}"
cmake --build build-fuzz -j"$jobs"
ctest --test-dir build-fuzz/fuzz --output-on-failure

echo "ci: the test suite under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DRACI_SANITIZE=ON
cmake --build build-asan -j"$jobs"
cd build-asan
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs"
