package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
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

class DicomSourceTest {
    private static final int IMAGE_TYPE = 0x00080008;
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int STUDY_DATE = 0x00080020;
    private static final int STUDY_TIME = 0x00080030;
    private static final int ACQUISITION_DATE_TIME = 0x0008002A;
    private static final int MODALITY = 0x00080060;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int PATIENT_AGE = 0x00101010;
    private static final int SLICE_THICKNESS = 0x00180050;
    private static final int IMAGE_COMMENTS = 0x00204000;
    private static final int ROWS = 0x00280010;
    private static final int PIXEL_SPACING = 0x00280030;
    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    private static DicomWriter ct(String sopInstanceUid) {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(SOP_CLASS_UID, VR.UI, CT_IMAGE)
                .string(SOP_INSTANCE_UID, VR.UI, sopInstanceUid)
                .string(MODALITY, VR.CS, "CT")
                .string(PATIENT_ID, VR.LO, "P1");
    }

    private static Path write(DicomWriter writer, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return writer.writeTo(file);
    }

    private Dataset<Row> load(Map<String, String> options) {
        return spark.read().format("dicom").options(options).load(dir.toString());
    }

    private Dataset<Row> load() {
        return load(Map.of());
    }

    /** Rows keyed by file name. */
    private static Map<String, Row> byName(Dataset<Row> df) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : df.collectAsList()) {
            String path = row.getAs("path");
            rows.put(path.substring(path.lastIndexOf('/') + 1), row);
        }
        return rows;
    }

    @Test
    void typedValuesRoundTrip() throws IOException {
        write(ct("1.2.3.1")
                .string(0x00080005, VR.CS, "ISO_IR 192")
                .charset(StandardCharsets.UTF_8)
                .string(PATIENT_NAME, VR.PN, "Doe^John=\u5c71\u7530")
                .string(STUDY_DATE, VR.DA, "20230115")
                .string(STUDY_TIME, VR.TM, "101530.5")
                .string(ACQUISITION_DATE_TIME, VR.DT, "20230115101530.250")
                .string(IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL")
                .string(PATIENT_AGE, VR.AS, "045Y")
                .string(SLICE_THICKNESS, VR.DS, "2.5")
                .string(PIXEL_SPACING, VR.DS, "0.5", "0.75")
                .us(ROWS, 512)
                .pixelData(VR.OW, 16), dir.resolve("ct.dcm"));

        Row row = load().collectAsList().get(0);

        assertEquals("OK", row.getAs("status"));
        assertNull(row.getAs("error_code"));
        Row name = row.getAs("PatientName");
        assertEquals("Doe^John", name.getAs("alphabetic"));
        assertEquals("\u5c71\u7530", name.getAs("ideographic"));
        assertNull(name.getAs("phonetic"));
        assertEquals(LocalDate.of(2023, 1, 15), ((java.sql.Date) row.getAs("StudyDate")).toLocalDate());
        assertEquals("10:15:30.5", row.getAs("StudyTime"));
        assertEquals(LocalDateTime.of(2023, 1, 15, 10, 15, 30, 250_000_000), row.getAs("AcquisitionDateTime"));
        assertEquals(List.of("ORIGINAL", "PRIMARY", "AXIAL"), row.getList(row.fieldIndex("ImageType")));
        assertEquals("045Y", row.getAs("PatientAge"));
        assertEquals(45.0, (double) row.getAs("patient_age_years"));
        assertEquals(2.5, (double) row.getAs("SliceThickness"));
        assertEquals(List.of(0.5, 0.75), row.getList(row.fieldIndex("PixelSpacing")));
        assertEquals(512, (int) row.getAs("Rows"));
        assertEquals(CT_IMAGE, row.getAs("MediaStorageSOPClassUID"));
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, row.getAs("TransferSyntaxUID"));
        assertArrayEquals(new byte[] {0, 1}, (byte[]) row.getAs("FileMetaInformationVersion"));
        assertEquals("OW", row.getAs("pixel_data_vr"));
        assertEquals(16L, (long) row.getAs("pixel_data_length"));
        assertEquals(Files.size(dir.resolve("ct.dcm")) - 16, (long) row.getAs("pixel_data_offset"));
        assertEquals(false, row.getAs("encoding_guessed"));
        assertTrue(row.getList(row.fieldIndex("unparsed_attributes")).isEmpty());
        assertEquals("Doe^John", load().select("PatientName.alphabetic").first().getString(0));
    }

    @Test
    void everyFileIsOneRowHiddenEmptyAndBrokenOnesToo() throws IOException {
        write(ct("1.1"), dir.resolve("good.dcm"));
        byte[] full = ct("1.2").string(IMAGE_COMMENTS, VR.LT, "cut short here").toBytes();
        Files.write(dir.resolve("truncated.dcm"), java.util.Arrays.copyOf(full, full.length - 5));
        Files.writeString(dir.resolve("notes.txt"), "this is a text file, not a DICOM file at all");
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
        write(ct("1.3"), dir.resolve(".hidden.dcm"));
        write(ct("1.4"), dir.resolve("_underscore.dcm"));
        write(ct("1.5"), dir.resolve("a/b/nested.dcm"));

        Map<String, Row> rows = byName(load().select("path", "file_size", "status", "error_code", "SOPInstanceUID"));

        assertEquals(7, rows.size());
        assertEquals(List.of("OK", "PARTIAL", "NOT_DICOM", "NOT_DICOM", "OK", "OK", "OK"),
                List.of("good.dcm", "truncated.dcm", "notes.txt", "empty.dcm", ".hidden.dcm", "_underscore.dcm",
                        "nested.dcm").stream().map(n -> (String) rows.get(n).getAs("status")).toList());
        // the reader checks the declared length against the file before reading the value
        assertEquals("LENGTH_EXCEEDS_FILE", rows.get("truncated.dcm").getAs("error_code"));
        assertEquals("1.2", rows.get("truncated.dcm").getAs("SOPInstanceUID"));
        assertEquals("NOT_DICOM", rows.get("empty.dcm").getAs("error_code"));
        assertEquals(0L, (long) rows.get("empty.dcm").getAs("file_size"));
        assertEquals("1.5", rows.get("nested.dcm").getAs("SOPInstanceUID"));
    }

    @Test
    void aQueryListsEachDirectoryOnce() throws IOException {
        write(ct("1.1"), dir.resolve("a/one.dcm"));
        write(ct("1.2"), dir.resolve("two.dcm"));
        Map<String, String> counting = Map.of("fs.file.impl", CountingFileSystem.class.getName(),
                "fs.file.impl.disable.cache", "true");
        long listed = CountingFileSystem.LISTED.get();
        assertEquals(2, load(counting).select("path", "status").collectAsList().size());
        // Spark asks the scan for a batch per copy of the physical plan: one batch, one listing
        assertEquals(listed + 2, CountingFileSystem.LISTED.get(), "the root and a/, each once");
    }

    @Test
    void fileColumnsAloneNeverOpenAFile() throws IOException {
        write(ct("1.1"), dir.resolve("one.dcm"));
        Path locked = write(ct("1.2"), dir.resolve("locked.dcm"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        Map<String, String> counting = Map.of("fs.file.impl", CountingFileSystem.class.getName(),
                "fs.file.impl.disable.cache", "true");
        long opened = CountingFileSystem.OPENED.get();
        Map<String, Row> fileOnly = byName(load(counting).select("path", "file_size", "modification_time"));
        assertEquals(opened, CountingFileSystem.OPENED.get(), "no file opened");
        assertEquals(Files.size(locked), (long) fileOnly.get("locked.dcm").getAs("file_size"));

        Map<String, Row> withStatus = byName(load(counting).select("path", "status", "error_code"));
        assertEquals(opened + (Files.isReadable(locked) ? 2 : 1), CountingFileSystem.OPENED.get());
        if (!Files.isReadable(locked)) {
            // chmod binds only when not running as root
            assertEquals("IO_ERROR", withStatus.get("locked.dcm").getAs("error_code"));
        }
    }

    @Test
    void pathGlobFilterMatchesFileNames() throws IOException {
        write(ct("1.1"), dir.resolve("x/image.dcm"));
        Files.writeString(dir.resolve("x/readme.txt"), "not wanted");

        Map<String, Row> rows = byName(load(Map.of("pathGlobFilter", "*.dcm")).select("path"));

        assertEquals(List.of("image.dcm"), List.copyOf(rows.keySet()));
    }

    @Test
    void modifiedAfterKeepsNewerFiles() throws IOException {
        Path old = write(ct("1.1"), dir.resolve("old.dcm"));
        write(ct("1.2"), dir.resolve("new.dcm"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-06-01T00:00:00Z")));

        Map<String, Row> rows = byName(load(Map.of("modifiedAfter", "2021-01-01T00:00:00")).select("path"));

        assertEquals(List.of("new.dcm"), List.copyOf(rows.keySet()));
    }

    @Test
    void malformedValuesBecomeNullAndAreNamed() throws IOException {
        write(ct("1.1")
                .string(STUDY_DATE, VR.DA, "2023-01-15")
                .string(SLICE_THICKNESS, VR.DS, "abc")
                .string(PIXEL_SPACING, VR.DS, "0.5", "x"), dir.resolve("bad.dcm"));

        Row row = load().select("status", "StudyDate", "SliceThickness", "PixelSpacing", "unparsed_attributes")
                .collectAsList().get(0);

        assertEquals("OK", row.getAs("status"));
        assertNull(row.getAs("StudyDate"));
        assertNull(row.getAs("SliceThickness"));
        assertEquals(java.util.Arrays.asList(0.5, null), row.getList(row.fieldIndex("PixelSpacing")));
        assertEquals(List.of("StudyDate", "SliceThickness", "PixelSpacing"),
                row.getList(row.fieldIndex("unparsed_attributes")));
    }

    @Test
    void partitionsArePlannedByFileCount() throws IOException {
        for (int i = 0; i < 5; i++) {
            write(ct("1." + i), dir.resolve("f" + i + ".dcm"));
        }

        Dataset<Row> df = load(Map.of("filesPerPartition", "2"));

        assertEquals(3, df.rdd().getNumPartitions());
        assertEquals(5, df.count());
    }

    @Test
    void onlyTheNeededTagsAreRead() throws IOException {
        write(ct("1.1").string(IMAGE_COMMENTS, VR.LT, "x".repeat(30_000)), dir.resolve("long.dcm"));

        long early = load().select("PatientID", "bytes_read").collectAsList().get(0).getLong(1);
        long whole = load().select("status", "bytes_read").collectAsList().get(0).getLong(1);

        assertTrue(early < 30_000, "stopped after PatientID: " + early);
        assertTrue(whole > 30_000, "read to the end: " + whole);
    }

    @Test
    void withoutTheHeaderColumnEveryOtherColumnHoldsWhatItHoldsWithIt() throws IOException {
        // without `header` the reader keeps only the selected attributes' elements (ReadPlan)
        write(ct("1.2.3.9")
                .string(0x00080005, VR.CS, "ISO_IR 192")
                .charset(StandardCharsets.UTF_8)
                .string(STUDY_DATE, VR.DA, "20230115")
                .sequence(0x00081140, true, s -> s.item(true, i -> i.string(PATIENT_NAME, VR.PN, "In^Item")))
                .string(PATIENT_NAME, VR.PN, "Doe^John=\u5c71\u7530")
                .string(PATIENT_AGE, VR.AS, "045Y")
                .privateBlock(0x0029, 0x10, "ACME")
                .string(DicomWriter.privateTag(0x0029, 0x10, 0x01), VR.LO, "private")
                .string(SLICE_THICKNESS, VR.DS, "not a number")
                .string(PIXEL_SPACING, VR.DS, "0.5", "0.75")
                .pixelData(VR.OW, 16), dir.resolve("ct.dcm"));

        Row withHeader = load().collectAsList().get(0);
        Row without = load().drop("header").collectAsList().get(0);

        for (String column : without.schema().fieldNames()) {
            Object expected = withHeader.getAs(column);
            Object actual = without.getAs(column);
            if (expected instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) actual, column);
            } else {
                assertEquals(expected, actual, column);
            }
        }
        assertEquals("\u5c71\u7530", without.<Row>getAs("PatientName").getAs("ideographic"));
        assertEquals(45.0, (double) without.getAs("patient_age_years"));
        assertEquals(List.of("SliceThickness"), without.getList(without.fieldIndex("unparsed_attributes")));
        assertEquals("OK", without.getAs("status"));
    }

    @Test
    void extraTagsAddTypedColumns() throws IOException {
        write(ct("1.1").string(0x00204000, VR.LT, "a comment"), dir.resolve("one.dcm"));

        Row row = load(Map.of("extraTags", "ImageComments, 00091010")).select("ImageComments", "00091010")
                .collectAsList().get(0);

        assertEquals("a comment", row.getAs("ImageComments"));
        assertNull(row.getAs("00091010"));
    }

    @Test
    void severalPathsAndASingleFile() throws IOException {
        Path a = write(ct("1.1"), dir.resolve("a/one.dcm"));
        write(ct("1.2"), dir.resolve("b/two.dcm"));
        write(ct("1.3"), dir.resolve("c/three.dcm"));

        assertEquals(1, spark.read().format("dicom").load(a.toString()).count());
        assertEquals(2, spark.read().format("dicom")
                .load(dir.resolve("a").toString(), dir.resolve("b").toString()).count());
    }

    @Test
    void aFileThatBreaksTheReaderIsAnErrorRowNotAFailedQuery() throws IOException {
        write(ct("1.1"), dir.resolve("fine.dcm"));
        write(ct("1.2"), dir.resolve("hostile.dcm"));

        Map<String, Row> rows = byName(load(Map.of("fs.file.impl", HostileFileSystem.class.getName(),
                        "fs.file.impl.disable.cache", "true"))
                .select("path", "status", "error_code", "SOPInstanceUID"));

        assertEquals("OK", rows.get("fine.dcm").getAs("status"));
        assertEquals("1.1", rows.get("fine.dcm").getAs("SOPInstanceUID"));
        assertEquals("ERROR", rows.get("hostile.dcm").getAs("status"));
        assertEquals("INTERNAL", rows.get("hostile.dcm").getAs("error_code"));
        assertNull(rows.get("hostile.dcm").getAs("SOPInstanceUID"));
    }

    @Test
    void aPlainIoErrorOpeningAFileIsThatFilesIoErrorRow() throws IOException {
        write(ct("1.1"), dir.resolve("fine.dcm"));
        write(ct("1.2"), dir.resolve("unreadable.dcm"));

        Map<String, Row> rows = byName(load(interrupting()).select("path", "status", "error_code"));

        assertEquals("OK", rows.get("fine.dcm").getAs("status"));
        assertEquals("ERROR", rows.get("unreadable.dcm").getAs("status"));
        assertEquals("IO_ERROR", rows.get("unreadable.dcm").getAs("error_code"));
    }

    @Test
    void anInterruptedOpenOrReadFailsTheQueryInsteadOfBecomingAnErrorRow() throws IOException {
        write(ct("1.1"), dir.resolve("open/fine.dcm"));
        write(ct("1.2"), dir.resolve("open/interrupted-open.dcm"));
        write(ct("1.3"), dir.resolve("read/interrupted-read.dcm"));

        for (String folder : List.of("open", "read")) {
            for (String ioThreads : List.of("1", "4")) {
                Exception e = assertThrows(Exception.class, () -> spark.read().format("dicom")
                        .options(interrupting()).option("ioThreads", ioThreads)
                        .load(dir.resolve(folder).toString()).select("status").collectAsList());
                assertTrue(String.valueOf(e.getMessage()).contains("InterruptedIOException: interrupted"),
                        folder + ", ioThreads " + ioThreads + ": " + e.getMessage());
            }
        }
    }

    private static Map<String, String> interrupting() {
        return Map.of("fs.file.impl", InterruptingFileSystem.class.getName(), "fs.file.impl.disable.cache", "true");
    }

    @Test
    void sqlReadsAPathThroughTheDicomCatalog() throws IOException {
        write(ct("1.1"), dir.resolve("one.dcm"));
        write(ct("1.2"), dir.resolve("sub/two.dcm"));

        List<Row> rows = spark.sql("SELECT SOPInstanceUID FROM dicom.`" + dir + "` ORDER BY SOPInstanceUID")
                .collectAsList();

        assertEquals(List.of("1.1", "1.2"), rows.stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void ignoreMissingFilesSkipsAMissingPath() throws IOException {
        Path present = write(ct("1.1"), dir.resolve("present.dcm"));
        String missing = dir.resolve("missing").toString();

        assertEquals(1, spark.read().format("dicom").option("ignoreMissingFiles", "true")
                .load(present.toString(), missing).count());
        Exception e = assertThrows(Exception.class,
                () -> spark.read().format("dicom").load(present.toString(), missing).count());
        assertTrue(String.valueOf(e.getMessage()).contains("Path does not exist"), e.getMessage());
    }
}
