package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dicomcatalog.dicom.conformance.Corpus;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;

/**
 * Keeping only some top-level tags (ReadOptions.withKeptTags) changes what the data set holds and nothing
 * else: the same status, error, warnings, pixel data and bytes read, and the kept elements as a full read
 * has them.
 */
class DicomReaderKeptTagsTest {
    private static final int MODALITY = 0x00080060;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int PATIENT_ID = 0x00100020;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int STUDY_DATE = 0x00080020;
    private static final int REFERENCED_SERIES = 0x00081115;
    private static final int REFERENCED_IMAGE = 0x00081140;
    private static final int DIRECTORY_RECORDS = 0x00041220;
    private static final int ROWS = 0x00280010;
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    private static final int SMALLEST_PIXEL_VALUE = 0x00280106;
    private static final ReadOptions KEPT = ReadOptions.DEFAULTS.withKeptTags(MODALITY, SOP_INSTANCE_UID,
            PATIENT_ID, PATIENT_NAME, STUDY_DATE, REFERENCED_IMAGE, DIRECTORY_RECORDS, SMALLEST_PIXEL_VALUE);

    @Test
    void onEveryCorpusFileOnlyTheDataSetDiffers() throws IOException {
        List<String> checked = new ArrayList<>();
        int keptElements = 0;
        int droppedElements = 0;
        for (String file : Corpus.files()) {
            DicomHeader full = DicomReader.read(Corpus.root().resolve(file), ReadOptions.DEFAULTS);
            DicomHeader kept = DicomReader.read(Corpus.root().resolve(file), KEPT);
            assertSameOutcome(full, kept, file);
            for (DicomElement element : full.dataSet().elements()) {
                if (KEPT.keeps(element.tag())) {
                    assertSameElement(element, kept.dataSet().get(element.tag()), file);
                    keptElements++;
                } else if (!neededToParse(element.tag())) {
                    assertNull(kept.dataSet().get(element.tag()), () -> file + " keeps " + element);
                    droppedElements++;
                }
            }
            checked.add(file);
        }
        assertEquals(Corpus.files().size(), checked.size());
        assertTrue(keptElements > 500 && droppedElements > 10 * keptElements,
                "kept " + keptElements + ", dropped " + droppedElements);
    }

