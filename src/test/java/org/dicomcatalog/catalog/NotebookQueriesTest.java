package org.dicomcatalog.catalog;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.sample.SampleArchive;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs every SQL statement of notebooks/cohort-queries.ipynb against a catalog built from a sample archive, so the
 * notebook cannot rot. The notebook's convention (its first cell): a statement is a triple-quoted string assigned
 * to a name ending in {@code query}, one per code cell, passed to {@code spark.sql}; parameters are {@code {name}}
 * placeholders filled with {@code .format}.
 */
class NotebookQueriesTest {
    static final Path NOTEBOOK = Paths.get("notebooks", "cohort-queries.ipynb");
    private static final Pattern STATEMENT = Pattern.compile("(?m)^\\s*(\\w*query)\\s*=\\s*([a-zA-Z]*)\"\"\"(.*?)\"\"\"",
            Pattern.DOTALL);
    private static final Pattern SQL_CALL = Pattern.compile("spark\\.sql\\(");
    private static final Pattern SQL_CALL_ON_QUERY = Pattern.compile("spark\\.sql\\(\\s*\\w*query\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static JsonNode notebook;
    /** Statement name -> SQL text as in the notebook (placeholders not filled). */
    private static Map<String, String> statements;
    private static int queryCells;
    private static Map<String, String> parameters;
    private static final Map<String, List<Row>> results = new LinkedHashMap<>();

    @BeforeAll
    static void buildCatalog() throws IOException {
        notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
        statements = new LinkedHashMap<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (!"code".equals(cell.get("cell_type").asText())) {
                continue;
            }
            String source = source(cell);
            int calls = count(SQL_CALL, source);
            if (calls == 0) {
                continue;
            }
            queryCells++;
            assertEquals(calls, count(SQL_CALL_ON_QUERY, source),
                    "every spark.sql(...) call takes a variable named *query:\n" + source);
            Matcher m = STATEMENT.matcher(source);
            int found = 0;
            while (m.find()) {
                found++;
                assertEquals("", m.group(2), m.group(1) + " must be a plain string (no f/r prefix): placeholders "
                        + "are filled by .format");
                assertNotNull(m.group(1), source);
                if (statements.put(m.group(1), m.group(3).strip()) != null) {
                    fail("two statements named " + m.group(1));
                }
            }
            assertEquals(1, found, "one statement per query cell:\n" + source);
        }

        spark = SparkTestSession.get();
        // patients 0-4 are scripted (conflicts, shared PatientID...); every planted case exists for N >= 5
        SampleArchive.Result sample = new SampleArchive(5, 42, SampleArchive.Pixels.NONE).generate(dir.resolve("s"));
        String catalog = dir.resolve("catalog").toString();
        new CatalogBuild(spark, CatalogConfig.DEFAULTS).run(List.of(sample.archive().toString()), catalog);
        CatalogReader.registerViews(spark, catalog);

        // the values the notebook picks interactively: a study with a patient, its first series
        Row study = spark.sql("SELECT StudyInstanceUID FROM studies WHERE PatientID IS NOT NULL "
                + "ORDER BY StudyDate DESC NULLS LAST, StudyInstanceUID LIMIT 1").first();
        Row series = spark.sql("SELECT SeriesInstanceUID, Modality FROM series WHERE StudyInstanceUID = '"
                + study.getString(0) + "' ORDER BY SeriesNumber NULLS LAST, SeriesInstanceUID LIMIT 1").first();
        parameters = Map.of("study_uid", study.getString(0), "series_uid", series.getString(0),
                "modality", series.getString(1));
    }

