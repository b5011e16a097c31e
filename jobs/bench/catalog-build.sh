#!/usr/bin/env bash
# Issues #4 and #5 proof: a full catalog build of a generated archive (>= 20,000 files), then a nightly refresh
# after 1% of the files changed, then a full build of the changed archive, in one run, on one machine
# (jobs/dicom-catalog, Spark local mode). Prints each run's summary (time per phase in ms) and the ratios;
# figures are in docs/benchmarks.md.
#   jobs/bench/catalog-build.sh                              # N=400 patients (21,108 files), seed 7
#   jobs/bench/catalog-build.sh --patients 40 --dir /tmp/b   # a quick look (2,229 files)
# Options: --patients N (400), --seed S (7), --dir DIR (default ${TMPDIR:-/tmp}/dicom-catalog-bench-N<N>-S<S>;
# the archive is generated there with `sample --pixels sparse` and changed in place, so a second run starts
# with a fresh copy of it), --master URL (local[*]).
# The 1% change, deterministic: of every 100th file (sorted by path) one in three is rewritten with a new
# modification time (CHANGED), one in three deleted, one in three copied to a new path (NEW).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
patients=400
seed=7
dir=""
master="local[*]"
while [ $# -gt 0 ]; do
  case "$1" in
    --patients) patients="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    *) echo "catalog-build: unknown option $1" >&2
       echo "usage: jobs/bench/catalog-build.sh [--patients N] [--seed S] [--dir DIR] [--master URL]" >&2
       exit 2 ;;
  esac
done
dir="${dir:-${TMPDIR:-/tmp}/dicom-catalog-bench-N$patients-S$seed}"
cli="$home/jobs/dicom-catalog"

rm -rf "$dir/archive" "$dir/ground-truth" "$dir/catalog" "$dir/catalog-rebuilt" "$dir/prime"
echo "catalog-build: generating the archive (N=$patients, seed $seed, sparse pixels) in $dir..." >&2
"$cli" sample --out "$dir" --patients "$patients" --seed "$seed" --pixels sparse >&2
archive="$dir/archive"
files=$(find "$archive" -type f | wc -l)

# Every file dated an hour ago: the refresh's settle window (settleSeconds=0 here anyway) is not measured.
find "$archive" -type f -exec touch -d '1 hour ago' {} +

run() { # name command...: runs a catalog command, prints its summary, records its wall time in ms
  local name="$1"; shift
  local start end
  start=$(date +%s%N)
  "$cli" "$@" --master "$master" --set settleSeconds=0 > "$dir/$name.out"
  end=$(date +%s%N)
  eval "${name}_ms=$(( (end - start) / 1000000 ))"
  echo "== $name: $(( (end - start) / 1000000 )) ms wall (JVM start included)"
  cat "$dir/$name.out"
}

# The launcher archives a command's classes on its first run with the current jars (jobs/dicom-catalog): that
# run takes longer, later ones start faster. Both commands run once on a one-patient archive first, so that no
# timed run pays it.
echo "catalog-build: priming the launcher on a one-patient archive..." >&2
rm -rf "$dir/prime"
"$cli" sample --out "$dir/prime" --patients 1 --seed "$seed" --pixels sparse >&2
for command in build refresh; do
  "$cli" "$command" --input "$dir/prime/archive" --output "$dir/prime/catalog" --master "$master" > /dev/null
done
run build build --input "$archive" --output "$dir/catalog"

i=0
changed=0; deleted=0; added=0
while IFS= read -r f; do
  i=$((i + 1))
  [ $((i % 100)) -eq 0 ] || continue
  case $(( (i / 100) % 3 )) in
    0) touch "$f"; changed=$((changed + 1)) ;;
    1) rm "$f"; deleted=$((deleted + 1)) ;;
    2) cp -p "$f" "$f.copy"; touch "$f.copy"; added=$((added + 1)) ;;
  esac
done < <(find "$archive" -type f | LC_ALL=C sort)
echo "== changed the archive: $changed rewritten, $deleted deleted, $added new (of $files files)"

run refresh refresh --input "$archive" --output "$dir/catalog"
run rebuild build --input "$archive" --output "$dir/catalog-rebuilt"

echo "== files $files; build ${build_ms} ms; refresh after 1% changed ${refresh_ms} ms; full build of the" \
     "changed archive ${rebuild_ms} ms; refresh / full build = $(awk "BEGIN { printf \"%.3f\", $refresh_ms / $rebuild_ms }")"
