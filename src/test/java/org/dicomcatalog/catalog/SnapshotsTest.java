package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot protocol on its own, without Spark: pointer, atomic publish, pruning. */
class SnapshotsTest {
    @TempDir
    Path catalog;

    private Snapshots snapshots() throws IOException {
        return new Snapshots(catalog.toString(), new Configuration());
    }

    private void snapshotDir(String id) throws IOException {
        Files.createDirectories(catalog.resolve("snapshots").resolve(id).resolve("instances"));
    }

    @Test
    void nothingPublishedHasNoCurrent() throws IOException {
        assertEquals(Optional.empty(), snapshots().current());
    }

    @Test
    void publishPointsCurrentAtTheSnapshotAndLeavesNoTemporaryFile() throws IOException {
        Snapshots s = snapshots();
        snapshotDir("20260101T000000000Z-a");
        snapshotDir("20260102T000000000Z-b");
        s.publish("20260101T000000000Z-a");
        s.publish("20260102T000000000Z-b");
        assertEquals(Optional.of("20260102T000000000Z-b"), s.current());
        assertEquals("20260102T000000000Z-b\n", Files.readString(catalog.resolve("CURRENT")));
        try (Stream<Path> files = Files.list(catalog)) {
            assertEquals(List.of("CURRENT", "snapshots"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void publishingAMissingSnapshotFails() throws IOException {
        assertThrows(FileNotFoundException.class, () -> snapshots().publish("20260101T000000000Z-none"));
    }

    @Test
    void pruneKeepsTheNewestAndNeverTheCurrent() throws IOException {
        Snapshots s = snapshots();
        for (String id : List.of("20260101T000000000Z-a", "20260102T000000000Z-b", "20260103T000000000Z-c",
                "20260104T000000000Z-d")) {
            snapshotDir(id);
        }
        s.publish("20260101T000000000Z-a");
        List<String> deleted = s.prune(2);
        assertEquals(List.of("20260102T000000000Z-b"), deleted);
        assertEquals(List.of("20260101T000000000Z-a", "20260103T000000000Z-c", "20260104T000000000Z-d"), s.list());
    }

    @Test
    void newIdsSortAfterExistingOnes() throws IOException {
        Snapshots s = snapshots();
        String first = s.newId();
        snapshotDir(first);
        assertTrue(s.newId().compareTo(first) > 0);
    }

    @Test
    void aNewIdInTheSameMillisecondOrAfterTheClockWentBackIsOneMillisecondLater() throws IOException {
        Snapshots s = snapshots();
        snapshotDir("29991231T235959998Z-future");
        String next = s.newId();
        assertTrue(next.startsWith("29991231T235959999Z-"), next);
        snapshotDir(next);
        assertTrue(s.newId().startsWith("30000101T000000000Z-"));
    }

    @Test
    void aForeignFolderAmongSnapshotsIsAClearError() throws IOException {
        Snapshots s = snapshots();
        snapshotDir("zz-not-a-snapshot");
        IOException e = assertThrows(IOException.class, s::newId);
        assertTrue(e.getMessage().contains("not a snapshot id"), e.getMessage());
    }

    @Test
    void removeAbandonedDeletesWhatDeadRunsLeftButNotTheCurrentOrOlderSnapshots() throws IOException {
        Snapshots s = snapshots();
        for (String id : List.of("20260101T000000000Z-a", "20260102T000000000Z-b", "20260103T000000000Z-c",
                "20260104T000000000Z-d")) {
            snapshotDir(id);
        }
        s.publish("20260102T000000000Z-b");
        Files.writeString(catalog.resolve("_tmp_current-20260104T000000000Z-d"), "20260104T000000000Z-d\n");
        Files.createDirectories(catalog.resolve("_work/refresh")).resolve("part-0.parquet").toFile().createNewFile();
        Files.writeString(catalog.resolve("_lock"), "{}");

        List<String> removed = s.removeAbandoned();

        String root = "file:" + catalog;
        assertEquals(List.of(root + "/snapshots/20260103T000000000Z-c", root + "/snapshots/20260104T000000000Z-d",
                        root + "/_tmp_current-20260104T000000000Z-d", root + "/_work"),
                removed);
        assertEquals(List.of("20260101T000000000Z-a", "20260102T000000000Z-b"), s.list());
        assertEquals(Optional.of("20260102T000000000Z-b"), s.current());
        try (Stream<Path> files = Files.list(catalog)) {
            assertEquals(List.of("CURRENT", "_lock", "snapshots"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void removeAbandonedWithNothingPublishedDeletesEverySnapshot() throws IOException {
        Snapshots s = snapshots();
        snapshotDir("20260101T000000000Z-a");

        assertEquals(List.of("file:" + catalog + "/snapshots/20260101T000000000Z-a"), s.removeAbandoned());
        assertEquals(List.of(), s.list());
    }

    @Test
    void removeAbandonedOnAMissingCatalogRemovesNothing() throws IOException {
        assertEquals(List.of(), new Snapshots(catalog.resolve("absent").toString(), new Configuration())
                .removeAbandoned());
    }
}
