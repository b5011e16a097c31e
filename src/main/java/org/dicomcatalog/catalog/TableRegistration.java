package org.dicomcatalog.catalog;

import java.io.IOException;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;

/**
 * Points the tables of a database in the Spark session catalog (the Hive metastore when the session has Hive
 * support, Spark's in-memory catalog otherwise) at a snapshot: one external Parquet table per catalog table.
 * A table is dropped and created again rather than re-pointed: {@code ALTER TABLE SET LOCATION} leaves the
 * partitions at the old snapshot, and {@code CREATE OR REPLACE} is for v2 tables only. Dropping an external
 * table deletes no data; a managed table or a view of the same name is never dropped.
 */
final class TableRegistration {
    private final SparkSession spark;
    private final String database;

    TableRegistration(SparkSession spark, String database) {
        this.spark = spark;
        this.database = database;
    }

    /** Registers every table of snapshot {@code id}; the first failure stops and is thrown as {@link Failed}. */
    void register(Snapshots snapshots, String id) throws Failed {
        CatalogTable current = null;
        try {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + quote(database));
            for (CatalogTable t : CatalogTable.values()) {
                current = t;
                register(t, snapshots.table(id, t.table).toString());
            }
        } catch (Exception e) {
            // Spark's AnalysisException is checked in Java, its other failures are not: one report for all
            throw new Failed("snapshot " + id + " is published, but registering "
                    + (current == null ? "database " + database : "table " + database + "." + current.table)
                    + " failed, so older snapshots were not pruned: " + e.getMessage(), e);
        }
    }

    private void register(CatalogTable t, String location) throws AnalysisException {
        String name = quote(database) + "." + quote(t.table);
        if (spark.catalog().tableExists(database, t.table)) {
            Table existing = spark.catalog().getTable(database, t.table);
            if (!"EXTERNAL".equals(existing.tableType())) {
                throw new IllegalStateException(database + "." + t.table + " is " + existing.tableType()
                        + ", not an external table of this catalog: not replaced");
            }
            spark.sql("DROP TABLE " + name);
        }
        spark.sql("CREATE TABLE " + name + " USING parquet LOCATION '" + literal(location) + "'");
        if (t.partitionColumn != null) {
            // the catalog tracks partitions of a data source table: find the snapshot's folders
            spark.sql("ALTER TABLE " + name + " RECOVER PARTITIONS");
        }
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String literal(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** Registration failed after the snapshot was published. */
    static final class Failed extends IOException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
