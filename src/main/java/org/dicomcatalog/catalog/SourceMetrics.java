package org.dicomcatalog.catalog;

import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The metrics of the dicom source's scan (docs/spark-source.md, Metrics) once a cached data set has been
 * computed: the scan sits in the cache's own plan, behind adaptive execution's query stages. Summed by name.
 */
final class SourceMetrics {
    static final String LIST_MILLIS = "listMillis";
    static final String FILES_OPENED = "filesOpened";

    private SourceMetrics() {
    }

    static Map<String, Long> of(Dataset<?> cached) {
        Map<String, Long> values = new TreeMap<>();
        collect(cached.queryExecution().executedPlan(), values);
        return values;
    }

    private static void collect(SparkPlan plan, Map<String, Long> values) {
        if (plan instanceof BatchScanExec scan && scan.metrics().contains(FILES_OPENED)) {
            CollectionConverters.asJava(scan.metrics()).forEach((n, m) -> values.merge(n, m.value(), Long::sum));
        } else if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            collect(adaptive.executedPlan(), values);
        } else if (plan instanceof QueryStageExec stage) {
            collect(stage.plan(), values);
        } else if (plan instanceof InMemoryTableScanExec cache) {
            collect(cache.relation().cachedPlan(), values);
        } else {
            CollectionConverters.asJava(plan.children()).forEach(child -> collect(child, values));
        }
    }
}
