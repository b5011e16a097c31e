#!/usr/bin/env bash
# Parquet's defaults (the catalog's) against options that spare work on the header VARIANT (issue #5): rewrites the
# instances table of a catalog's current snapshot in one Spark session, each variant once per round, and
# prints the median wall time and the bytes written (src/test/java/org/dicomcatalog/bench/InstanceWriteBenchmark.java;
# figures in docs/benchmarks.md).
#   jobs/bench/instance-write.sh CATALOG [ROUNDS]      # e.g. a catalog written by jobs/bench/catalog-build.sh
# BUILD_DIR overrides the Maven output folder (default target/).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$home/target}"
cp_file="$build/bench-classpath.txt"
if [ $# -lt 1 ]; then
  echo "usage: jobs/bench/instance-write.sh CATALOG [ROUNDS]" >&2
  exit 2
fi
catalog="$1"
rounds="${2:-3}"
table="$catalog/snapshots/$(cat "$catalog/CURRENT")/instances"
out="$(mktemp -d "${TMPDIR:-/tmp}/instance-write.XXXXXX")"
trap 'rm -rf "$out"' EXIT

echo "instance-write: building test classes (mvn test-compile)..." >&2
(cd "$home" && mvn -q -B -ntp -DskipTests "-Dbuild.dir=$build" test-compile \
    dependency:build-classpath -Dmdep.includeScope=test "-Dmdep.outputFile=$cp_file" >&2)
classpath="$build/test-classes:$build/classes:$(cat "$cp_file")"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' "$home/pom.xml")"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} $opens -Dlog4j.configurationFile="$home/conf/log4j2.properties" -cp "$classpath" \
    org.dicomcatalog.bench.InstanceWriteBenchmark "$table" "$out" "$rounds"
