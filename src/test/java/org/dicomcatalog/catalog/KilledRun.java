package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code dicom-catalog} sub-command (build, refresh, ...) run as a child JVM whose file system is
 * {@link BlockingFileSystem}: it stops at a {@link BlockingFileSystem.Point}, and the test kills it there with
 * SIGKILL, as the OOM killer or a lost node would. Paths for the child's arguments: {@link #blockfs}.
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
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                // a short run on a busy machine: the quick compiler and one GC thread leave the CPU to the job
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(Arrays.asList(System.getProperty("dicomcatalog.sparkOpens", "").trim().split("\\s+")));
        cmd.addAll(List.of(
                "-Dspark.hadoop.fs.blockfs.impl=" + BlockingFileSystem.class.getName(),
                "-Dspark.hadoop.fs.AbstractFileSystem.blockfs.impl=" + BlockingFs.class.getName(),
                "-Dspark.hadoop." + BlockingFileSystem.AT + "=" + at,
                "-Dspark.hadoop." + BlockingFileSystem.MARKER + "=" + marker,
                "-Dspark.sql.shuffle.partitions=2",
                "-Dlog4j.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "org.dicomcatalog.cli.Main", command));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return new KilledRun(pb.start(), marker, log);
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
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
