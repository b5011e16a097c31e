package org.dicomcatalog.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The published snapshot a refresh starts from. Its tables are read with the schemas this build would
 * write (partition columns included), so they union with freshly derived rows column for column.
 */
final class PriorSnapshot {
    private final SparkSession spark;
    private final Snapshots snapshots;
    private final String id;

    private PriorSnapshot(SparkSession spark, Snapshots snapshots, String id) {
        this.spark = spark;
        this.snapshots = snapshots;
        this.id = id;
    }

    /** The current snapshot, or empty when nothing was published yet. */
    static Optional<PriorSnapshot> current(SparkSession spark, Snapshots snapshots) throws IOException {
        return snapshots.current().map(id -> new PriorSnapshot(spark, snapshots, id));
    }

    String id() {
        return id;
    }

    /**
     * Why this snapshot cannot be refreshed in place (so the run is a full build), or empty. A snapshot made
     * under another issuer configuration has other patient keys; one written by an older version lacks columns.
     */
    Optional<String> incompatibility(Map<String, String> rootIssuers, StructType files) throws IOException {
        Map<String, String> before = rootIssuers();
        if (!before.equals(new TreeMap<>(rootIssuers))) {
            return Optional.of("issuer configuration changed: " + before + " -> " + new TreeMap<>(rootIssuers));
        }
        Set<String> rejectColumns = new HashSet<>(Arrays.asList(
                spark.read().parquet(path(CatalogTable.REJECTS)).columns()));
        for (String column : files.fieldNames()) {
            if (!rejectColumns.contains(column)) {
                return Optional.of("snapshot " + id + " has no column " + column + " in rejects");
            }
        }
        return Optional.empty();
    }

    /** Every file of the snapshot as {@link InstanceClassifier#classify} left it. */
    Dataset<Row> files(StructType classified) {
        StructType rejects = classified.add(InstanceClassifier.REJECT_REASON, "string");
        return InstanceClassifier.unclassify(
                table(CatalogTable.INSTANCES, drop(classified, InstanceClassifier.REASON)),
                table(CatalogTable.REJECTS, drop(rejects, InstanceClassifier.REASON)));
    }

    Dataset<Row> table(CatalogTable table, StructType schema) {
        return spark.read().schema(schema).parquet(path(table));
    }

    private String path(CatalogTable table) {
        return snapshots.table(id, table.table).toString();
    }

    private Map<String, String> rootIssuers() throws IOException {
        Path report = new Path(snapshots.snapshot(id), "report.json");
        FileSystem fs = report.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Map<String, String> issuers = new TreeMap<>();
        try (InputStream in = fs.open(report)) {
            JsonNode node = new ObjectMapper().readTree(in).get("root_issuers");
            if (node != null) {
                node.fields().forEachRemaining(e -> issuers.put(e.getKey(), e.getValue().asText()));
            }
        }
        return issuers;
    }

    private static StructType drop(StructType schema, String column) {
        return new StructType(Arrays.stream(schema.fields()).filter(f -> !f.name().equals(column))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
    }
}
