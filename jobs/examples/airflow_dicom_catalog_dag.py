"""Airflow 2 DAG: the nightly DICOM catalog refresh, through jobs/nightly-refresh.sh.

The script's exit status decides the task's state (docs/catalog.md, "Nightly refresh: operations"):
  0  a snapshot was published                       -> success
  3  another run holds the lock, nothing was done   -> skipped, not retried (the running one publishes)
  1  the refresh failed                             -> failed, retried after retry_delay
  2  usage error                                    -> failed (fix the Variables; retries fail the same way)
The log of each attempt is LOG_DIR/refresh-<UTC time>.log, LOG_DIR/latest.log links to the newest.

Airflow Variables (Admin -> Variables):
  dicom_catalog_home     the project folder holding jobs/ (e.g. /opt/dicom-catalog)
  dicom_catalog_input    input paths, space-separated (e.g. "hdfs:///archive/a hdfs:///archive/b")
  dicom_catalog_output   the catalog (e.g. hdfs:///catalogs/main)
  dicom_catalog_log_dir  log folder, one per catalog (e.g. /var/log/dicom-catalog/main)
  dicom_catalog_master   spark master (optional, default yarn)
Needs Airflow >= 2.6 (BashOperator.skip_on_exit_code) and spark-submit on the worker (SPARK_HOME or PATH).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

LOCK_HELD = 3

with DAG(
    dag_id="dicom_catalog_nightly_refresh",
    schedule="15 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    # a second DAG run would only exit 3; Airflow need not even start it
    max_active_runs=1,
    default_args={
        "owner": "dicom-catalog",
        "retries": 2,
        "retry_delay": timedelta(minutes=30),
    },
    tags=["dicom-catalog"],
) as dag:
    BashOperator(
        task_id="refresh",
        bash_command=(
            "{{ var.value.dicom_catalog_home }}/jobs/nightly-refresh.sh"
            " --log-dir {{ var.value.dicom_catalog_log_dir }}"
            " --master {{ var.value.get('dicom_catalog_master', 'yarn') }}"
            " --input {{ var.value.dicom_catalog_input }}"
            " --output {{ var.value.dicom_catalog_output }}"
        ),
        # skipped, not failed: no retry of a run that found another one working
        skip_on_exit_code=LOCK_HELD,
        # longer than any refresh: a hung run is killed and retried rather than holding the lock for days
        execution_timeout=timedelta(hours=8),
    )
