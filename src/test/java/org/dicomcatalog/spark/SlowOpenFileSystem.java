package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system waiting 1 ms in every open, as a disk or name node that makes a file wait, and
 * counting how many opens were waiting at once. Hadoop creates instances by reflection: counts are static.
 */
public final class SlowOpenFileSystem extends RawLocalFileSystem {
    static final AtomicInteger WAITING = new AtomicInteger();
    static final AtomicInteger MOST_WAITING = new AtomicInteger();

    static void reset() {
        WAITING.set(0);
        MOST_WAITING.set(0);
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        MOST_WAITING.accumulateAndGet(WAITING.incrementAndGet(), Math::max);
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + path);
        } finally {
            WAITING.decrementAndGet();
        }
        return super.open(path, bufferSize);
    }
}
