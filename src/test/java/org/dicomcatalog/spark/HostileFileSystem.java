package org.dicomcatalog.spark;

import java.io.IOException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system, except that reading a file whose name contains "hostile" throws
 * OutOfMemoryError: what a file crafted to blow up a reader does, without needing such a file. A read
 * uses it through the options fs.file.impl and fs.file.impl.disable.cache.
 */
public final class HostileFileSystem extends RawLocalFileSystem {

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        if (!path.getName().contains("hostile")) {
            return super.open(path, bufferSize);
        }
        return new FSDataInputStream(new FSInputStream() {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) {
                throw new OutOfMemoryError("a value length no heap can hold");
            }

            @Override
            public int read() {
                throw new OutOfMemoryError("a value length no heap can hold");
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
        });
    }
}
