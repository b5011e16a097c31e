package org.dicomcatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * The local file system under the scheme {@value #SCHEME}, where opening a file whose name ends in
 * {@value #LIVE_SUFFIX} moves its modification time one second on, as a writer still writing it would: every
 * read of it overlaps a change. Registered by fs.touchfs.impl.
 */
public final class TouchOnOpenFileSystem extends LocalUnderScheme {
    static final String SCHEME = "touchfs";
    static final String LIVE_SUFFIX = "-live.dcm";

    @Override
    String scheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().endsWith(LIVE_SUFFIX)) {
            java.nio.file.Path file = pathToFile(f).toPath();
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1_000));
        }
        return super.open(f, bufferSize);
    }
}
