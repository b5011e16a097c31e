package org.dicomcatalog.cli;

import org.apache.spark.sql.SparkSession;

/** The Spark session a command starts for itself. */
final class Sessions {
    private Sessions() {
    }

    static SparkSession start(String appName, String master, boolean progressBar) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.showConsoleProgress", String.valueOf(progressBar))
                // lets adaptive execution coalesce the partitions of cached data sets, as it does shuffles
                .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        if (master.startsWith("local")) {
            // a laptop's host name often resolves to an address nothing listens on
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }
}
