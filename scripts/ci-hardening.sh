#!/usr/bin/env bash
# NOT YET RUN BY CI (issue #5): the extended CI that also fuzzes each target and runs the whole
# suite under AddressSanitizer and UndefinedBehaviorSanitizer. Verify it end to end, then make
# .ci/run this script.
# CI: the README's test command on a clean clone, then each fuzzer for RACI_FUZZ_SECONDS
# (default 60), then the whole test suite again built with AddressSanitizer and
# UndefinedBehaviorSanitizer. Exits non-zero on any failure; every step ends with CTest's
# summary, the sanitizer suite's last.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
jobs=$(nproc)

echo "ci: fuzzing, each target for ${RACI_FUZZ_SECONDS:-60} s"
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DRACI_FUZZ=ON \
  -DRACI_FUZZ_SECONDS="${RACI_FUZZ_SECONDS:-60}"
cmake --build build-fuzz -j"$jobs"
ctest --test-dir build-fuzz/fuzz --output-on-failure -j"$jobs"

echo "ci: the test suite under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DRACI_SANITIZE=ON
cmake --build build-asan -j"$jobs"
cd build-asan
UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs"