    @Test
    void implicitPrivateElementsAfterADroppedCreatorBlockStillGetTheirDictionaryVr() {
        // private-dictionary.tsv: GEMS_ACQU_01 0009xx25 US; the creator is kept although not asked for
        int known = DicomWriter.privateTag(0x0009, 0x10, 0x25);
        byte[] file = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(MODALITY, VR.CS, "CT")
                .privateBlock(0x0009, 0x10, "GEMS_ACQU_01")
                .us(known, 3)
                .toBytes();
        DicomHeader h = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS.withKeptTags(known));
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(VR.US, h.dataSet().get(known).vr());
        assertArrayEquals(new long[] {3}, h.dataSet().get(known).longs());
        assertNull(h.dataSet().get(MODALITY));
    }

    @Test
    void pixelRepresentationDecidesAKeptImplicitElementsVrWithoutBeingAskedFor() {
        byte[] file = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE)
                .us(ROWS, 2)
                .us(PIXEL_REPRESENTATION, 1)
                .ss(SMALLEST_PIXEL_VALUE, -5)
                .toBytes();
        DicomHeader h = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS.withKeptTags(
                SMALLEST_PIXEL_VALUE));
        assertEquals(VR.SS, h.dataSet().get(SMALLEST_PIXEL_VALUE).vr());
        assertArrayEquals(new long[] {-5}, h.dataSet().get(SMALLEST_PIXEL_VALUE).longs());
        assertNull(h.dataSet().get(ROWS));
    }

    @Test
    void aKeptSequenceIsWholeAndItsItemsDecodeWithTheirOwnCharacterSet() {
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .sequence(REFERENCED_SERIES, true, s -> s
                        .item(true, i -> i.string(PATIENT_NAME, VR.PN, "Dropped^Item")))
                .sequence(REFERENCED_IMAGE, false, s -> s
                        .item(true, i -> i
                                .string(0x00080005, VR.CS, "ISO_IR 192")
                                .charset(StandardCharsets.UTF_8)
                                .string(PATIENT_NAME, VR.PN, "Wang^XiaoDong=王^小東")
                                .us(ROWS, 4)))
                .string(PATIENT_NAME, VR.PN, "Müller^Hans")
                .toBytes();
        DicomHeader h = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS.withKeptTags(REFERENCED_IMAGE,
                PATIENT_NAME));
        DicomDataSet item = h.dataSet().get(REFERENCED_IMAGE).items().get(0);
        assertEquals("Wang^XiaoDong=王^小東", item.getString(PATIENT_NAME));
        assertArrayEquals(new long[] {4}, item.get(ROWS).longs());
        assertEquals("Müller^Hans", h.dataSet().getString(PATIENT_NAME));
        assertNull(h.dataSet().get(REFERENCED_SERIES));
        assertEquals(List.of(0x00080005, REFERENCED_IMAGE, PATIENT_NAME),
                h.dataSet().elements().stream().map(DicomElement::tag).toList());
    }

    @Test
    void aFileCutInsideADroppedSequenceIsPartialAsInAFullRead() {
        DicomWriter writer = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .sequence(REFERENCED_SERIES, true, s -> s
                        .item(true, i -> i.string(PATIENT_ID, VR.LO, "P1"))
                        .item(true, i -> i.string(PATIENT_ID, VR.LO, "P2")))
                .string(MODALITY, VR.CS, "CT");
        DicomHeader kept = readCutKeepingModality(writer, 40, ReadStatus.PARTIAL);
        assertTrue(kept.dataSet().isEmpty());
    }

    @Test
    void aFileCutInsideItsFirstValueIsAnErrorAsInAFullRead() {
        DicomWriter writer = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2")
                .string(MODALITY, VR.CS, "CT");
        readCutKeepingModality(writer, 25, ReadStatus.ERROR);
    }

    /** Reads the file without its last bytes, whole and keeping Modality: same outcome, this status. */
    private static DicomHeader readCutKeepingModality(DicomWriter writer, int cutBytes, ReadStatus status) {
        byte[] cut = writer.truncatedTo(writer.toBytes().length - cutBytes).toBytes();
        DicomHeader full = DicomReader.read(cut);
        DicomHeader kept = DicomReader.read(DicomSource.of(cut), ReadOptions.DEFAULTS.withKeptTags(MODALITY));
        assertEquals(status, full.status());
        assertSameOutcome(full, kept, "cut file");
        return kept;
    }

    private static boolean neededToParse(int tag) {
        return tag == Tag.SPECIFIC_CHARACTER_SET || Tag.isPrivateCreator(tag) || tag == PIXEL_REPRESENTATION
                || tag == 0x00283002;
    }

    private static void assertSameOutcome(DicomHeader full, DicomHeader kept, String file) {
        assertEquals(full.status(), kept.status(), file);
        assertEquals(describe(full.error()), describe(kept.error()), file);
        assertEquals(String.valueOf(full.encoding()), String.valueOf(kept.encoding()), file);
        assertEquals(full.pixelData(), kept.pixelData(), file);
        assertEquals(full.bytesRead(), kept.bytesRead(), file);
        assertEquals(full.warnings(), kept.warnings(), file);
        assertEquals(full.fileMeta().size(), kept.fileMeta().size(), file);
    }

    private static String describe(DicomReadException error) {
        return error == null ? null
                : error.code() + " " + error.tag() + " " + error.offset() + " " + error.getMessage();
    }

    private static void assertSameElement(DicomElement expected, DicomElement actual, String file) {
        assertNotNull(actual, () -> file + " lost " + expected);
        assertEquals(expected.toString(), actual.toString(), file);
        assertEquals(expected.valueOffset(), actual.valueOffset(), file);
        assertArrayEquals(expected.bytes(), actual.bytes(), file);
        assertEquals(expected.strings(), actual.strings(), file);
        if (expected.isSequence()) {
            assertEquals(expected.items().size(), actual.items().size(), file);
            for (int i = 0; i < expected.items().size(); i++) {
                List<DicomElement> want = expected.items().get(i).elements();
                List<DicomElement> got = actual.items().get(i).elements();
                assertEquals(want.size(), got.size(), file);
                for (int j = 0; j < want.size(); j++) {
                    assertSameElement(want.get(j), got.get(j), file);
                }
            }
        }
    }
}
