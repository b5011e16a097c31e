package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values above the bulk data threshold are skipped: offset and length kept, bytes never fetched. */
class DicomReaderBulkDataTest {
    private static final int BLOB = DicomWriter.privateTag(0x0029, 0x10, 0x20);
    private static final int AFTER = 0x00290011;
    private static final int SIZE = 100 << 10;

    private static DicomWriter withBlob(TransferSyntax ts, int size) {
        return DicomWriter.create(ts)
                .string(0x00080060, VR.CS, "MR")
                .privateBlock(0x0029, 0x10, "ACME BLOB")
                .bytes(BLOB, VR.OB, new byte[size])
                .string(AFTER, VR.LO, "AFTER BLOB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"})
    void largeValueIsBulkDataAndNotFetched(String uid) {
        byte[] file = withBlob(TransferSyntax.of(uid), SIZE).toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        DicomElement blob = h.dataSet().get(BLOB);
        assertTrue(blob.isBulkData());
        assertNull(blob.bytes());
        assertEquals(List.of(), blob.strings());
        assertEquals(SIZE, blob.length());
        // the LO after the blob: 8-byte header and "ACME BLOB " style padding of "AFTER BLOB" (10 bytes)
        assertEquals(file.length - 8 - 10 - SIZE, blob.valueOffset());
        assertEquals("AFTER BLOB", h.dataSet().getString(AFTER));
        assertTrue(h.bytesRead() < SIZE, () -> "bytes read: " + h.bytesRead());
    }

    @Test
    void valueAtTheThresholdIsRead() {
        int threshold = ReadOptions.DEFAULTS.bulkDataThreshold();
        DicomElement blob = DicomReader.read(withBlob(TransferSyntax.EXPLICIT_LITTLE, threshold).toBytes())
                .dataSet().get(BLOB);
        assertFalse(blob.isBulkData());
        assertEquals(threshold, blob.bytes().length);
    }

    @Test
    void thresholdIsConfigurable() {
        byte[] file = withBlob(TransferSyntax.EXPLICIT_LITTLE, 200).toBytes();
        DicomHeader low = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS.withBulkDataThreshold(100));
        assertTrue(low.dataSet().get(BLOB).isBulkData());
        assertEquals(200, low.dataSet().get(BLOB).length());
        assertEquals("AFTER BLOB", low.dataSet().getString(AFTER));
        assertEquals("MR", low.dataSet().getString(0x00080060), "short values are still read");

        DicomHeader high = DicomReader.read(DicomSource.of(withBlob(TransferSyntax.EXPLICIT_LITTLE, SIZE).toBytes()),
                ReadOptions.DEFAULTS.withBulkDataThreshold(SIZE));
        assertFalse(high.dataSet().get(BLOB).isBulkData());
        assertEquals(SIZE, high.dataSet().get(BLOB).bytes().length);
    }

    @Test
    void bulkDataInBigEndianKeepsItsByteOrder() {
        DicomElement blob = DicomReader.read(withBlob(TransferSyntax.EXPLICIT_BIG, SIZE).toBytes()).dataSet().get(BLOB);
        assertTrue(blob.isBulkData());
        assertTrue(blob.bigEndian());
    }

    @Test
    void bulkDataInsideAnItemKeepsItsFileOffset() {
        byte[] payload = new byte[SIZE];
        DicomWriter w = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080060, VR.CS, "MR")
                .sequence(0x00420013, true, s -> s.item(true, i -> i.bytes(0x00420011, VR.OB, payload)
                        .string(0x00420010, VR.ST, "doc")))
                .string(0x00100020, VR.LO, "ID");
        byte[] file = w.toBytes();
        DicomHeader h = DicomReader.read(file);
        assertEquals(ReadStatus.OK, h.status());
        DicomDataSet item = h.dataSet().get(0x00420013).items().get(0);
        DicomElement document = item.get(0x00420011);
        assertTrue(document.isBulkData());
        assertEquals(SIZE, document.length());
        // after the value: the ST (8 + 4), the item delimiter (8), the sequence delimiter (8), the LO (8 + 2)
        assertEquals(file.length - SIZE - 12 - 8 - 8 - 10, document.valueOffset());
        assertEquals("doc", item.getString(0x00420010));
        assertEquals("ID", h.dataSet().getString(0x00100020));
    }
}
