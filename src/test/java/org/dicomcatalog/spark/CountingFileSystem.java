package org.dicomcatalog.spark;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system, counting the files it opens and the directories it lists, so a test can prove
 * that a query opens none or lists once. A read uses it through the options fs.file.impl and
 * fs.file.impl.disable.cache.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
    static final AtomicLong OPENED = new AtomicLong();
    static final AtomicLong LISTED = new AtomicLong();

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        OPENED.incrementAndGet();
        return super.open(path, bufferSize);
    }

    @Override
    public FileStatus[] listStatus(Path dir) throws IOException {
        LISTED.incrementAndGet();
        return super.listStatus(dir);
    }
}
