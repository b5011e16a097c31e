package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deviations from PS3.5 that real files have and that the reader tolerates with a warning. */
class DicomReaderQuirksTest {
    private static final int PATIENT_ID = 0x00100020;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int ROWS = 0x00280010;

    private static DicomWriter start(TransferSyntax ts) {
        return DicomWriter.create(ts).string(0x00080060, VR.CS, "MR");
    }

    private static boolean hasWarning(DicomHeader h, String part) {
        return h.warnings().stream().anyMatch(w -> w.contains(part));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void oddLengthIsToleratedWithAWarning(String uid) {
        DicomHeader h = DicomReader.read(start(TransferSyntax.of(uid))
                .bytes(PATIENT_NAME, VR.PN, "Doe".getBytes(StandardCharsets.US_ASCII))
                .us(ROWS, 10)
                .toBytes());
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(3, h.dataSet().get(PATIENT_NAME).length());
        assertEquals("Doe", h.dataSet().getString(PATIENT_NAME));
        assertArrayEquals(new long[] {10}, h.dataSet().get(ROWS).longs());
        assertTrue(hasWarning(h, "odd value length at (0010,0010)"), h.warnings()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ", "\0\0"})
    void unknownVrCodeTakesTheDictionaryVrWithAWarning(String code) {
        DicomHeader h = DicomReader.read(start(TransferSyntax.EXPLICIT_LITTLE)
                .rawElement(PATIENT_ID, code, 6, "AB-123".getBytes(StandardCharsets.US_ASCII))
                .us(ROWS, 10)
                .string(0x00280030, VR.DS, "0.5", "0.5")
                .toBytes());
        assertEquals(ReadStatus.OK, h.status());
        DicomElement id = h.dataSet().get(PATIENT_ID);
        assertEquals(VR.LO, id.vr());
        assertEquals("AB-123", id.string());
        assertArrayEquals(new long[] {10}, h.dataSet().get(ROWS).longs());
        assertEquals(List.of("0.5", "0.5"), h.dataSet().getStrings(0x00280030));
        assertTrue(hasWarning(h, "unknown VR code at (0010,0020)"), h.warnings()::toString);
    }

    @Test
    void unknownVrCodeOnAnUnknownTagGivesUn() {
        DicomHeader h = DicomReader.read(start(TransferSyntax.EXPLICIT_LITTLE)
                .rawElement(0x00110010, "ZZ", 2, new byte[] {1, 2})
                .us(ROWS, 10)
                .toBytes());
        assertEquals(ReadStatus.OK, h.status());
        assertArrayEquals(new byte[] {1, 2}, h.dataSet().get(0x00110010).bytes());
        assertArrayEquals(new long[] {10}, h.dataSet().get(ROWS).longs());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7})
    void bytesShorterThanAHeaderAfterTheLastElementAreATruncatedHeader(int count) {
        byte[] file = start(TransferSyntax.EXPLICIT_LITTLE)
                .us(ROWS, 10)
                .rawBytes(new byte[count])
                .toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.PARTIAL, h.status());
        assertEquals(ErrorCode.TRUNCATED, h.error().code());
        assertEquals(file.length - count, h.error().offset());
        assertArrayEquals(new long[] {10}, h.dataSet().get(ROWS).longs());
    }

    @Test
    void fileEndingInsideAValueIsPartial() {
        byte[] file = start(TransferSyntax.EXPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "Doe^John").toBytes();
        DicomHeader h = DicomReader.read(java.util.Arrays.copyOf(file, file.length - 3));
        assertEquals(ReadStatus.PARTIAL, h.status());
        assertEquals(ErrorCode.LENGTH_EXCEEDS_FILE, h.error().code());
        assertEquals("MR", h.dataSet().getString(0x00080060));
    }

    @Test
    void strayItemDelimiterAtTopLevelIsSkippedWithAWarning() {
        byte[] delimiter = {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0};
        DicomHeader h = DicomReader.read(start(TransferSyntax.EXPLICIT_LITTLE)
                .rawBytes(delimiter)
                .us(ROWS, 10)
                .toBytes());
        assertEquals(ReadStatus.OK, h.status());
        assertArrayEquals(new long[] {10}, h.dataSet().get(ROWS).longs());
        assertTrue(hasWarning(h, "stray item delimitation item"), h.warnings()::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void implicitUsOrSsFollowsPixelRepresentation(int pixelRepresentation) {
        DicomHeader h = DicomReader.read(start(TransferSyntax.IMPLICIT_LITTLE)
                .us(0x00280103, pixelRepresentation)
                .ss(0x00280106, -5)
                .sequence(0x00880200, true, s -> s.item(true, i -> i.ss(0x00280107, -7)))
                .toBytes());
        DicomElement smallest = h.dataSet().get(0x00280106);
        DicomElement iconLargest = h.dataSet().get(0x00880200).items().get(0).get(0x00280107);
        if (pixelRepresentation == 1) {
            assertEquals(VR.SS, smallest.vr());
            assertArrayEquals(new long[] {-5}, smallest.longs());
            assertEquals(VR.SS, iconLargest.vr(), "the item inherits the parent's Pixel Representation");
            assertArrayEquals(new long[] {-7}, iconLargest.longs());
        } else {
            assertEquals(VR.US, smallest.vr());
            assertArrayEquals(new long[] {65531}, smallest.longs());
            assertEquals(VR.US, iconLargest.vr());
        }
    }

    @Test
    void encapsulatedPixelDataInAnImplicitDataSetIsOb() {
        // the meta declares JPEG Baseline but the data set is implicit VR: pixel data still encapsulated
        byte[] file = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE)
                .meta(m -> m.string(Tag.TRANSFER_SYNTAX_UID, VR.UI, "1.2.840.10008.1.2.4.50"))
                .string(0x00080060, VR.CS, "MR")
                .encapsulatedPixelData(new byte[] {1, 2, 3, 4})
                .toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(TransferSyntax.IMPLICIT_LITTLE, h.encoding().transferSyntax());
        assertEquals(new PixelDataInfo(Tag.PIXEL_DATA, VR.OB, file.length - (8 + 12 + 8), -1), h.pixelData());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void privateElementSentAsUnTakesTheVrOfItsKnownCreator(String uid) {
        // private-dictionary.tsv: GEMS_ACQU_01 0009xx25 US; a UN value is little endian in any syntax
        int tag = DicomWriter.privateTag(0x0009, 0x10, 0x25);
        DicomHeader h = DicomReader.read(start(TransferSyntax.of(uid))
                .privateBlock(0x0009, 0x10, "GEMS_ACQU_01")
                .rawElement(tag, "UN", 2, new byte[] {0x2C, 0x01})
                .toBytes());
        assertEquals(VR.US, h.dataSet().get(tag).vr());
        assertArrayEquals(new long[] {300}, h.dataSet().get(tag).longs());
        assertEquals("GEMS_ACQU_01", h.dataSet().privateCreator(tag));
    }
}
