#!/usr/bin/env bash
# Runs a sub-command of the job on a cluster: spark-submit of the shaded job jar (target/dicom-catalog-job.jar,
# built by mvn package) with org.dicomcatalog.cli.Main COMMAND. Needs Spark: $SPARK_HOME/bin/spark-submit, or
# spark-submit on PATH. Shared by jobs/submit-build.sh (build) and jobs/nightly-refresh.sh (refresh).
# docs/catalog.md, "On a cluster", has examples for YARN, Kubernetes and standalone.
#
#   jobs/submit-job.sh COMMAND [--master URL] [--deploy-mode client|cluster] [SPARK-SUBMIT-OPTION... --] ARGS...
#   e.g. jobs/submit-job.sh build --master spark://head:7077 --input /archive --output /catalogs/main
#        jobs/submit-job.sh refresh --master yarn --num-executors 20 -- --input hdfs:///a --output hdfs:///c
#
# --master and --deploy-mode go to spark-submit wherever they are; when the arguments hold a "--", all before
# it go to spark-submit too. The rest are the arguments of COMMAND (--input, --output, --set NAME=VALUE...).
# Without --master the master is spark.master of the properties file, else spark-submit's default (local[*]).
# The job keeps the master spark-submit gives unless catalog.properties or the command's own --master names one.
# The exit status is spark-submit's: in client mode the job's own (0 published, 2 usage, 3 another run holds the
# catalog's lock, 1 failed).
#
# Environment:
#   SPARK_HOME         Spark install whose bin/spark-submit is used (else spark-submit from PATH)
#   DICOMCATALOG_CONF  conf folder (default: the project's conf/): spark-defaults.conf is the properties file,
#                      catalog.properties and log4j2.properties go with --files
#   DICOMCATALOG_JAR   the job jar (default: target/dicom-catalog-job.jar, built with mvn package if missing)
#   JAVA_OPTS          JVM options of the driver (e.g. -Xss4m -Dsome.property=x; heap: --driver-memory), after
#                      the properties file's spark.driver.extraJavaOptions (--driver-java-options replaces that
#                      property, so this script passes both)
#   SPARK_SUBMIT_OPTS  JVM options of the spark-submit JVM itself, honoured by spark-submit as usual
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: submit-job.sh COMMAND [SPARK-SUBMIT-OPTIONS... --] ARGS..." >&2; exit 2; }
subcommand="$1"
shift
me="submit-$subcommand"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
conf="$(cd "${DICOMCATALOG_CONF:-$home/conf}" && pwd)"
jar="${DICOMCATALOG_JAR:-$home/target/dicom-catalog-job.jar}"

if [ -n "${SPARK_HOME:-}" ]; then
  submit="$SPARK_HOME/bin/spark-submit"
  if [ ! -x "$submit" ]; then
    echo "$me: SPARK_HOME=$SPARK_HOME has no executable bin/spark-submit" >&2
    exit 1
  fi
elif command -v spark-submit >/dev/null 2>&1; then
  submit="$(command -v spark-submit)"
else
  echo "$me: spark-submit not found: set SPARK_HOME to a Spark 4.2 install or put its bin/ on PATH" >&2
  echo "  (on one machine without Spark installed, use jobs/dicom-catalog $subcommand instead)" >&2
  exit 1
fi

if [ ! -f "$jar" ]; then
  if [ -n "${DICOMCATALOG_JAR:-}" ]; then
    echo "$me: no job jar at $jar" >&2
    exit 1
  fi
  echo "$me: building the job jar (mvn package)..." >&2
  (cd "$home" && mvn -q -B -ntp -DskipTests package >&2)
fi

submit_args=()
job_args=()
deploy_mode=client
if printf '%s\n' "$@" | grep -qx -- '--'; then
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do submit_args+=("$1"); shift; done
  shift
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --master|--deploy-mode)
      [ $# -ge 2 ] || { echo "$me: $1 needs a value" >&2; exit 2; }
      submit_args+=("$1" "$2"); shift 2 ;;
    *) job_args+=("$1"); shift ;;
  esac
done
for ((i = 0; i < ${#submit_args[@]}; i++)); do
  if [ "${submit_args[$i]}" = "--deploy-mode" ]; then deploy_mode="${submit_args[$((i + 1))]:-client}"; fi
done

# client mode: the driver runs here and reads the conf folder itself; cluster mode: it runs in the cluster,
# in a working directory holding the --files
if [ "$deploy_mode" = cluster ]; then driver_conf="."; else driver_conf="$conf"; fi
driver_opts="$(sed -n 's/^[[:space:]]*spark\.driver\.extraJavaOptions[[:space:]=:]*//p' "$conf/spark-defaults.conf" \
  2>/dev/null | tail -n 1 || true)"
files="$conf/catalog.properties,$conf/log4j2.properties"
[ -f "$conf/catalog.properties" ] || files="$conf/log4j2.properties"

exec "$submit" \
  --class org.dicomcatalog.cli.Main \
  --properties-file "$conf/spark-defaults.conf" \
  --files "$files" \
  --driver-java-options "$driver_opts ${JAVA_OPTS:-} -Ddicomcatalog.conf=$driver_conf -Dlog4j.configurationFile=$driver_conf/log4j2.properties" \
  ${submit_args[@]+"${submit_args[@]}"} \
  "$jar" "$subcommand" ${job_args[@]+"${job_args[@]}"}
