package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.BODY_PART_EXAMINED;
import static org.dicomcatalog.catalog.Archive.SERIES_DESCRIPTION;
import static org.dicomcatalog.catalog.Archive.STUDY_DATE;
import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A refresh must give the catalog a full build of the same archive gives, table for table and row for row,
 * whatever happened to the archive since the previous snapshot; and open only what changed.
 */
class CatalogRefreshTest {
    /** Files are dated in the past so the settle window (0 here, checked separately) never hides them. */
    private static final Instant BEFORE = Instant.now().minus(2, ChronoUnit.DAYS);
    private static final Instant AFTER = BEFORE.plus(1, ChronoUnit.HOURS);
    private static final CatalogConfig SETTLED = CatalogConfig.fromProperties(Map.of("settleSeconds", "0"));

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    /** What happens to the archive between the first run and the refresh. */
    enum Change {
        ADD_STUDY, MODIFY_SERIES_DESCRIPTION, DELETE_INSTANCE, DELETE_STUDY, MOVE_TO_OTHER_STUDY,
        LATE_INSTANCES, PATIENT_MODULE_LATER, REJECTS_BECOME_VALID, DUPLICATE_WINNER_DELETED
    }

    /** Changes tested together: a catalog build costs seconds of Spark jobs, and each scenario needs three. */
    enum Scenario {
        ARRIVALS(Change.ADD_STUDY, Change.LATE_INSTANCES, Change.PATIENT_MODULE_LATER, Change.REJECTS_BECOME_VALID),
        EDITS_AND_REMOVALS(Change.MODIFY_SERIES_DESCRIPTION, Change.MOVE_TO_OTHER_STUDY, Change.DELETE_INSTANCE,
                Change.DELETE_STUDY, Change.DUPLICATE_WINNER_DELETED);

        final List<Change> changes;

        Scenario(Change... changes) {
            this.changes = List.of(changes);
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void refreshEqualsAFullBuildOfTheSameArchive(Scenario scenario) throws IOException {
        Path archive = baseArchive();
        String refreshed = dir.resolve("refreshed").toString();
        BuildReport first = new CatalogRefresh(spark, SETTLED).run(List.of(archive.toString()), refreshed);
        assertEquals("full build: no published snapshot", first.mode);

        long toOpen = 0;
        for (Change c : scenario.changes) {
            toOpen += apply(c, archive);
        }
        BuildReport refresh = new CatalogRefresh(spark, SETTLED).run(List.of(archive.toString()), refreshed);
        String full = dir.resolve("full").toString();
        BuildReport build = new CatalogBuild(spark, SETTLED).run(List.of(archive.toString()), full);

        assertEquals("refresh of " + first.snapshotId, refresh.mode);
        assertEquals(toOpen, refresh.refresh.get("opened"), refresh.refresh.toString());
        assertEquals(build.filesListed - toOpen, refresh.refresh.get("carried_over"), refresh.refresh.toString());
        assertSameTables(full, build.snapshotId, refreshed, refresh.snapshotId);
        assertEquals(build.rowsPerTable, refresh.rowsPerTable);
    }

    /**
     * Then nothing changes but one file written just now: inside an hour's settle window it waits, so the
     * refresh opens nothing, reads no byte and publishes the same tables again.
     */
    @Test
    void unchangedArchiveOpensNothingAndSettlingFilesWaitForTheNextRun() throws IOException {
        Path archive = baseArchive();
        String catalog = dir.resolve("catalog").toString();
        BuildReport first = new CatalogRefresh(spark, SETTLED).run(List.of(archive.toString()), catalog);
        Path fresh = Archive.write(instance("9", "9.1", "9.1.1", "US"), archive.resolve("new/us.dcm"));
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));
        CatalogConfig settleAnHour = CatalogConfig.fromProperties(Map.of("settleSeconds", "3600"));

