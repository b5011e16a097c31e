package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.dicomcatalog.catalog.Archive.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.BlockingFileSystem.Point;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds killed with SIGKILL while parsing, then writing, then publishing (child JVMs, {@link KilledRun}):
 * after each, readers still get the previous snapshot with the same rows, and the dead run's lock is left.
 * Each next run takes that lock and removes what the dead one left; a last build here publishes a correct
 * snapshot and leaves nothing behind. One chain rather than three tests: a Spark build costs a minute here.
 */
class KillDuringBuildTest {
    private static final List<String> TABLES = List.of("instances", "series", "studies", "patients", "rejects");

    @TempDir
    Path dir;

    @Test
    void killedBuildsChangeNothingReadersSeeAndEachNextRunRecovers() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path archive = dir.resolve("archive");
        Path catalog = dir.resolve("catalog");
        for (int i = 1; i <= 3; i++) {
            write(patient(instance("5.1", "5.1.1", "5.1.1." + i, "CT"), "P1", "19700101", "F"),
                    archive.resolve("ct" + i + ".dcm"));
        }
        CatalogConfig config = CatalogConfig.fromProperties(Map.of());
        String first = new CatalogBuild(spark, config).run(List.of(archive.toString()), catalog.toString()).snapshotId;
        List<List<String>> before = contents(spark, catalog);
        write(patient(instance("5.2", "5.2.1", "5.2.1.1", "MR"), "P2", "19800101", "M"), archive.resolve("mr.dcm"));
        Snapshots snapshots = new Snapshots(catalog.toString(), new Configuration());

        killBuild(Point.PARSING, archive, catalog);
        assertEquals(before, contents(spark, catalog));
        assertEquals(List.of(first), snapshots.list(), "killed before writing anything");

        killBuild(Point.WRITING, archive, catalog);
        assertEquals(before, contents(spark, catalog));
        List<String> halfWritten = snapshots.list();
        assertEquals(2, halfWritten.size(), "the old snapshot and the dead run's half-written one");

        killBuild(Point.PUBLISHING, archive, catalog);
        assertEquals(before, contents(spark, catalog));
        List<String> unpublished = snapshots.list();
        assertEquals(first, unpublished.get(0));
        assertEquals(2, unpublished.size(), "the half-written snapshot was removed by the next run");
        assertNotEquals(halfWritten.get(1), unpublished.get(1));
        assertEquals(List.of("CURRENT", RefreshLock.LOCK, Snapshots.TMP_CURRENT + unpublished.get(1), "snapshots"),
                names(catalog));

        BuildReport next = new CatalogBuild(spark, config).run(List.of(archive.toString()), catalog.toString());

        assertEquals(next.snapshotId, snapshots.current().orElseThrow());
        assertEquals(List.of(first, next.snapshotId), snapshots.list(), "the dead run's snapshot is gone");
        assertEquals(List.of("CURRENT", "snapshots"), names(catalog), "no lock, pointer or work folder left");
        List<List<String>> after = contents(spark, catalog);
        assertEquals(List.of(4, 2, 2, 2, 0), after.stream().map(List::size).toList());
        List<String> instances = new ArrayList<>(before.get(0));
        instances.add(before.get(0).get(0).replace("ct1.dcm 5.1.1.1", "mr.dcm 5.2.1.1"));
        instances.sort(null);
        assertEquals(instances, after.get(0));
    }

    /** A build of {@code archive} into {@code catalog} killed at {@code at}; it leaves its lock. */
    private void killBuild(Point at, Path archive, Path catalog) throws Exception {
        try (KilledRun run = KilledRun.start(dir, at, "build", "--input", KilledRun.blockfs(archive),
                "--output", KilledRun.blockfs(catalog), "--master", "local[2]")) {
            run.killWhenBlocked();
            byte[] lock = Files.readAllBytes(catalog.resolve(RefreshLock.LOCK));
            assertEquals(run.pid(), LockOwner.parse(lock).orElseThrow().pid(), "the dead run's lock is left");
        }
    }

    /** Every table's rows as "path SOPInstanceUID" (instances) or its key, sorted. */
    private static List<List<String>> contents(SparkSession spark, Path catalog) throws IOException {
        CatalogReader.registerViews(spark, catalog.toString());
        List<List<String>> tables = new ArrayList<>();
        for (String table : TABLES) {
            String column = switch (table) {
                case "instances" -> "concat(path, ' ', SOPInstanceUID)";
                case "series" -> "SeriesInstanceUID";
                case "studies" -> "StudyInstanceUID";
                case "patients" -> "PatientID";
                default -> "path";
            };
            tables.add(spark.sql("SELECT " + column + " FROM " + table + " ORDER BY 1").collectAsList().stream()
                    .map(r -> r.getString(0)).toList());
        }
        return tables;
    }

    private static List<String> names(Path catalog) throws IOException {
        try (Stream<Path> files = Files.list(catalog)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
