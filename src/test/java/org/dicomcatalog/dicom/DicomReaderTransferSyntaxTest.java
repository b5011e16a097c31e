package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One data set written in every kind of transfer syntax must decode to the same values. */
class DicomReaderTransferSyntaxTest {
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    /** Not a UID of PS3.6: a syntax added after this reader was written. */
    static final String FUTURE = "1.2.840.10008.1.2.4.999";
    private static final byte[] FRAGMENT_1 = {1, 2, 3, 4, 5, 6};
    private static final byte[] FRAGMENT_2 = {7, 8};

    static Stream<String> syntaxes() {
        return Stream.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN_UID, DEFLATED, JPEG_BASELINE, FUTURE);
    }

    /** Standard tags only, so that implicit VR takes every VR from the dictionary. */
    static DicomWriter sample(String uid) {
        DicomWriter w = DicomWriter.create(uid)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "M")
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.4")
                .string(0x00080060, VR.CS, "MR")
                .sequence(0x00081115, true, s -> s.item(false, i -> i.string(0x0020000E, VR.UI, "1.2.3.4")))
                .string(0x00100010, VR.PN, "Müller^Jürgen=Mueller^Juergen")
                .fd(0x00189087, 1000.5)
                .sl(0x00186020, -1234, 70000)
                .string(0x00200013, VR.IS, "7")
                .at(0x00209165, 0x00209111, 0x0020A0B0)
                .us(0x00280010, 512)
                .us(0x00280011, 65535)
                .string(0x00280030, VR.DS, "0.5", "0.25");
        if (TransferSyntax.of(uid).encapsulated()) {
            w.encapsulatedPixelData(FRAGMENT_1, FRAGMENT_2);
        } else {
            w.pixelData(VR.OW, 32);
        }
        return w;
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void sameDataSetDecodesToSameValuesInEverySyntax(String uid) {
        DicomHeader h = DicomReader.read(sample(uid).toBytes());
        assertEquals(ReadStatus.OK, h.status(), () -> String.valueOf(h.error()));
        assertEquals(uid, h.transferSyntaxUID());
        assertEquals(uid, h.encoding().transferSyntax().uid());
        assertFalse(h.encoding().guessed());
        assertEquals(List.of(), h.warnings());

        DicomDataSet ds = h.dataSet();
        assertEquals(List.of("ORIGINAL", "PRIMARY", "M"), ds.getStrings(0x00080008));
        assertEquals("1.2.840.10008.5.1.4.1.1.4", ds.getString(0x00080016));
        assertEquals("MR", ds.getString(0x00080060));
        assertEquals("Müller^Jürgen=Mueller^Juergen", ds.getString(0x00100010));
        assertEquals(VR.PN, ds.get(0x00100010).vr());
        assertEquals(new PersonName("Müller^Jürgen", "Mueller^Juergen", null),
                PersonName.parse(ds.get(0x00100010).text()));
        assertEquals("7", ds.getString(0x00200013));
        assertEquals(List.of("0.5", "0.25"), ds.getStrings(0x00280030));

        DicomElement rows = ds.get(0x00280010);
        assertEquals(VR.US, rows.vr());
        assertArrayEquals(new long[] {512}, rows.longs());
        assertArrayEquals(new long[] {65535}, ds.get(0x00280011).longs());
        DicomElement sl = ds.get(0x00186020);
        assertEquals(VR.SL, sl.vr());
        assertArrayEquals(new long[] {-1234, 70000}, sl.longs());
        DicomElement fd = ds.get(0x00189087);
        assertEquals(VR.FD, fd.vr());
        assertArrayEquals(new double[] {1000.5}, fd.doubles());
        DicomElement at = ds.get(0x00209165);
        assertEquals(VR.AT, at.vr());
        assertArrayEquals(new long[] {0x00209111, 0x0020A0B0}, at.longs());
        assertEquals(List.of("00209111", "0020A0B0"), at.strings());

        DicomElement seq = ds.get(0x00081115);
        assertEquals(VR.SQ, seq.vr());
        assertEquals(1, seq.items().size());
        assertEquals("1.2.3.4", seq.items().get(0).getString(0x0020000E));
        assertFalse(ds.contains(Tag.PIXEL_DATA));
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void pixelDataIsLocatedInEverySyntax(String uid) {
        byte[] file = sample(uid).toBytes();
        PixelDataInfo pixels = DicomReader.read(file).pixelData();
        assertNotNull(pixels);
        assertEquals(Tag.PIXEL_DATA, pixels.tag());
        TransferSyntax ts = TransferSyntax.of(uid);
        if (ts.deflated()) {
            assertEquals(-1, pixels.valueOffset());
            assertEquals(32, pixels.length());
        } else if (ts.encapsulated()) {
            assertTrue(pixels.encapsulated());
            assertEquals(VR.OB, pixels.vr());
            // after the header come: empty offset table item, two fragment items, sequence delimiter
            long encapsulatedValue = 8 + (8 + FRAGMENT_1.length) + (8 + FRAGMENT_2.length) + 8;
            assertEquals(file.length - encapsulatedValue, pixels.valueOffset());
        } else {
            assertEquals(VR.OW, pixels.vr());
            assertEquals(32, pixels.length());
            assertEquals(file.length - 32, pixels.valueOffset());
        }
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void syntaxPropertiesFollowTheUid(String uid) {
        TransferSyntax ts = DicomReader.read(sample(uid).toBytes()).encoding().transferSyntax();
        assertEquals(!uid.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID), ts.explicitVR());
        assertEquals(uid.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN_UID), ts.bigEndian());
        assertEquals(uid.equals(DEFLATED), ts.deflated());
        assertEquals(uid.equals(JPEG_BASELINE) || uid.equals(FUTURE), ts.encapsulated());
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void bigEndianOnlyForTheBigEndianSyntax(String uid) {
        DicomDataSet ds = DicomReader.read(sample(uid).toBytes()).dataSet();
        assertEquals(uid.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN_UID), ds.get(0x00280010).bigEndian());
    }
}
