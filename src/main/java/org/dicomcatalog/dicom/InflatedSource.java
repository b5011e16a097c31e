package org.dicomcatalog.dicom;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The inflated view of a deflated data set (PS3.5 A.5: raw deflate of everything after the file meta).
 * Inflates as a stream with a fixed window, never into one big array, and stops at a byte limit so a
 * deflate bomb costs bounded time and memory. Positions are offsets in the inflated stream and only move
 * forward, which is all {@link DicomInput} asks of it.
 */
final class InflatedSource implements DicomSource {
    private final DicomSource compressed;
    private final long limit;
    private final Inflater inflater = new Inflater(true);
    private final byte[] input = new byte[16 << 10];
    private long compressedPosition;
    private final long fetchedFrom;
    private long inflatedPosition;
    private byte[] scratch;

    /**
     * {@code alreadyRead} are the compressed bytes from {@code start} on that the caller has fetched
     * already: they are inflated first, so no byte is fetched twice.
     */
    InflatedSource(DicomSource compressed, long start, byte[] alreadyRead, long limit) {
        this.compressed = compressed;
        this.compressedPosition = start + alreadyRead.length;
        this.fetchedFrom = compressedPosition;
        this.limit = limit;
        inflater.setInput(alreadyRead);
    }

    @Override
    public long length() {
        return Long.MAX_VALUE;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        skipTo(position);
        return inflate(buffer, offset, length);
    }

    private void skipTo(long position) throws IOException {
        if (position < inflatedPosition) {
            throw new IllegalStateException("inflated stream read backwards");
        }
        if (scratch == null && position > inflatedPosition) {
            scratch = new byte[16 << 10];
        }
        while (inflatedPosition < position) {
            int n = inflate(scratch, 0, (int) Math.min(scratch.length, position - inflatedPosition));
            if (n < 0) {
                return;
            }
        }
    }

    private int inflate(byte[] buffer, int offset, int length) throws IOException {
        try {
            while (true) {
                if (inflatedPosition >= limit) {
                    throw new DicomReadException(ErrorCode.INFLATE_LIMIT, DicomReadException.NO_TAG,
                            inflatedPosition, "deflated data set inflates past " + limit + " bytes");
                }
                int n = inflater.inflate(buffer, offset, (int) Math.min(length, limit - inflatedPosition));
                if (n > 0) {
                    inflatedPosition += n;
                    return n;
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    return -1;
                }
                if (inflater.needsInput() && !refill()) {
                    return -1;
                }
            }
        } catch (DataFormatException e) {
            throw new DicomReadException(ErrorCode.BAD_ENCODING, DicomReadException.NO_TAG, inflatedPosition,
                    "deflated data set is not valid deflate data");
        }
    }

    private boolean refill() throws IOException {
        int n = compressed.read(compressedPosition, input, 0, input.length);
        if (n <= 0) {
            return false;
        }
        compressedPosition += n;
        inflater.setInput(input, 0, n);
        return true;
    }

    /** Compressed bytes this source fetched itself (not those handed to it). */
    long compressedBytesRead() {
        return compressedPosition - fetchedFrom;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
