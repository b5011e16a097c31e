package org.dicomcatalog.dicom;

/** The outcome of reading one file. */
public enum ReadStatus {
    /** The header was read up to the pixel data, the stop tag or the end of the file. */
    OK,
    /** An error stopped the reader after some data set elements were read; those are kept. */
    PARTIAL,
    /** The file is DICOM but an error came before any data set element could be read. */
    ERROR,
    /** The file is empty or not DICOM at all. */
    NOT_DICOM
}
