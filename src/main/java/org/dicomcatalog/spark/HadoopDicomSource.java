package org.dicomcatalog.spark;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.functional.FutureIO;
import org.dicomcatalog.dicom.DicomSource;

/**
 * A file in a Hadoop file system as a {@link DicomSource}: positional reads on one open stream. Files of
 * the plain local file system are read through a file channel of their own (see {@link #openLocal}).
 */
final class HadoopDicomSource implements DicomSource {
    /** A read at an offset, as both Hadoop's PositionedReadable and a FileChannel offer it. */
    private interface PositionalRead {
        int read(long position, byte[] buffer, int offset, int length) throws IOException;
    }

    private final PositionalRead reader;
    private final Closeable stream;
    private final long length;
    private IOException interruption;

    private HadoopDicomSource(PositionalRead reader, Closeable stream, long length) {
        this.reader = reader;
        this.stream = stream;
        this.length = length;
    }

    /** Opens {@code file}, found at {@code path} of {@code fs} (the file system without its checksum layer). */
    static HadoopDicomSource open(ListedFile file, Path path, FileSystem fs) throws IOException {
        if (DicomLister.isPlainLocal(fs)) {
            return openLocal(file, ((RawLocalFileSystem) fs).pathToFile(path));
        }
        // the listed length spares object stores a HEAD request; "random" because the reader skips values
        FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(path)
                .optLong("fs.option.openfile.length", file.length())
                .opt("fs.option.openfile.read.policy", "random")
                .build());
        return new HadoopDicomSource(in::read, in, file.length());
    }

    /**
     * The local file a listed path names, when the string alone says so: "file:" and an absolute path
     * with nothing Hadoop's Path would rewrite (no empty, "." or ".." segment, no trailing "/"). Null
     * otherwise, and then the caller builds a Path: parsing one per file took 20% of a warm scan's
     * executor time (docs/benchmarks.md). Whether "file:" is the plain local file system is the caller's
     * to check.
     */
    static File localFile(String listedPath) {
        if (File.separatorChar != '/' || !listedPath.startsWith("file:/")) {
            return null;
        }
        String path = listedPath.substring("file:".length());
        if (path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/")
                || path.endsWith("/.") || path.endsWith("/..")) {
            return null;
        }
        return new File(path);
    }

    /**
     * Reads a local file through the channel of a FileInputStream, as Hadoop's local stream does, without
     * what Hadoop adds to each open and a header read has no use for: the open builder's two Configuration
     * objects and its future, a status lookup, a read buffer, and statistics merged on close; together
     * they cost more than reading the header. Read bytes still reach the file system statistics, from
     * which Spark takes a task's input size. A missing or unreadable file throws FileNotFoundException,
     * as through Hadoop.
     */
    static HadoopDicomSource openLocal(ListedFile file, File local) throws FileNotFoundException {
        FileInputStream in = new FileInputStream(local);
        FileChannel channel = in.getChannel();
        FileSystem.Statistics statistics = LocalStatistics.INSTANCE;
        return new HadoopDicomSource((position, buffer, offset, length) -> {
            int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
            if (n > 0) {
                statistics.incrementBytesRead(n);
            }
            return n;
        }, in, file.length());
    }

    /** The statistics RawLocalFileSystem instances count their reads in (one per scheme and class). */
    private static final class LocalStatistics {
        @SuppressWarnings("deprecation")
        static final FileSystem.Statistics INSTANCE = FileSystem.getStatistics("file", RawLocalFileSystem.class);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        try {
            return reader.read(position, buffer, offset, length);
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            // the reader makes every IOException the file's IO_ERROR; this one must fail the task instead
            interruption = e;
            throw e;
        }
    }

    /** Rethrows an interruption a read met, which the reader has turned into the file's error. */
    void throwIfInterrupted() throws IOException {
        if (interruption != null) {
            throw interruption;
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
