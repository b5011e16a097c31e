package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The tables of a snapshot and how each is laid out in Parquet. Partition columns are low-cardinality query
 * predicates, never PatientID or other PHI (a folder name is visible to anyone who can list the bucket).
 * Rows are sorted by the key within each file so Parquet min/max statistics prune lookups by UID.
 * {@code rowsPerFile} aims at files of about 100 MB (docs/catalog.md: an instance row carries its whole header).
 */
enum CatalogTable {
    INSTANCES("instances", "Modality", List.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"), 20_000),
    SERIES("series", "Modality", List.of("StudyInstanceUID", "SeriesInstanceUID"), 500_000),
    STUDIES("studies", "study_year", List.of("StudyInstanceUID"), 500_000),
    PATIENTS("patients", null, List.of(Identity.ISSUER, "PatientID"), 500_000),
    CONFLICTS("conflicts", null, List.of("level", "key", "attribute"), 500_000),
    REJECTS("rejects", null, List.of("path"), 500_000);

    final String table;
    final String partitionColumn;
    final List<String> sortKeys;
    final long rowsPerFile;

    CatalogTable(String table, String partitionColumn, List<String> sortKeys, long rowsPerFile) {
        this.table = table;
        this.partitionColumn = partitionColumn;
        this.sortKeys = sortKeys;
        this.rowsPerFile = rowsPerFile;
    }

    /** Writes {@code rows} ({@code rowCount} of them) to {@code path} in files of about {@link #rowsPerFile}. */
    void write(Dataset<Row> rows, String path, long rowCount) {
        write(rows, path, rowCount, rowsPerFile);
    }

    /**
     * One write task per {@code rowsPerFile} rows, each a contiguous range of (partition column, sort keys): a
     * large partition value is spread over several tasks, small ones share a task, files do not overlap in key
     * and are sorted within. A task writes one file per partition value its range covers.
     */
    void write(Dataset<Row> rows, String path, long rowCount, long rowsPerFile) {
        int tasks = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (rowCount + rowsPerFile - 1) / rowsPerFile));
        Column[] order = Stream.concat(Stream.ofNullable(partitionColumn), sortKeys.stream())
                .map(k -> col(k)).toArray(Column[]::new);
        // one file's worth: no range to sample and no shuffle, which are two Spark jobs for a level table or a
        // small catalog
        Dataset<Row> ranged = tasks == 1 ? rows.coalesce(1) : rows.repartitionByRange(tasks, order);
        var writer = ranged.sortWithinPartitions(order).write().mode(SaveMode.ErrorIfExists);
        if (partitionColumn != null) {
            writer = writer.partitionBy(partitionColumn);
        }
        writer.parquet(path);
    }
}