    private static String source(JsonNode cell) {
        JsonNode src = cell.get("source");
        if (src.isTextual()) {
            return src.asText();
        }
        StringBuilder b = new StringBuilder();
        src.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String filled(String name) {
        String sql = statements.get(name);
        assertNotNull(sql, "the notebook has no statement named " + name + "; it has " + statements.keySet());
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            assertNotNull(value, "unknown placeholder {" + m.group(1) + "} in " + name + "; known: "
                    + parameters.keySet());
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Each statement runs once; the tests below look at the rows of the ones that matter. */
    private static List<Row> run(String name) {
        return results.computeIfAbsent(name, n -> spark.sql(filled(n)).collectAsList());
    }

    @Test
    void everyQueryCellHoldsOneExtractedStatement() {
        assertTrue(queryCells >= 8, "query cells found: " + queryCells);
        assertEquals(queryCells, statements.size(), statements.keySet().toString());
    }

    @Test
    void everyStatementRuns() {
        List<String> failures = new ArrayList<>();
        for (String name : statements.keySet()) {
            try {
                run(name);
            } catch (RuntimeException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void notebookIsCommittedWithoutOutputs() {
        assertEquals(4, notebook.get("nbformat").asInt());
        assertEquals("python3", notebook.at("/metadata/kernelspec/name").asText());
        for (JsonNode cell : notebook.get("cells")) {
            if ("code".equals(cell.get("cell_type").asText())) {
                assertTrue(cell.get("outputs").isArray() && cell.get("outputs").isEmpty(), source(cell));
                assertTrue(cell.get("execution_count").isNull(), source(cell));
            }
        }
    }

    @Test
    void modalityCountsCoverEverySeries() {
        List<Row> rows = run("modality_query");
        assertFalse(rows.isEmpty());
        long series = rows.stream().mapToLong(r -> r.getLong(r.fieldIndex("series"))).sum();
        long instances = rows.stream().mapToLong(r -> r.getLong(r.fieldIndex("instances"))).sum();
        assertEquals(spark.table("series").count(), series);
        assertEquals(spark.table("instances").count(), instances);
        assertTrue(rows.stream().anyMatch(r -> "CT".equals(r.getString(r.fieldIndex("Modality")))), rows.toString());
    }

    @Test
    void bodyPartsAndYearsCoverEverySeriesAndStudy() {
        assertEquals(spark.table("series").count(),
                run("body_part_query").stream().mapToLong(r -> r.getLong(r.fieldIndex("series"))).sum());
        assertEquals(spark.table("studies").count(),
                run("studies_per_year_query").stream().mapToLong(r -> r.getLong(r.fieldIndex("studies"))).sum());
    }

    @Test
    void studiesWithoutPatientModuleAreFoundByAccessionNumber() {
        // the generator plants max(1, N/10) emergency studies: no patient module, with AccessionNumber
        List<Row> rows = run("no_patient_query");
        assertTrue(rows.size() >= 1, rows.toString());
        for (Row r : rows) {
            assertNotNull(r.get(r.fieldIndex("AccessionNumber")), r.toString());
        }
        assertEquals(spark.table("studies").where(col("PatientID").isNull()).count(), rows.size());
    }

    @Test
    void thinSliceCtChestQueryAgreesWithADataFrameFilter() {
        Dataset<Row> series = spark.table("series").alias("se");
        Dataset<Row> studies = spark.table("studies").alias("st");
        long expected = series.join(studies, col("se.StudyInstanceUID").equalTo(col("st.StudyInstanceUID")))
                .where(col("se.Modality").equalTo("CT")
                        .and(upper(col("se.BodyPartExamined")).equalTo("CHEST"))
                        .and(col("se.SliceThickness").leq(1.0))
                        .and(coalesce(col("se.SeriesDate"), col("st.StudyDate"))
                                .geq(lit(Date.valueOf("2020-01-01")))))
                .count();
        List<Row> rows = run("thin_ct_chest_query");
        System.out.println("thin-slice CT chest series since 2020: " + rows.size());
        assertEquals(expected, rows.size());
        for (Row r : rows) {
            assertTrue(r.getDouble(r.fieldIndex("SliceThickness")) <= 1.0, r.toString());
            assertFalse(r.getDate(r.fieldIndex("series_date")).before(Date.valueOf("2020-01-01")), r.toString());
        }
    }

    @Test
    void browsingGoesFromAStudyToItsSeriesToTheirInstances() {
        assertFalse(run("study_list_query").isEmpty());
        List<Row> series = run("study_series_query");
        assertFalse(series.isEmpty());
        assertTrue(series.stream().anyMatch(r -> parameters.get("series_uid")
                .equals(r.getString(r.fieldIndex("SeriesInstanceUID")))), series.toString());
        long expected = spark.table("series").where(col("SeriesInstanceUID").equalTo(parameters.get("series_uid")))
                .first().getLong(spark.table("series").schema().fieldIndex("number_of_instances"));
        assertEquals(expected, run("series_instances_query").size());
    }

    @Test
    void conflictsAndRejectsAreSummarised() {
        // planted: a patient birth-date conflict, a series description conflict; duplicates and broken files
        assertFalse(run("conflicts_query").isEmpty());
        assertFalse(run("conflict_details_query").isEmpty());
        List<Row> rejects = run("rejects_query");
        assertEquals(spark.table("rejects").count(),
                rejects.stream().mapToLong(r -> r.getLong(r.fieldIndex("files"))).sum());
        assertTrue(rejects.stream().anyMatch(r -> "DUPLICATE_SOP_INSTANCE".equals(r.getString(0))),
                rejects.toString());
    }
}
