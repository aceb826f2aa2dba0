#!/bin/bash
# Compares `raci export` with the Python baseline on synthetic catalogues, one after the other:
# wall time and peak memory of each (GNU time -v), their ratios, and whether every planted
# near-duplicate pair is in raci's x.overlaps.csv.
#
#   bench/run.sh                  # the reference sizes: 100x100 (10,000 duties), 1000x100 (100,000)
#   bench/run.sh 20 100           # any ROLES DUTIES_PER_ROLE pairs
#
# Environment: RACI (the binary, default build/raci), RACI_BENCH_SHARED (the folder with
# gen_catalog.py and peer_raci.py, default ../shared/bench beside the repository),
# RACI_BENCH_DIR (where catalogues and outputs go, default a fresh temporary folder).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${RACI_BENCH_SHARED:-$(cd "$repo/.." && pwd)/shared/bench}
raci=${RACI:-$repo/build/raci}
python=/usr/bin/python3
work=${RACI_BENCH_DIR:-$(mktemp -d /tmp/raci-bench.XXXXXX)}

for need in "$shared/gen_catalog.py" "$shared/peer_raci.py" "$raci" /usr/bin/time; do
  [[ -e $need ]] || { echo "bench/run.sh: missing $need" >&2; exit 2; }
done
if (($# % 2)); then echo "usage: bench/run.sh [ROLES DUTIES_PER_ROLE]..." >&2; exit 2; fi
sizes=("$@")
((${#sizes[@]})) || sizes=(100 100 1000 100)
mkdir -p "$work"

# "SECONDS KILOBYTES" of a `/usr/bin/time -v` report.
measured() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.2f %d\n", s, kb }' "$1"
}

rows=()
for ((i = 0; i < ${#sizes[@]}; i += 2)); do
  roles=${sizes[i]} per_role=${sizes[i + 1]}
  name=catalogue-${roles}x${per_role}
  yaml=$work/$name.yaml planted=$work/$name.planted.tsv
  echo "== $name: generating" >&2
  "$python" "$shared/gen_catalog.py" "$roles" "$per_role" "$yaml" "$planted"
  duties=$((roles * per_role))

  echo "== $name: raci export" >&2
  rm -rf "$work/raci-$name"
  /usr/bin/time -v -o "$work/raci-$name.time" "$raci" export --quiet "$yaml" -o "$work/raci-$name" >&2
  read -r raci_s raci_kb < <(measured "$work/raci-$name.time")

  echo "== $name: peer_raci.py" >&2
  rm -rf "$work/peer-$name"
  /usr/bin/time -v -o "$work/peer-$name.time" "$python" "$shared/peer_raci.py" "$yaml" "$work/peer-$name" >&2
  read -r peer_s peer_kb < <(measured "$work/peer-$name.time")

  read -r found total < <("$python" "$here/planted_found.py" "$planted" "$work/raci-$name/$name.overlaps.csv" || true)
  rows+=("$(awk -v n="$name" -v d="$duties" -v rs="$raci_s" -v rk="$raci_kb" -v ps="$peer_s" -v pk="$peer_kb" \
    -v f="$found" -v t="$total" 'BEGIN {
      printf "| %s | %d | %.2f s | %.0f MB | %.2f s | %.0f MB | %.1fx | %.2f | %d of %d |",
             n, d, rs, rk / 1024, ps, pk / 1024, (rs > 0 ? ps / rs : 0), (pk > 0 ? rk / pk : 0), f, t }')")
done

echo
echo "| catalogue | duties | raci wall | raci peak | baseline wall | baseline peak | speed-up | memory ratio | planted pairs found |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "(raci export writes the workbook and the CSVs; the baseline is $shared/peer_raci.py;" \
  "memory ratio = raci peak / baseline peak; outputs in $work)"
