package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds end to end: a run that dies before publishing changes nothing readers see; old snapshots go. */
class SnapshotBuildTest {
    @TempDir
    Path dir;

    @Test
    void crashBeforePublishLeavesThePreviousSnapshotCurrentThenKeepSnapshotsPrunes() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path archive = dir.resolve("archive");
        String catalog = dir.resolve("catalog").toString();
        write(instance("1", "1.1", "1.1.1", "CT"), archive.resolve("a.dcm"));
        CatalogConfig keepOne = CatalogConfig.fromProperties(Map.of(CatalogConfig.KEEP_SNAPSHOTS, "1"));
        String first = new CatalogBuild(spark, keepOne).run(List.of(archive.toString()), catalog).snapshotId;
        Snapshots snapshots = new Snapshots(catalog, new Configuration());
        assertEquals(first, snapshots.current().orElseThrow());
        List<String> before = paths(spark, catalog);
        assertEquals(1, before.size());

        // a second file, then a build that dies after writing its tables, before publishing
        write(instance("1", "1.1", "1.1.2", "CT"), archive.resolve("b.dcm"));
        Publisher crash = (s, id) -> {
            throw new IOException("simulated crash before publishing " + id);
        };
        assertThrows(IOException.class,
                () -> new CatalogBuild(spark, keepOne, crash).run(List.of(archive.toString()), catalog));
        assertEquals(first, snapshots.current().orElseThrow());
        assertEquals(2, snapshots.list().size(), "the dead run's tables are on disk, unpublished");
        assertEquals(before, paths(spark, catalog));

        String third = new CatalogBuild(spark, keepOne).run(List.of(archive.toString()), catalog).snapshotId;
        assertEquals(third, snapshots.current().orElseThrow());
        assertEquals(List.of(third), snapshots.list(), "keepSnapshots=1 deletes the old and the dead snapshot");
        assertEquals(2, paths(spark, catalog).size());
        assertTrue(Files.exists(dir.resolve("catalog/snapshots").resolve(third).resolve("report.json")));
    }

    private static List<String> paths(SparkSession spark, String catalog) throws IOException {
        CatalogReader.registerViews(spark, catalog);
        return spark.sql("SELECT path FROM instances ORDER BY path").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
    }
}
