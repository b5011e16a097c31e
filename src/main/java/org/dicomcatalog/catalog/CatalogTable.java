package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The tables of a snapshot and how each is laid out in Parquet. Partition columns are low-cardinality query
 * predicates, never PatientID or other PHI (a folder name is visible to anyone who can list the bucket).
 * Rows are sorted by the key within each file so Parquet min/max statistics prune lookups by UID.
 */
enum CatalogTable {
    INSTANCES("instances", "Modality", List.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID")),
    SERIES("series", "Modality", List.of("StudyInstanceUID", "SeriesInstanceUID")),
    STUDIES("studies", "study_year", List.of("StudyInstanceUID")),
    PATIENTS("patients", null, List.of(Identity.ISSUER, "PatientID")),
    CONFLICTS("conflicts", null, List.of("level", "key", "attribute")),
    REJECTS("rejects", null, List.of("path"));

    final String table;
    final String partitionColumn;
    final List<String> sortKeys;

    CatalogTable(String table, String partitionColumn, List<String> sortKeys) {
        this.table = table;
        this.partitionColumn = partitionColumn;
        this.sortKeys = sortKeys;
    }

    void write(Dataset<Row> rows, String path) {
        Column[] keys = sortKeys.stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> laidOut = partitionColumn == null
                // one range of keys per task: files do not overlap, so a lookup opens one of them
                ? rows.repartitionByRange(keys).sortWithinPartitions(keys)
                // all rows of a partition value in one task: one file per value, not one per task and value
                : rows.repartition(col(partitionColumn)).sortWithinPartitions(keys);
        var writer = laidOut.write().mode(SaveMode.ErrorIfExists);
        if (partitionColumn != null) {
            writer = writer.partitionBy(partitionColumn);
        }
        writer.parquet(path);
    }
}
