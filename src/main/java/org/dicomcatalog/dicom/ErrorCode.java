package org.dicomcatalog.dicom;

/** Why a file could not be read completely. Codes are stable: they are stored in catalogs and reports. */
public enum ErrorCode {
    /** Empty, or neither a Part 10 file nor a recognizable data set. */
    NOT_DICOM,
    /** The file ends inside an element, item or sequence. */
    TRUNCATED,
    /** A declared length runs past the end of the file (checked before anything is allocated). */
    LENGTH_EXCEEDS_FILE,
    /** Sequences nest deeper than the configured limit. */
    MAX_DEPTH,
    /** The header is larger than the configured byte budget. */
    HEADER_TOO_LARGE,
    /** More elements than the configured limit. */
    TOO_MANY_ELEMENTS,
    /** A deflated data set inflates past the configured limit. */
    INFLATE_LIMIT,
    /** Structure that PS3.5 does not allow: bad item or delimiter tags, invalid deflate data. */
    BAD_ENCODING,
    /** The storage failed while reading (not the file's fault). */
    IO_ERROR,
    /** The reader itself failed on this file (a bug, or a VM error contained to this file). */
    INTERNAL
}
