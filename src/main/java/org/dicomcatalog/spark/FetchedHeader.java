package org.dicomcatalog.spark;

import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.ErrorCode;
import org.dicomcatalog.dicom.ReadStatus;

/**
 * One file as the I/O side left it: its header, or the code of why there is none, or neither when the
 * plan opens no file. {@code skipped}: deleted since listing under ignoreMissingFiles, so no row.
 */
record FetchedHeader(ListedFile file, DicomHeader header, ErrorCode failure, boolean opened, boolean skipped) {

    static FetchedHeader notOpened(ListedFile file) {
        return new FetchedHeader(file, null, null, false, false);
    }

    static FetchedHeader skipped(ListedFile file) {
        return new FetchedHeader(file, null, null, false, true);
    }

    static FetchedHeader failed(ListedFile file, ErrorCode code, boolean opened) {
        return new FetchedHeader(file, null, code, opened, false);
    }

    static FetchedHeader read(ListedFile file, DicomHeader header) {
        return new FetchedHeader(file, header, null, true, false);
    }

    long bytesRead() {
        return header == null ? 0 : header.bytesRead();
    }

    boolean notOk() {
        return failure != null || header != null && header.status() != ReadStatus.OK;
    }
}
