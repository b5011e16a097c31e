package org.dicomcatalog.dicom;

/**
 * Resolves the PS3.6 entries whose VR depends on other attributes ("US or SS", "OB or OW", "US or OW"),
 * for elements whose VR comes from the dictionary (implicit VR, or explicit UN). The rules are PS3.5
 * A.1 (implicit VR pixel and overlay data are OW) and PS3.3 C.7.6.3 / C.11.1.1.1 (Pixel Representation
 * and LUT Descriptor decide); they agree with pydicom's, which produced our reference data.
 */
final class AmbiguousVR {
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    private static final int LUT_DESCRIPTOR = 0x00283002;
    private static final int LUT_DATA = 0x00283006;

    private AmbiguousVR() {
    }

    /** True for the attributes {@link #resolve} looks up to decide the VR of other elements. */
    static boolean decidesOtherVRs(int tag) {
        return tag == PIXEL_REPRESENTATION || tag == LUT_DESCRIPTOR;
    }

    /** The VR for {@code tag}, given the dictionary's text and the data set being read. */
    static VR resolve(int tag, String vrText, boolean undefinedLength, DataSetParser.Level level) {
        VR first = VR.ofName(vrText);
        if (vrText.length() == 2) {
            return first;
        }
        if (tag == Tag.PIXEL_DATA) {
            return undefinedLength ? VR.OB : VR.OW;
        }
        if (tag == LUT_DATA) {
            DicomElement descriptor = level.find(LUT_DESCRIPTOR);
            long[] values = descriptor != null ? descriptor.longs() : new long[0];
            return values.length > 0 && values[0] == 1 ? VR.US : VR.OW;
        }
        if (vrText.startsWith("US or SS")) {
            DicomElement representation = level.findInAncestors(PIXEL_REPRESENTATION);
            long[] values = representation != null ? representation.longs() : new long[0];
            return values.length > 0 && values[0] == 1 ? VR.SS : VR.US;
        }
        // overlay, waveform and palette data: OW in implicit VR (PS3.5 8.1.2, A.1)
        return vrText.contains("OW") ? VR.OW : first;
    }
}
