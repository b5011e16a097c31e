package org.dicomcatalog.dicom;

/**
 * Where the top-level pixel data element starts, so a pixel pipeline can range-read frames without
 * parsing the header again. {@code valueOffset} is the file offset of the first value byte, or -1 when
 * the data set is deflated (offsets in the inflated stream cannot be range-read); {@code length} is -1 for
 * encapsulated (undefined-length) pixel data.
 */
public record PixelDataInfo(int tag, VR vr, long valueOffset, long length) {
    public static final long UNDEFINED_LENGTH = -1;

    public boolean encapsulated() {
        return length == UNDEFINED_LENGTH;
    }
}
