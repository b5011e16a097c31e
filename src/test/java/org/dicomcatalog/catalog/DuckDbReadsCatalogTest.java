package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another engine reads the catalog: DuckDB (Node.js client {@code @duckdb/node-api}, installed into
 * {@code .duckdb-node/} by tools/install-duckdb.sh, which .ci/run calls) opens the snapshot's Parquet with hive
 * partitioning and must see what Spark sees. Skipped, and says why, without {@code node} or the package.
 */
class DuckDbReadsCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void duckDbSeesWhatSparkSees() throws Exception {
        Path nodeDir = Path.of(System.getProperty("duckdb.node.dir",
                System.getenv().getOrDefault("DUCKDB_NODE_DIR", ".duckdb-node"))).toAbsolutePath();
        assumeTrue(hasNode(), "node not found on PATH: DuckDbReadsCatalogTest skipped");
        assumeTrue(Files.exists(nodeDir.resolve("node_modules/@duckdb/node-api/package.json")),
                "@duckdb/node-api not installed in " + nodeDir + " (run tools/install-duckdb.sh):"
                        + " DuckDbReadsCatalogTest skipped");

        SparkSession spark = SparkTestSession.get();
        BuildReport report = TinyCatalog.build(spark, dir);
        JsonNode duck = readWithDuckDb(nodeDir, TinyCatalog.snapshot(dir, report));
        System.out.println("DuckDB " + duck.get("duckdb_version").asText() + " sees: " + duck);

        for (String table : SchemaDoc.tables()) {
            assertEquals(spark.table(table).count(), duck.get(table + "_count").asLong(), table);
        }
        assertEquals(strings(spark, "SELECT DISTINCT Modality FROM instances ORDER BY 1"),
                texts(duck.get("instance_modalities")));
        assertEquals(List.of("CT", "MR"), texts(duck.get("instance_modalities")), "partition values");
        assertEquals(strings(spark, "SELECT DISTINCT Modality FROM series ORDER BY 1"), texts(duck.get("series_modalities")));
        assertEquals(strings(spark, "SELECT DISTINCT CAST(study_year AS STRING) FROM studies ORDER BY 1"),
                texts(duck.get("study_years")));
        List<String> sparkDates = new ArrayList<>();
        for (Row r : spark.sql("SELECT StudyInstanceUID, CAST(StudyDate AS STRING) FROM studies ORDER BY 1")
                .collectAsList()) {
            sparkDates.add(r.getString(0) + "=" + r.getString(1));
        }
        List<String> duckDates = new ArrayList<>();
        for (JsonNode d : duck.get("study_dates")) {
            assertEquals("DATE", d.get("t").asText(), "a DA attribute is a Parquet DATE to DuckDB too");
            duckDates.add(d.get("uid").asText() + "=" + d.get("d").asText());
        }
        assertEquals(sparkDates, duckDates);
        List<String> sparkSeries = new ArrayList<>();
        for (Row r : spark.sql("SELECT SeriesInstanceUID, number_of_instances, SeriesDescription FROM series ORDER BY 1")
                .collectAsList()) {
            sparkSeries.add(r.getString(0) + " " + r.getLong(1) + " " + r.getString(2));
        }
        List<String> duckSeries = new ArrayList<>();
        for (JsonNode s : duck.get("series_rows")) {
            duckSeries.add(s.get("uid").asText() + " " + s.get("n").asLong() + " " + s.get("description").asText());
        }
        assertEquals(sparkSeries, duckSeries);
        // every instances column, the VARIANT `header` included, reads
        assertTrue(duck.has("select_star_rows"), "SELECT * FROM instances failed in DuckDB: " + duck.get("select_star_error"));
        assertEquals(spark.table("instances").count(), duck.get("select_star_rows").asLong());
        // DuckDB (>= 1.4) reads Spark's VARIANT Parquet encoding as its own VARIANT type, and decodes it
        assertEquals("VARIANT", duck.get("instance_types").get("header").asText());
        assertTrue(duck.has("header_sample"), "header did not read: " + duck.get("header_error"));
        String first = strings(spark, "SELECT SOPInstanceUID FROM instances ORDER BY 1 LIMIT 1").get(0);
        assertTrue(duck.get("header_sample").asText().contains("'SOPInstanceUID': " + first),
                duck.get("header_sample").asText());
    }

    private static JsonNode readWithDuckDb(Path nodeDir, Path snapshot) throws IOException, InterruptedException,
            URISyntaxException {
        Path script = Path.of(DuckDbReadsCatalogTest.class.getResource("/duckdb/read-catalog.mjs").toURI());
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), snapshot.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("DUCKDB_NODE_DIR", nodeDir.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "node read-catalog.mjs failed: " + text);
        return JSON.readTree(text);
    }

    private static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> strings(SparkSession spark, String sql) {
        return spark.sql(sql).collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }
}
