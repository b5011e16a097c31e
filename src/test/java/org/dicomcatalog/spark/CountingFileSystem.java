package org.dicomcatalog.spark;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system, counting the files it opens, so a test can prove that a query opens none. A read
 * uses it through the options fs.file.impl and fs.file.impl.disable.cache.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
    static final AtomicLong OPENED = new AtomicLong();

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        OPENED.incrementAndGet();
        return super.open(path, bufferSize);
    }
}
