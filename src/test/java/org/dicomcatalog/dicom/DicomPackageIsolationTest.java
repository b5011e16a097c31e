package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The DICOM reader must stay usable without Spark or Hadoop on the class path. */
class DicomPackageIsolationTest {
    private static final Path PACKAGE = Path.of("src/main/java/org/dicomcatalog/dicom");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?org\\.apache\\.(spark|hadoop)\\.", Pattern.MULTILINE);

    @Test
    void dicomPackageImportsNothingFromSparkOrHadoop() throws IOException {
        assertTrue(Files.isDirectory(PACKAGE), "run from the project base dir: " + PACKAGE.toAbsolutePath());
        List<Path> sources;
        try (Stream<Path> files = Files.walk(PACKAGE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "no sources under " + PACKAGE);
        List<Path> offenders = sources.stream().filter(DicomPackageIsolationTest::importsForbidden)
                .collect(Collectors.toList());
        assertTrue(offenders.isEmpty(), "imports org.apache.spark or org.apache.hadoop: " + offenders);
    }

    private static boolean importsForbidden(Path source) {
        try {
            return FORBIDDEN.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
