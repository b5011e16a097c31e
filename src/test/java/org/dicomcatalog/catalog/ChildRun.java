package org.dicomcatalog.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code dicom-catalog} sub-command (build, refresh, ...) started in a child JVM with the tests' class path,
 * its output in a log file: a run a test can kill ({@link KilledRun}) or whose Spark settings (master, file
 * systems) must not leak into the shared test session.
 */
final class ChildRun {
    private ChildRun() {
    }

    /**
     * Starts {@code command args...} with system properties {@code properties} ("name=value"; spark.hadoop.*
     * reach the job's Hadoop configuration), logging to {@code log}.
     */
    static Process start(Path log, List<String> properties, String command, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                // a short run on a busy machine: the quick compiler and one GC thread leave the CPU to the job
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(Arrays.asList(System.getProperty("dicomcatalog.sparkOpens", "").trim().split("\\s+")));
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of(
                "-Dspark.sql.shuffle.partitions=2",
                "-Dlog4j.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "org.dicomcatalog.cli.Main", command));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** The last 40 lines of a child's log, for assertion messages. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
