package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system, except for files named by what goes wrong: "interrupted-open" throws
 * InterruptedIOException when opened (what a killed task's thread sees), "interrupted-read" when read, and
 * "unreadable" a plain IOException when opened. Used through the options fs.file.impl and
 * fs.file.impl.disable.cache.
 */
public final class InterruptingFileSystem extends RawLocalFileSystem {

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        String name = path.getName();
        if (name.contains("interrupted-open")) {
            throw new InterruptedIOException("interrupted opening " + path);
        }
        if (name.contains("unreadable")) {
            throw new IOException("disk error opening " + path);
        }
        if (name.contains("interrupted-read")) {
            return new FSDataInputStream(new InterruptedStream());
        }
        return super.open(path, bufferSize);
    }

    private static final class InterruptedStream extends FSInputStream {
        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            throw new InterruptedIOException("interrupted reading");
        }

        @Override
        public int read() throws IOException {
            throw new InterruptedIOException("interrupted reading");
        }

        @Override
        public void seek(long pos) {
        }

        @Override
        public long getPos() {
            return 0;
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }
    }
}
