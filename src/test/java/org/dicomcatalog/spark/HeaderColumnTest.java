package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.VariantVal;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.dicom.write.ElementsBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderColumnTest {
    private static final int IMAGE_TYPE = 0x00080008;
    private static final int MODALITY = 0x00080060;
    private static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PIXEL_SPACING = 0x00280030;
    private static final int ROWS = 0x00280010;
    private static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    private static final int ACME_GROUP = 0x0029;
    /**
     * The first value of (0029,"ACME 1.0",10) as a SQL literal: the key holds double quotes, so the path quotes
     * it with escaped single quotes; the private dictionary does not know the element, so its values are an array.
     */
    private static final String ACME_PATH = "'$[\\'(0029,\"ACME 1.0\",10)\\'][0]'";

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    /** A file where "ACME 1.0" reserves private block {@code block}; another creator has block 0x10 otherwise. */
    private static DicomWriter withAcmeIn(int block, String value) {
        DicomWriter writer = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(MODALITY, VR.CS, "MR")
                .privateBlock(ACME_GROUP, block, "ACME 1.0")
                .string(ElementsBuilder.privateTag(ACME_GROUP, block, 0x10), VR.LO, value);
        return block == 0x10 ? writer : writer.privateBlock(ACME_GROUP, 0x10, "OTHER VENDOR")
                .string(ElementsBuilder.privateTag(ACME_GROUP, 0x10, 0x10), VR.LO, "not acme");
    }

    private List<Row> sql(String query) {
        return spark.sql(query.replace("$DIR", "dicom.`" + dir + "`")).collectAsList();
    }

    @Test
    void keysAreKeywordsHexOrPrivateCreatorAndOffset() {
        assertEquals("PatientName", HeaderVariant.key(PATIENT_NAME, null));
        assertEquals("60020010", HeaderVariant.key(0x60020010, null), "OverlayRows: every 60xx group shares it");
        assertEquals("00080000", HeaderVariant.key(0x00080000, null));
        assertEquals("(0029,\"SIEMENS CSA HEADER\",10)", HeaderVariant.key(0x00291110, "SIEMENS CSA HEADER"));
        assertEquals("00291110", HeaderVariant.key(0x00291110, null), "a block without a creator");
        assertNull(HeaderVariant.key(0x00290011, "SIEMENS CSA HEADER"), "creators are in the keys");
    }

    @Test
    void valuesKeepTheirTextWhenTheyDoNotParse() throws IOException {
        DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(0x00180050, VR.DS, "2,5")
                .string(0x00200013, VR.IS, "7")
                .string(PATIENT_NAME, VR.PN, "Doe^John", "Roe^Jane")
                .string(0x00204000, VR.LT, "")
                .writeTo(dir.resolve("odd.dcm"));

        Row row = sql("SELECT to_json(header) FROM $DIR").get(0);

        assertEquals("{\"ImageComments\":null,\"InstanceNumber\":7,\"PatientName\":[{\"Alphabetic\":\"Doe^John\"},"
                + "{\"Alphabetic\":\"Roe^Jane\"}],\"SliceThickness\":\"2,5\"}", row.getString(0));
    }

    @Test
    void standardElementsByKeywordTypedByVrAndNestedSequences() throws IOException {
        DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY")
                .string(MODALITY, VR.CS, "CT")
                .sequence(REFERENCED_IMAGE_SEQUENCE, true, s -> s
                        .item(false, i -> i.string(REFERENCED_SOP_INSTANCE_UID, VR.UI, "1.2.3.1"))
                        .item(true, i -> i.string(REFERENCED_SOP_INSTANCE_UID, VR.UI, "1.2.3.2")))
                .string(PATIENT_NAME, VR.PN, "Doe^John")
                .us(ROWS, 512)
                .string(PIXEL_SPACING, VR.DS, "0.5", "0.75")
                .writeTo(dir.resolve("ct.dcm"));

        Row row = sql("SELECT variant_get(header, '$.PatientName.Alphabetic', 'string'),"
                + " variant_get(header, '$.ReferencedImageSequence[1].ReferencedSOPInstanceUID', 'string'),"
                + " variant_get(header, '$.Modality', 'string'), variant_get(header, '$.ImageType[1]', 'string'),"
                + " variant_get(header, '$.Rows', 'int'), variant_get(header, '$.PixelSpacing[1]', 'double'),"
                + " schema_of_variant(variant_get(header, '$.Rows')) FROM $DIR").get(0);

        assertEquals("Doe^John", row.getString(0));
        assertEquals("1.2.3.2", row.getString(1));
        assertEquals("CT", row.getString(2));
        assertEquals("PRIMARY", row.getString(3));
        assertEquals(512, row.getInt(4));
        assertEquals(0.75, row.getDouble(5));
        assertEquals("BIGINT", row.getString(6));
    }

    @Test
    void privateElementsAreKeyedByCreatorWhereverTheirBlockIs() throws IOException {
        withAcmeIn(0x10, "in block 10").writeTo(dir.resolve("a.dcm"));
        withAcmeIn(0x11, "in block 11").writeTo(dir.resolve("b.dcm"));

        Map<String, String> byFile = new TreeMap<>();
        for (Row row : sql("SELECT path, variant_get(header, " + ACME_PATH + ", 'string') FROM $DIR")) {
            byFile.put(Path.of(row.getString(0)).getFileName().toString(), row.getString(1));
        }

        assertEquals(Map.of("a.dcm", "in block 10", "b.dcm", "in block 11"), byFile);
        Row b = sql("SELECT to_json(header) FROM $DIR WHERE path LIKE '%b.dcm'").get(0);
        assertEquals("{\"(0029,\\\"ACME 1.0\\\",10)\":[\"in block 11\"],"
                + "\"(0029,\\\"OTHER VENDOR\\\",10)\":[\"not acme\"],\"Modality\":\"MR\"}", b.getString(0));
    }

    @Test
    void includePrivateTagsFalseLeavesThemOut() throws IOException {
        withAcmeIn(0x11, "secret").writeTo(dir.resolve("b.dcm"));

        Row row = spark.read().format("dicom").option("includePrivateTags", "false").load(dir.toString())
                .selectExpr("to_json(header)").first();

        assertEquals("{\"Modality\":\"MR\"}", row.getString(0));
    }

    @Test
    void bulkDataIsItsOffsetAndLengthNeverTheBytes() throws IOException {
        Path file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(MODALITY, VR.CS, "DOC")
                .bytes(ENCAPSULATED_DOCUMENT, VR.OB, new byte[2000])
                .writeTo(dir.resolve("doc.dcm"));
        long offset = DicomReader.read(file, ReadOptions.DEFAULTS).dataSet().get(ENCAPSULATED_DOCUMENT).valueOffset();

        Row row = sql("SELECT variant_get(header, '$.EncapsulatedDocument.offset', 'long'),"
                + " variant_get(header, '$.EncapsulatedDocument.length', 'long') FROM $DIR").get(0);

        assertEquals(offset, row.getLong(0));
        assertEquals(2000L, row.getLong(1));
    }

    @Test
    void headerIsNullForFilesThatAreNotDicom() throws IOException {
        withAcmeIn(0x10, "x").writeTo(dir.resolve("a.dcm"));
        Files.writeString(dir.resolve("notes.txt"), "not a DICOM file");

        Dataset<Row> df = spark.read().format("dicom").load(dir.toString());
        Row notDicom = df.where("path LIKE '%notes.txt'").select("status", "header").first();

        assertEquals("NOT_DICOM", notDicom.getString(0));
        assertNull(notDicom.get(1));
        assertTrue(df.select("header").first().get(0) instanceof VariantVal);
    }

    @Test
    void headerSurvivesParquet() throws IOException {
        withAcmeIn(0x11, "kept").writeTo(dir.resolve("b.dcm"));
        Path parquet = dir.resolveSibling(dir.getFileName() + "-parquet");

        spark.read().format("dicom").load(dir.toString()).select("path", "header")
                .write().mode("overwrite").parquet(parquet.toString());
        Row row = spark.read().parquet(parquet.toString())
                .selectExpr("variant_get(header, " + ACME_PATH + ", 'string')",
                        "variant_get(header, '$.Modality', 'string')")
                .first();

        assertEquals("kept", row.getString(0));
        assertEquals("MR", row.getString(1));
    }
}
