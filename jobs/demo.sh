#!/usr/bin/env bash
# End-to-end demo on one machine (Spark local mode): build the project if needed, generate a sample
# archive, build the catalog, print the build summary and three cohort queries.
#   jobs/demo.sh [WORK_DIR]        (default: ./demo; reruns reuse the archive and publish a new snapshot)
# Honours JAVA_OPTS like every launcher in jobs/.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$PWD/demo}"
cli="$home/jobs/dicom-catalog"

if [ ! -d "$work/sample/archive" ] || [ -z "$(ls -A "$work/sample/archive" 2>/dev/null)" ]; then
  echo "== generating a sample archive in $work/sample"
  "$cli" sample --out "$work/sample" --patients 30 --seed 42 --pixels sparse
fi

echo "== building the catalog in $work/catalog"
"$cli" build --input "$work/sample/archive" --output "$work/catalog"

echo "== modality counts (series and instances)"
"$cli" sql --catalog "$work/catalog" -e \
  "SELECT Modality, count(*) AS series, sum(number_of_instances) AS instances FROM series GROUP BY Modality ORDER BY series DESC"
echo "== body-part counts (series)"
"$cli" sql --catalog "$work/catalog" -e \
  "SELECT coalesce(BodyPartExamined, '(none)') AS body_part, count(*) AS series FROM series GROUP BY 1 ORDER BY series DESC"
echo "== studies per year"
"$cli" sql --catalog "$work/catalog" -e \
  "SELECT study_year, count(*) AS studies FROM studies GROUP BY study_year ORDER BY study_year"
