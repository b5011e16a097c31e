package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, String... args) throws Exception {
        return new SampleCommand(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void writesArchiveAndTruthAndSaysWhere() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "--out", dir.toString(), "--patients", "3", "--seed", "5", "--pixels", "none"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("studies of 3 patients"), text);
        assertTrue(text.contains(dir.resolve("ground-truth").toString()), text);
        assertTrue(Files.size(dir.resolve("ground-truth/files.jsonl")) > 0);
        assertTrue(Files.exists(dir.resolve("archive/README.txt")));
    }

    @Test
    void missingOrBadOptionsAreUsageErrors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, run(out, "--out", dir.toString(), "--patients", "3"));
        assertEquals(2, run(out, "--out", dir.toString(), "--patients", "0", "--seed", "1"));
        assertEquals(2, run(out, "--out", dir.toString(), "--patients", "3", "--seed", "1", "--pixels", "half"));
        assertEquals(0, out.size());
    }

    @Test
    void refusesANonEmptyArchiveFolder() throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        Files.writeString(dir.resolve("archive/keep.txt"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, run(out, "--out", dir.toString(), "--patients", "1", "--seed", "1"));
    }
}
