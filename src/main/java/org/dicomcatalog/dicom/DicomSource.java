package org.dicomcatalog.dicom;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the reader gets bytes from: a length and positional reads, nothing else. The reader skips values
 * by moving its position, so a store that can read at an offset (a local file, HDFS, S3) never transfers
 * skipped bytes. Hadoop lives in an adapter in the spark package; this package stays free of it.
 */
public interface DicomSource extends Closeable {

    long length() throws IOException;

    /** Reads up to {@code length} bytes at {@code position}; returns the count read, or -1 at the end. */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** A source over bytes already in memory; the reader uses them in place, without copying. */
    static DicomSource of(byte[] bytes) {
        return new ByteArraySource(bytes);
    }

    static DicomSource open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new DicomSource() {
            @Override
            public long length() throws IOException {
                return channel.size();
            }

            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                return channel.read(ByteBuffer.wrap(buffer, offset, length), position);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
