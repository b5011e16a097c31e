package org.dicomcatalog.dicom;

import java.io.IOException;

/**
 * A cursor over a {@link DicomSource} with a buffer that starts small and grows on demand: the first read
 * of a file is small because the kernel's read-ahead turns a large first read into megabytes moved, and
 * most headers are a few KiB. Skipping moves the position; the skipped bytes are never fetched.
 */
final class DicomInput {
    private static final int FIRST_CHUNK = 8 << 10;
    private static final int MAX_CHUNK = 64 << 10;

    private final DicomSource source;
    private final long length;
    private byte[] buffer;
    /** File position of buffer[0]; buffer[0..filled) holds valid bytes. */
    private long bufferStart;
    private int filled;
    private long position;
    private int nextChunk = FIRST_CHUNK;
    private long bytesFetched;
    private boolean bigEndian;

    /** Set when the whole source is the buffer: nothing is ever fetched, compacted or grown. */
    private final boolean inMemory;
    /** For in-memory sources, the end of the range being read since the last skip. */
    private long touchedEnd;

    DicomInput(DicomSource source, long length, long start) {
        this.source = source;
        this.length = length;
        this.position = start;
        this.inMemory = source instanceof ByteArraySource;
        if (inMemory) {
            buffer = ((ByteArraySource) source).bytes();
            filled = buffer.length;
        } else {
            buffer = new byte[FIRST_CHUNK];
            bufferStart = start;
        }
    }

    long position() {
        return position;
    }

    /** Bytes left before the end of the source; Long.MAX_VALUE - position when the length is unknown. */
    long remaining() {
        return length - position;
    }

    boolean atEnd() throws IOException {
        return !request(1);
    }

    long bytesFetched() {
        return bytesFetched;
    }

    void bigEndian(boolean value) {
        this.bigEndian = value;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** Makes {@code n} bytes available at the position; false when the source ends first. */
    boolean request(int n) throws IOException {
        if (inMemory) {
            touch(n);
            return position + n <= filled;
        }
        if (position + n <= bufferStart + filled) {
            return true;
        }
        return fill(n);
    }

    /** Counts the bytes a read of {@code n} at the position adds, as if they were fetched; skips add none. */
    private void touch(int n) {
        if (position > touchedEnd) {
            touchedEnd = position;
        }
        long end = Math.min(length, position + n);
        if (end > touchedEnd) {
            bytesFetched += end - touchedEnd;
            touchedEnd = end;
        }
    }

    private boolean fill(int n) throws IOException {
        compactToPosition();
        int wanted = Math.max(n, Math.min(nextChunk, (int) Math.min(MAX_CHUNK, Math.max(0, remaining()))));
        if (buffer.length < wanted) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(wanted, buffer.length * 2));
        }
        while (filled < n) {
            int count = source.read(bufferStart + filled, buffer, filled, Math.max(n, wanted) - filled);
            if (count <= 0) {
                return false;
            }
            filled += count;
            bytesFetched += count;
        }
        nextChunk = Math.min(MAX_CHUNK, nextChunk * 2);
        return true;
    }

    /** Drops consumed bytes so the buffer starts at the position (which may lie past the buffered bytes). */
    private void compactToPosition() {
        long keepFrom = position - bufferStart;
        if (keepFrom >= filled) {
            filled = 0;
        } else if (keepFrom > 0) {
            System.arraycopy(buffer, (int) keepFrom, buffer, 0, filled - (int) keepFrom);
            filled -= (int) keepFrom;
        }
        bufferStart = position;
    }

    /** Copies of the next bytes without moving; fewer than {@code n} when the source ends first. */
    byte[] peek(int n) throws IOException {
        int available = n;
        while (available > 0 && !request(available)) {
            available--;
        }
        byte[] bytes = new byte[available];
        System.arraycopy(buffer, (int) (position - bufferStart), bytes, 0, available);
        return bytes;
    }

    /** The bytes already fetched from the position on, for a reader that takes over the source here. */
    byte[] buffered() {
        int from = (int) Math.max(0, position - bufferStart);
        int to = inMemory ? from : Math.max(from, filled);
        return java.util.Arrays.copyOfRange(buffer, from, to);
    }

    int u8(int ahead) {
        return buffer[(int) (position - bufferStart) + ahead] & 0xFF;
    }

    /** Unsigned 16 bits at {@code ahead} bytes past the position, in the current byte order. */
    int u16(int ahead) {
        int i = (int) (position - bufferStart) + ahead;
        int a = buffer[i] & 0xFF;
        int b = buffer[i + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    /** 32 bits at {@code ahead} bytes past the position, in the current byte order. */
    int i32(int ahead) {
        return bigEndian ? (u16(ahead) << 16) | u16(ahead + 2) : (u16(ahead + 2) << 16) | u16(ahead);
    }

    /** A tag at {@code ahead}: group then element, each in the current byte order. */
    int tag(int ahead) {
        return (u16(ahead) << 16) | u16(ahead + 2);
    }

    void advance(long n) {
        position += n;
    }

    /** The next {@code n} bytes; callers bound {@code n} (the bulk data threshold) before calling. */
    byte[] readBytes(int n) throws IOException {
        if (!request(n)) {
            return null;
        }
        byte[] bytes = new byte[n];
        System.arraycopy(buffer, (int) (position - bufferStart), bytes, 0, n);
        position += n;
        return bytes;
    }
}
