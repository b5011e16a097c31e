package org.dicomcatalog.dicom;

import java.io.IOException;

/**
 * A file that cannot be read further. The message names the reason, the tag and the byte offset, and never
 * a value from the file: values can be patient data, and messages end up in logs and catalogs.
 */
public final class DicomReadException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Tag value used when the error is not tied to an element. */
    public static final int NO_TAG = -1;

    private final ErrorCode code;
    private final int tag;
    private final long offset;

    public DicomReadException(ErrorCode code, int tag, long offset, String reason) {
        super(code + (tag == NO_TAG ? "" : " at " + Tag.toString(tag)) + " offset " + offset + ": " + reason);
        this.code = code;
        this.tag = tag;
        this.offset = offset;
    }

    public ErrorCode code() {
        return code;
    }

    /** The tag of the element being read, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }

    /** Byte offset in the file (in the inflated stream for deflated data sets) where the error was found. */
    public long offset() {
        return offset;
    }
}
