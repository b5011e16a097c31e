package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.sql.Row;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files over 2 GB, which Spark's binaryFile source cannot load: only the header is read, by position. */
class DicomLargeFileSourceTest {
    private static final long THREE_GIB = 3L << 30;

    @TempDir
    Path dir;

    @Test
    void aThreeGigabyteFileIsReadToItsPixelDataOnly() throws IOException {
        // sparse: the 3 GiB of pixel data take no disk
        Path file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(0x00080018, VR.UI, "1.2.3")
                .string(0x00080060, VR.CS, "MR")
                .writeSparse(dir.resolve("huge.dcm"), THREE_GIB);

        Row row = SparkTestSession.get().read().format("dicom").load(file.toString())
                .select("status", "file_size", "pixel_data_length", "pixel_data_offset", "bytes_read", "Modality")
                .first();

        assertEquals("OK", row.getAs("status"));
        assertEquals(THREE_GIB, (long) row.getAs("pixel_data_length"));
        long fileSize = row.getAs("file_size");
        assertTrue(fileSize > (1L << 31), "over 2 GiB: " + fileSize);
        assertEquals(fileSize - THREE_GIB, (long) row.getAs("pixel_data_offset"));
        assertTrue((long) row.getAs("bytes_read") < 64 * 1024, "header only: " + row.getAs("bytes_read"));
        assertEquals("MR", row.getAs("Modality"));
    }
}
