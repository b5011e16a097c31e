#!/usr/bin/env bash
# Builds a catalog on a cluster: jobs/submit-job.sh build, i.e. spark-submit of the shaded job jar with
# org.dicomcatalog.cli.Main build. Options, environment and exit status: jobs/submit-job.sh.
#
#   jobs/submit-build.sh [--master URL] [--deploy-mode client|cluster] [SPARK-SUBMIT-OPTION... --] BUILD-ARGS...
#   e.g. jobs/submit-build.sh --master spark://head:7077 --input /archive --output /catalogs/main
#        jobs/submit-build.sh --master yarn --num-executors 20 --executor-memory 4g -- --input hdfs:///a --output hdfs:///c
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/submit-job.sh" build "$@"
