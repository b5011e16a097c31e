package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the reader stops: before the top-level pixel data, or after a requested tag. */
class DicomReaderStopTest {
    private static final long FIFTY_MB = 50L << 20;
    private static final int ICON_IMAGE_SEQUENCE = 0x00880200;
    private static final int TOPIC_TITLE = 0x00880904;
    private static final int PATIENT_ID = 0x00100020;
    private static final int ROWS = 0x00280010;

    @TempDir
    Path tmp;

    private static DicomWriter header(TransferSyntax ts) {
        return DicomWriter.create(ts)
                .string(0x00080005, VR.CS, "ISO_IR 100")
                .string(0x00080060, VR.CS, "MR")
                .string(0x00100010, VR.PN, "Doe^John")
                .string(PATIENT_ID, VR.LO, "P-0001")
                .us(ROWS, 64);
    }

    private static DicomHeader read(Path file, ReadOptions options) {
        return DicomReader.read(file, options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void stopsBeforeLargeNativePixelDataWithItsExactOffset(String uid) throws IOException {
        DicomWriter w = header(TransferSyntax.of(uid));
        Path file = w.writeSparse(tmp.resolve("big.dcm"), FIFTY_MB);
        int headerSize = TransferSyntax.of(uid).explicitVR() ? 12 : 8;
        long expectedOffset = w.toBytes().length + headerSize;

        DicomHeader h = read(file, ReadOptions.DEFAULTS);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(java.util.List.of(), h.warnings());
        PixelDataInfo pixels = h.pixelData();
        assertEquals(Tag.PIXEL_DATA, pixels.tag());
        assertEquals(VR.OW, pixels.vr());
        assertEquals(expectedOffset, pixels.valueOffset());
        assertEquals(FIFTY_MB, pixels.length());
        assertEquals(Files.size(file), pixels.valueOffset() + pixels.length());
        assertFalse(pixels.encapsulated());
        assertFalse(h.dataSet().contains(Tag.PIXEL_DATA));
        assertArrayEquals(new long[] {64}, h.dataSet().get(ROWS).longs());
        assertTrue(h.bytesRead() < 64 << 10, () -> "bytes read: " + h.bytesRead());
    }

    @Test
    void pixelDataDeclaredPastTheEndOfTheFileIsLocatedWithAWarning() {
        byte[] file = header(TransferSyntax.EXPLICIT_LITTLE).pixelDataHeaderOnly(VR.OB, FIFTY_MB).toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(new PixelDataInfo(Tag.PIXEL_DATA, VR.OB, file.length, FIFTY_MB), h.pixelData());
        assertTrue(h.warnings().stream().anyMatch(w -> w.contains("pixel data runs past the end")),
                h.warnings()::toString);
    }

    @Test
    void encapsulatedPixelDataHasUndefinedLength() {
        byte[] file = header(TransferSyntax.of("1.2.840.10008.1.2.4.50"))
                .encapsulatedPixelData(new byte[1000], new byte[2000]).toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        PixelDataInfo pixels = h.pixelData();
        assertEquals(PixelDataInfo.UNDEFINED_LENGTH, pixels.length());
        assertTrue(pixels.encapsulated());
        assertEquals(VR.OB, pixels.vr());
        assertEquals(file.length - (8 + 1008 + 2008 + 8), pixels.valueOffset());
    }

    @Test
    void floatPixelDataStopsTheReaderToo() {
        byte[] file = header(TransferSyntax.EXPLICIT_LITTLE)
                .binary(Tag.FLOAT_PIXEL_DATA, VR.OF, new byte[400]).toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(new PixelDataInfo(Tag.FLOAT_PIXEL_DATA, VR.OF, file.length - 400, 400), h.pixelData());
        assertFalse(h.dataSet().contains(Tag.FLOAT_PIXEL_DATA));
    }

    @Test
    void implicitFloatPixelDataGetsVrOf() {
        byte[] file = header(TransferSyntax.IMPLICIT_LITTLE)
                .binary(Tag.FLOAT_PIXEL_DATA, VR.OF, new byte[400]).toBytes();
        assertEquals(new PixelDataInfo(Tag.FLOAT_PIXEL_DATA, VR.OF, file.length - 400, 400),
                DicomReader.read(file).pixelData());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pixelDataInsideIconImageSequenceDoesNotStopTheReader(boolean encapsulatedIcon) {
        byte[] file = header(TransferSyntax.EXPLICIT_LITTLE)
                .sequence(ICON_IMAGE_SEQUENCE, true, s -> s.item(true, i -> {
                    i.us(ROWS, 8).us(0x00280011, 8);
                    if (encapsulatedIcon) {
                        i.encapsulatedPixelData(new byte[] {1, 2, 3, 4});
                    } else {
                        i.pixelData(VR.OW, 128);
                    }
                }))
                .string(TOPIC_TITLE, VR.LO, "after the icon")
                .pixelData(VR.OW, 4096)
                .toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status(), () -> String.valueOf(h.error()));
        DicomDataSet icon = h.dataSet().get(ICON_IMAGE_SEQUENCE).items().get(0);
        assertArrayEquals(new long[] {8}, icon.get(ROWS).longs());
        DicomElement iconPixels = icon.get(Tag.PIXEL_DATA);
        assertNotNull(iconPixels);
        assertEquals(encapsulatedIcon ? DicomElement.UNDEFINED_LENGTH : 128, iconPixels.length());
        assertEquals("after the icon", h.dataSet().getString(TOPIC_TITLE));
        assertEquals(new PixelDataInfo(Tag.PIXEL_DATA, VR.OW, file.length - 4096, 4096), h.pixelData());
    }

    @Test
    void stopAfterTagLeavesLaterElementsUnread() {
        ReadOptions options = ReadOptions.DEFAULTS.withStopAfterTag(PATIENT_ID);
        DicomHeader h = DicomReader.read(DicomSource.of(bigHeader().toBytes()), options);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals("P-0001", h.dataSet().getString(PATIENT_ID));
        assertEquals("Doe^John", h.dataSet().getString(0x00100010));
        assertFalse(h.dataSet().contains(ROWS));
        assertFalse(h.dataSet().contains(0x00290010));
        assertEquals(PATIENT_ID, h.dataSet().elements().get(h.dataSet().size() - 1).tag());
        assertNull(h.pixelData(), "stopped before reaching the pixel data");
    }

    @Test
    void stopAfterTagReadsFewerBytesOfABigHeader() {
        byte[] file = bigHeader().toBytes();
        DicomHeader stopped = DicomReader.read(DicomSource.of(file),
                ReadOptions.DEFAULTS.withStopAfterTag(PATIENT_ID));
        DicomHeader full = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS);
        assertEquals(ReadStatus.OK, full.status());
        assertEquals(26, full.dataSet().size(), "five header elements, the creator and twenty texts");
        assertTrue(full.bytesRead() >= 20 * 30_000, () -> "full read: " + full.bytesRead());
        assertTrue(stopped.bytesRead() < 32 << 10, () -> "stopped read: " + stopped.bytesRead());
        assertEquals(file.length - 16, full.pixelData().valueOffset());
    }

    /** Twenty 30 000-byte private LT values (below the bulk data threshold) after (0010,0020). */
    private static DicomWriter bigHeader() {
        DicomWriter w = header(TransferSyntax.EXPLICIT_LITTLE).privateBlock(0x0029, 0x10, "ACME BIG");
        String text = "t".repeat(30_000);
        for (int i = 0; i < 20; i++) {
            w.string(DicomWriter.privateTag(0x0029, 0x10, i), VR.LT, text);
        }
        return w.pixelData(VR.OW, 16);
    }

    @Test
    void deflatedPixelDataHasNoFileOffsetAndIsNotInflated() {
        byte[] noise = new byte[1 << 20];
        new java.util.Random(42).nextBytes(noise);
        byte[] file = header(TransferSyntax.of("1.2.840.10008.1.2.1.99"))
                .binary(Tag.PIXEL_DATA, VR.OW, noise).toBytes();
        assertTrue(file.length > noise.length, "noise does not compress");
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals(new PixelDataInfo(Tag.PIXEL_DATA, VR.OW, -1, 1 << 20), h.pixelData());
        assertEquals("P-0001", h.dataSet().getString(PATIENT_ID));
        assertTrue(h.bytesRead() < 64 << 10, () -> "bytes read: " + h.bytesRead());
    }

    @Test
    void aSmallDeflatedFileIsFetchedOnceNotTwice() throws IOException {
        Path file = header(TransferSyntax.of("1.2.840.10008.1.2.1.99")).writeTo(tmp.resolve("small-deflated.dcm"));
        DicomHeader h = DicomReader.read(file, ReadOptions.DEFAULTS);
        assertEquals(ReadStatus.OK, h.status());
        assertEquals("P-0001", h.dataSet().getString(PATIENT_ID));
        assertEquals(Files.size(file), h.bytesRead());
    }
}
