#!/usr/bin/env bash
# Runs one libFuzzer target: replays the inputs that once crashed it (fuzz/regressions/KIND/),
# then fuzzes for SECONDS on a corpus seeded from tests/data/ and matrices/, kept in the
# build folder so that later runs start from what earlier ones found.
#   bash fuzz/run_fuzzer.sh FUZZER KIND SECONDS [libFuzzer options...]
# KIND is markdown, yaml or letters. A crash leaves its input in the build folder's
# fuzz-work/KIND/artifacts/ and fails.
set -euo pipefail
fuzzer=$1 kind=$2 seconds=$3
shift 3
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz_dir")
work=$(dirname "$fuzzer")/fuzz-work/$kind
mkdir -p "$work/corpus" "$work/artifacts"

case $kind in
  markdown) seeds=("$root"/tests/data/pages/*.md "$root"/tests/data/bad/*.md "$root"/matrices/*.md) ;;
  yaml) seeds=("$root"/tests/data/yaml/*.yaml "$root"/tests/data/check/*.yaml "$root"/tests/data/bad/*.yaml
               "$root"/matrices/*.yaml "$root"/src/data/*.yaml) ;;
  letters) seeds=() ;;
  *) echo "run_fuzzer.sh: unknown kind $kind" >&2; exit 2 ;;
esac
for seed in "${seeds[@]}"; do
  cp "$seed" "$work/corpus/seed-$(basename "$(dirname "$seed")")-$(basename "$seed")"
done
if [ "$kind" = letters ]; then
  for cell in A/R R a/r/c/i C I - RA "A, C" "r + i"; do printf '%s' "$cell" > "$work/corpus/seed-$(printf '%s' "$cell" | md5sum | cut -c1-8)"; done
fi

regressions=("$fuzz_dir/regressions/$kind"/*)
if [ -e "${regressions[0]}" ]; then
  echo "$kind: replaying ${#regressions[@]} regression inputs"
  "$fuzzer" "${regressions[@]}"
fi
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
  -dict="$fuzz_dir/$kind.dict" -artifact_prefix="$work/artifacts/" "$@" "$work/corpus"