        BuildReport again = new CatalogRefresh(spark, settleAnHour).run(List.of(archive.toString()), catalog);

        assertEquals(1L, again.refresh.get("settling"));
        assertEquals(0L, again.refresh.get("opened"));
        assertEquals(0L, again.bytesRead);
        assertEquals(first.filesListed, again.refresh.get("unchanged"));
        assertEquals(first.filesListed, again.refresh.get("carried_over"));
        assertEquals(new Snapshots(catalog, spark.sparkContext().hadoopConfiguration()).current().orElseThrow(),
                again.snapshotId);
        assertSameTables(catalog, first.snapshotId, catalog, again.snapshotId);
    }

    /**
     * A file modified while it is read (every open of it moves its time on): the refresh reads it, sees in the
     * listing after the read that it moved, drops what it read and keeps the previous row for the next run.
     */
    @Test
    void aFileModifiedWhileItIsReadKeepsItsPreviousRowUntilTheNextRun() throws IOException {
        spark.sparkContext().hadoopConfiguration().set("fs." + TouchOnOpenFileSystem.SCHEME + ".impl",
                TouchOnOpenFileSystem.class.getName());
        Path archive = baseArchive();
        write(instance("7.2", "7.2.1", "7.2.1.1", "MR"),
                archive.resolve("live/mr" + TouchOnOpenFileSystem.LIVE_SUFFIX));
        List<String> input = List.of(TouchOnOpenFileSystem.SCHEME + "://" + archive.toAbsolutePath());
        String catalog = dir.resolve("catalog").toString();
        BuildReport first = new CatalogRefresh(spark, SETTLED).run(input, catalog);

        BuildReport again = new CatalogRefresh(spark, SETTLED).run(input, catalog);

        assertEquals(1L, again.refresh.get("changed"), again.refresh.toString());
        assertEquals(1L, again.refresh.get("opened"));
        assertEquals(1L, again.refresh.get("changed_during_read"));
        assertEquals(first.filesListed, again.refresh.get("carried_over"), "the live file's previous row too");
        assertSameTables(catalog, first.snapshotId, catalog, again.snapshotId);
    }

    // ---- the archive and its changes

    private Path baseArchive() throws IOException {
        Path a = dir.resolve("archive");
        write(ct("1.2", "1.2.1", "1.2.1.1", "P1", "AXIAL"), a.resolve("p1/ct1.dcm"));
        write(ct("1.2", "1.2.1", "1.2.1.2", "P1", "AXIAL"), a.resolve("p1/ct2.dcm"));
        write(ct("1.2", "1.2.2", "1.2.2.1", "P1", "CORONAL"), a.resolve("p1/ct3.dcm"));
        write(ct("1.2", "1.2.2", "1.2.2.2", "P1", "CORONAL"), a.resolve("p1/ct4.dcm"));
        write(ct("2.2", "2.2.1", "2.2.1.1", "P2", "HEAD"), a.resolve("p2/ct1.dcm"));
        write(ct("2.2", "2.2.1", "2.2.1.2", "P2", "HEAD"), a.resolve("p2/ct2.dcm"));
        // an emergency study: no patient module yet
        write(instance("3.2", "3.2.1", "3.2.1.1", "CR").string(STUDY_DATE, VR.DA, "20240101"), a.resolve("er/cr1.dcm"));
        // rejects: not DICOM, truncated, and a duplicate of ct1 under a later path
        write("not dicom".getBytes(StandardCharsets.US_ASCII), a.resolve("bad/notes.txt"));
        byte[] whole = ct("4.2", "4.2.1", "4.2.1.1", "P4", "X").toBytes();
        write(Arrays.copyOf(whole, 200), a.resolve("bad/cut.dcm"));
        write(ct("1.2", "1.2.1", "1.2.1.1", "P1", "AXIAL").toBytes(), a.resolve("zz/copy-of-ct1.dcm"));
        return a;
    }

