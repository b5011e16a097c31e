package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.STUDY_DATE;
import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.dicomcatalog.catalog.Archive.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registered tables in the session catalog (Spark's in-memory one here: the test session has no Hive). */
class TableRegistrationTest {
    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void afterTwoBuildsTheRegisteredTablesReadTheSecondSnapshotWithItsPartitions() throws Exception {
        Path archive = dir.resolve("archive");
        String catalog = dir.resolve("catalog").toString();
        write(ct("1.1.1"), archive.resolve("ct1.dcm"));
        write(instance("2", "2.1", "2.1.1", "MR"), archive.resolve("mr1.dcm"));
        CatalogConfig config = CatalogConfig.fromProperties(Map.of(
                CatalogConfig.REGISTER_DATABASE, "registered_twice", CatalogConfig.KEEP_SNAPSHOTS, "1"));
        BuildReport first = new CatalogBuild(spark, config).run(List.of(archive.toString()), catalog);
        assertEquals("registered_twice", first.registeredDatabase);
        assertEquals(2, count("registered_twice.instances"));

        write(ct("1.1.2"), archive.resolve("ct2.dcm"));
        write(instance("3", "3.1", "3.1.1", "US"), archive.resolve("us1.dcm"));
        write("not dicom".getBytes(StandardCharsets.US_ASCII), archive.resolve("notes.txt"));
        BuildReport second = new CatalogBuild(spark, config).run(List.of(archive.toString()), catalog);

        assertNull(second.registrationError);
        assertEquals(List.of(second.snapshotId), new Snapshots(catalog, new Configuration()).list(),
                "the first snapshot is pruned once no table reads it");
        assertEquals(Map.of("CT", 2L, "MR", 1L, "US", 1L), countsBy("registered_twice.instances", "Modality"));
        assertEquals(Map.of("CT", 1L, "MR", 1L, "US", 1L), countsBy("registered_twice.series", "Modality"));
        assertEquals(3, count("registered_twice.studies"));
        assertEquals(1, count("registered_twice.patients"));
        assertEquals(1, count("registered_twice.rejects"));
        assertEquals(0, count("registered_twice.conflicts"));
        assertEquals(List.of("Modality=CT", "Modality=MR", "Modality=US"),
                strings("SHOW PARTITIONS registered_twice.instances"));
        assertEquals(1, one("SELECT count(*) FROM registered_twice.studies WHERE study_year = 2023"));
        for (String file : strings("SELECT DISTINCT input_file_name() FROM registered_twice.instances")) {
            assertTrue(file.contains("/snapshots/" + second.snapshotId + "/instances/Modality="), file);
        }
        for (CatalogTable t : CatalogTable.values()) {
            assertEquals("EXTERNAL", spark.catalog().getTable("registered_twice", t.table).tableType(), t.table);
        }
    }

    @Test
    void aTableThatIsNotOursFailsRegistrationAfterPublishingAndNothingIsPruned() throws IOException {
        Path archive = dir.resolve("archive");
        String catalog = dir.resolve("catalog").toString();
        write(ct("1.1.1"), archive.resolve("ct1.dcm"));
        CatalogConfig keepOne = CatalogConfig.fromProperties(Map.of(CatalogConfig.KEEP_SNAPSHOTS, "1"));
        String first = new CatalogBuild(spark, keepOne).run(List.of(archive.toString()), catalog).snapshotId;
        spark.sql("CREATE DATABASE IF NOT EXISTS registered_clash");
        spark.sql("CREATE OR REPLACE VIEW registered_clash.conflicts AS SELECT 1 AS one");

        CatalogConfig register = CatalogConfig.fromProperties(Map.of(
                CatalogConfig.REGISTER_DATABASE, "registered_clash", CatalogConfig.KEEP_SNAPSHOTS, "1"));
        BuildReport second = new CatalogBuild(spark, register).run(List.of(archive.toString()), catalog);

        Snapshots snapshots = new Snapshots(catalog, new Configuration());
        assertEquals(second.snapshotId, snapshots.current().orElseThrow(), "published all the same");
        assertEquals(List.of(first, second.snapshotId), snapshots.list(), "nothing pruned");
        assertNull(second.registeredDatabase);
        assertTrue(second.registrationError.contains("registering table registered_clash.conflicts failed"),
                second.registrationError);
        assertTrue(second.registrationError.contains("VIEW"), second.registrationError);
        assertEquals(1, one("SELECT one FROM registered_clash.conflicts"), "the view is left alone");
        assertEquals(1, count("registered_clash.instances"), "tables before the failing one are registered");
    }

    private static DicomWriter ct(String sop) {
        return patient(instance("1", "1.1", sop, "CT"), "P1", "19700101", "M").string(STUDY_DATE, VR.DA, "20230115");
    }

    private long count(String table) {
        return one("SELECT count(*) FROM " + table);
    }

    private long one(String query) {
        return ((Number) spark.sql(query).first().get(0)).longValue();
    }

    private List<String> strings(String query) {
        return spark.sql(query).collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    private Map<String, Long> countsBy(String table, String column) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : spark.sql("SELECT " + column + ", count(*) FROM " + table + " GROUP BY 1").collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
