package org.dicomcatalog.spark;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;
import org.dicomcatalog.dicom.DicomSource;

/** A file in a Hadoop file system as a {@link DicomSource}: positional reads on one open stream. */
final class HadoopDicomSource implements DicomSource {
    private final FSDataInputStream in;
    private final long length;

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
        return in.read(position, buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
