#!/usr/bin/env bash
# Issue #3 proof: the Spark `dicom` source against `binaryFile` + the header reader and against a plain
# open / read 64 KiB / close loop (the I/O limit), one run, one archive, one Spark session
# (src/test/java/org/dicomcatalog/bench/SourceBenchmark.java; figures in docs/benchmarks.md).
#   jobs/bench/spark-source.sh                                  # N=40 full-pixel archive, 3 rounds, warm + cold
#   jobs/bench/spark-source.sh --patients 10 --repeat 1         # a quick look
#   jobs/bench/spark-source.sh --dir /data/bench --fpp 64,1024  # archive kept in /data/bench; extra rows
#   jobs/bench/spark-source.sh --warm-only                      # no page cache drop between runs
# Options: --patients N (40), --seed S (42), --repeat R (3), --dir DIR (sample dir, default
# ${TMPDIR:-/tmp}/dicom-bench-N<N>-S<S>; generated with `sample --pixels full` when DIR/archive is missing),
# --fpp LIST (extra rows of the dicom source with these filesPerPartition values, warm only), --io-threads LIST
# (extra rows with these ioThreads values, warm and cold), --latency-ms N (rows reading through a file system
# that waits N ms before each open, an object store stand-in, with ioThreads 1 and the --io-threads values),
# --listing-threads LIST (extra rows, warm and cold, of the source and of its listing-only query with these
# listingThreads values), --warm-only,
# Cold rounds need root (`sync; echo 3 > /proc/sys/vm/drop_caches`); without it they are reported as skipped.
# BUILD_DIR overrides the Maven output folder (default target/), so parallel builds do not collide;
# JAVA_OPTS is passed to the benchmark JVM (default -Xmx4g: binaryFile holds whole files in memory).
# Never run by `mvn test`: surefire excludes the bench package.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$home/target}"
cp_file="$build/bench-classpath.txt"

patients=40
seed=42
repeat=3
dir=""
fpp=""
io_threads=""
listing_threads=""
latency=""
cold="--cold"
while [ $# -gt 0 ]; do
  case "$1" in
    --patients) patients="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --fpp) fpp="$2"; shift 2 ;;
    --io-threads) io_threads="$2"; shift 2 ;;
    --listing-threads) listing_threads="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --warm-only) cold=""; shift ;;
    *) echo "spark-source: unknown option $1" >&2
       echo "usage: jobs/bench/spark-source.sh [--patients N] [--seed S] [--repeat R] [--dir DIR] [--fpp N,M] [--io-threads N,M] [--listing-threads N,M] [--latency-ms N] [--warm-only]" >&2
       exit 2 ;;
  esac
done
dir="${dir:-${TMPDIR:-/tmp}/dicom-bench-N$patients-S$seed}"

echo "spark-source: building test classes (mvn test-compile)..." >&2
(cd "$home" && mvn -q -B -ntp -DskipTests "-Dbuild.dir=$build" test-compile \
    dependency:build-classpath -Dmdep.includeScope=test "-Dmdep.outputFile=$cp_file" >&2)
classpath="$build/test-classes:$build/classes:$(cat "$cp_file")"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' "$home/pom.xml")"

if [ ! -f "$dir/ground-truth/summary.json" ]; then
  echo "spark-source: generating a full-pixel sample archive (N=$patients, seed $seed) in $dir..." >&2
  java -cp "$classpath" org.dicomcatalog.cli.Main sample --out "$dir" --patients "$patients" --seed "$seed" \
      --pixels full
fi
echo "spark-source: archive $dir/archive: $(find "$dir/archive" -type f | wc -l) files, $(du -sh "$dir/archive" | cut -f1)" >&2
echo "spark-source: load before the run: $(uptime)" >&2

args=(--archive "$dir/archive" --repeat "$repeat" --truth "$dir/ground-truth")
[ -n "$cold" ] && args+=("$cold")
[ -n "$fpp" ] && args+=(--fpp "$fpp")
[ -n "$io_threads" ] && args+=(--io-threads "$io_threads")
[ -n "$listing_threads" ] && args+=(--listing-threads "$listing_threads")
[ -n "$latency" ] && args+=(--latency-ms "$latency")
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx4g} $opens -Dlog4j.configurationFile="$home/conf/log4j2.properties" -cp "$classpath" \
    org.dicomcatalog.bench.SourceBenchmark "${args[@]}"
echo "spark-source: load after the run: $(uptime)" >&2
