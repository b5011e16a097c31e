package org.dicomcatalog.spark;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

/** The custom metrics of the dicom scan in a query that has run, as the Spark UI shows them. */
final class ScanMetrics {
    private ScanMetrics() {
    }

    static Map<String, Long> of(Dataset<?> executed) {
        BatchScanExec scan = find(executed.queryExecution().executedPlan());
        if (scan == null) {
            throw new AssertionError("no BatchScanExec in " + executed.queryExecution().executedPlan());
        }
        Map<String, Long> values = new HashMap<>();
        scala.jdk.javaapi.CollectionConverters.asJava(scan.metrics())
                .forEach((name, metric) -> values.put(name, metric.value()));
        return values;
    }

    /** The metrics that count things, i.e. all but the listing time, which differs from run to run. */
    static Map<String, Long> counts(Dataset<?> executed) {
        Map<String, Long> counts = of(executed);
        counts.remove(DicomMetrics.LIST_MILLIS);
        return counts;
    }

    private static BatchScanExec find(SparkPlan plan) {
        if (plan instanceof BatchScanExec scan) {
            return scan;
        }
        if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            return find(adaptive.executedPlan());
        }
        for (SparkPlan child : scala.jdk.javaapi.CollectionConverters.asJava(plan.children())) {
            BatchScanExec scan = find(child);
            if (scan != null) {
                return scan;
            }
        }
        return null;
    }
}
