package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.dicomcatalog.dicom.write.DataSetBuilder;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of values read from a file: string splitting and padding, binary numbers, text charsets. */
class DicomElementValuesTest {
    private static final int TAG = 0x00091001;

    /** One element of the given VR in a bare data set of the given syntax, read back. */
    private static DicomElement one(String uid, Consumer<DicomWriter> add) {
        DicomWriter w = DicomWriter.create(uid).string(0x00080060, VR.CS, "OT");
        add.accept(w);
        DicomHeader h = DicomReader.read(w.toBytes());
        assertEquals(ReadStatus.OK, h.status());
        return h.dataSet().get(TAG);
    }

    private static DicomElement raw(VR vr, String value) {
        return one(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID,
                w -> w.bytes(TAG, vr, value.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void multiValuedStringsAreSplitAndTrimmedPerVr() {
        assertEquals(List.of("ORIGINAL", "PRIMARY", ""), raw(VR.CS, " ORIGINAL \\PRIMARY\\ ").strings());
        assertEquals(List.of("1.2", "3.4"), raw(VR.UI, "1.2\\3.4\0").strings());
        assertEquals(List.of("-1.5", "2e3"), raw(VR.DS, " -1.5\\2e3 ").strings());
        assertEquals(List.of(" Doe^John", "Roe"), raw(VR.PN, " Doe^John\\Roe ").strings(),
                "PN keeps leading spaces");
    }

    @Test
    void singleValuedTextKeepsBackslashAndLeadingSpaces() {
        assertEquals(List.of("  a\\b"), raw(VR.LT, "  a\\b  ").strings());
        assertEquals(List.of("x\\y"), raw(VR.ST, "x\\y ").strings());
    }

    @Test
    void emptyOrPaddingOnlyValueHasNoValues() {
        assertEquals(List.of(), raw(VR.LO, "  ").strings());
        assertNull(raw(VR.LO, "  ").string());
        assertEquals(List.of(), raw(VR.SH, "").strings());
        assertEquals(0, raw(VR.SH, "").length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void integersDecodeInBothByteOrders(String uid) {
        assertArrayEquals(new long[] {-2, 32767}, one(uid, w -> w.ss(TAG, -2, 32767)).longs());
        assertArrayEquals(new long[] {0, 65535}, one(uid, w -> w.us(TAG, 0, 65535)).longs());
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 1}, one(uid, w -> w.sl(TAG, Integer.MIN_VALUE, 1)).longs());
        assertArrayEquals(new long[] {4294967295L, 16909060},
                one(uid, w -> w.ul(TAG, 4294967295L, 0x01020304)).longs());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0x0102030405060708L},
                one(uid, w -> w.sv(TAG, Long.MIN_VALUE, 0x0102030405060708L)).longs());
        DicomElement uv = one(uid, w -> w.uv(TAG, -1L));
        assertArrayEquals(new long[] {-1L}, uv.longs());
        assertEquals(List.of("18446744073709551615"), uv.strings());
        assertEquals(List.of("-2", "32767"), one(uid, w -> w.ss(TAG, -2, 32767)).strings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void floatsDecodeInBothByteOrders(String uid) {
        DicomElement fl = one(uid, w -> w.fl(TAG, 1.5f, -0.25f));
        assertArrayEquals(new double[] {1.5, -0.25}, fl.doubles());
        assertEquals(List.of("1.5", "-0.25"), fl.strings());
        assertArrayEquals(new long[0], fl.longs());
        assertArrayEquals(new double[] {Math.PI, -1e300}, one(uid, w -> w.fd(TAG, Math.PI, -1e300)).doubles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void attributeTagsAreHexStrings(String uid) {
        DicomElement at = one(uid, w -> w.at(TAG, 0x7FE00010, 0x00100020));
        assertEquals(VR.AT, at.vr());
        assertArrayEquals(new long[] {0x7FE00010L, 0x00100020L}, at.longs());
        assertEquals(List.of("7FE00010", "00100020"), at.strings());
    }

    @Test
    void trailingPartialNumberIsDropped() {
        DicomElement us = one(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID,
                w -> w.bytes(TAG, VR.US, new byte[] {1, 0, 2}));
        assertArrayEquals(new long[] {1}, us.longs());
    }

    @Test
    void numbersOfAStringVrAreNotBinary() {
        DicomElement is = raw(VR.IS, "12");
        assertArrayEquals(new long[0], is.longs());
        assertArrayEquals(new double[0], is.doubles());
    }

    private static DicomElement text(String charsetTerm, Charset cs, VR vr, String value) {
        DicomHeader h = DicomReader.read(DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080005, VR.CS, charsetTerm)
                .charset(cs)
                .string(TAG, vr, value)
                .toBytes());
        return h.dataSet().get(TAG);
    }

    @Test
    void latin1TextDecodesWithIsoIr100() {
        DicomElement pn = text("ISO_IR 100", StandardCharsets.ISO_8859_1, VR.PN, "Müller^Françoise");
        assertEquals("Müller^Françoise", pn.string());
        assertEquals(16, pn.length());
        assertEquals("Ærø ", text("ISO_IR 100", StandardCharsets.ISO_8859_1, VR.LO, "Ærø").text());
    }

    @Test
    void utf8TextDecodesWithIsoIr192() {
        DicomElement pn = text("ISO_IR 192", StandardCharsets.UTF_8, VR.PN, "Yamada^Tarou=山田^太郎");
        assertEquals("Yamada^Tarou=山田^太郎", pn.string());
        assertEquals(new PersonName("Yamada^Tarou", "山田^太郎", null), PersonName.parse(pn.string()));
        assertEquals(List.of("Ünïcödé", "日本"), text("ISO_IR 192", StandardCharsets.UTF_8, VR.LO, "Ünïcödé\\日本")
                .strings());
    }

    @Test
    void asciiVrsIgnoreTheCharacterSet() {
        // CS is default repertoire only: its bytes are not decoded as UTF-8
        DicomElement cs = text("ISO_IR 192", StandardCharsets.UTF_8, VR.CS, "É");
        assertEquals("\u00C3\u0089", cs.string());
    }

    @Test
    void sequenceAndBulkElementsHaveNoStrings() {
        DicomElement seq = one(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID,
                w -> w.sequence(TAG, true, s -> s.item(true, (DataSetBuilder i) -> i.us(0x00280010, 1))));
        assertEquals(List.of(), seq.strings());
        assertNull(seq.bytes());
        assertNull(seq.text());
    }
}
