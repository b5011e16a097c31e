package org.dicomcatalog.catalog;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** A snapshot's table as a test compares it with another: every column, header VARIANT included. */
final class SnapshotRows {
    private SnapshotRows() {
    }

    /** The rows of {@code table} in snapshot {@code id} of {@code catalog} as JSON lines, columns and lines sorted. */
    static List<String> of(SparkSession spark, String catalog, String id, CatalogTable table) throws IOException {
        var rows = spark.read().parquet(new Snapshots(catalog, spark.sparkContext().hadoopConfiguration())
                .table(id, table.table).toString());
        Column[] sorted = Arrays.stream(rows.columns()).sorted().map(functions::col).toArray(Column[]::new);
        return rows.select(functions.to_json(functions.struct(sorted))).collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
    }
}
