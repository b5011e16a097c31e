package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File layouts: PS3.10 with and without preamble, bare data sets, metas that lie or say nothing. */
class DicomReaderLayoutTest {
    private static final int MODALITY = 0x00080060;
    private static final int ROWS = 0x00280010;

    private static DicomWriter small(TransferSyntax ts) {
        return DicomWriter.create(ts)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(MODALITY, VR.CS, "CT")
                .string(0x00100010, VR.PN, "Doe^John")
                .us(ROWS, 256);
    }

    private static DicomWriter bare(TransferSyntax ts) {
        return small(ts).preamble(false).fileMeta(false);
    }

    private static void assertValues(DicomHeader h) {
        assertEquals(ReadStatus.OK, h.status(), () -> String.valueOf(h.error()));
        assertEquals("CT", h.dataSet().getString(MODALITY));
        assertEquals("Doe^John", h.dataSet().getString(0x00100010));
        assertEquals(VR.US, h.dataSet().get(ROWS).vr());
        assertArrayEquals(new long[] {256}, h.dataSet().get(ROWS).longs());
    }

    private static boolean hasWarning(DicomHeader h, String part) {
        return h.warnings().stream().anyMatch(w -> w.contains(part));
    }

    @Test
    void part10WithPreambleIsReadWithTheDeclaredSyntax() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.EXPLICIT_LITTLE).toBytes());
        assertValues(h);
        assertEquals(new DicomHeader.Encoding(true, true, TransferSyntax.EXPLICIT_LITTLE, false), h.encoding());
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, h.transferSyntaxUID());
        assertEquals(List.of(), h.warnings());
        assertFalse(h.dataSet().contains(Tag.TRANSFER_SYNTAX_UID));
        assertTrue(h.fileMeta().contains(0x00020000));
        assertTrue(h.fileMeta().contains(0x00020012));
    }

    @Test
    void fileMetaWithoutPreambleIsReadWithAWarning() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.IMPLICIT_LITTLE).preamble(false).toBytes());
        assertValues(h);
        assertFalse(h.encoding().preamble());
        assertTrue(h.encoding().fileMetaPresent());
        assertFalse(h.encoding().guessed());
        assertSame(TransferSyntax.IMPLICIT_LITTLE, h.encoding().transferSyntax());
        assertTrue(hasWarning(h, "file meta without preamble"), h.warnings()::toString);
    }

    @Test
    void bareImplicitLittleEndianIsGuessed() {
        assertBareGuessed(TransferSyntax.IMPLICIT_LITTLE);
    }

    @Test
    void bareExplicitLittleEndianIsGuessed() {
        assertBareGuessed(TransferSyntax.EXPLICIT_LITTLE);
    }

    @Test
    void bareExplicitBigEndianIsGuessed() {
        assertBareGuessed(TransferSyntax.EXPLICIT_BIG);
    }

    private static void assertBareGuessed(TransferSyntax ts) {
        DicomHeader h = DicomReader.read(bare(ts).toBytes());
        assertValues(h);
        assertEquals(new DicomHeader.Encoding(false, false, ts, true), h.encoding());
        assertTrue(h.fileMeta().isEmpty());
        assertNull(h.transferSyntaxUID());
        assertTrue(hasWarning(h, "no file meta"), h.warnings()::toString);
    }

    @Test
    void preambleWithoutFileMetaIsGuessed() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.EXPLICIT_LITTLE).fileMeta(false).toBytes());
        assertValues(h);
        assertEquals(new DicomHeader.Encoding(true, false, TransferSyntax.EXPLICIT_LITTLE, true), h.encoding());
        assertTrue(hasWarning(h, "preamble and DICM without file meta"), h.warnings()::toString);
    }

    @Test
    void metaWithoutTransferSyntaxGuessesExplicitData() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.EXPLICIT_LITTLE)
                .omitMeta(Tag.TRANSFER_SYNTAX_UID).toBytes());
        assertValues(h);
        assertNull(h.transferSyntaxUID());
        assertEquals(new DicomHeader.Encoding(true, true, TransferSyntax.EXPLICIT_LITTLE, true), h.encoding());
        assertTrue(hasWarning(h, "no transfer syntax in file meta"), h.warnings()::toString);
    }

    @Test
    void metaWithoutTransferSyntaxGuessesImplicitData() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.IMPLICIT_LITTLE)
                .omitMeta(Tag.TRANSFER_SYNTAX_UID).toBytes());
        assertValues(h);
        assertSame(TransferSyntax.IMPLICIT_LITTLE, h.encoding().transferSyntax());
        assertTrue(h.encoding().guessed());
    }

    @Test
    void explicitSyntaxDeclaredOverImplicitDataIsReadAsImplicit() {
        byte[] file = small(TransferSyntax.IMPLICIT_LITTLE)
                .meta(m -> m.string(Tag.TRANSFER_SYNTAX_UID, VR.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID))
                .toBytes();
        DicomHeader h = DicomReader.read(file);
        assertValues(h);
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, h.transferSyntaxUID());
        assertSame(TransferSyntax.IMPLICIT_LITTLE, h.encoding().transferSyntax());
        assertTrue(h.encoding().guessed());
        assertTrue(hasWarning(h, "differs from the declared transfer syntax"), h.warnings()::toString);
    }

    @Test
    void implicitSyntaxDeclaredOverExplicitDataIsReadAsExplicit() {
        byte[] file = small(TransferSyntax.EXPLICIT_LITTLE)
                .meta(m -> m.string(Tag.TRANSFER_SYNTAX_UID, VR.UI, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID))
                .toBytes();
        DicomHeader h = DicomReader.read(file);
        assertValues(h);
        assertSame(TransferSyntax.EXPLICIT_LITTLE, h.encoding().transferSyntax());
        assertTrue(h.encoding().guessed());
    }

    @Test
    void dicmAtOffset128InsideABareDataSetIsNotMistakenForAPreamble() {
        // (0008,0005) takes 18 bytes, the LT header 8: its value starts at 26, so DICM lands at 128
        String comment = "x".repeat(128 - 26) + "DICM" + "yz";
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).preamble(false).fileMeta(false)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(0x00204000, VR.LT, comment)
                .string(MODALITY, VR.CS, "CT")
                .toBytes();
        assertEquals("DICM", new String(file, 128, 4, StandardCharsets.US_ASCII));
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(new DicomHeader.Encoding(false, false, TransferSyntax.EXPLICIT_LITTLE, true), h.encoding());
        assertEquals(comment, h.dataSet().getString(0x00204000));
        assertEquals(26, h.dataSet().get(0x00204000).valueOffset());
        assertEquals("CT", h.dataSet().getString(MODALITY));
    }

    @Test
    void textIsNotDicom() {
        DicomHeader h = DicomReader.read("hello, this is not a DICOM file at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ReadStatus.NOT_DICOM, h.status());
        assertEquals(ErrorCode.NOT_DICOM, h.error().code());
        assertNull(h.encoding());
    }

    @Test
    void emptyFileIsNotDicom() {
        DicomHeader h = DicomReader.read(new byte[0]);
        assertEquals(ReadStatus.NOT_DICOM, h.status());
        assertEquals(0, h.bytesRead());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1"})
    void fileMetaInImplicitVrIsReadAsFileMeta(String uid) {
        DicomHeader h = DicomReader.read(small(TransferSyntax.of(uid))
                .metaSyntax(TransferSyntax.IMPLICIT_LITTLE).toBytes());
        assertValues(h);
        assertEquals(new DicomHeader.Encoding(true, true, TransferSyntax.of(uid), false), h.encoding());
        assertEquals(uid, h.transferSyntaxUID());
        assertFalse(h.dataSet().contains(0x00020000), "group 0002 is not part of the data set");
        assertTrue(hasWarning(h, "file meta in implicit VR"), h.warnings()::toString);
    }

    @Test
    void fileMetaInImplicitVrWithoutPreambleIsReadAsFileMeta() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.EXPLICIT_LITTLE).preamble(false)
                .metaSyntax(TransferSyntax.IMPLICIT_LITTLE).toBytes());
        assertValues(h);
        assertEquals(new DicomHeader.Encoding(false, true, TransferSyntax.EXPLICIT_LITTLE, false), h.encoding());
        assertEquals(4, h.fileMeta().size());
    }

    @Test
    void lyingGroupLengthIsIgnored() {
        DicomHeader h = DicomReader.read(small(TransferSyntax.EXPLICIT_LITTLE)
                .meta(m -> m.ul(0x00020000, 9999)).toBytes());
        assertValues(h);
        assertFalse(h.encoding().guessed());
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, h.transferSyntaxUID());
    }
}
