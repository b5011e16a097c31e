package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.dicomcatalog.catalog.FileDiff.PriorFile;
import org.dicomcatalog.spark.DicomFileList.Entry;
import org.junit.jupiter.api.Test;

class FileDiffTest {
    private static final long CUTOFF = 1_000;

    @Test
    void eachPathGetsOneChangeAndOnlyNewChangedAndRetriedFilesAreRead() {
        List<Entry> listing = List.of(
                new Entry("file:/a/same.dcm", 10, 100),
                new Entry("file:/a/grown.dcm", 11, 100),
                new Entry("file:/a/touched.dcm", 10, 200),
                new Entry("file:/a/new.dcm", 5, 300),
                new Entry("file:/a/io-error.dcm", 10, 100),
                new Entry("file:/a/not-dicom.dcm", 10, 100));
        List<PriorFile> prior = List.of(
                new PriorFile("file:/a/same.dcm", 10, 100, null),
                new PriorFile("file:/a/grown.dcm", 10, 100, null),
                new PriorFile("file:/a/touched.dcm", 10, 100, "DUPLICATE_SOP_INSTANCE"),
                new PriorFile("file:/a/gone.dcm", 10, 100, null),
                new PriorFile("file:/a/io-error.dcm", 10, 100, "IO_ERROR"),
                new PriorFile("file:/a/not-dicom.dcm", 10, 100, "NOT_DICOM"));

        FileDiff diff = FileDiff.of(listing, prior.iterator(), CUTOFF);

        assertEquals(Map.of("unchanged", 2L, "changed", 2L, "new", 1L, "deleted", 1L, "retried", 1L),
                diff.counts());
        assertEquals(List.of("file:/a/grown.dcm", "file:/a/io-error.dcm", "file:/a/new.dcm", "file:/a/touched.dcm"),
                diff.toRead().stream().map(Entry::path).toList());
        assertEquals(new Entry("file:/a/grown.dcm", 11, 100), diff.toRead().get(0));
        assertEquals(List.of("file:/a/gone.dcm"), diff.deleted());
    }

    @Test
    void filesModifiedAfterTheCutoffSettleUntilTheNextRunButUnchangedOnesDoNotCount() {
        List<Entry> listing = List.of(
                new Entry("file:/a/being-written.dcm", 10, CUTOFF + 1),
                new Entry("file:/a/just-settled.dcm", 10, CUTOFF),
                new Entry("file:/a/old-but-recent-time.dcm", 10, CUTOFF + 5));
        List<PriorFile> prior = List.of(new PriorFile("file:/a/old-but-recent-time.dcm", 10, CUTOFF + 5, null));

        FileDiff diff = FileDiff.of(listing, prior.iterator(), CUTOFF);

        assertEquals(Map.of("new", 2L, "unchanged", 1L, "settling", 1L), diff.counts());
        assertEquals(List.of("file:/a/just-settled.dcm"), diff.toRead().stream().map(Entry::path).toList());
    }

    @Test
    void anEmptyArchiveDeletesEveryPreviousFile() {
        FileDiff diff = FileDiff.of(List.of(),
                List.of(new PriorFile("file:/x.dcm", 1, 1, null), new PriorFile("file:/y.dcm", 1, 1, "NOT_DICOM"))
                        .iterator(), CUTOFF);

        assertEquals(Map.of("deleted", 2L), diff.counts());
        assertEquals(List.of("file:/x.dcm", "file:/y.dcm"), diff.deleted());
        assertEquals(List.of(), diff.toRead());
    }

    @Test
    void aFileThatMovedOrWentWhileItWasReadWaitsForTheNextRun() {
        List<Entry> read = List.of(
                new Entry("file:/a/steady.dcm", 10, 100),
                new Entry("file:/a/growing.dcm", 10, 100),
                new Entry("file:/a/retouched.dcm", 10, 100),
                new Entry("file:/a/removed.dcm", 10, 100));
        List<Entry> relisting = List.of(
                new Entry("file:/a/steady.dcm", 10, 100),
                new Entry("file:/a/growing.dcm", 20, 100),
                new Entry("file:/a/retouched.dcm", 10, 101),
                new Entry("file:/a/other.dcm", 1, 1));

        assertEquals(List.of("file:/a/growing.dcm", "file:/a/retouched.dcm", "file:/a/removed.dcm"),
                FileDiff.changedWhileRead(read, relisting));
    }
}
