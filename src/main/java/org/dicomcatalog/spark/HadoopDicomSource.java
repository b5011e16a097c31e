package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;
import org.dicomcatalog.dicom.DicomSource;

/** A file in a Hadoop file system as a {@link DicomSource}: positional reads on one open stream. */
final class HadoopDicomSource implements DicomSource {
    private final FSDataInputStream in;
    private final long length;
    private IOException interruption;

    private HadoopDicomSource(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    static HadoopDicomSource open(ListedFile file, Configuration conf) throws IOException {
        Path path = new Path(file.path());
        // the listed length spares object stores a HEAD request; "random" because the reader skips values
        FSDataInputStream in = FutureIO.awaitFuture(DicomLister.fileSystem(path, conf).openFile(path)
                .optLong("fs.option.openfile.length", file.length())
                .opt("fs.option.openfile.read.policy", "random")
                .build());
        return new HadoopDicomSource(in, file.length());
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(position, buffer, offset, length);
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
        in.close();
    }
}
