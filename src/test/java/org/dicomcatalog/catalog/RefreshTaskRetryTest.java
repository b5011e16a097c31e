package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.SERIES_DESCRIPTION;
import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.FlakyFileSystem.Stage;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5: a refresh on {@code local[2,3]} (three attempts per task), where every task's first attempt fails
 * opening a DICOM file, opening a Parquet file of the previous snapshot and creating a Parquet part file
 * ({@link FlakyFileSystem}, in a child JVM), publishes the same rows as the same refresh of a copy of the same
 * first snapshot without failures on {@code local[2]} (in this JVM). Both catalogs read the archive through the flaky scheme, failures off for
 * the clean one, so their paths are the same strings.
 */
class RefreshTaskRetryTest {
    /** Files are dated in the past so the settle window (0 here) never hides them. */
    private static final Instant BEFORE = Instant.now().minus(2, ChronoUnit.DAYS);
    private static final Instant AFTER = BEFORE.plus(1, ChronoUnit.HOURS);
    private static final CatalogConfig SETTLED = CatalogConfig.fromProperties(Map.of("settleSeconds", "0"));
    private static final long RUN_TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void tasksFailingTheirFirstAttemptPublishTheRowsOfACleanRun() throws Exception {
        SparkSession spark = SparkTestSession.get();
        // a scheme no other test names; without FlakyFileSystem.LOG set nothing is injected in this JVM
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs." + FlakyFileSystem.SCHEME + ".impl", FlakyFileSystem.class.getName());
        hadoop.set("fs.AbstractFileSystem." + FlakyFileSystem.SCHEME + ".impl", FlakyFs.class.getName());
        Path archive = dir.resolve("archive");
        write(ct("1.1", "1.1.1", "P1", "AXIAL"), archive.resolve("p1/ct1.dcm"));
        write(ct("1.1", "1.1.2", "P1", "AXIAL"), archive.resolve("p1/ct2.dcm"));
        write(ct("2.1", "2.1.1", "P2", "HEAD"), archive.resolve("p2/ct1.dcm"));
        write(ct("3.1", "3.1.1", "P3", "KNEE"), archive.resolve("p3/ct1.dcm"));
        String input = flaky(archive);
        String flakyCatalog = flaky(dir.resolve("flaky-catalog"));
        String cleanCatalog = flaky(dir.resolve("clean-catalog"));

        // one first snapshot for both: a catalog names archive paths, never its own, so a copy is the same
        new CatalogBuild(spark, SETTLED).run(List.of(input), cleanCatalog);
        copyTree(dir.resolve("clean-catalog"), dir.resolve("flaky-catalog"));

        write(ct("4.1", "4.1.1", "P4", "NEW"), archive.resolve("p4/ct1.dcm"));
        write(ct("1.1", "1.1.2", "P1", "AXIAL THIN"), archive.resolve("p1/ct2.dcm"));
        Files.delete(archive.resolve("p3/ct1.dcm"));
        Map<Stage, Long> refresh = runFailingFirstAttempts("refresh", input, flakyCatalog);
        BuildReport clean = new CatalogRefresh(spark, SETTLED).run(List.of(input), cleanCatalog);

        assertTrue(refresh.values().stream().allMatch(n -> n > 0), refresh.toString());
        assertTrue(ChildRun.tail(dir.resolve("refresh.log")).contains("(refresh of "), "a refresh, not a build");
        assertTrue(clean.mode.startsWith("refresh of "), clean.mode);
        assertEquals(List.of(2L, 1L), List.of(clean.refresh.get("opened"), clean.refresh.get("deleted")));
        assertEquals(4L, clean.instances);
        for (CatalogTable t : CatalogTable.values()) {
            assertEquals(rows(spark, cleanCatalog, t), rows(spark, flakyCatalog, t), t.table);
        }
    }

    /**
     * Runs {@code command} on local[2,3] in a child JVM where each task's first attempt fails at every stage;
     * returns how many failures were injected at each.
     */
    private Map<Stage, Long> runFailingFirstAttempts(String command, String input, String catalog)
            throws IOException, InterruptedException {
        Path failures = dir.resolve(command + "-failures.txt");
        Path log = dir.resolve(command + ".log");
        Process child = ChildRun.start(log, List.of(
                "spark.hadoop.fs." + FlakyFileSystem.SCHEME + ".impl=" + FlakyFileSystem.class.getName(),
                "spark.hadoop.fs.AbstractFileSystem." + FlakyFileSystem.SCHEME + ".impl=" + FlakyFs.class.getName(),
                "spark.hadoop." + FlakyFileSystem.LOG + "=" + failures),
                command, "--input", input, "--output", catalog, "--master", "local[2,3]",
                "--set", "settleSeconds=0");
        try {
            assertTrue(child.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS), command + " did not end");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), command + ":\n" + ChildRun.tail(log));
        Map<Stage, Long> counts = new TreeMap<>();
        for (Stage stage : Stage.values()) {
            counts.put(stage, 0L);
        }
        if (Files.exists(failures)) {
            for (String line : Files.readAllLines(failures, StandardCharsets.UTF_8)) {
                counts.merge(Stage.valueOf(line.substring(0, line.indexOf(' '))), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static List<String> rows(SparkSession spark, String catalog, CatalogTable table) throws IOException {
        String current = new Snapshots(catalog, spark.sparkContext().hadoopConfiguration()).current().orElseThrow();
        return SnapshotRows.of(spark, catalog, current, table);
    }

    private static String flaky(Path path) {
        return FlakyFileSystem.SCHEME + "://" + path.toAbsolutePath();
    }

    private static DicomWriter ct(String study, String series, String patientId, String description) {
        return patient(instance(study, series, series + ".1", "CT"), patientId, "19700101", "M")
                .string(SERIES_DESCRIPTION, VR.LO, description);
    }

    /** Writes a file dated BEFORE, or AFTER when it replaces one: a refresh sees a new time as a change. */
    private static void write(DicomWriter w, Path file) throws IOException {
        boolean replaces = Files.exists(file);
        Archive.write(w, file);
        Files.setLastModifiedTime(file, FileTime.from(replaces ? AFTER : BEFORE));
    }
}
