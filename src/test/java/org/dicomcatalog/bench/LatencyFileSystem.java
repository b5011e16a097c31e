package org.dicomcatalog.bench;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system with a fixed wait before every open, standing in for the time to first byte of an
 * object store (an S3 GET is tens of milliseconds), so {@link SourceBenchmark} can measure what the source's
 * {@code ioThreads} recover without an object store on this machine. A read uses it through the options
 * fs.file.impl (this class), fs.file.impl.disable.cache and {@value #MILLIS}. Listing is not slowed.
 */
public final class LatencyFileSystem extends RawLocalFileSystem {
    static final String MILLIS = "dicomcatalog.bench.openLatencyMillis";

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        try {
            Thread.sleep(getConf().getLong(MILLIS, 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + path);
        }
        return super.open(path, bufferSize);
    }
}
