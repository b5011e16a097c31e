package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ScanMetricsTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    /** Three CT files with a long comment after PatientID, one text file, one empty file. */
    private void writeArchive() throws IOException {
        for (int i = 0; i < 3; i++) {
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(0x00080018, VR.UI, "1.2." + i)
                    .string(0x00080060, VR.CS, "CT")
                    .string(0x00100020, VR.LO, "P" + i)
                    .string(0x00204000, VR.LT, "x".repeat(20_000))
                    .pixelData(VR.OW, 16)
                    .writeTo(dir.resolve("ct" + i + ".dcm"));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a DICOM file");
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
    }

    private Dataset<Row> select(String... columns) {
        return spark.read().format("dicom").option("filesPerPartition", "2").load(dir.toString())
                .selectExpr(columns);
    }

    @Test
    void fileColumnsAloneReadNothing() throws IOException {
        writeArchive();
        Dataset<Row> df = select("path", "file_size");

        assertEquals(5, df.collectAsList().size());

        Map<String, Long> metrics = ScanMetrics.of(df);
        assertEquals(0L, metrics.get(DicomMetrics.HEADER_BYTES_READ));
        assertEquals(0L, metrics.get(DicomMetrics.FILES_OPENED));
        assertEquals(0L, metrics.get(DicomMetrics.FILES_NOT_OK));
        assertEquals(5L, metrics.get(DicomMetrics.FILES_LISTED), "reported by the driver with the listing time");
        assertTrue(metrics.get(DicomMetrics.LIST_MILLIS) >= 0);
    }

    @Test
    void headerBytesReadIsTheSumOfTheBytesReadColumn() throws IOException {
        writeArchive();
        Dataset<Row> df = select("status", "bytes_read");

        List<Row> rows = df.collectAsList();

        long sum = rows.stream().mapToLong(r -> r.getLong(1)).sum();
        long notOk = rows.stream().filter(r -> !"OK".equals(r.getString(0))).count();
        Map<String, Long> metrics = ScanMetrics.of(df);
        assertTrue(sum > 60_000, "three comments of 20 KB: " + sum);
        assertEquals(sum, metrics.get(DicomMetrics.HEADER_BYTES_READ));
        assertEquals(5L, metrics.get(DicomMetrics.FILES_OPENED));
        assertEquals(2L, notOk);
        assertEquals(notOk, metrics.get(DicomMetrics.FILES_NOT_OK));
    }

    @Test
    void stoppingAfterTheLastSelectedTagReadsFewerBytes() throws IOException {
        writeArchive();
        Dataset<Row> early = select("PatientID");
        Dataset<Row> whole = select("status");

        early.collectAsList();
        whole.collectAsList();

        long earlyBytes = ScanMetrics.of(early).get(DicomMetrics.HEADER_BYTES_READ);
        long wholeBytes = ScanMetrics.of(whole).get(DicomMetrics.HEADER_BYTES_READ);
        assertTrue(earlyBytes > 0 && earlyBytes < 3 * 20_000, "stopped before the comments: " + earlyBytes);
        assertTrue(wholeBytes > 3 * 20_000, "read past the comments: " + wholeBytes);
    }

    @Test
    void theScanDeclaresItsMetrics() {
        assertEquals(List.of(DicomMetrics.HEADER_BYTES_READ, DicomMetrics.FILES_OPENED, DicomMetrics.FILES_NOT_OK,
                        DicomMetrics.FILES_LISTED, DicomMetrics.LIST_MILLIS),
                java.util.Arrays.stream(DicomMetrics.supported()).map(m -> m.name()).toList());
    }
}
