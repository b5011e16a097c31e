package org.dicomcatalog.catalog;

import java.io.IOException;

import org.apache.spark.sql.SparkSession;

/** Opens the published snapshot of a catalog: every table as a temporary view named like the table. */
public final class CatalogReader {
    private CatalogReader() {
    }

    /** Registers the views and returns the snapshot id they read; fails when nothing was published yet. */
    public static String registerViews(SparkSession spark, String catalog) throws IOException {
        Snapshots snapshots = new Snapshots(catalog, spark.sparkContext().hadoopConfiguration());
        String id = snapshots.current()
                .orElseThrow(() -> new IOException("no published snapshot in " + catalog + " (no CURRENT)"));
        for (CatalogTable t : CatalogTable.values()) {
            spark.read().parquet(snapshots.table(id, t.table).toString()).createOrReplaceTempView(t.table);
        }
        return id;
    }
}
