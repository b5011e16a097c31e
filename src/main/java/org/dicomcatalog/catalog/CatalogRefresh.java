package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dicomcatalog.spark.DicomFileList;
import org.dicomcatalog.spark.DicomFileList.Entry;

/**
 * The nightly refresh: list the archive, diff it against the published snapshot ({@link FileDiff}), open only
 * new, changed and retried files, carry every other file's row over unparsed, classify again the files that
 * share a SOP Instance UID with a changed one, then write, derive the levels and publish a complete snapshot
 * as a build does. Without a usable snapshot it is a full build.
 */
public final class CatalogRefresh {
    private static final String SOP = "SOPInstanceUID";

    private final SparkSession spark;
    private final CatalogConfig config;
    /** A refresh ends like a build, and falls back to one when it cannot refresh. */
    private final CatalogBuild build;

    public CatalogRefresh(SparkSession spark, CatalogConfig config) {
        this(spark, config, new CatalogPublisher(spark, config));
    }

    CatalogRefresh(SparkSession spark, CatalogConfig config, Publisher publisher) {
        this.spark = spark;
        this.config = config;
        this.build = new CatalogBuild(spark, config, publisher);
    }

    /** @throws LockHeldException when another build or refresh of {@code catalog} is running */
    public BuildReport run(List<String> inputs, String catalog) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        return CatalogBuild.underLock(catalog, hadoop, config, snapshots -> refresh(inputs, snapshots, hadoop));
    }

    private BuildReport refresh(List<String> inputs, Snapshots snapshots, Configuration hadoop) throws IOException {
        StructType files = source(inputs.toArray(String[]::new)).schema();
        Optional<PriorSnapshot> prior = PriorSnapshot.current(spark, snapshots);
        Optional<String> fullBuild = prior.isEmpty() ? Optional.of("no published snapshot")
                : prior.get().incompatibility(config.rootIssuers(), files);
        if (fullBuild.isPresent()) {
            BuildReport report = build.build(inputs, snapshots, hadoop);
            report.mode = "full build: " + fullBuild.get();
            return report;
        }
        return new Run(inputs, snapshots, prior.get(), files, CatalogBuild.qualified(config.rootIssuers(), hadoop))
                .refresh();
    }

    private DataFrameReader reader() {
        return CatalogBuild.reader(spark, config);
    }

    private Dataset<Row> source(String... inputs) {
        return reader().load(inputs);
    }

    /** One refresh's state: what it cached, where it keeps its work files. */
    private final class Run {
        private final List<String> inputs;
        private final Snapshots snapshots;
        private final PriorSnapshot prior;
        private final StructType files;
        private final Map<String, String> roots;
        private final BuildReport report = new BuildReport();
        private final List<Dataset<Row>> cached = new ArrayList<>();
        private long bytesRead;

        Run(List<String> inputs, Snapshots snapshots, PriorSnapshot prior, StructType files,
                Map<String, String> roots) {
            this.inputs = inputs;
            this.snapshots = snapshots;
            this.prior = prior;
            this.files = files;
            this.roots = roots;
        }

        BuildReport refresh() throws IOException {
            report.snapshotId = snapshots.newId();
            report.mode = "refresh of " + prior.id();
            report.rootIssuers.putAll(config.rootIssuers());
            long settleCutoff = System.currentTimeMillis() - config.settleSeconds() * 1000L;
            try {
                List<Entry> listing = listing();
                report.filesListed = listing.size();
                report.phase("list");

                Dataset<Row> priorFiles = prior.files(classifiedSchema());
                FileDiff diff = FileDiff.of(listing, priorFiles(priorFiles), settleCutoff);
                report.refresh = new LinkedHashMap<>(diff.counts());
                report.phase("diff");

                Dataset<Row> stable = readStable(diff.toRead());
                report.phase("read");

                build.writeAndPublish(classify(priorFiles, paths(diff.deleted()), stable), snapshots, report);
                return report;
            } finally {
                cached.forEach(Dataset::unpersist);
                snapshots.deleteWork();
            }
        }

        /** The files to read, opened once; minus those that changed while they were read (next run's). */
        private Dataset<Row> readStable(List<Entry> toRead) throws IOException {
            if (toRead.isEmpty()) {
                report.refresh.put("opened", 0L);
                report.refresh.put("changed_during_read", 0L);
                return spark.createDataFrame(List.of(), files);
            }
            Path list = new Path(snapshots.work(report.snapshotId), "read.jsonl");
            DicomFileList.write(toRead, list, spark.sparkContext().hadoopConfiguration());
            Dataset<Row> read = cache(reader().option("fileList", list.toString()).load());
            long opened = read.count();
            bytesRead = read.agg(coalesce(sum(col("bytes_read")), lit(0L))).first().getLong(0);
            // listed again after reading: a file whose size or time moved since the first listing was being written
            List<String> changed = FileDiff.changedWhileRead(toRead, listing());
            report.refresh.put("opened", opened);
            report.filesOpened = opened;
            report.refresh.put("changed_during_read", (long) changed.size());
            return changed.isEmpty() ? read : cache(read.join(paths(changed), new String[] {"path"}, "left_anti"));
        }

        /**
         * Every file of the new snapshot, classified, cached and counted. {@code deleted}: previous paths no
         * longer listed; their rows go, and so do the previous rows of the files read again ({@code stable}).
         */
        private Dataset<Row> classify(Dataset<Row> priorFiles, Dataset<Row> deleted, Dataset<Row> stable) {
            Dataset<Row> gone = materialized(deleted.union(stable.select(col("path"))));
            Dataset<Row> removed = priorFiles.join(gone, new String[] {"path"}, "left_semi");
            Dataset<Row> carried = priorFiles.join(gone, new String[] {"path"}, "left_anti");
            // a new or removed copy of a SOP instance can change which file of that UID is the instance
            Dataset<Row> touchedUids = materialized(
                    stable.select(col(SOP)).union(removed.select(col(SOP))).na().drop().distinct());
            Dataset<Row> reclassified = InstanceClassifier.classify(
                    carried.join(touchedUids, new String[] {SOP}, "left_semi")
                            .drop(Identity.ISSUER, InstanceClassifier.REASON).unionByName(stable), roots);
            Dataset<Row> classified = cache(carried.join(touchedUids, new String[] {SOP}, "left_anti")
                    .unionByName(reclassified));
            CatalogBuild.countOutcomes(classified, report);
            // countOutcomes sums what was read for every file of the catalog; this run read only its own
            report.bytesRead = bytesRead;
            report.refresh.put("carried_over", report.instances + report.rejects - stable.count());
            return classified;
        }

        /** Every file under the inputs, as the source lists them, listed on the driver. */
        private List<Entry> listing() throws IOException {
            return DicomFileList.list(spark, Map.of(), inputs);
        }

        /** The previous snapshot's files, streamed to the driver a partition at a time, four columns each. */
        private Iterator<FileDiff.PriorFile> priorFiles(Dataset<Row> priorFiles) {
            Iterable<Row> rows = () -> priorFiles.select(col("path"), col("file_size"),
                    unix_millis(col("modification_time")), col(InstanceClassifier.REASON)).toLocalIterator();
            return StreamSupport.stream(rows.spliterator(), false)
                    .map(r -> new FileDiff.PriorFile(r.getString(0), r.getLong(1), r.getLong(2), r.getString(3)))
                    .iterator();
        }

        /** A one-column ("path") table of these paths. */
        private Dataset<Row> paths(List<String> paths) {
            return spark.createDataset(paths, Encoders.STRING()).toDF("path");
        }

        private StructType classifiedSchema() {
            return InstanceClassifier.classify(spark.createDataFrame(List.of(), files), roots).schema();
        }

        /**
         * Cached and computed now: the planner then knows its true size and broadcasts it into the joins with
         * the whole catalog when it is small (a night's changes), instead of shuffling every carried-over row.
         */
        private Dataset<Row> materialized(Dataset<Row> rows) {
            Dataset<Row> cachedRows = cache(rows);
            cachedRows.count();
            return cachedRows;
        }

        private Dataset<Row> cache(Dataset<Row> rows) {
            Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(persisted);
            return persisted;
        }
    }
}
