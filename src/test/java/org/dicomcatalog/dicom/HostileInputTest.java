package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

import org.dicomcatalog.dicom.conformance.Corpus;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: lying lengths, deep nesting, truncation at every offset, garbage VRs, deflate bombs, files
 * that are not DICOM at all and failing storage. Each gives its reason code; the ones that could cost memory
 * run in a child JVM with a 256 MiB heap.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileInputTest {
    private static final int MODALITY = 0x00080060;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int VALUE_TYPE = 0x0040A040;
    private static final String DEFLATED_UID = "1.2.840.10008.1.2.1.99";
    private static final long GIB = 1L << 30;
    private static final Set<ErrorCode> TRUNCATION_CODES = EnumSet.of(ErrorCode.NOT_DICOM, ErrorCode.TRUNCATED,
            ErrorCode.LENGTH_EXCEEDS_FILE, ErrorCode.BAD_ENCODING);

    @TempDir
    static Path tmp;

    private static DicomWriter explicitFile() {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(MODALITY, VR.CS, "OT");
    }

    /** File offset where the data set of {@code writer}'s (non-deflated) output starts. */
    private static int dataStart(DicomWriter writer) {
        return writer.toBytes().length - writer.dataSetBytes().length;
    }

    private static void assertOutcome(ReadStatus status, ErrorCode code, DicomHeader header) {
        assertEquals(status + " " + code, header.status() + " " + (header.error() == null ? null
                : header.error().code()), () -> "error: " + header.error() + ", warnings: " + header.warnings());
    }

    // ---- huge declared lengths ----

    @Test
    void obLengthFFFFFFF0IsLengthExceedsFileAtItsValueOffset() {
        DicomWriter writer = explicitFile().rawElement(ENCAPSULATED_DOCUMENT, "OB", 0xFFFFFFF0L, new byte[16]);
        DicomHeader header = DicomReader.read(writer.toBytes());
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.LENGTH_EXCEEDS_FILE, header);
        assertEquals(ENCAPSULATED_DOCUMENT, header.error().tag());
        // (0008,0060) CS "OT" is 10 bytes, the OB header 12
        assertEquals(dataStart(writer) + 10 + 12, header.error().offset());
        assertEquals("OT", header.dataSet().getString(MODALITY));
        assertEquals(1, header.dataSet().size());
    }

    @Test
    void shortLengthLargerThanTheRestOfTheFileIsLengthExceedsFile() {
        DicomWriter writer = explicitFile().rawElement(PATIENT_NAME, "LO", false, 0xFFFE, new byte[10]);
        DicomHeader header = DicomReader.read(writer.toBytes());
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.LENGTH_EXCEEDS_FILE, header);
        assertEquals(PATIENT_NAME, header.error().tag());
        assertEquals(dataStart(writer) + 10 + 8, header.error().offset());
    }

    @Test
    void loWrittenWithALongHeaderIsReadAsAShortOneAndItsLyingLengthBecomesGarbage() {
        // LO has a 16-bit length: the reader takes the reserved 00 00 as the length, then meets the 32-bit
        // length 0x7FFFFFF0 as the next tag (FFF0,7FFF) with "VR" bytes from the value and a short length.
        byte[] value = "ABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        DicomWriter writer = explicitFile().rawElement(PATIENT_NAME, "LO", true, 0x7FFFFFF0L, value);
        DicomHeader header = DicomReader.read(writer.toBytes());
        assertNotNull(header.status());
        assertTrue(header.status() == ReadStatus.OK || TRUNCATION_CODES.contains(header.error().code()),
                () -> "outcome " + header.status() + " " + header.error());
        DicomElement name = header.dataSet().get(PATIENT_NAME);
        assertNotNull(name);
        assertEquals(0, name.length());
    }

    @Test
    void implicitLengthFFFFFFF0OnATextElementIsLengthExceedsFile() {
        DicomWriter writer = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE).string(MODALITY, VR.CS, "OT")
                .rawElement(PATIENT_NAME, "PN", 0xFFFFFFF0L, new byte[8]);
        DicomHeader header = DicomReader.read(writer.toBytes());
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.LENGTH_EXCEEDS_FILE, header);
        assertEquals(PATIENT_NAME, header.error().tag());
        assertEquals(dataStart(writer) + 10 + 8, header.error().offset());
    }

    @Test
    void hugeDeclaredLengthsAllocateNothingUnder256MiBHeap() throws Exception {
        Path ob = explicitFile().rawElement(ENCAPSULATED_DOCUMENT, "OB", 0xFFFFFFF0L, new byte[16])
                .writeTo(tmp.resolve("huge-ob.dcm"));
        assertEquals(List.of("PARTIAL LENGTH_EXCEEDS_FILE"), readInChildJvm(ob));
        Path implicit = DicomWriter.create(TransferSyntax.IMPLICIT_LITTLE).string(MODALITY, VR.CS, "OT")
                .rawElement(PATIENT_NAME, "PN", 0xFFFFFFF0L, new byte[8]).writeTo(tmp.resolve("huge-pn.dcm"));
        assertEquals(List.of("PARTIAL LENGTH_EXCEEDS_FILE"), readInChildJvm(implicit));
    }

    @Test
    void threeGigabytePixelDataInASparseFileIsOkWithPixelInfoUnder256MiBHeap() throws Exception {
        long pixels = 3 * GIB;
        DicomWriter writer = explicitFile().string(PATIENT_ID, VR.LO, "SPARSE");
        Path sparse = writer.writeSparse(tmp.resolve("sparse-3g.dcm"), pixels);
        long size = Files.size(sparse);
        assertEquals(List.of("OK NONE", "pixel " + pixels + " " + (size - pixels)), readInChildJvm(sparse));
    }

    // ---- nesting ----

    /** An explicit VR LE data set: (0008,0060), then {@code depth} undefined-length sequences each in an item. */
    private static byte[] nestedSequences(int depth) {
        ByteBuffer b = ByteBuffer.allocate(10 + depth * 36 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0008).putShort((short) 0x0060).put((byte) 'C').put((byte) 'S').putShort((short) 2)
                .put((byte) 'O').put((byte) 'T');
        for (int i = 0; i < depth; i++) {
            b.putShort((short) 0x0040).putShort((short) 0xA730).put((byte) 'S').put((byte) 'Q').putShort((short) 0)
                    .putInt(-1);
            b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1);
        }
        b.putShort((short) 0x0040).putShort((short) 0xA040).put((byte) 'C').put((byte) 'S').putShort((short) 4)
                .put("TEXT".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < depth; i++) {
            b.putShort((short) 0xFFFE).putShort((short) 0xE00D).putInt(0);
            b.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        }
        return b.array();
    }

    private static DicomWriter nestedFile(int depth) {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).rawBytes(nestedSequences(depth));
    }

    /** File offset of the value of the sequence at nesting {@code depth} (the top-level one is depth 1). */
    private static long sequenceValueOffset(DicomWriter writer, int depth) {
        return dataStart(writer) + 10 + (depth - 1) * 20L + 12;
    }

    @Test
    void tenThousandNestedUndefinedLengthSequencesStopAtTheDefaultDepth() {
        DicomWriter writer = nestedFile(10_000);
        DicomHeader header = DicomReader.read(writer.toBytes());
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.MAX_DEPTH, header);
        assertEquals(CONTENT_SEQUENCE, header.error().tag());
        assertEquals(sequenceValueOffset(writer, 65), header.error().offset());
        assertEquals("OT", header.dataSet().getString(MODALITY));
        assertTrue(header.dataSet().contains(CONTENT_SEQUENCE), "the partial sequence is kept");
    }

    @Test
    void customDepthFiveStopsAtTheSixthSequence() {
        DicomWriter writer = nestedFile(6);
        DicomHeader header = DicomReader.read(DicomSource.of(writer.toBytes()), ReadOptions.DEFAULTS.withMaxDepth(5));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.MAX_DEPTH, header);
        assertEquals(CONTENT_SEQUENCE, header.error().tag());
        assertEquals(sequenceValueOffset(writer, 6), header.error().offset());
    }

    @Test
    void nestingExactlyAtTheLimitIsReadToTheInnermostElement() {
        for (int[] depthAndLimit : new int[][] {{5, 5}, {64, 64}}) {
            int depth = depthAndLimit[0];
            DicomHeader header = DicomReader.read(DicomSource.of(nestedFile(depth).toBytes()),
                    ReadOptions.DEFAULTS.withMaxDepth(depthAndLimit[1]));
            assertOutcome(ReadStatus.OK, null, header);
            DicomDataSet level = header.dataSet();
            for (int i = 0; i < depth; i++) {
                List<DicomDataSet> items = level.get(CONTENT_SEQUENCE).items();
                assertEquals(1, items.size());
                level = items.get(0);
            }
            assertEquals("TEXT", level.getString(VALUE_TYPE));
        }
    }

    // ---- truncation at every offset of real files ----

    /** Only cuts that leave whole top-level elements are OK; every other cut gives a truncation code. */
    @Test
    void explicitFileWithUndefinedLengthSequencesTruncatedAtEveryOffset() throws IOException {
        truncateAtEveryOffset("pydicom/test_files/reportsi.dcm", TransferSyntax.EXPLICIT_LITTLE);
    }

    @Test
    void implicitFileTruncatedAtEveryOffsetUpToThePixelData() throws IOException {
        truncateAtEveryOffset("dcm4che/MR01.dcm", TransferSyntax.IMPLICIT_LITTLE);
    }

    @Test
    void cutInsideATopLevelElementHeaderIsTruncated() throws IOException {
        DicomWriter writer = explicitFile().string(PATIENT_ID, VR.LO, "ID42");
        byte[] whole = writer.toBytes();
        // the file ends 4 bytes into the (0010,0020) header
        DicomHeader header = DicomReader.read(Arrays.copyOf(whole, whole.length - 8));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.TRUNCATED, header);
        assertEquals(dataStart(writer) + 10, header.error().offset());
    }

    private static void truncateAtEveryOffset(String corpusFile, TransferSyntax expected) throws IOException {
        byte[] file = Files.readAllBytes(Corpus.root().resolve(corpusFile));
        DicomHeader full = DicomReader.read(file);
        assertOutcome(ReadStatus.OK, null, full);
        assertEquals(expected, full.encoding().transferSyntax());
        // cuts at these offsets leave only whole top-level elements: OK is right there
        TreeSet<Long> boundaries = new TreeSet<>();
        for (DicomElement e : full.fileMeta().elements()) {
            boundaries.add(elementStart(file, e, true));
        }
        List<DicomElement> topLevel = full.dataSet().elements();
        List<Long> starts = new ArrayList<>();
        for (DicomElement e : topLevel) {
            long start = elementStart(file, e, expected.explicitVR());
            boundaries.add(start);
            starts.add(start);
        }
        int end = file.length;
        Set<Long> insidePixelHeader = new TreeSet<>();
        if (full.pixelData() != null) {
            end = (int) full.pixelData().valueOffset();
            // past the start of the pixel data element the data set is complete: OK, or TRUNCATED inside its header
            for (long cut = end - (expected.explicitVR() ? 12 : 8); cut <= end; cut++) {
                boundaries.add(cut);
                if (cut > end - (expected.explicitVR() ? 12 : 8) && cut < end) {
                    insidePixelHeader.add(cut);
                }
            }
        } else {
            boundaries.add((long) end);
        }
        List<String> unexpectedOk = new ArrayList<>();
        int previousCount = 0;
        for (int cut = 0; cut <= end; cut++) {
            byte[] prefix = Arrays.copyOf(file, cut);
            DicomHeader header;
            try {
                header = DicomReader.read(prefix);
            } catch (Throwable t) {
                throw new AssertionError(corpusFile + " cut at " + cut + " threw", t);
            }
            int at = cut;
            assertNotNull(header.status(), () -> "cut at " + at);
            if (header.status() == ReadStatus.OK) {
                assertNull(header.error());
                if (!boundaries.contains((long) cut)) {
                    unexpectedOk.add(cut + " " + header.warnings());
                }
            } else {
                assertNotNull(header.error(), () -> "cut at " + at);
                assertTrue(TRUNCATION_CODES.contains(header.error().code()),
                        () -> "cut at " + at + ": " + header.error());
                assertFalse(boundaries.contains((long) cut) && cut > 0 && cut >= starts.get(0)
                        && !(insidePixelHeader.contains((long) cut) && header.error().code() == ErrorCode.TRUNCATED),
                        () -> "cut at element boundary " + at + " is not OK: " + header.error());
            }
            int count = header.dataSet().size();
            assertTrue(count >= previousCount, () -> "cut at " + at + " keeps " + count + " top-level elements");
            // what is kept is what the whole file starts with
            for (int i = 0; i < count; i++) {
                assertEquals(topLevel.get(i).tag(), header.dataSet().elements().get(i).tag());
            }
            // every element that ends before the cut is kept
            long complete = starts.stream().filter(s -> s < at).count() - 1
                    + (boundaries.contains((long) cut) && cut >= starts.get(0) ? 1 : 0);
            assertTrue(count >= Math.min(complete, topLevel.size()), () -> "cut at " + at + " keeps " + count);
            previousCount = count;
        }
        assertEquals(List.of(), unexpectedOk, corpusFile + ": OK at cuts that are not element boundaries");
    }

    /** File offset of a top-level element's header, from its value offset and the header form in the file. */
    private static long elementStart(byte[] file, DicomElement e, boolean explicit) {
        long longStart = e.valueOffset() - 12;
        if (explicit && longStart >= 0 && tagAt(file, (int) longStart) == e.tag()) {
            return longStart;
        }
        long start = e.valueOffset() - 8;
        assertEquals(e.tag(), tagAt(file, (int) start), () -> "header of " + Tag.toString(e.tag()));
        return start;
    }

    private static int tagAt(byte[] b, int offset) {
        int group = (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8);
        int element = (b[offset + 2] & 0xFF) | ((b[offset + 3] & 0xFF) << 8);
        return (group << 16) | element;
    }

    // ---- garbage VRs ----

    @Test
    void garbageVrCodesAreToleratedWithWarningsAndLaterElementsRead() {
        byte[] id = "ID42".getBytes(StandardCharsets.US_ASCII);
        DicomWriter writer = explicitFile()
                .rawElement(0x00080070, "ZZ", false, 4, "ACME".getBytes(StandardCharsets.US_ASCII))
                .rawElement(0x00080080, "\0\0", false, 4, "HOSP".getBytes(StandardCharsets.US_ASCII))
                .rawElement(0x00081030, "\u00FF\u00FF", false, 4, "STDY".getBytes(StandardCharsets.US_ASCII))
                .bytes(PATIENT_ID, VR.LO, id);
        byte[] bytes = writer.toBytes();
        DicomHeader header = DicomReader.read(bytes);
        assertOutcome(ReadStatus.OK, null, header);
        assertEquals("ACME", header.dataSet().getString(0x00080070));
        assertEquals(VR.LO, header.dataSet().get(0x00080070).vr(), "VR from the dictionary");
        assertEquals("HOSP", header.dataSet().getString(0x00080080));
        assertEquals("STDY", header.dataSet().getString(0x00081030));
        assertEquals("ID42", header.dataSet().getString(PATIENT_ID));
        int start = dataStart(writer);
        assertEquals(List.of("unknown VR code at (0008,0070) offset " + (start + 10),
                "unknown VR code at (0008,0080) offset " + (start + 22),
                "unknown VR code at (0008,1030) offset " + (start + 34)), header.warnings());
    }

    // ---- deflate ----

    /** Preamble and meta of a deflated file, ready for a deflate stream. */
    private static byte[] deflatedMeta() {
        DicomWriter writer = DicomWriter.create(DEFLATED_UID).string(MODALITY, VR.CS, "OT");
        byte[] all = writer.toBytes();
        return Arrays.copyOf(all, all.length - rawDeflate(writer.dataSetBytes()).length);
    }

    private static byte[] rawDeflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /**
     * A deflated file whose stream inflates to {@code head} then {@code mebibytes} MiB of zeros. Each MiB is
     * deflated after a full flush, which resets the compressor, so one compressed MiB is written repeatedly.
     */
    private static Path deflateBomb(String name, byte[] head, int mebibytes) throws IOException {
        Path path = tmp.resolve(name);
        if (Files.exists(path)) {
            return path;
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try (OutputStream file = Files.newOutputStream(path)) {
            file.write(deflatedMeta());
            file.write(flushed(deflater, head));
            byte[] compressedMebibyte = flushed(deflater, new byte[1 << 20]);
            for (int i = 0; i < mebibytes; i++) {
                file.write(compressedMebibyte);
            }
            deflater.finish();
            byte[] buffer = new byte[1 << 10];
            while (!deflater.finished()) {
                file.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        return path;
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(input);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    private static byte[] modalityElement() {
        return new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S', 2, 0, 'O', 'T'};
    }

    /** (0008,0060) then an OB of 1 GiB whose value is the zeros: inflating is needed to skip it. */
    private static Path valueBomb() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).put(modalityElement())
                .putShort((short) 0x0042).putShort((short) 0x0011).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                .putInt((int) GIB);
        return deflateBomb("value-bomb.dcm", head.array(), 1024);
    }

    /** (0008,0060) then 1 GiB of zeros: 8-byte (0000,0000) elements with VR bytes 00 00. */
    private static Path zeroBomb() throws IOException {
        return deflateBomb("zero-bomb.dcm", modalityElement(), 1024);
    }

    @Test
    void deflateBombFixtureIsAValidStreamOfOneGibibyteInAboutOneMebibyte() throws Exception {
        Path bomb = zeroBomb();
        byte[] meta = deflatedMeta();
        byte[] compressed = Files.readAllBytes(bomb);
        assertTrue(compressed.length < 2 << 20, "compressed " + compressed.length);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed, meta.length, compressed.length - meta.length);
            byte[] buffer = new byte[1 << 20];
            long inflated = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                assertFalse(n == 0 && inflater.needsInput(), "stream ends without its final block");
                inflated += n;
            }
            assertEquals(modalityElement().length + GIB, inflated);
        } finally {
            inflater.end();
        }
    }

    @Test
    void deflateBombSkippingABigValueStopsAtTheInflateLimit() throws IOException {
        Path bomb = valueBomb();
        assertTrue(Files.size(bomb) < 2 << 20, "a 1 GiB bomb compresses to about 1 MiB");
        DicomHeader header = DicomReader.read(bomb, ReadOptions.DEFAULTS.withMaxInflatedBytes(16 << 20));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.INFLATE_LIMIT, header);
        assertEquals(16 << 20, header.error().offset());
        assertEquals("OT", header.dataSet().getString(MODALITY));
    }

    @Test
    void deflateBombOfZeroElementsStopsAtTheInflateLimitWhenItIsLow() throws IOException {
        DicomHeader header = DicomReader.read(zeroBomb(), ReadOptions.DEFAULTS.withMaxInflatedBytes(1 << 20));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.INFLATE_LIMIT, header);
        assertEquals(1 << 20, header.error().offset());
    }

    @Test
    void deflateBombOfZeroElementsStopsAtTheElementLimitBeforeTheInflateLimit() throws IOException {
        // 16 MiB of 8-byte elements would be 2 million: the element limit (1 million) comes first
        DicomHeader header = DicomReader.read(zeroBomb(), ReadOptions.DEFAULTS.withMaxInflatedBytes(16 << 20));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.TOO_MANY_ELEMENTS, header);
        assertEquals(1_000_000, header.dataSet().size());
    }

    @Test
    void deflateBombsWithDefaultLimitsGiveReasonCodesUnder256MiBHeap() throws Exception {
        assertEquals(List.of("PARTIAL INFLATE_LIMIT"), readInChildJvm(valueBomb()));
        assertEquals(List.of("PARTIAL TOO_MANY_ELEMENTS"), readInChildJvm(zeroBomb()));
        assertEquals(List.of("PARTIAL INFLATE_LIMIT"), readInChildJvm(zeroBomb(), 16L << 10));
    }

    @Test
    void invalidDeflateDataIsBadEncoding() {
        byte[] meta = deflatedMeta();
        byte[] file = Arrays.copyOf(meta, meta.length + 64);
        // BFINAL=1 with the reserved block type 11
        Arrays.fill(file, meta.length, file.length, (byte) 0xFF);
        DicomHeader header = DicomReader.read(file);
        assertOutcome(ReadStatus.ERROR, ErrorCode.BAD_ENCODING, header);
        assertEquals(DEFLATED_UID, header.transferSyntaxUID());
    }

    // ---- byte and element budgets ----

    /** (0008,0060) then 2,000 private LO elements of 24 bytes each: a 48 KB header. */
    private static DicomWriter manySmallElements() {
        DicomWriter writer = explicitFile().privateBlock(0x0009, 0x10, "HOSTILE");
        for (int i = 0; i < 2_000; i++) {
            writer.string(Tag.of(0x0011, 0x1000 + i % 0xF000), VR.LO, String.format("%016d", i));
        }
        return writer;
    }

    @Test
    void headerLargerThanTheByteBudgetIsHeaderTooLarge() {
        DicomWriter writer = manySmallElements();
        DicomHeader header = DicomReader.read(DicomSource.of(writer.toBytes()),
                ReadOptions.DEFAULTS.withMaxHeaderBytes(10_000));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.HEADER_TOO_LARGE, header);
        // 10 + 16 bytes before the LOs; the budget is passed by the LO that ends past 10,000 bytes
        int index = (10_000 - 26) / 24;
        assertEquals(Tag.of(0x0011, 0x1000 + index), header.error().tag());
        assertEquals(dataStart(writer) + 26 + 24L * (index + 1), header.error().offset());
        assertEquals(2 + index + 1, header.dataSet().size());
    }

    @Test
    void moreElementsThanTheLimitIsTooManyElements() {
        DicomWriter writer = manySmallElements();
        DicomHeader header = DicomReader.read(DicomSource.of(writer.toBytes()),
                ReadOptions.DEFAULTS.withMaxElements(100));
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.TOO_MANY_ELEMENTS, header);
        // the 101st element is the 99th LO (index 98)
        assertEquals(Tag.of(0x0011, 0x1000 + 98), header.error().tag());
        assertEquals(100, header.dataSet().size());
    }

    @Test
    void defaultBudgetsReadTheWholeManyElementHeader() {
        DicomHeader header = DicomReader.read(manySmallElements().toBytes());
        assertOutcome(ReadStatus.OK, null, header);
        assertEquals(2_002, header.dataSet().size());
    }

    // ---- not DICOM ----

    @Test
    void emptyAndOneByteFilesAreNotDicom() throws IOException {
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, DicomReader.read(new byte[0]));
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, DicomReader.read(new byte[] {0x08}));
        Path empty = Files.write(tmp.resolve("empty.dcm"), new byte[0]);
        DicomHeader header = DicomReader.read(empty, ReadOptions.DEFAULTS);
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, header);
        assertNull(header.encoding());
    }

    @Test
    void otherFormatsAreNotDicom() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
            0, 0, 1, 0, 8, 2, 0, 0, 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0,
            'a', '.', 'd', 'c', 'm'};
        byte[] text = "Patient: Doe^John\nStudy: 1.2.3\nThis is not a DICOM file.\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (byte[] bytes : List.of(png, zip, text)) {
            assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, DicomReader.read(bytes));
        }
    }

    @Test
    void seededRandomBytesAreNotDicom() {
        byte[] random = new byte[200];
        new Random(20261121L).nextBytes(random);
        DicomHeader header = DicomReader.read(random);
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, header);
        assertTrue(header.dataSet().isEmpty());
    }

    @Test
    void oneMegabyteOfZerosIsNotDicom() {
        DicomHeader header = DicomReader.read(new byte[1 << 20]);
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, header);
        assertTrue(header.dataSet().isEmpty());
    }

    @Test
    void preambleAndMagicFollowedByZerosIsNotDicom() {
        byte[] bytes = new byte[1 << 16];
        bytes[128] = 'D';
        bytes[129] = 'I';
        bytes[130] = 'C';
        bytes[131] = 'M';
        assertOutcome(ReadStatus.NOT_DICOM, ErrorCode.NOT_DICOM, DicomReader.read(bytes));
    }

    // ---- failing storage ----

    /** Serves {@code bytes} up to {@code failAt}, then throws as a broken disk or network would. */
    private static DicomSource failingAfter(byte[] bytes, int failAt) {
        return new DicomSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                if (position >= failAt) {
                    throw new IOException("simulated storage failure at " + position);
                }
                int n = (int) Math.min(length, failAt - position);
                System.arraycopy(bytes, (int) position, buffer, offset, n);
                return n;
            }
        };
    }

    @Test
    void storageFailingBeforeTheDataSetIsIoErrorWithStatusError() {
        byte[] bytes = manySmallElements().toBytes();
        DicomHeader header = DicomReader.read(failingAfter(bytes, 100), ReadOptions.DEFAULTS);
        assertOutcome(ReadStatus.ERROR, ErrorCode.IO_ERROR, header);
        assertTrue(header.error().getMessage().contains("IOException"), header.error().getMessage());
    }

    @Test
    void storageFailingInsideTheDataSetIsIoErrorWithPartialKept() {
        DicomWriter writer = manySmallElements();
        byte[] bytes = writer.toBytes();
        DicomHeader header = DicomReader.read(failingAfter(bytes, 20_000), ReadOptions.DEFAULTS);
        assertOutcome(ReadStatus.PARTIAL, ErrorCode.IO_ERROR, header);
        assertEquals("OT", header.dataSet().getString(MODALITY));
        assertTrue(header.dataSet().size() > 100 && header.dataSet().size() < 2_002,
                () -> "kept " + header.dataSet().size());
    }

    @Test
    void missingFileAndDirectoryAreIoError() throws IOException {
        DicomHeader missing = DicomReader.read(tmp.resolve("no-such-file.dcm"), ReadOptions.DEFAULTS);
        assertOutcome(ReadStatus.ERROR, ErrorCode.IO_ERROR, missing);
        Path dir = Files.createDirectories(tmp.resolve("a-directory.dcm"));
        DicomHeader directory = DicomReader.read(dir, ReadOptions.DEFAULTS);
        assertOutcome(ReadStatus.ERROR, ErrorCode.IO_ERROR, directory);
    }

    // ---- child JVM ----

    /** Runs {@link ReadOneFile} with -Xmx256m; returns its output lines after checking it exited 0. */
    private static List<String> readInChildJvm(Path file, Object... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ReadOneFile.class.getName(), file.toString()));
        for (Object arg : extraArgs) {
            command.add(String.valueOf(arg));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                fail("child JVM did not finish for " + file);
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), "child JVM output:\n" + output);
        return output.lines().toList();
    }
}
