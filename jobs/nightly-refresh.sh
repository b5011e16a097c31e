#!/usr/bin/env bash
# The nightly catalog refresh, for schedulers (cron, Airflow, systemd timers): jobs/submit-job.sh refresh, i.e.
# spark-submit of the job jar with org.dicomcatalog.cli.Main refresh, one run at a time, one log per run, and an
# exit status a scheduler can act on. docs/catalog.md, "Nightly refresh: operations".
#
#   jobs/nightly-refresh.sh [--log-dir DIR] [SPARK-SUBMIT-OPTION... --] --input PATH... --output CATALOG [...]
#   e.g. jobs/nightly-refresh.sh --log-dir /var/log/dicom-catalog --master yarn -- \
#            --input hdfs:///archive --output hdfs:///catalogs/main
#
# Every argument but --log-dir (default ./logs) goes to jobs/submit-job.sh refresh: spark-submit options, then
# the refresh's own (the same as build's). Before submitting, the script takes a non-blocking flock on
# DIR/nightly-refresh.lock: a run that overlaps the previous one (a slow night) exits 3 at once instead of
# queueing. spark-submit inherits the flock, so it holds until the job ends even if this script is killed. Use
# one log folder per catalog. The job itself also takes the catalog's lock (CATALOG/_lock), which guards
# against runs from other hosts and manual builds.
# Each run logs to DIR/refresh-<UTC time>.log; DIR/latest.log links to the newest one.
#
# Exit status:
#   0  a snapshot was published
#   1  the refresh failed (see the log), or flock, spark-submit or the job jar is missing
#   2  usage: the arguments are incomplete or wrong
#   3  another run holds the lock (this script's flock, or the catalog's lock): nothing was done
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage="usage: nightly-refresh.sh [--log-dir DIR] [SPARK-SUBMIT-OPTION... --] --input PATH... --output CATALOG"

log_dir=./logs
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --log-dir)
      [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
      log_dir="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
has() { printf '%s\n' ${args[@]+"${args[@]}"} | grep -qx -- "$1"; }
if ! has --input || ! has --output; then
  echo "nightly-refresh: --input and --output are required" >&2
  echo "$usage" >&2
  exit 2
fi
if ! command -v flock >/dev/null 2>&1; then
  echo "nightly-refresh: flock not found (util-linux)" >&2
  exit 1
fi

mkdir -p "$log_dir" || exit 1
lock="$log_dir/nightly-refresh.lock"
exec 9>>"$lock" || exit 1
if ! flock -n 9; then
  echo "nightly-refresh: another run holds $lock; not starting" >&2
  exit 3
fi

log="$log_dir/refresh-$(date -u +%Y%m%dT%H%M%SZ).log"
ln -sfn "$(basename "$log")" "$log_dir/latest.log"
echo "nightly-refresh: start $(date -u +%FT%TZ) on $(hostname), pid $$: ${args[*]}" >>"$log"
"$here/submit-job.sh" refresh "${args[@]}" >>"$log" 2>&1
job=$?
case "$job" in
  0|2|3) status=$job ;;
  *) status=1 ;;
esac
echo "nightly-refresh: end $(date -u +%FT%TZ): spark-submit exited $job, status $status" >>"$log"
case "$status" in
  0) ;;
  3) echo "nightly-refresh: another build or refresh holds the catalog's lock; log: $log" >&2 ;;
  *) echo "nightly-refresh: failed (status $status); log: $log" >&2 ;;
esac
exit "$status"
