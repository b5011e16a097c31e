package org.dicomcatalog.catalog;

import org.apache.spark.sql.SparkSession;

/**
 * The shared local[2] session for catalog and cli tests, configured like the spark package's SparkTestSession
 * (package-private there): getOrCreate returns whichever of the two started first in this JVM.
 */
public final class CatalogTestSession {
    private CatalogTestSession() {
    }

    public static synchronized SparkSession get() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("dicom-catalog-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.ansi.enabled", "true")
                .getOrCreate();
    }
}
