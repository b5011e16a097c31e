package org.dicomcatalog.dicom.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Inflater;

import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomWriterTest {
    private static final int PATIENT_NAME = 0x00100010;
    private static final String DOE_JOHN = "44 6F 65 5E 4A 6F 68 6E";

    @TempDir
    Path tmp;

    /** A bare data set: no preamble, no meta, so the bytes are the element alone. */
    private static DicomWriter bare(TransferSyntax ts) {
        return DicomWriter.create(ts).preamble(false).fileMeta(false);
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static void assertHex(String expected, byte[] actual) {
        assertEquals(expected.replace(" ", ""), HexFormat.of().withUpperCase().formatHex(actual));
    }

    @Test
    void explicitLittleEndianShortHeader() {
        assertHex("10 00 10 00 50 4E 08 00 " + DOE_JOHN,
                bare(TransferSyntax.EXPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "Doe^John").toBytes());
    }

    @Test
    void implicitLittleEndianHasFourByteLengthAndNoVr() {
        assertHex("10 00 10 00 08 00 00 00 " + DOE_JOHN,
                bare(TransferSyntax.IMPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "Doe^John").toBytes());
    }

    @Test
    void explicitBigEndianSwapsTagAndLength() {
        assertHex("00 10 00 10 50 4E 00 08 " + DOE_JOHN,
                bare(TransferSyntax.EXPLICIT_BIG).string(PATIENT_NAME, VR.PN, "Doe^John").toBytes());
    }

    @Test
    void oddStringIsPaddedWithSpaceAndUidWithNul() {
        assertHex("08 00 70 00 4C 4F 04 00 41 42 43 20",
                bare(TransferSyntax.EXPLICIT_LITTLE).string(0x00080070, VR.LO, "ABC").toBytes());
        assertHex("08 00 16 00 55 49 06 00 31 2E 32 2E 33 00",
                bare(TransferSyntax.EXPLICIT_LITTLE).string(0x00080016, VR.UI, "1.2.3").toBytes());
    }

    @Test
    void multipleValuesAreJoinedWithBackslash() {
        assertHex("08 00 08 00 43 53 04 00 41 5C 42 20",
                bare(TransferSyntax.EXPLICIT_LITTLE).string(0x00080008, VR.CS, "A", "B").toBytes());
    }

    @Test
    void numbersFollowTheByteOrder() {
        assertHex("00 28 00 10 55 53 00 02 02 00",
                bare(TransferSyntax.EXPLICIT_BIG).us(0x00280010, 512).toBytes());
        assertHex("28 00 10 00 55 53 02 00 00 02",
                bare(TransferSyntax.EXPLICIT_LITTLE).us(0x00280010, 512).toBytes());
        assertHex("00 18 60 20 55 4C 00 04 00 01 02 03",
                bare(TransferSyntax.EXPLICIT_BIG).ul(0x00186020, 0x00010203L).toBytes());
        assertHex("00 18 10 88 46 44 00 08 3F F0 00 00 00 00 00 00",
                bare(TransferSyntax.EXPLICIT_BIG).fd(0x00181088, 1.0).toBytes());
    }

    @Test
    void attributeTagSwapsGroupAndElementSeparately() {
        assertHex("00 20 90 57 41 54 00 04 00 28 00 10",
                bare(TransferSyntax.EXPLICIT_BIG).at(0x00209057, 0x00280010).toBytes());
        assertHex("20 00 57 90 41 54 04 00 28 00 10 00",
                bare(TransferSyntax.EXPLICIT_LITTLE).at(0x00209057, 0x00280010).toBytes());
    }

    @Test
    void longVrHeaderHasReservedBytesAndOwIsSwappedPerWord() {
        byte[] le = hex("01 02 03 04");
        assertHex("09 00 10 10 4F 57 00 00 04 00 00 00 01 02 03 04",
                bare(TransferSyntax.EXPLICIT_LITTLE).binary(0x00091010, VR.OW, le).toBytes());
        assertHex("00 09 10 10 4F 57 00 00 00 00 00 04 02 01 04 03",
                bare(TransferSyntax.EXPLICIT_BIG).binary(0x00091010, VR.OW, le).toBytes());
        assertHex("00 09 10 10 4F 57 00 00 00 00 00 04 01 02 03 04",
                bare(TransferSyntax.EXPLICIT_BIG).bytes(0x00091010, VR.OW, le).toBytes());
    }

    @Test
    void definedLengthSequenceAndItemCountTheirContent() {
        byte[] b = bare(TransferSyntax.EXPLICIT_LITTLE)
                .sequence(0x00081115, false, s -> s.item(false, i -> i.string(0x00081150, VR.UI, "1.2")))
                .toBytes();
        assertHex("08 00 15 11 53 51 00 00 14 00 00 00"     // SQ, length 20
                + " FE FF 00 E0 0C 00 00 00"                // item, length 12
                + " 08 00 50 11 55 49 04 00 31 2E 32 00", b);
    }

    @Test
    void undefinedLengthSequenceAndItemEndWithDelimiters() {
        byte[] b = bare(TransferSyntax.EXPLICIT_LITTLE)
                .sequence(0x00081115, true, s -> s.item(true, i -> i.string(0x00081150, VR.UI, "1.2")))
                .toBytes();
        assertHex("08 00 15 11 53 51 00 00 FF FF FF FF"
                + " FE FF 00 E0 FF FF FF FF"
                + " 08 00 50 11 55 49 04 00 31 2E 32 00"
                + " FE FF 0D E0 00 00 00 00"
                + " FE FF DD E0 00 00 00 00", b);
    }

    @Test
    void itemTagsHaveNoVrAndFollowByteOrder() {
        assertHex("08 00 15 11 08 00 00 00 FE FF 00 E0 00 00 00 00",
                bare(TransferSyntax.IMPLICIT_LITTLE).sequence(0x00081115, false, SeqBuilder::emptyItem).toBytes());
        assertHex("00 08 11 15 53 51 00 00 00 00 00 08 FF FE E0 00 00 00 00 00",
                bare(TransferSyntax.EXPLICIT_BIG).sequence(0x00081115, false, SeqBuilder::emptyItem).toBytes());
    }

    @Test
    void unknownSequenceContentIsImplicitLittleEndian() {
        byte[] b = bare(TransferSyntax.EXPLICIT_BIG)
                .sequence(0x00091001, VR.UN, true, s -> s.item(true, i -> i.us(0x00280010, 1)))
                .toBytes();
        assertHex("00 09 10 01 55 4E 00 00 FF FF FF FF"
                + " FE FF 00 E0 FF FF FF FF"
                + " 28 00 10 00 02 00 00 00 01 00"
                + " FE FF 0D E0 00 00 00 00"
                + " FE FF DD E0 00 00 00 00", b);
    }

    @Test
    void privateBlockWritesCreatorAndBlockElements() {
        byte[] b = bare(TransferSyntax.EXPLICIT_LITTLE)
                .privateBlock(0x0009, 0x10, "ACME")
                .string(DicomWriter.privateTag(0x0009, 0x10, 0x01), VR.SH, "X")
                .toBytes();
        assertHex("09 00 10 00 4C 4F 04 00 41 43 4D 45"
                + " 09 00 01 10 53 48 02 00 58 20", b);
    }

    @Test
    void encapsulatedPixelDataHasOffsetTableFragmentsAndDelimiter() {
        byte[] b = bare(TransferSyntax.of("1.2.840.10008.1.2.4.50"))
                .encapsulatedPixelData(hex("AA BB"), hex("CC DD EE FF"))
                .toBytes();
        assertHex("E0 7F 10 00 4F 42 00 00 FF FF FF FF"
                + " FE FF 00 E0 00 00 00 00"
                + " FE FF 00 E0 02 00 00 00 AA BB"
                + " FE FF 00 E0 04 00 00 00 CC DD EE FF"
                + " FE FF DD E0 00 00 00 00", b);
        byte[] withTable = bare(TransferSyntax.of("1.2.840.10008.1.2.4.50"))
                .encapsulatedPixelData(new long[] {0}, hex("AA BB")).toBytes();
        assertHex("FE FF 00 E0 04 00 00 00 00 00 00 00", Arrays.copyOfRange(withTable, 12, 24));
    }

    @Test
    void rawElementWritesInvalidVrAndLyingLength() {
        assertHex("10 00 10 00 5A 5A 10 00 41 42",
                bare(TransferSyntax.EXPLICIT_LITTLE).rawElement(PATIENT_NAME, "ZZ", 16, hex("41 42")).toBytes());
        assertHex("10 00 10 00 00 00 00 00 02 00 00 00 41 42",
                bare(TransferSyntax.EXPLICIT_LITTLE).rawElement(PATIENT_NAME, "\0\0", true, 2, hex("41 42"))
                        .toBytes());
        assertThrows(IllegalArgumentException.class,
                () -> bare(TransferSyntax.EXPLICIT_LITTLE).bytes(PATIENT_NAME, VR.PN, new byte[0x10000]).toBytes());
    }

    @Test
    void insertionOrderIsKeptUnlessSorted() {
        DicomWriter w = bare(TransferSyntax.IMPLICIT_LITTLE).us(0x00280011, 1).us(0x00280010, 2)
                .us(0x00280010, 3);
        assertHex("28 00 11 00 02 00 00 00 01 00 28 00 10 00 02 00 00 00 02 00 28 00 10 00 02 00 00 00 03 00",
                w.toBytes());
        assertHex("28 00 10 00 02 00 00 00 02 00 28 00 10 00 02 00 00 00 03 00 28 00 11 00 02 00 00 00 01 00",
                w.sorted().toBytes());
    }

    @Test
    void preambleIsFollowedByDicmAndMeta() {
        byte[] b = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "A")
                .toBytes();
        assertArrayEquals(new byte[128], Arrays.copyOf(b, 128));
        assertEquals("DICM", new String(b, 128, 4, StandardCharsets.US_ASCII));
        assertHex("02 00 00 00 55 4C 04 00", Arrays.copyOfRange(b, 132, 140));
        assertHex("02 00 01 00 4F 42 00 00 02 00 00 00 00 01", Arrays.copyOfRange(b, 144, 158));
    }

    @Test
    void metaGroupLengthCountsTheRestOfGroup0002() {
        byte[] b = DicomWriter.create(TransferSyntax.EXPLICIT_BIG)
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .string(0x00080018, VR.UI, "1.2.3.4")
                .string(PATIENT_NAME, VR.PN, "A")
                .toBytes();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long declared = buf.getInt(140) & 0xFFFFFFFFL;
        int pos = 144;
        while (buf.getShort(pos) == 0x0002) {
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            boolean longHeader = VR.ofName(vr).hasLongExplicitLength();
            pos += longHeader ? 12 + buf.getInt(pos + 8) : 8 + (buf.getShort(pos + 6) & 0xFFFF);
        }
        assertEquals(pos - 144, declared);
        String meta = new String(b, 144, pos - 144, StandardCharsets.ISO_8859_1);
        assertEquals(true, meta.contains("1.2.840.10008.5.1.4.1.1.7\0"), "SOP class copied from (0008,0016)");
        assertEquals(true, meta.contains(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN_UID + "\0"));
        assertHex("00 08 00 16 55 49 00 1A", Arrays.copyOfRange(b, pos, pos + 8));
    }

    @Test
    void metaOverridesReplaceOrOmitDefaults() {
        byte[] b = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).preamble(false)
                .meta(m -> m.ul(0x00020000, 999))
                .omitMeta(0x00020001, 0x00020010, 0x00020012)
                .toBytes();
        assertHex("02 00 00 00 55 4C 04 00 E7 03 00 00", b);
    }

    @Test
    void deflatedDataSetInflatesToExplicitLittleEndian() throws Exception {
        DicomWriter deflated = DicomWriter.create("1.2.840.10008.1.2.1.99")
                .string(PATIENT_NAME, VR.PN, "Doe^John")
                .sequence(0x00081115, true, s -> s.item(false, i -> i.us(0x00280010, 7)));
        byte[] expected = bare(TransferSyntax.EXPLICIT_LITTLE)
                .string(PATIENT_NAME, VR.PN, "Doe^John")
                .sequence(0x00081115, true, s -> s.item(false, i -> i.us(0x00280010, 7)))
                .toBytes();
        byte[] file = deflated.toBytes();
        int metaEnd = 144 + ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(140);
        assertHex("02 00 01 00 4F 42", Arrays.copyOfRange(file, 144, 150)); // the meta itself is plain

        Inflater inflater = new Inflater(true);
        inflater.setInput(Arrays.copyOfRange(file, metaEnd, file.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void truncatedToCutsTheOutput() {
        assertHex("10 00 10 00 50",
                bare(TransferSyntax.EXPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "Doe^John").truncatedTo(5)
                        .toBytes());
    }

    @Test
    void pixelDataHeaderOnlyDeclaresLengthWithoutValue() {
        assertHex("E0 7F 10 00 4F 57 00 00 00 01 00 00",
                bare(TransferSyntax.EXPLICIT_LITTLE).pixelDataHeaderOnly(VR.OW, 256).toBytes());
        assertEquals(12 + 6, bare(TransferSyntax.EXPLICIT_LITTLE).pixelData(VR.OB, 6).toBytes().length);
    }

    @Test
    void sparseFileHasTheDeclaredSizeOnDisk() throws Exception {
        long pixels = 3L * 1024 * 1024 * 1024;
        DicomWriter w = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).us(0x00280010, 1);
        Path p = w.writeSparse(tmp.resolve("big.dcm"), pixels);
        int head = w.toBytes().length;
        assertEquals(head + 12 + pixels, Files.size(p));
        try (var ch = Files.newByteChannel(p)) {
            ByteBuffer header = ByteBuffer.allocate(12);
            ch.position(head).read(header);
            assertHex("E0 7F 10 00 4F 57 00 00 00 00 00 C0", header.array());
        }
    }

    @Test
    void writeToWritesTheSameBytes() throws Exception {
        DicomWriter w = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE).string(PATIENT_NAME, VR.PN, "A");
        assertArrayEquals(w.toBytes(), Files.readAllBytes(w.writeTo(tmp.resolve("a.dcm"))));
    }
}
