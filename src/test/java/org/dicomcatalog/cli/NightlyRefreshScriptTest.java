package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/nightly-refresh.sh with a fake spark-submit on PATH (prints its arguments, then sleeps and exits as told):
 * exit statuses, the outer lock and the log files.
 */
class NightlyRefreshScriptTest {
    private static final String[] JOB_ARGS = {"--input", "/archive", "--output", "/catalog"};

    @TempDir
    Path dir;
    private Path logs;

    @BeforeEach
    void fakeSparkSubmit() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = Files.writeString(bin.resolve("spark-submit"), String.join("\n",
                "#!/bin/sh",
                "echo \"fake spark-submit $*\"",
                "[ -n \"${FAKE_STARTED:-}\" ] && : > \"$FAKE_STARTED\"",
                "sleep \"${FAKE_SLEEP:-0}\"",
                "exit \"${FAKE_EXIT:-0}\"", ""));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("job.jar"), "not a jar: the fake never opens it");
        logs = dir.resolve("logs");
    }

    private ProcessBuilder script(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "jobs/nightly-refresh.sh", "--log-dir", logs.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("DICOMCATALOG_JAR", dir.resolve("job.jar").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private record Run(int status, String output) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Process p = script(env, args).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }

    @Test
    void aPublishedRefreshExitsZeroAndLogsTheSubmissionToADatedLogAndLatest() throws Exception {
        Run r = run(Map.of(), JOB_ARGS);

        assertEquals(0, r.status(), r.output());
        assertEquals("", r.output(), "quiet on success: cron mails any output");
        List<String> logFiles = logNames();
        assertEquals(3, logFiles.size(), logFiles.toString());
        assertTrue(logFiles.get(2).matches("refresh-\\d{8}T\\d{6}Z\\.log"), logFiles.toString());
        assertEquals(List.of("latest.log", "nightly-refresh.lock"), logFiles.subList(0, 2));
        assertEquals(Path.of(logFiles.get(2)), Files.readSymbolicLink(logs.resolve("latest.log")));
        String log = Files.readString(logs.resolve("latest.log"));
        assertTrue(log.contains("--class org.dicomcatalog.cli.Main"), log);
        // --driver-java-options replaces the properties file's driver options, so the script passes them on
        String driverOptions = LocalSpark.defaults(Path.of("conf", LocalSpark.DEFAULTS_FILE))
                .getProperty("spark.driver.extraJavaOptions").strip();
        assertTrue(driverOptions.contains("MaxNodeLimit"), driverOptions);
        assertTrue(log.contains("--driver-java-options " + driverOptions + " "), log);
        assertTrue(log.contains(dir.resolve("job.jar") + " refresh --input /archive --output /catalog"), log);
        assertTrue(log.contains("spark-submit exited 0, status 0"), log);
    }

    @Test
    void aFailedJobIsStatusOneAndTheJobsLockHeldStatusIsKept() throws Exception {
        assertEquals(1, run(Map.of("FAKE_EXIT", "1"), JOB_ARGS).status());
        Run failed = run(Map.of("FAKE_EXIT", "7"), JOB_ARGS);
        assertEquals(1, failed.status());
        assertTrue(failed.output().contains("failed (status 1); log: " + logs), failed.output());
        assertTrue(Files.readString(logs.resolve("latest.log")).contains("spark-submit exited 7, status 1"));
        assertEquals(3, run(Map.of("FAKE_EXIT", "3"), JOB_ARGS).status());
    }

    @Test
    void missingArgumentsAreUsageWithoutSubmitting() throws Exception {
        Run r = run(Map.of(), "--input", "/archive");

        assertEquals(2, r.status());
        assertTrue(r.output().contains("--input and --output are required"), r.output());
        assertFalse(Files.exists(logs), "nothing started, nothing logged");
    }

    @Test
    void aRunOverlappingARunningOneExitsThreeAtOnce() throws Exception {
        Path started = dir.resolve("started");
        Process first = script(Map.of("FAKE_SLEEP", "300", "FAKE_STARTED", started.toString()), JOB_ARGS)
                .redirectOutput(dir.resolve("first.out").toFile()).start();
        try {
            while (!Files.exists(started)) {
                assertTrue(first.isAlive(), Files.readString(dir.resolve("first.out")));
                Thread.sleep(50);
            }
            Run second = run(Map.of(), JOB_ARGS);

            assertEquals(3, second.status(), second.output());
            assertTrue(second.output().contains("another run holds " + logs.resolve("nightly-refresh.lock")),
                    second.output());
            assertTrue(first.isAlive());
            assertEquals(1, logNames().stream().filter(n -> n.startsWith("refresh-")).count(), "no log of its own");
        } finally {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
    }

    private List<String> logNames() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
