package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of about rowsPerFile rows: a dominant partition value is split, small tables stay one file. */
class CatalogTableLayoutTest {
    private static final StructType INSTANCE = new StructType()
            .add("Modality", DataTypes.StringType)
            .add("StudyInstanceUID", DataTypes.StringType)
            .add("SeriesInstanceUID", DataTypes.StringType)
            .add("SOPInstanceUID", DataTypes.StringType);
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void dominantModalityIsSplitIntoSeveralSortedFilesWithDisjointKeyRanges() throws IOException {
        // 80 CT, 15 MR, 5 US rows in random order; 20 rows per file means 5 write tasks
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String modality = i < 80 ? "CT" : i < 95 ? "MR" : "US";
            String study = "1." + (i % 7);
            String series = study + "." + (i % 3);
            rows.add(RowFactory.create(modality, study, series, series + "." + i));
        }
        Collections.shuffle(rows, new Random(4));
        Path table = dir.resolve("instances");

        Dataset<Row> shuffled = spark.createDataFrame(rows, INSTANCE).repartition(3);
        CatalogTable.INSTANCES.write(shuffled, table.toString(), 100, 20);

        List<List<List<String>>> ctFiles = new ArrayList<>();
        for (Path file : parquetFiles(table.resolve("Modality=CT"))) {
            List<List<String>> keys = keys(spark.read().parquet(file.toString()));
            List<List<String>> sorted = new ArrayList<>(keys);
            sorted.sort(KEY_ORDER);
            assertEquals(sorted, keys, "rows sorted by the keys within " + file);
            ctFiles.add(keys);
        }
        assertTrue(ctFiles.size() >= 3, "80 CT rows at 20 per file: " + ctFiles.size() + " files");
        ctFiles.sort((a, b) -> KEY_ORDER.compare(a.get(0), b.get(0)));
        for (int i = 1; i < ctFiles.size(); i++) {
            List<List<String>> before = ctFiles.get(i - 1);
            assertTrue(KEY_ORDER.compare(before.get(before.size() - 1), ctFiles.get(i).get(0)) < 0,
                    "file " + i + " starts after the previous one ends");
        }
        assertEquals(80, ctFiles.stream().mapToInt(List::size).sum());
        assertEquals(Map.of("CT", 80L, "MR", 15L, "US", 5L), countsByModality(table));
    }

    @Test
    void tablesWithFewRowsAreOneFilePerPartitionValue() throws IOException {
        List<Row> rows = List.of(RowFactory.create("CT", "1", "1.1", "1.1.1"),
                RowFactory.create("CT", "1", "1.1", "1.1.2"), RowFactory.create("MR", "2", "2.1", "2.1.1"));
        Path instances = dir.resolve("instances");
        CatalogTable.INSTANCES.write(spark.createDataFrame(rows, INSTANCE).repartition(3), instances.toString(), 3);
        assertEquals(1, parquetFiles(instances.resolve("Modality=CT")).size());
        assertEquals(1, parquetFiles(instances.resolve("Modality=MR")).size());

        StructType patient = new StructType().add(Identity.ISSUER, DataTypes.StringType)
                .add("PatientID", DataTypes.StringType);
        Path patients = dir.resolve("patients");
        CatalogTable.PATIENTS.write(spark.createDataFrame(List.of(RowFactory.create("A", "P2"),
                RowFactory.create("A", "P1"), RowFactory.create("B", "P1")), patient).repartition(3),
                patients.toString(), 3);
        List<Path> files = parquetFiles(patients);
        assertEquals(1, files.size());
        assertEquals(List.of("A/P1", "A/P2", "B/P1"), spark.read().parquet(files.get(0).toString()).collectAsList()
                .stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList());
    }

    private static List<List<String>> keys(Dataset<Row> file) {
        return file.select("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID").collectAsList().stream()
                .map(r -> List.of(r.getString(0), r.getString(1), r.getString(2))).toList();
    }

    private Map<String, Long> countsByModality(Path table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : spark.read().parquet(table.toString()).groupBy("Modality").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }

    private static List<Path> parquetFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
