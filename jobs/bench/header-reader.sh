#!/usr/bin/env bash
# JMH benchmark of the DICOM header reader (src/test/java/org/dicomcatalog/bench/HeaderReadBenchmark.java).
# Builds the test classes first (works from a fresh clone), then runs JMH; arguments go to JMH, e.g.
#   jobs/bench/header-reader.sh                      # all five benchmarks, ~2 minutes
#   jobs/bench/header-reader.sh -prof gc             # with allocation rates
#   jobs/bench/header-reader.sh 'header.*Memory'     # a subset: a regexp on the method names
#   jobs/bench/header-reader.sh --fixture            # describe the CT fixture and exit
#   jobs/bench/header-reader.sh --cpu-time           # cross-check: ops per thread CPU-second (busy machines)
# BUILD_DIR overrides the Maven output folder (default target/), so parallel builds do not collide.
# Never run by `mvn test`: the benchmark classes are not tests, and surefire excludes the bench package.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$home/target}"
cp_file="$build/bench-classpath.txt"

echo "header-reader: building test classes (mvn test-compile)..." >&2
(cd "$home" && mvn -q -B -ntp -DskipTests "-Dbuild.dir=$build" test-compile \
    dependency:build-classpath -Dmdep.includeScope=test "-Dmdep.outputFile=$cp_file" >&2)

if [ ! -s "$build/test-classes/META-INF/BenchmarkList" ]; then
  echo "header-reader: $build/test-classes/META-INF/BenchmarkList is missing: the JMH annotation processor did not run" >&2
  exit 1
fi

if [ "${1:-}" = "--fixture" ] || [ "${1:-}" = "--cpu-time" ]; then
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -cp "$build/test-classes:$build/classes:$(cat "$cp_file")" \
      org.dicomcatalog.bench.BenchmarkMain "$1"
fi
# a first argument that is not an option selects benchmark methods (a regexp), e.g. 'headerFromMemory$'
pattern="HeaderReadBenchmark"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  pattern="HeaderReadBenchmark\.$1"
  shift
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$build/test-classes:$build/classes:$(cat "$cp_file")" \
    org.openjdk.jmh.Main "$pattern" "$@"
