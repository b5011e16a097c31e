package org.dicomcatalog.catalog;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.TaskContext;

/**
 * The local file system under the scheme {@value #SCHEME}, which fails the first attempt of every Spark task
 * at each {@link Stage}, as a lost connection or a preempted executor would; the driver (no task) is never
 * failed. Failures are injected only when Hadoop property {@value #LOG} names a file: one line
 * "STAGE path" is appended to it per failure, so a test can tell they happened. Registered by
 * fs.flaky.impl, with {@link FlakyFs} for FileContext.
 */
public final class FlakyFileSystem extends LocalUnderScheme {
    static final String SCHEME = "flaky";
    static final String LOG = "dicomcatalog.flaky.log";

    /** Where a first attempt fails. */
    enum Stage {
        /** opening a DICOM file to read its header: InterruptedIOException, which fails the task */
        DICOM_OPEN,
        /** opening a Parquet file of a snapshot (the previous one, for a refresh) to read it */
        PARQUET_READ,
        /** creating a Parquet part file of the new snapshot */
        PARQUET_WRITE
    }

    @Override
    String scheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().endsWith(".dcm") && failsHere(Stage.DICOM_OPEN, f)) {
            // what HeaderFetcher takes for a task being killed, not for a bad file
            throw new InterruptedIOException("injected: first attempt of the task, opening " + f);
        }
        if (f.getName().endsWith(".parquet") && failsHere(Stage.PARQUET_READ, f)) {
            throw new IOException("injected: first attempt of the task, opening " + f);
        }
        return super.open(f, bufferSize);
    }

    /** Every create of the local file system ends here. */
    @Override
    protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
            throws IOException {
        if (f.getName().startsWith("part-") && failsHere(Stage.PARQUET_WRITE, f)) {
            throw new IOException("injected: first attempt of the task, creating " + f);
        }
        return super.createOutputStreamWithMode(f, append, permission);
    }

    /** True, after logging it, when this is a task's first attempt and failures are on. */
    private boolean failsHere(Stage stage, Path f) {
        TaskContext task = TaskContext.get();
        String log = getConf().get(LOG);
        if (log == null || task == null || task.attemptNumber() > 0) {
            return false;
        }
        try {
            // one short append per line: tasks of both executor threads write here
            Files.write(Paths.get(log), (stage + " " + f + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }
}
