package org.dicomcatalog.dicom;

import java.util.List;

/**
 * Everything read from one file's header: the outcome, the file meta, the data set up to the pixel data,
 * and where the pixel data lies. Immutable. When {@link #status()} is PARTIAL the elements read before the
 * error are kept; the error says why reading stopped, never with a value from the file.
 */
public final class DicomHeader {
    private final ReadStatus status;
    private final DicomReadException error;
    private final Encoding encoding;
    private final DicomDataSet fileMeta;
    private final DicomDataSet dataSet;
    private final PixelDataInfo pixelData;
    private final long bytesRead;
    private final List<String> warnings;

    /**
     * How the file was laid out and encoded. {@code transferSyntax} is the encoding the data set was
     * actually read with; {@code guessed} is true when it did not come from a usable (0002,0010).
     */
    public record Encoding(boolean preamble, boolean fileMetaPresent, TransferSyntax transferSyntax,
            boolean guessed) {
    }

    DicomHeader(ReadStatus status, DicomReadException error, Encoding encoding, DicomDataSet fileMeta,
            DicomDataSet dataSet, PixelDataInfo pixelData, long bytesRead, List<String> warnings) {
        this.status = status;
        this.error = error;
        this.encoding = encoding;
        this.fileMeta = fileMeta;
        this.dataSet = dataSet;
        this.pixelData = pixelData;
        this.bytesRead = bytesRead;
        this.warnings = List.copyOf(warnings);
    }

    public ReadStatus status() {
        return status;
    }

    /** Why reading stopped early; null when the status is OK. */
    public DicomReadException error() {
        return error;
    }

    /** Null for files that are not DICOM. */
    public Encoding encoding() {
        return encoding;
    }

    /** The Transfer Syntax UID the file declares in its meta, or null. */
    public String transferSyntaxUID() {
        return fileMeta.getString(Tag.TRANSFER_SYNTAX_UID);
    }

    /** Group 0002; empty when the file has no meta. */
    public DicomDataSet fileMeta() {
        return fileMeta;
    }

    /** The data set without group 0002, up to (not including) the pixel data. */
    public DicomDataSet dataSet() {
        return dataSet;
    }

    /** The top-level pixel data element, or null when the file has none (or reading stopped before it). */
    public PixelDataInfo pixelData() {
        return pixelData;
    }

    /** Bytes fetched from storage for this header (compressed bytes for deflated files). */
    public long bytesRead() {
        return bytesRead;
    }

    /** Tolerated deviations from the standard, without values from the file. */
    public List<String> warnings() {
        return warnings;
    }
}
