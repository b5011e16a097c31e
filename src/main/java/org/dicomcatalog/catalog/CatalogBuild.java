package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds a catalog snapshot from DICOM inputs: read every file's header once, split files into instances and
 * rejects, derive series, studies and patients by {@link LevelRules}, write the Parquet tables into a new
 * snapshot, then publish it (see {@link Snapshots}) and prune old snapshots. One build or refresh per catalog
 * at a time ({@link RefreshLock}).
 */
public final class CatalogBuild {
    private static final String VARIANT_SHREDDING = "spark.sql.variant.writeShredding.enabled";
    private final SparkSession spark;
    private final CatalogConfig config;
    private final Publisher publisher;

    public CatalogBuild(SparkSession spark, CatalogConfig config) {
        this(spark, config, new CatalogPublisher(spark, config));
    }

    CatalogBuild(SparkSession spark, CatalogConfig config, Publisher publisher) {
        this.spark = spark;
        this.config = config;
        this.publisher = publisher;
    }

    /**
     * Holds the catalog's {@link RefreshLock} for the whole run and first removes what dead runs left.
     *
     * @throws LockHeldException when another build or refresh of {@code catalog} is running
     */
    public BuildReport run(List<String> inputs, String catalog) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        return underLock(catalog, hadoop, config, snapshots -> build(inputs, snapshots, hadoop));
    }

    /** A run that writes a snapshot; it must hold the catalog's lock. */
    interface LockedRun {
        BuildReport run(Snapshots snapshots) throws IOException;
    }

    /** Runs {@code body} holding the catalog's {@link RefreshLock}, after removing what dead runs left. */
    static BuildReport underLock(String catalog, Configuration hadoop, CatalogConfig config, LockedRun body)
            throws IOException {
        try (RefreshLock lock = RefreshLock.acquire(catalog, hadoop, config.lockLease())) {
            Snapshots snapshots = new Snapshots(catalog, hadoop, config.keepSnapshots());
            List<String> removed = snapshots.removeAbandoned();
            if (!removed.isEmpty()) {
                System.err.println("removed what dead runs left: " + String.join(", ", removed));
            }
            return body.run(snapshots);
        }
    }

    /** The full build, under the lock. */
    BuildReport build(List<String> inputs, Snapshots snapshots, Configuration hadoop) throws IOException {
        BuildReport report = new BuildReport();
        report.snapshotId = snapshots.newId();
        report.rootIssuers.putAll(config.rootIssuers());
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            Dataset<Row> files = reader(spark, config).load(inputs.toArray(String[]::new));
            Dataset<Row> classified = InstanceClassifier.classify(files, qualified(config.rootIssuers(), hadoop))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(classified);
            countOutcomes(classified, report);
            report.filesListed = report.instances + report.rejects;
            Map<String, Long> scan = SourceMetrics.of(classified);
            report.filesOpened = scan.getOrDefault(SourceMetrics.FILES_OPENED, 0L);
            // the source lists once, when the read is planned: a listing of its own would list twice
            report.phases("list", scan.getOrDefault(SourceMetrics.LIST_MILLIS, 0L), "read");

            writeAndPublish(classified, snapshots, report);
            return report;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** The dicom source as a build reads it. */
    static DataFrameReader reader(SparkSession spark, CatalogConfig config) {
        DataFrameReader reader = spark.read().format("dicom");
        if (config.filesPerPartition() > 0) {
            reader = reader.option("filesPerPartition", String.valueOf(config.filesPerPartition()));
        }
        return reader;
    }

    /**
     * The end of every run, from its classified files (cached, outcomes counted): write instances and rejects
     * into the new snapshot ("write"), derive and write the level tables ("derive", "write"), then make the
     * snapshot current and register it ("publish").
     */
    void writeAndPublish(Dataset<Row> classified, Snapshots snapshots, BuildReport report) throws IOException {
        report.phase("derive");
        Dataset<Row> instances = InstanceClassifier.instances(classified);
        withoutVariantShredding(() -> {
            write(CatalogTable.INSTANCES, instances, report.instances, snapshots, report);
            write(CatalogTable.REJECTS, InstanceClassifier.rejects(classified), report.rejects, snapshots, report);
        });
        report.phase("write");
        writeLevels(instances.schema(), snapshots, report);
        writeReport(snapshots, report);
        report.phase("write");
        publish(snapshots, report);
    }

    /**
     * Series, studies, patients and conflicts, derived from the instances just written, read back
     * column-pruned: the plans start from a Parquet scan of a few dozen narrow columns instead of the run's
     * whole lineage and the header of every row (docs/benchmarks.md).
     */
    private void writeLevels(StructType instanceSchema, Snapshots snapshots, BuildReport report) {
        Dataset<Row> written = spark.read().schema(instanceSchema)
                .parquet(snapshots.table(report.snapshotId, CatalogTable.INSTANCES.table).toString());
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            Map<CatalogTable, Dataset<Row>> levels = new LinkedHashMap<>();
            Dataset<Row> conflicts = null;
            for (Level level : Level.values()) {
                LevelAggregator.Result r = LevelAggregator.aggregate(level, written);
                cached.add(r.cached());
                levels.put(table(level), r.table());
                conflicts = conflicts == null ? r.conflicts() : conflicts.unionAll(r.conflicts());
            }
            levels.put(CatalogTable.CONFLICTS, conflicts);
            Map<CatalogTable, Long> counts = new LinkedHashMap<>();
            levels.forEach((table, rows) -> counts.put(table, rows.count()));
            report.conflicts = counts.get(CatalogTable.CONFLICTS);
            report.phase("derive");

            levels.forEach((table, rows) -> write(table, rows, counts.get(table), snapshots, report));
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private void publish(Snapshots snapshots, BuildReport report) throws IOException {
        try {
            publisher.publish(snapshots, report.snapshotId);
            report.registeredDatabase = config.registerDatabase();
        } catch (TableRegistration.Failed e) {
            // the snapshot is current all the same: the build reports the failure rather than failing
            report.registrationError = e.getMessage();
        }
        report.phase("publish");
        // rewritten with the publish time: informational, no reader depends on it
        writeReport(snapshots, report);
    }

    private void write(CatalogTable table, Dataset<Row> rows, long rowCount, Snapshots snapshots,
            BuildReport report) {
        report.rowsPerTable.put(table.table, rowCount);
        table.write(rows, snapshots.table(report.snapshotId, table.table).toString(), rowCount);
    }

    /**
     * Spark 4.2 shreds VARIANT columns into Parquet sub-columns inferred per file: with headers of hundreds of
     * distinct keys it made writing the 21k-file benchmark catalog 1.6 times slower in a build and 3.9 times in
     * a refresh, which reads shredded headers back too (docs/benchmarks.md). Queries use the typed columns; the
     * header stays queryable unshredded.
     */
    private void withoutVariantShredding(Runnable writes) {
        String shredding = spark.conf().get(VARIANT_SHREDDING, null);
        spark.conf().set(VARIANT_SHREDDING, "false");
        try {
            writes.run();
        } finally {
            if (shredding == null) {
                spark.conf().unset(VARIANT_SHREDDING);
            } else {
                spark.conf().set(VARIANT_SHREDDING, shredding);
            }
        }
    }

    static CatalogTable table(Level level) {
        return switch (level) {
            case SERIES -> CatalogTable.SERIES;
            case STUDIES -> CatalogTable.STUDIES;
            case PATIENTS -> CatalogTable.PATIENTS;
        };
    }

    /** Outcomes by status and reject reason, and header bytes read, in one pass over the files. */
    static void countOutcomes(Dataset<Row> classified, BuildReport report) {
        List<Row> outcomes = classified.groupBy(col("status"), col(InstanceClassifier.REASON))
                .agg(count(lit(1)), coalesce(sum(col("bytes_read")), lit(0L)))
                .collectAsList();
        for (Row o : outcomes) {
            String status = o.getString(0);
            String reason = o.getString(1);
            long n = o.getLong(2);
            report.bytesRead += o.getLong(3);
            report.byStatus.merge(status, n, Long::sum);
            if (reason == null) {
                report.instances += n;
                if ("PARTIAL".equals(status)) {
                    report.partialInstances += n;
                }
            } else {
                report.rejects += n;
                report.byReason.merge(reason, n, Long::sum);
            }
        }
    }

    static void writeReport(Snapshots snapshots, BuildReport report) throws IOException {
        snapshots.writeFile(new Path(snapshots.snapshot(report.snapshotId), "report.json"),
                report.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** Input roots as the source writes paths (scheme and authority included), so prefixes match. */
    static Map<String, String> qualified(Map<String, String> rootIssuers, Configuration hadoop)
            throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rootIssuers.entrySet()) {
            Path root = new Path(e.getKey());
            out.put(root.getFileSystem(hadoop).makeQualified(root).toString(), e.getValue());
        }
        return out;
    }
}
