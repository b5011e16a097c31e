package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code dicom-catalog} sub-command (build, refresh, ...) run as a child JVM ({@link ChildRun}) whose file
 * system is {@link BlockingFileSystem}: it stops at a {@link BlockingFileSystem.Point}, and the test kills it there
 * with SIGKILL, as the OOM killer or a lost node would. Paths for the child's arguments: {@link #blockfs}.
 */
final class KilledRun implements AutoCloseable {
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(150);
    /** What Java reports for a process ended by signal 9 (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private final Process process;
    private final Path marker;
    private final Path log;

    private KilledRun(Process process, Path marker, Path log) {
        this.process = process;
        this.marker = marker;
        this.log = log;
    }

    /** Starts {@code command args...} in a child JVM (logging to {@code dir/<command>.log}), to stop at {@code at}. */
    static KilledRun start(Path dir, BlockingFileSystem.Point at, String command, String... args)
            throws IOException {
        Path marker = dir.resolve("blocked-" + at);
        Path log = dir.resolve(command + "-" + at + ".log");
        Process process = ChildRun.start(log, List.of(
                "spark.hadoop.fs.blockfs.impl=" + BlockingFileSystem.class.getName(),
                "spark.hadoop.fs.AbstractFileSystem.blockfs.impl=" + BlockingFs.class.getName(),
                "spark.hadoop." + BlockingFileSystem.AT + "=" + at,
                "spark.hadoop." + BlockingFileSystem.MARKER + "=" + marker), command, args);
        return new KilledRun(process, marker, log);
    }

    /** {@code path} on the blocking file system: what the child's arguments name. */
    static String blockfs(Path path) {
        return BlockingFileSystem.SCHEME + "://" + path.toAbsolutePath();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the child stopped at its point, then kills it with SIGKILL. */
    void killWhenBlocked() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BLOCK_TIMEOUT.toNanos();
        while (!Files.exists(marker)) {
            assertTrue(process.isAlive(), "the child ended before its point:\n" + tail());
            assertTrue(System.nanoTime() < deadline, "the child did not reach its point:\n" + tail());
            Thread.sleep(100);
        }
        // on Linux (and every Unix) destroyForcibly is kill(pid, SIGKILL): no shutdown hook, no finally block
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child survived SIGKILL");
        assertEquals(SIGKILL_EXIT, process.exitValue(), "ended by SIGKILL\n" + tail());
    }

    String tail() throws IOException {
        return ChildRun.tail(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
