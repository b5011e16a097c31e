package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dicomcatalog.catalog.CatalogConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build command's arguments, without starting Spark. */
class CatalogBuildCommandTest {
    @TempDir
    Path dir;

    @Test
    void commandLineWinsOverTheConfFileWhichWinsOverDefaults() throws IOException {
        Path conf = Files.writeString(dir.resolve("c.properties"), "master = local[4]\nkeepSnapshots = 3\n");
        BuildCommand.Args args = BuildCommand.parse(new String[] {
            "--input", "/a", "s3a://b/c", "--output", "/cat", "--conf", conf.toString(),
            "--master", "local[1]", "--set", "filesPerPartition=64", "--register", "dicom_catalog"});
        assertEquals(List.of("/a", "s3a://b/c"), args.inputs());
        assertEquals("/cat", args.output());
        assertEquals(new CatalogConfig(3, 64, "local[1]", Map.of(), 300, 600, "dicom_catalog"), args.config());
    }

    @Test
    void missingOutputOrUnknownArgumentIsUsage() {
        assertNull(BuildCommand.parse(new String[] {"--input", "/a"}));
        assertNull(BuildCommand.parse(new String[] {"--input", "/a", "--output", "/c", "--bogus"}));
    }
}
