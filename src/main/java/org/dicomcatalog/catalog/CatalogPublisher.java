package org.dicomcatalog.catalog;

import java.io.IOException;

import org.apache.spark.sql.SparkSession;

/**
 * The build's {@link Publisher}: swap CURRENT, point the registered tables at the new snapshot when a database
 * is configured, then prune. Pruning comes last so no snapshot is deleted while a table still reads it; when
 * registration fails nothing is pruned (some tables may still read an older snapshot).
 */
final class CatalogPublisher implements Publisher {
    private final TableRegistration registration;
    private final int keepSnapshots;

    CatalogPublisher(SparkSession spark, CatalogConfig config) {
        this.registration = config.registerDatabase() == null ? null
                : new TableRegistration(spark, config.registerDatabase());
        this.keepSnapshots = config.keepSnapshots();
    }

    @Override
    public void publish(Snapshots snapshots, String id) throws IOException {
        if (registration == null) {
            snapshots.publishAndPrune(id);
            return;
        }
        snapshots.publish(id);
        registration.register(snapshots, id);
        snapshots.prune(keepSnapshots);
    }
}
