package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomIoThreadsTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    /** Twenty files of different sizes, so reads ahead finish out of order; two of them are not DICOM. */
    private void writeArchive() throws IOException {
        for (int i = 0; i < 18; i++) {
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(0x00080018, VR.UI, "1.2." + i)
                    .string(0x00100020, VR.LO, "P" + i)
                    .string(0x00204000, VR.LT, "x".repeat((18 - i) * 3_000))
                    .writeTo(dir.resolve(String.format("f%02d.dcm", i)));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a DICOM file");
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
    }

    private Dataset<Row> read(int ioThreads, Map<String, String> options) {
        return spark.read().format("dicom").options(options).option("filesPerPartition", "7")
                .option("ioThreads", ioThreads).load(dir.toString())
                .select("path", "status", "error_code", "SOPInstanceUID", "bytes_read");
    }

    private static List<String> ioThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("dicom-io-")).toList();
    }

    @Test
    void readingAheadGivesTheSameRowsInTheSameOrder() throws IOException {
        writeArchive();
        Dataset<Row> serial = read(1, Map.of());
        Dataset<Row> ahead = read(4, Map.of());

        List<Row> expected = serial.collectAsList();
        List<Row> actual = ahead.collectAsList();

        assertEquals(20, expected.size());
        assertEquals(expected, actual);
        assertEquals(ScanMetrics.counts(serial), ScanMetrics.counts(ahead));
    }

    @Test
    void closingTheReaderStopsItsThreads() throws Exception {
        writeArchive();

        assertEquals(20, read(4, Map.of()).collectAsList().size());
        // a LIMIT stops reading before the last file: the reads still in flight are dropped with the pool
        assertEquals(3, read(4, Map.of()).limit(3).collectAsList().size());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ioThreadsAlive().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), ioThreadsAlive());
    }

    @Test
    void aFileThatBreaksTheReaderOnAnIoThreadIsStillItsOwnErrorRow() throws IOException {
        writeArchive();
        Files.copy(dir.resolve("f03.dcm"), dir.resolve("f03-hostile.dcm"));

        List<Row> rows = read(4, Map.of("fs.file.impl", HostileFileSystem.class.getName(),
                "fs.file.impl.disable.cache", "true")).collectAsList();

        assertEquals(21, rows.size());
        Row hostile = rows.stream().filter(r -> r.getString(0).endsWith("f03-hostile.dcm")).findFirst().get();
        assertEquals("INTERNAL", hostile.getAs("error_code"));
        assertTrue(rows.stream().filter(r -> r.getString(0).endsWith(".dcm") && !r.getString(0).contains("hostile")
                && !r.getString(0).endsWith("empty.dcm")).allMatch(r -> "OK".equals(r.getAs("status"))));
    }

    @Test
    void ioThreadsMustBePositive() {
        Exception e = assertThrows(Exception.class, () -> read(0, Map.of()).collectAsList());
        assertTrue(String.valueOf(e.getMessage()).contains("ioThreads must be positive"), e.getMessage());
    }
}
