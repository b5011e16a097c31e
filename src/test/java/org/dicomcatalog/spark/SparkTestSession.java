package org.dicomcatalog.spark;

import org.apache.spark.sql.SparkSession;

/** The one Spark session of a test JVM: starting Spark costs seconds, so test classes of every package share it. */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("dicom-catalog-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.ansi.enabled", "true")
                    .config("spark.sql.catalog.dicom", DicomCatalog.class.getName())
                    .getOrCreate();
        }
        return session;
    }
}