    /** Applies a change; returns how many files a refresh has to open for it. */
    private static int apply(Change change, Path a) throws IOException {
        switch (change) {
            case ADD_STUDY -> {
                write(ct("5.2", "5.2.1", "5.2.1.1", "P5", "NEW"), a.resolve("p5/ct1.dcm"));
                return 1;
            }
            case MODIFY_SERIES_DESCRIPTION -> {
                // the series now disagrees on a constant attribute: a conflict appears
                write(ct("1.2", "1.2.1", "1.2.1.2", "P1", "AXIAL THIN"), a.resolve("p1/ct2.dcm"));
                return 1;
            }
            case DELETE_INSTANCE -> {
                Files.delete(a.resolve("p1/ct4.dcm"));
                return 0;
            }
            case DELETE_STUDY -> {
                Files.delete(a.resolve("p2/ct1.dcm"));
                Files.delete(a.resolve("p2/ct2.dcm"));
                return 0;
            }
            case MOVE_TO_OTHER_STUDY -> {
                // corrected: the instance belonged to patient P2's study all along
                write(ct("2.2", "2.2.1", "1.2.2.1", "P2", "HEAD"), a.resolve("p1/ct3.dcm"));
                return 1;
            }
            case LATE_INSTANCES -> {
                write(ct("2.2", "2.2.1", "2.2.1.3", "P2", "HEAD"), a.resolve("p2/ct3.dcm"));
                write(ct("2.2", "2.2.1", "2.2.1.4", "P2", "HEAD"), a.resolve("p2/ct4.dcm"));
                return 2;
            }
            case PATIENT_MODULE_LATER -> {
                write(patient(instance("3.2", "3.2.1", "3.2.1.1", "CR"), "P3", "19800202", "F")
                        .string(STUDY_DATE, VR.DA, "20240101"), a.resolve("er/cr1.dcm"));
                return 1;
            }
            case REJECTS_BECOME_VALID -> {
                write(ct("4.2", "4.2.1", "4.2.1.1", "P4", "X"), a.resolve("bad/cut.dcm"));
                write(ct("4.2", "4.2.1", "4.2.1.2", "P4", "X"), a.resolve("bad/notes.txt"));
                return 2;
            }
            case DUPLICATE_WINNER_DELETED -> {
                // the copy under zz/ was a DUPLICATE_SOP_INSTANCE reject: now it is the instance, unopened
                Files.delete(a.resolve("p1/ct1.dcm"));
                return 0;
            }
            default -> throw new IllegalArgumentException(change.name());
        }
    }

    private static DicomWriter ct(String study, String series, String sop, String patientId, String description) {
        return patient(instance(study, series, sop, "CT"), patientId, "19700101", "M")
                .string(STUDY_DATE, VR.DA, "20230115").string(BODY_PART_EXAMINED, VR.CS, "CHEST")
                .string(SERIES_DESCRIPTION, VR.LO, description);
    }

    /** Writes a file dated BEFORE, or AFTER when it replaces one: a refresh sees a new time as a change. */
    private static void write(DicomWriter w, Path file) throws IOException {
        write(w.toBytes(), file);
    }

    private static void write(byte[] bytes, Path file) throws IOException {
        boolean replaces = Files.exists(file);
        Archive.write(bytes, file);
        Files.setLastModifiedTime(file, FileTime.from(replaces ? AFTER : BEFORE));
    }

    // ---- comparing catalogs

    private void assertSameTables(String expectedCatalog, String expectedId, String actualCatalog, String actualId)
            throws IOException {
        for (CatalogTable t : CatalogTable.values()) {
            assertEquals(rows(expectedCatalog, expectedId, t), rows(actualCatalog, actualId, t), t.table);
        }
    }

    private List<String> rows(String catalog, String id, CatalogTable table) throws IOException {
        return SnapshotRows.of(spark, catalog, id, table);
    }
}
