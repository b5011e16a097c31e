package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.BlockingFileSystem.Point;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refreshes killed with SIGKILL while parsing the new files, writing and publishing: readers keep the previous
 * snapshot, row for row, and the next refresh recovers the lock, removes what the dead ones left and is still
 * incremental (the killed runs did not spoil the snapshot it starts from). Builds share the lock, cleanup and
 * publication code (CatalogBuild.underLock, writeAndPublish), and SnapshotBuildTest fails a build before it
 * publishes. Paths go through the blocking file
 * system in this JVM too (never blocking here), so every run sees the same path strings.
 */
class KillDuringRefreshTest {
    private static final Instant PAST = Instant.now().minus(1, ChronoUnit.DAYS);

    @TempDir
    Path dir;

    @Test
    void killedRefreshesChangeNothingReadersSeeAndTheNextRefreshRecovers() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs.blockfs.impl", BlockingFileSystem.class.getName());
        hadoop.set("fs.AbstractFileSystem.blockfs.impl", BlockingFs.class.getName());
        Path archive = dir.resolve("archive");
        Path catalog = dir.resolve("catalog");
        for (int i = 1; i <= 3; i++) {
            write(ct("7.1.1." + i), archive.resolve("old" + i + ".dcm"));
        }
        CatalogConfig settled = CatalogConfig.fromProperties(Map.of("settleSeconds", "0"));
        List<String> input = List.of(KilledRun.blockfs(archive));
        String first = new CatalogRefresh(spark, settled).run(input, KilledRun.blockfs(catalog)).snapshotId;
        List<String> before = instances(spark, catalog);
        for (int i = 1; i <= 3; i++) {
            write(ct("7.1.2." + i), archive.resolve("new" + i + ".dcm"));
        }

        Snapshots snapshots = new Snapshots(catalog.toString(), hadoop);
        for (Point at : Point.values()) {
            try (KilledRun run = KilledRun.start(dir, at, "refresh", "--input", KilledRun.blockfs(archive),
                    "--output", KilledRun.blockfs(catalog), "--master", "local[2]", "--set", "settleSeconds=0")) {
                run.killWhenBlocked();
                byte[] lock = Files.readAllBytes(catalog.resolve(RefreshLock.LOCK));
                assertEquals(run.pid(), LockOwner.parse(lock).orElseThrow().pid(), "the dead run's lock is left");
            }
            assertEquals(first, snapshots.current().orElseThrow(), at.name());
            assertEquals(before, instances(spark, catalog), at.name());
            // each run removed what the one before it left: at most one dead snapshot beside the current one
            assertEquals(at == Point.PARSING ? 1 : 2, snapshots.list().size(), at.name());
        }
        assertEquals(List.of("CURRENT", RefreshLock.LOCK, Snapshots.TMP_CURRENT + snapshots.list().get(1),
                Snapshots.WORK, "snapshots"), names(catalog), "what the run killed while publishing left");

        BuildReport next = new CatalogRefresh(spark, settled).run(input, KilledRun.blockfs(catalog));
        assertEquals("refresh of " + first, next.mode);
        assertEquals(3L, next.refresh.get("opened"));
        assertEquals(3L, next.refresh.get("carried_over"));
        assertEquals(List.of(first, next.snapshotId), snapshots.list(), "the dead runs' snapshots are gone");
        assertEquals(List.of("CURRENT", "snapshots"), names(catalog), "no lock, pointer or work folder left");
        assertEquals(6, instances(spark, catalog).size());
    }

    private static List<String> names(Path catalog) throws IOException {
        try (Stream<Path> files = Files.list(catalog)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static DicomWriter ct(String sop) {
        return patient(instance("7.1", "7.1.1", sop, "CT"), "P7", "19700101", "F");
    }

    private static void write(DicomWriter w, Path file) throws IOException {
        Archive.write(w, file);
        Files.setLastModifiedTime(file, FileTime.from(PAST));
    }

    private static List<String> instances(SparkSession spark, Path catalog) throws IOException {
        CatalogReader.registerViews(spark, catalog.toString());
        return spark.sql("SELECT concat(path, ' ', SOPInstanceUID) FROM instances ORDER BY 1").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
    }
}
