package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.DicomDataSet;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.sample.SampleArchive;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4's proof: a catalog built from the sample archive equals the generator's ground truth, table by
 * table. The expectation is derived per file from {@code ground-truth/files.jsonl} under the catalog's rules
 * (docs/catalog.md): a file is usable when its status is OK or PARTIAL and its three UIDs were read; of several
 * usable files with one SOPInstanceUID the smallest path is the instance, the others DUPLICATE_SOP_INSTANCE;
 * an unreadable file is rejected with its error code. files.jsonl records the UIDs as written, so for a
 * truncated (PARTIAL) file whether its UIDs survived the cut is asked of {@link DicomReader} - the oracle the
 * generator itself uses for the status of a cut file. summary.json counts only complete headers; where the
 * catalog also keeps PARTIAL instances the difference is exactly those files, checked below.
 */
class CatalogGroundTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PATIENTS = 14;
    private static final long SEED = 20240404L;
    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int SOP_INSTANCE_UID = 0x00080018;

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static BuildReport report;
    private static List<JsonNode> files;
    private static JsonNode summary;
    /** Expected instance per SOPInstanceUID: its file record (the smallest usable path). */
    private static Map<String, JsonNode> expectedInstances;
    /** Expected reject reason per relative path. */
    private static Map<String, String> expectedRejects;
    /** Truncated files kept as instances (PARTIAL, three UIDs read). */
    private static Set<String> partialInstancePaths;
    private static String archivePrefix;

    @BeforeAll
    static void buildAndDerive() throws IOException {
        Path out = dir.resolve("sample");
        SampleArchive.Result sample = new SampleArchive(PATIENTS, SEED, SampleArchive.Pixels.NONE).generate(out);
        files = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("ground-truth/files.jsonl"))) {
            files.add(JSON.readTree(line));
        }
        summary = JSON.readTree(out.resolve("ground-truth/summary.json").toFile());
        derive(sample.archive());

        spark = SparkTestSession.get();
        Path catalog = dir.resolve("catalog");
        report = new CatalogBuild(spark, CatalogConfig.fromProperties(Map.of()))
                .run(List.of(sample.archive().toString()), catalog.toString());
        report.printSummary(System.out);
        CatalogReader.registerViews(spark, catalog.toString());
        archivePrefix = sample.archive().toAbsolutePath().toString() + "/";
    }

    /** The catalog's rules applied to files.jsonl, file by file. */
    private static void derive(Path archive) throws IOException {
        Map<String, List<JsonNode>> usableBySop = new TreeMap<>();
        expectedRejects = new TreeMap<>();
        partialInstancePaths = new TreeSet<>();
        for (JsonNode f : files) {
            String status = f.get("status").asText();
            String path = f.get("path").asText();
            boolean readable = status.equals("OK") || status.equals("PARTIAL");
            if (!readable) {
                expectedRejects.put(path, text(f, "error_code") != null ? text(f, "error_code") : status);
                continue;
            }
            if (!uidsRead(archive, f)) {
                // a PARTIAL file that lost a UID to its error is rejected with the error code
                expectedRejects.put(path, text(f, "error_code") != null ? text(f, "error_code") : "MISSING_UID");
                continue;
            }
            usableBySop.computeIfAbsent(text(f, "SOPInstanceUID"), k -> new ArrayList<>()).add(f);
        }
        expectedInstances = new TreeMap<>();
        for (Map.Entry<String, List<JsonNode>> e : usableBySop.entrySet()) {
            // files.jsonl is sorted by path: the first usable one is the instance
            List<JsonNode> copies = e.getValue();
            expectedInstances.put(e.getKey(), copies.get(0));
            if (copies.get(0).get("status").asText().equals("PARTIAL")) {
                partialInstancePaths.add(copies.get(0).get("path").asText());
            }
            for (JsonNode later : copies.subList(1, copies.size())) {
                expectedRejects.put(later.get("path").asText(), InstanceClassifier.DUPLICATE);
            }
        }
    }

    /** OK files have their UIDs as written; for a cut file the reader says what survived the cut. */
    private static boolean uidsRead(Path archive, JsonNode f) throws IOException {
        boolean written = text(f, "SOPInstanceUID") != null && text(f, "SeriesInstanceUID") != null
                && text(f, "StudyInstanceUID") != null;
        if (!written || f.get("status").asText().equals("OK")) {
            return written;
        }
        DicomHeader h = DicomReader.read(archive.resolve(f.get("path").asText()), ReadOptions.DEFAULTS);
        DicomDataSet ds = h.dataSet();
        return ds != null && ds.getString(SOP_INSTANCE_UID) != null && ds.getString(SERIES_INSTANCE_UID) != null
                && ds.getString(STUDY_INSTANCE_UID) != null;
    }

    private static String text(JsonNode f, String field) {
        JsonNode v = f.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<Row> sql(String query) {
        return spark.sql(query).collectAsList();
    }

    private static Set<String> strings(String query) {
        Set<String> s = new TreeSet<>();
        for (Row r : sql(query)) {
            s.add(r.getString(0));
        }
        return s;
    }

    private static Map<String, Long> counts(String query) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : sql(query)) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }

    private String relative(String path) {
        int at = path.indexOf(archivePrefix);
        assertTrue(at >= 0, path + " is not under " + archivePrefix);
        return path.substring(at + archivePrefix.length());
    }

    private static Set<String> truthStrings(JsonNode array) {
        Set<String> s = new TreeSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }

    @Test
    void everyFileIsAnInstanceOrAReject() {
        long instances = sql("SELECT count(*) FROM instances").get(0).getLong(0);
        long rejects = sql("SELECT count(*) FROM rejects").get(0).getLong(0);
        assertEquals(files.size(), report.filesListed, "files listed = lines of files.jsonl");
        assertEquals(summary.get("files").asLong(), report.filesListed);
        assertEquals(report.filesListed, instances + rejects);
        assertEquals(expectedInstances.size(), instances);
        assertEquals(expectedRejects.size(), rejects);
        assertEquals(partialInstancePaths.size(), report.partialInstances);
    }

    @Test
    void instancesArePathBySopInstanceUid() {
        Map<String, String> expected = new TreeMap<>();
        expectedInstances.forEach((sop, f) -> expected.put(sop, f.get("path").asText()));
        Map<String, String> actual = new TreeMap<>();
        for (Row r : sql("SELECT SOPInstanceUID, path, status FROM instances")) {
            actual.put(r.getString(0), relative(r.getString(1)));
        }
        assertEquals(expected, actual);
        // the generator's summary counts complete headers only: the difference is exactly the PARTIAL instances
        assertEquals(summary.get("instances").asInt() + partialInstancePaths.size(), actual.size());
    }

    @Test
    void rejectsByPathAndReason() {
        Map<String, String> actual = new TreeMap<>();
        for (Row r : sql("SELECT path, reason FROM rejects")) {
            actual.put(relative(r.getString(0)), r.getString(1));
        }
        assertEquals(expectedRejects, actual);
        // and in the truth's own words: not_dicom/empty -> NOT_DICOM, duplicate -> DUPLICATE_SOP_INSTANCE,
        // truncated -> its error code unless it kept its UIDs
        for (JsonNode f : files) {
            String path = f.get("path").asText();
            switch (f.get("kind").asText()) {
                case "not_dicom", "empty" -> assertEquals("NOT_DICOM", actual.get(path), path);
                case "duplicate" -> assertEquals(InstanceClassifier.DUPLICATE, actual.get(path), path);
                case "truncated" -> assertEquals(partialInstancePaths.contains(path) ? null : text(f, "error_code"),
                        actual.get(path), path);
                default -> assertFalse(actual.containsKey(path), path + " is rejected: " + actual.get(path));
            }
        }
        Map<String, Long> byReason = new TreeMap<>();
        expectedRejects.values().forEach(r -> byReason.merge(r, 1L, Long::sum));
        assertEquals(byReason, report.byReason);
        assertEquals(byReason, counts("SELECT reason, count(*) FROM rejects GROUP BY reason"));
    }

    @Test
    void patientsAreTheTruthsPatientKeys() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode f : expectedInstances.values()) {
            if (f.get("has_patient_module").asBoolean()) {
                expected.add((text(f, "issuer") == null ? Identity.UNKNOWN : text(f, "issuer")) + "/"
                        + text(f, "PatientID"));
            }
        }
        Set<String> actual = strings("SELECT concat(patient_issuer, '/', PatientID) FROM patients");
        assertEquals(expected, actual);
        assertEquals(truthStrings(summary.get("patient_keys")), actual);
        long rows = sql("SELECT count(*) FROM patients").get(0).getLong(0);
        assertEquals(actual.size(), rows, "one row per patient key");
    }

    @Test
    void studiesWithTheirPatientKeyOrAccessionNumber() {
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode f : expectedInstances.values()) {
            String owner = f.get("has_patient_module").asBoolean()
                    ? (text(f, "issuer") == null ? Identity.UNKNOWN : text(f, "issuer")) + "/" + text(f, "PatientID")
                    : "accession " + text(f, "AccessionNumber");
            expected.put(text(f, "StudyInstanceUID"), owner);
        }
        Map<String, String> actual = new TreeMap<>();
        for (Row r : sql("SELECT StudyInstanceUID, patient_issuer, PatientID, AccessionNumber FROM studies")) {
            actual.put(r.getString(0), r.isNullAt(2) ? "accession " + r.getString(3)
                    : r.getString(1) + "/" + r.getString(2));
        }
        assertEquals(expected, actual);
        assertEquals(summary.get("studies").asInt(), actual.size());
        Set<String> withoutPatient = new TreeSet<>(strings("SELECT StudyInstanceUID FROM studies WHERE PatientID IS NULL"));
        assertEquals(truthStrings(summary.get("studies_without_patient_module")), withoutPatient);
        assertFalse(withoutPatient.isEmpty(), "the sample plants emergency studies");
    }

    @Test
    void seriesWithTheirStudy() {
        Map<String, String> expected = new TreeMap<>();
        expectedInstances.values().forEach(f -> expected.put(text(f, "SeriesInstanceUID"), text(f, "StudyInstanceUID")));
        Map<String, String> actual = new TreeMap<>();
        for (Row r : sql("SELECT SeriesInstanceUID, StudyInstanceUID FROM series")) {
            actual.put(r.getString(0), r.getString(1));
        }
        assertEquals(expected, actual);
        assertEquals(summary.get("series").asInt(), actual.size());
    }

    @Test
    void instancesPerModalityAndBodyPart() {
        Map<String, Long> modality = new TreeMap<>();
        Map<String, Long> bodyPart = new TreeMap<>();
        for (JsonNode f : expectedInstances.values()) {
            modality.merge(text(f, "Modality"), 1L, Long::sum);
            bodyPart.merge(text(f, "BodyPartExamined") == null ? "NONE" : text(f, "BodyPartExamined"), 1L, Long::sum);
        }
        assertEquals(modality, counts("SELECT Modality, count(*) FROM instances GROUP BY Modality"));
        assertEquals(bodyPart, counts("SELECT coalesce(BodyPartExamined, 'NONE'), count(*) FROM instances"
                + " GROUP BY 1"));
        // summary.json counts complete headers: add the PARTIAL instances to compare
        Map<String, Long> summaryModality = longs(summary.get("instances_per_modality"));
        Map<String, Long> summaryBodyPart = longs(summary.get("instances_per_body_part"));
        for (String path : partialInstancePaths) {
            JsonNode f = files.stream().filter(x -> x.get("path").asText().equals(path)).findFirst().orElseThrow();
            summaryModality.merge(text(f, "Modality"), 1L, Long::sum);
            summaryBodyPart.merge(text(f, "BodyPartExamined") == null ? "NONE" : text(f, "BodyPartExamined"), 1L,
                    Long::sum);
        }
        assertEquals(summaryModality, modality);
        assertEquals(summaryBodyPart, bodyPart);
    }

    @Test
    void studiesPerYear() {
        assertEquals(longs(summary.get("studies_per_year")),
                counts("SELECT CAST(study_year AS STRING), count(*) FROM studies GROUP BY 1"));
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> m = new TreeMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    @Test
    void plantedConflictsAndNoOthers() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode c : summary.get("conflicts")) {
            String level = c.get("level").asText().equals("patient") ? "patients" : c.get("level").asText();
            Set<String> values = new TreeSet<>();
            c.get("values").forEach(v -> values.add(asCatalogValue(c.get("attribute").asText(), v.asText())));
            expected.add(level + " | " + c.get("key").asText() + " | " + c.get("attribute").asText() + " | " + values);
        }
        assertFalse(expected.isEmpty(), "the sample plants conflicts");
        Set<String> actual = new TreeSet<>();
        for (Row r : sql("SELECT level, key, attribute, values FROM conflicts")) {
            actual.add(r.getString(0) + " | " + r.getString(1) + " | " + r.getString(2) + " | "
                    + new TreeSet<>(r.<String>getList(3)));
        }
        assertEquals(expected, actual);
    }

    /** DA values are written YYYYMMDD and read as Spark dates: the conflicts table holds them as yyyy-MM-dd. */
    private static String asCatalogValue(String attribute, String value) {
        if (attribute.endsWith("Date") && value.matches("\\d{8}")) {
            return value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6);
        }
        return value;
    }
}
