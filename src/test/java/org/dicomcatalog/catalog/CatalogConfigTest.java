package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every default and every property name, pinned: changing one is a visible decision. */
class CatalogConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaults() {
        assertEquals(new CatalogConfig(5, 0, "local[*]", Map.of(), 300, 600, null), CatalogConfig.DEFAULTS);
        assertEquals(CatalogConfig.DEFAULTS, CatalogConfig.fromProperties(Map.of()));
    }

    @Test
    void explicitPropertyMappings() {
        Map<String, String> properties = Map.of(
                "keepSnapshots", "3",
                "filesPerPartition", "512",
                "master", "spark://head:7077",
                "lockLeaseSeconds", "120",
                "issuer.a.root", "/archive/a",
                "issuer.a.name", "HOSP_A",
                "issuer.b.root", "s3a://bucket/b",
                "issuer.b.name", "HOSP_B",
                "settleSeconds", "0",
                "registerDatabase", "dicom_catalog");
        assertEquals(new CatalogConfig(3, 512, "spark://head:7077",
                        Map.of("/archive/a", "HOSP_A", "s3a://bucket/b", "HOSP_B"), 0, 120, "dicom_catalog"),
                CatalogConfig.fromProperties(properties));
    }

    @Test
    void commandLineOverridesConfFileOverridesDefaults() throws IOException {
        Path conf = Files.writeString(dir.resolve("catalog.properties"),
                "keepSnapshots = 7\nmaster=local[4]\nregisterDatabase = from_file\n");
        CatalogConfig c = CatalogConfig.load(conf, Map.of("master", "local[2]", "registerDatabase", "from_line"));
        assertEquals(new CatalogConfig(7, 0, "local[2]", Map.of(), 300, 600, "from_line"), c);
        assertEquals("from_file", CatalogConfig.load(conf, Map.of()).registerDatabase());
    }

    @Test
    void lockLeaseFromTheCommandLineOverridesTheConfFile() throws IOException {
        Path conf = Files.writeString(dir.resolve("catalog.properties"), "lockLeaseSeconds = 900\n");
        assertEquals(Duration.ofSeconds(900), CatalogConfig.load(conf, Map.of()).lockLease());
        assertEquals(Duration.ofSeconds(60), CatalogConfig.load(conf, Map.of("lockLeaseSeconds", "60")).lockLease());
    }

    @Test
    void emptyRegisterDatabaseRegistersNothing() {
        assertEquals(null, CatalogConfig.fromProperties(Map.of("registerDatabase", "")).registerDatabase());
    }

    @Test
    void shippedConfFileHoldsTheDefaults() throws IOException {
        assertEquals(CatalogConfig.DEFAULTS, CatalogConfig.load(Path.of("conf/catalog.properties"), Map.of()));
    }

    @Test
    void unknownNamesAndHalfIssuersFail() {
        assertThrows(IllegalArgumentException.class, () -> CatalogConfig.fromProperties(Map.of("keepSnapshot", "2")));
        assertThrows(IllegalArgumentException.class,
                () -> CatalogConfig.fromProperties(Map.of("issuer.a.root", "/archive/a")));
        assertThrows(IllegalArgumentException.class,
                () -> CatalogConfig.fromProperties(Map.of("keepSnapshots", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> CatalogConfig.fromProperties(Map.of("lockLeaseSeconds", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> CatalogConfig.fromProperties(Map.of("registerDatabase", "cat; DROP")));
    }
}
