package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sequences and items of every length form, UN sequences, private blocks and per-item character sets. */
class DicomReaderSequenceTest {
    private static final int REFERENCED_SERIES = 0x00081115;
    private static final int REFERENCED_IMAGE = 0x00081140;
    private static final int SOURCE_IMAGE = 0x00082112;
    private static final int SERIES_UID = 0x0020000E;
    private static final int REFERENCED_SOP_INSTANCE = 0x00081155;
    private static final int MODALITY = 0x00080060;
    private static final int ROWS = 0x00280010;

    private static DicomWriter writer(TransferSyntax ts) {
        return DicomWriter.create(ts).string(0x00080005, VR.CS, "ISO_IR 100");
    }

    private static DicomHeader readOk(DicomWriter w) {
        DicomHeader h = DicomReader.read(w.toBytes());
        assertEquals(ReadStatus.OK, h.status(), () -> String.valueOf(h.error()));
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void definedAndUndefinedLengthsNestFourDeep(String uid) {
        DicomHeader h = readOk(writer(TransferSyntax.of(uid))
                .sequence(REFERENCED_SERIES, true, s -> s
                        .item(false, i1 -> i1
                                .string(SERIES_UID, VR.UI, "1.1")
                                .sequence(REFERENCED_IMAGE, false, s2 -> s2
                                        .item(true, i2 -> i2
                                                .sequence(SOURCE_IMAGE, true, s3 -> s3
                                                        .item(false, i3 -> i3
                                                                .sequence(REFERENCED_SERIES, false, s4 -> s4
                                                                        .item(true, i4 -> i4.us(ROWS, 4))))
                                                        .item(true, i3 -> i3.string(REFERENCED_SOP_INSTANCE,
                                                                VR.UI, "3.2"))))))
                        .item(true, i1 -> i1.string(SERIES_UID, VR.UI, "1.2")))
                .string(MODALITY, VR.CS, "MR"));
        DicomElement top = h.dataSet().get(REFERENCED_SERIES);
        assertEquals(DicomElement.UNDEFINED_LENGTH, top.length());
        assertEquals(2, top.items().size());
        assertEquals("1.1", top.items().get(0).getString(SERIES_UID));
        assertEquals("1.2", top.items().get(1).getString(SERIES_UID));

        DicomElement level2 = top.items().get(0).get(REFERENCED_IMAGE);
        assertEquals(VR.SQ, level2.vr());
        assertTrue(level2.length() > 0, "defined length kept");
        DicomElement level3 = level2.items().get(0).get(SOURCE_IMAGE);
        assertEquals(2, level3.items().size());
        assertEquals("3.2", level3.items().get(1).getString(REFERENCED_SOP_INSTANCE));
        DicomElement level4 = level3.items().get(0).get(REFERENCED_SERIES);
        DicomElement rows = level4.items().get(0).get(ROWS);
        assertEquals(VR.US, rows.vr());
        assertArrayEquals(new long[] {4}, rows.longs());

        assertEquals("MR", h.dataSet().getString(MODALITY), "element after the sequence");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void emptySequenceHasNoItems(boolean undefinedLength) {
        DicomHeader h = readOk(writer(TransferSyntax.EXPLICIT_LITTLE)
                .sequence(REFERENCED_SERIES, undefinedLength, s -> { })
                .string(MODALITY, VR.CS, "MR"));
        DicomElement seq = h.dataSet().get(REFERENCED_SERIES);
        assertTrue(seq.isSequence());
        assertEquals(VR.SQ, seq.vr());
        assertEquals(List.of(), seq.items());
        assertEquals(undefinedLength ? DicomElement.UNDEFINED_LENGTH : 0, seq.length());
        assertEquals("MR", h.dataSet().getString(MODALITY));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void emptyItemIsKept(boolean undefinedLength) {
        DicomHeader h = readOk(writer(TransferSyntax.IMPLICIT_LITTLE)
                .sequence(REFERENCED_SERIES, true, s -> s
                        .item(undefinedLength, i -> { })
                        .item(false, i -> i.string(SERIES_UID, VR.UI, "9.9")))
                .string(MODALITY, VR.CS, "MR"));
        List<DicomDataSet> items = h.dataSet().get(REFERENCED_SERIES).items();
        assertEquals(2, items.size());
        assertTrue(items.get(0).isEmpty());
        assertEquals("9.9", items.get(1).getString(SERIES_UID));
        assertEquals("MR", h.dataSet().getString(MODALITY));
    }

    @Test
    void unOfUndefinedLengthIsReadAsImplicitLittleEndianSequence() {
        DicomHeader h = readOk(writer(TransferSyntax.EXPLICIT_BIG)
                .sequence(REFERENCED_SERIES, VR.UN, true, s -> s
                        .item(true, i -> i.string(SERIES_UID, VR.UI, "1.2.3").us(ROWS, 300))
                        .item(false, i -> i.sequence(REFERENCED_IMAGE, true, s2 -> s2
                                .item(false, i2 -> i2.string(REFERENCED_SOP_INSTANCE, VR.UI, "4.5")))))
                .us(0x00280011, 258));
        DicomElement seq = h.dataSet().get(REFERENCED_SERIES);
        assertEquals(VR.SQ, seq.vr());
        assertEquals(2, seq.items().size());
        DicomDataSet first = seq.items().get(0);
        assertEquals(VR.UI, first.get(SERIES_UID).vr());
        assertEquals("1.2.3", first.getString(SERIES_UID));
        assertEquals(VR.US, first.get(ROWS).vr());
        assertArrayEquals(new long[] {300}, first.get(ROWS).longs(), "little endian inside the UN sequence");
        assertEquals("4.5", seq.items().get(1).get(REFERENCED_IMAGE).items().get(0).getString(REFERENCED_SOP_INSTANCE));
        assertArrayEquals(new long[] {258}, h.dataSet().get(0x00280011).longs(), "big endian again after it");
    }

    @Test
    void privateUnOfUndefinedLengthIsReadAsSequence() {
        int tag = DicomWriter.privateTag(0x0029, 0x10, 0x01);
        DicomHeader h = readOk(writer(TransferSyntax.EXPLICIT_LITTLE)
                .privateBlock(0x0029, 0x10, "ACME TEST")
                .sequence(tag, VR.UN, true, s -> s.item(true, i -> i.string(MODALITY, VR.CS, "OT"))));
        DicomElement seq = h.dataSet().get(tag);
        assertEquals(VR.SQ, seq.vr());
        assertEquals("OT", seq.items().get(0).getString(MODALITY));
        assertEquals(VR.CS, seq.items().get(0).get(MODALITY).vr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void standardSequenceSentAsUnWithDefinedLengthIsDecoded(String uid) {
        // PS3.5 6.2.2: the UN value is the implicit VR little endian encoding of the sequence
        byte[] implicit = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE).preamble(false).fileMeta(false)
                .sequence(REFERENCED_SERIES, false, s -> s
                        .item(false, i -> i.string(SERIES_UID, VR.UI, "1.2.3").us(ROWS, 300))
                        .item(true, i -> i.string(SERIES_UID, VR.UI, "1.2.4")))
                .toBytes();
        byte[] value = Arrays.copyOfRange(implicit, 8, implicit.length);
        DicomHeader h = readOk(writer(TransferSyntax.of(uid))
                .rawElement(REFERENCED_SERIES, "UN", value.length, value)
                .string(MODALITY, VR.CS, "MR"));
        DicomElement seq = h.dataSet().get(REFERENCED_SERIES);
        assertEquals(VR.SQ, seq.vr());
        assertEquals(value.length, seq.length());
        assertEquals(2, seq.items().size());
        assertEquals("1.2.3", seq.items().get(0).getString(SERIES_UID));
        assertArrayEquals(new long[] {300}, seq.items().get(0).get(ROWS).longs());
        assertEquals("1.2.4", seq.items().get(1).getString(SERIES_UID));
        assertEquals("MR", h.dataSet().getString(MODALITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void standardElementSentAsUnIsDecodedWithItsDictionaryVr(String uid) {
        // a UN value is little endian whatever the syntax: 00 02 is 512
        DicomHeader h = readOk(writer(TransferSyntax.of(uid))
                .rawElement(ROWS, "UN", 2, new byte[] {0x00, 0x02})
                .us(0x00280011, 512));
        DicomElement rows = h.dataSet().get(ROWS);
        assertEquals(VR.US, rows.vr());
        assertArrayEquals(new long[] {512}, rows.longs());
        assertArrayEquals(new long[] {512}, h.dataSet().get(0x00280011).longs());
    }

    @Test
    void privateCreatorIsFoundForItsBlock() {
        int tag = DicomWriter.privateTag(0x0029, 0x11, 0x05);
        DicomHeader h = readOk(writer(TransferSyntax.EXPLICIT_LITTLE)
                .privateBlock(0x0029, 0x10, "ACME ONE")
                .privateBlock(0x0029, 0x11, "ACME TWO")
                .string(DicomWriter.privateTag(0x0029, 0x10, 0x05), VR.LO, "one")
                .string(tag, VR.LO, "two")
                .sequence(REFERENCED_SERIES, true, s -> s.item(true, i -> i
                        .privateBlock(0x0031, 0x42, "ACME ITEM")
                        .string(DicomWriter.privateTag(0x0031, 0x42, 0x01), VR.SH, "x"))));
        DicomDataSet ds = h.dataSet();
        assertEquals("ACME TWO", ds.privateCreator(tag));
        assertEquals("ACME ONE", ds.privateCreator(DicomWriter.privateTag(0x0029, 0x10, 0x05)));
        assertEquals("two", ds.getString(tag));
        assertNull(ds.privateCreator(DicomWriter.privateTag(0x0029, 0x12, 0x05)), "block without creator");
        assertNull(ds.privateCreator(MODALITY), "standard tag");
        DicomDataSet item = ds.get(REFERENCED_SERIES).items().get(0);
        assertEquals("ACME ITEM", item.privateCreator(DicomWriter.privateTag(0x0031, 0x42, 0x01)));
    }

    @Test
    void implicitPrivateElementOfAKnownCreatorGetsItsDictionaryVr() {
        // private-dictionary.tsv: GEMS_ACQU_01 0009xx25 US
        int known = DicomWriter.privateTag(0x0009, 0x10, 0x25);
        int otherCreator = DicomWriter.privateTag(0x0009, 0x11, 0x25);
        DicomHeader h = readOk(writer(TransferSyntax.IMPLICIT_LITTLE)
                .privateBlock(0x0009, 0x10, "GEMS_ACQU_01")
                .privateBlock(0x0009, 0x11, "NOBODY KNOWS ME")
                .us(known, 3)
                .us(otherCreator, 3));
        DicomElement element = h.dataSet().get(known);
        assertEquals(VR.US, element.vr());
        assertArrayEquals(new long[] {3}, element.longs());
        assertEquals(VR.UN, h.dataSet().get(otherCreator).vr());
        assertEquals(VR.LO, h.dataSet().get(0x00090010).vr(), "a private creator is LO");
    }

    @Test
    void specificCharacterSetInAnItemAppliesToThatItemOnly() {
        DicomHeader h = readOk(DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(0x00081070, VR.PN, "Größe^Jörg")
                .sequence(REFERENCED_SERIES, true, s -> s
                        .item(true, i -> i
                                .string(0x00080005, VR.CS, "ISO_IR 192")
                                .charset(StandardCharsets.UTF_8)
                                .string(0x00100010, VR.PN, "Wang^XiaoDong=王^小東"))
                        .item(false, i -> i.string(0x00100010, VR.PN, "Ärger^Ölaf")))
                .string(0x00100010, VR.PN, "Müller^Hans"));
        DicomDataSet ds = h.dataSet();
        List<DicomDataSet> items = ds.get(REFERENCED_SERIES).items();
        assertEquals("Wang^XiaoDong=王^小東", items.get(0).getString(0x00100010));
        assertSame(ds.charset(), items.get(1).charset(), "an item without (0008,0005) inherits");
        assertEquals("Ärger^Ölaf", items.get(1).getString(0x00100010));
        assertEquals("Größe^Jörg", ds.getString(0x00081070));
        assertEquals("Müller^Hans", ds.getString(0x00100010), "after the item the parent's set applies again");
    }
}
