package org.dicomcatalog.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@value #SCHEME}, which stops the run using it at one point: it
 * creates a marker file, then blocks forever, so a test can kill the process exactly there (see
 * {@link KilledRun}). The point is Hadoop property {@value #AT} (a {@link Point}), the marker {@value #MARKER}.
 * Registered in a child JVM by -Dspark.hadoop.fs.blockfs.impl, with {@link BlockingFs} for FileContext.
 */
public final class BlockingFileSystem extends LocalUnderScheme {
    static final String SCHEME = "blockfs";
    static final String AT = "dicomcatalog.block.at";
    static final String MARKER = "dicomcatalog.block.marker";
    /** The DICOM file whose opening stops a {@link Point#PARSING} run, counted from 1. */
    static final int BLOCKING_DICOM_FILE = 2;
    private static final AtomicInteger DICOM_FILES_OPENED = new AtomicInteger();

    /** Where the run stops. */
    enum Point {
        /** opening the archive's DICOM file number {@link #BLOCKING_DICOM_FILE} */
        PARSING,
        /** creating the first Parquet part file of the new snapshot */
        WRITING,
        /** renaming the temporary pointer onto CURRENT (the pointer is written) */
        PUBLISHING
    }

    @Override
    String scheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().endsWith(".dcm") && at(Point.PARSING)
                && DICOM_FILES_OPENED.incrementAndGet() == BLOCKING_DICOM_FILE) {
            block();
        }
        return super.open(f, bufferSize);
    }

    /** Every create of the local file system ends here. */
    @Override
    protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
            throws IOException {
        if (f.getName().startsWith("part-") && f.toString().contains("/" + Snapshots.SNAPSHOTS + "/")
                && at(Point.WRITING)) {
            block();
        }
        return super.createOutputStreamWithMode(f, append, permission);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (dst.getName().equals(Snapshots.CURRENT) && at(Point.PUBLISHING)) {
            block();
        }
        return super.rename(src, dst);
    }

    private boolean at(Point point) {
        return point.name().equals(getConf().get(AT));
    }

    private void block() {
        try {
            Files.createFile(Paths.get(getConf().get(MARKER)));
        } catch (FileAlreadyExistsException e) {
            // another task reached the point first; this one stops too
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // a cancelled task must not move on: only the kill ends this
            }
        }
    }
}
