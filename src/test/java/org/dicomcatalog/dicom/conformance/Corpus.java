package org.dicomcatalog.dicom.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real DICOM files (DICOM_CORPUS) and the reference reader's output beside it.
 * Tests that need it are skipped, saying so, when the variable is not set; .ci/run always sets it.
 */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus folder, or a skipped test when DICOM_CORPUS is unset. */
    public static Path root() {
        String value = System.getenv("DICOM_CORPUS");
        Assumptions.assumeTrue(value != null && !value.isBlank(),
                "DICOM_CORPUS is not set: corpus conformance tests skipped (.ci/run sets it)");
        Path root = Paths.get(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("DICOM_CORPUS=" + value + " is not a directory");
        }
        return root;
    }

    public static Path oracleRoot() {
        return root().resolveSibling("dicom-corpus-oracle");
    }

    /** Corpus-relative paths of every file listed in MANIFEST.tsv, in manifest order. */
    public static List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        List<String> lines = Files.readAllLines(root().resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                files.add(line.substring(0, line.indexOf('\t')));
            }
        }
        return files;
    }
}
