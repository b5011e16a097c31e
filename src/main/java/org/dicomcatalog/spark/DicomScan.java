package org.dicomcatalog.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** The pruned read: its schema, and a batch that plans it. */
final class DicomScan implements Scan {
    private final StructType readSchema;
    private final DicomOptions options;
    private final ReadPlan plan;
    private volatile long filesListed;
    private volatile long listMillis;
    private DicomBatch batch;

    DicomScan(StructType readSchema, DicomOptions options, ReadPlan plan) {
        this.readSchema = readSchema;
        this.options = options;
        this.plan = plan;
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        return "DicomScan " + options.describeInput() + " columns=" + plan.columns().size()
                + " opensFiles=" + plan.opensFiles();
    }

    /**
     * One batch per scan, as Spark's file scans do: Spark asks again for each copy of the physical plan
     * (two per query), and a new batch would list the files again.
     */
    @Override
    public synchronized Batch toBatch() {
        if (batch == null) {
            batch = new DicomBatch(SparkSession.active(), options, plan, (files, millis) -> {
                filesListed = files;
                listMillis = millis;
            });
        }
        return batch;
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return DicomMetrics.supported();
    }

    /** Spark asks once the batch has planned its partitions, i.e. listed the files. */
    @Override
    public CustomTaskMetric[] reportDriverMetrics() {
        return new CustomTaskMetric[] {
            new DicomMetrics.TaskValue(DicomMetrics.FILES_LISTED, filesListed),
            new DicomMetrics.TaskValue(DicomMetrics.LIST_MILLIS, listMillis)};
    }
}
