package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/dicom-catalog's class data sharing: a command's first run archives its classes in target/cds, later runs
 * map them, and the command's output is the same either way (JVM warnings never reach stdout). Runs after
 * package, on the jar the launcher uses; skipped when the build went elsewhere (-Dbuild.dir) or the jar is
 * older than the sources, where the launcher would first rebuild the project.
 */
class LauncherIT {
    private static final Path ARCHIVE = Path.of("target", "cds", "dump.jsa");

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void launcherReady() throws IOException {
        Path jar = Path.of("target", "dicom-catalog.jar");
        assumeTrue(Files.isRegularFile(jar) && Path.of(System.getProperty("dicomcatalog.buildDir", "target"))
                .toAbsolutePath().equals(jar.toAbsolutePath().getParent()),
                "skipped: the launcher's jar target/dicom-catalog.jar is not this build's");
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src", "main")), Stream.of(Path.of("pom.xml")))) {
            assumeTrue(sources.noneMatch(p -> newer(p, built)), "skipped: the launcher would rebuild the project");
        }
        file = Files.writeString(dir.resolve("notes.txt"), "not an image");
    }

    @Test
    void aCommandsFirstRunArchivesItsClassesAndLaterRunsMapThemWithTheSameOutput() throws Exception {
        Files.deleteIfExists(ARCHIVE);

        Run first = dump(Map.of());
        assertEquals(0, first.status(), first.stderr());
        assertTrue(first.stderr().contains("first run of 'dump' with these jars: archiving its classes"),
                first.stderr());
        assertTrue(Files.size(ARCHIVE) > 1_000_000, "archive written: " + Files.size(ARCHIVE));
        List<String> lines = first.stdout().lines().toList();
        assertEquals(1, lines.size(), first.stdout());
        assertTrue(lines.get(0).startsWith("{") && lines.get(0).contains("\"status\":\"NOT_DICOM\""), lines.get(0));

        Path classLog = dir.resolve("classes.log");
        Run second = dump(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        assertEquals(0, second.status(), second.stderr());
        assertFalse(second.stderr().contains("archiving"), second.stderr());
        assertEquals(first.stdout(), second.stdout());
        assertTrue(Files.readString(classLog).contains("DumpCommand source: shared objects file (top)"),
                "our classes come from the archive");

        Run off = dump(Map.of("DICOMCATALOG_CDS", "off", "JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        assertEquals(first.stdout(), off.stdout());
        assertFalse(Files.readString(classLog).contains("shared objects file (top)"), "DICOMCATALOG_CDS=off");
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private Run dump(Map<String, String> env) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "jobs/dicom-catalog", "dump", file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("JAVA_OPTS", "");
        pb.environment().remove("DICOMCATALOG_CDS");
        pb.environment().putAll(environment);
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "dump still running");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean newer(Path p, FileTime than) {
        try {
            return Files.getLastModifiedTime(p).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
