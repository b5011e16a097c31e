package org.dicomcatalog.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.ReadStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PATIENTS = 12;
    private static final int PATIENT_ID = 0x00100020;

    @TempDir
    static Path tmp;

    private static Path sparseOut;
    private static List<JsonNode> truth;
    private static JsonNode summary;

    @BeforeAll
    static void generateOnce() throws Exception {
        sparseOut = tmp.resolve("sparse");
        new SampleArchive(PATIENTS, 42, SampleArchive.Pixels.SPARSE).generate(sparseOut);
        truth = lines(sparseOut);
        summary = JSON.readTree(sparseOut.resolve("ground-truth/summary.json").toFile());
    }

    private static List<JsonNode> lines(Path out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("ground-truth/files.jsonl"))) {
            l.add(JSON.readTree(line));
        }
        return l;
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> d = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
                d.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest()));
            }
        }
        return d;
    }

    private static List<JsonNode> ofKind(String kind) {
        return truth.stream().filter(r -> r.get("kind").asText().equals(kind)).toList();
    }

    private static String text(JsonNode r, String field) {
        return r.get(field).isNull() ? null : r.get(field).asText();
    }

    @Test
    void sameSeedGivesByteIdenticalArchiveAndTruthAndAnotherSeedDiffers() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        new SampleArchive(PATIENTS, 7, SampleArchive.Pixels.NONE).generate(a);
        new SampleArchive(PATIENTS, 7, SampleArchive.Pixels.NONE).generate(b);
        new SampleArchive(PATIENTS, 8, SampleArchive.Pixels.NONE).generate(c);
        Map<String, String> da = digests(a);
        assertTrue(da.size() > 100, "files: " + da.size());
        assertEquals(da, digests(b));
        assertNotEquals(da, digests(c));
        assertNotEquals(da.get("ground-truth/files.jsonl"), digests(c).get("ground-truth/files.jsonl"));
    }

    @Test
    void filesJsonlListsExactlyTheFilesOfTheArchiveHiddenOnesIncluded() throws Exception {
        Path archive = sparseOut.resolve("archive");
        Set<String> onDisk;
        try (Stream<Path> walk = Files.walk(archive)) {
            onDisk = walk.filter(Files::isRegularFile).map(p -> archive.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = truth.stream().map(r -> r.get("path").asText()).toList();
        assertEquals(new ArrayList<>(onDisk), listed, "same set, sorted by path");
        assertTrue(onDisk.stream().anyMatch(p -> p.contains("/.")), "a dot file");
        assertTrue(onDisk.stream().anyMatch(p -> p.contains("/_")), "an underscore folder or file");
        for (JsonNode r : truth) {
            assertEquals(r.get("size").asLong(), Files.size(archive.resolve(r.get("path").asText())));
        }
    }

    @Test
    void readerGivesTheStatusAndErrorCodeTheTruthSays() {
        Path archive = sparseOut.resolve("archive");
        for (JsonNode r : truth) {
            DicomHeader h = DicomReader.read(archive.resolve(r.get("path").asText()), ReadOptions.DEFAULTS);
            String where = r.get("path").asText();
            assertEquals(r.get("status").asText(), h.status().name(), where);
            assertEquals(text(r, "error_code"), h.error() == null ? null : h.error().code().name(), where);
            if (h.status() == ReadStatus.OK) {
                assertEquals(text(r, "SOPInstanceUID"), h.dataSet().getString(0x00080018), where);
                assertEquals(text(r, "SeriesInstanceUID"), h.dataSet().getString(0x0020000E), where);
                assertEquals(text(r, "PatientID"), h.dataSet().getString(PATIENT_ID), where);
                assertEquals(text(r, "PatientBirthDate"), h.dataSet().getString(0x00100030), where);
                assertEquals(text(r, "Modality"), h.dataSet().getString(0x00080060), where);
                assertEquals(text(r, "BodyPartExamined"), h.dataSet().getString(0x00180015), where);
                assertEquals(text(r, "SeriesDescription"), h.dataSet().getString(0x0008103E), where);
                assertEquals(text(r, "issuer"), h.dataSet().getString(0x00100021), where);
                assertEquals(r.get("transfer_syntax").asText(), h.encoding().transferSyntax().uid(), where);
            }
        }
        Set<String> kinds = truth.stream().map(r -> r.get("kind").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("instance", "duplicate", "truncated", "not_dicom", "empty", "bare_dataset"), kinds);
        for (JsonNode t : ofKind("truncated")) {
            assertEquals("PARTIAL", t.get("status").asText());
            assertTrue(Set.of("TRUNCATED", "LENGTH_EXCEEDS_FILE").contains(t.get("error_code").asText()));
        }
    }

    @Test
    void namesInEveryCharacterSetDecodeToTheTruth() {
        Path archive = sparseOut.resolve("archive");
        Set<String> charsets = new TreeSet<>();
        for (JsonNode r : ofKind("instance")) {
            if (!r.get("has_patient_module").asBoolean()) {
                continue;
            }
            DicomHeader h = DicomReader.read(archive.resolve(r.get("path").asText()), ReadOptions.DEFAULTS);
            String cs = String.join("\\", h.dataSet().getStrings(0x00080005));
            charsets.add(cs);
            assertEquals(r.get("PatientName").asText(), h.dataSet().getString(0x00100010), r.get("path").asText());
        }
        assertTrue(charsets.contains("ISO_IR 100"), charsets.toString());
        assertTrue(charsets.contains("\\ISO 2022 IR 87"), charsets.toString());
    }

    @Test
    void plantedIdentityCasesArePresent() throws Exception {
        // one PatientID under two issuers, two different people
        JsonNode shared = summary.get("patient_ids_under_several_issuers").get(0);
        String id = shared.get("PatientID").asText();
        Map<String, Set<String>> namesByIssuer = new TreeMap<>();
        Map<String, Set<String>> birthByIssuer = new TreeMap<>();
        for (JsonNode r : ofKind("instance")) {
            if (id.equals(text(r, "PatientID"))) {
                namesByIssuer.computeIfAbsent(r.get("issuer").asText(), k -> new TreeSet<>())
                        .add(r.get("PatientName").asText());
                birthByIssuer.computeIfAbsent(r.get("issuer").asText(), k -> new TreeSet<>())
                        .add(r.get("PatientBirthDate").asText());
            }
        }
        assertEquals(Set.of("HOSP-A", "HOSP-B"), namesByIssuer.keySet());
        assertNotEquals(namesByIssuer.get("HOSP-A"), namesByIssuer.get("HOSP-B"));
        assertNotEquals(birthByIssuer.get("HOSP-A"), birthByIssuer.get("HOSP-B"));

        // emergency studies: no patient module element at all, but an accession number
        Path archive = sparseOut.resolve("archive");
        List<JsonNode> emergency = ofKind("instance").stream()
                .filter(r -> !r.get("has_patient_module").asBoolean()).toList();
        assertFalse(emergency.isEmpty());
        for (JsonNode r : emergency) {
            DicomHeader h = DicomReader.read(archive.resolve(r.get("path").asText()), ReadOptions.DEFAULTS);
            for (int tag : new int[] {0x00100010, PATIENT_ID, 0x00100030, 0x00100040}) {
                assertNull(h.dataSet().get(tag), r.get("path").asText());
            }
            assertFalse(h.dataSet().getString(0x00080050).isEmpty());
        }

        // the same SOP instance in two paths, identical bytes
        JsonNode dup = summary.get("duplicate_sop_instance_uids").get(0);
        List<String> paths = new ArrayList<>();
        dup.get("paths").forEach(p -> paths.add(p.asText()));
        assertEquals(2, paths.size());
        assertEquals(-1L, Files.mismatch(archive.resolve(paths.get(0)), archive.resolve(paths.get(1))));

        // the series-level and patient-level conflicts are visible in files.jsonl
        Set<String> levels = new TreeSet<>();
        for (JsonNode c : summary.get("conflicts")) {
            levels.add(c.get("level").asText());
            String field = c.get("attribute").asText();
            String keyField = c.get("level").asText().equals("series") ? "SeriesInstanceUID" : "PatientID";
            String key = c.get("key").asText();
            String keyValue = keyField.equals("PatientID") ? key.substring(key.indexOf('/') + 1) : key;
            Set<String> seen = truth.stream().filter(r -> GroundTruth.complete(r.get("kind").asText()))
                    .filter(r -> keyValue.equals(text(r, keyField)))
                    .filter(r -> keyField.equals("SeriesInstanceUID")
                            || key.startsWith(r.get("issuer").isNull() ? "unknown/" : r.get("issuer").asText() + "/"))
                    .map(r -> r.get(field).asText()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>();
            c.get("values").forEach(v -> expected.add(v.asText()));
            assertEquals(expected, seen, c.toString());
        }
        assertEquals(Set.of("patient", "series"), levels);
    }

    @Test
    void summaryCountsEqualCountsRecomputedFromFilesJsonl() {
        assertEquals(truth.size(), summary.get("files").asInt());
        Map<String, Integer> byKind = new TreeMap<>();
        truth.forEach(r -> byKind.merge(r.get("kind").asText(), 1, Integer::sum));
        assertEquals(JSON.valueToTree(byKind), summary.get("by_kind"));
        List<JsonNode> complete = truth.stream().filter(r -> GroundTruth.complete(r.get("kind").asText())).toList();
        assertEquals(count(complete, "SOPInstanceUID"), summary.get("instances").asInt());
        assertEquals(count(complete, "SeriesInstanceUID"), summary.get("series").asInt());
        assertEquals(count(complete, "StudyInstanceUID"), summary.get("studies").asInt());
        long patients = complete.stream().filter(r -> r.get("has_patient_module").asBoolean())
                .map(r -> (r.get("issuer").isNull() ? "unknown" : r.get("issuer").asText()) + "/"
                        + r.get("PatientID").asText()).distinct().count();
        assertEquals(patients, summary.get("patients").asInt());
        assertTrue(patients >= PATIENTS, "every patient has at least one readable instance");
        Map<String, Set<String>> perModality = new TreeMap<>();
        Map<String, Set<String>> perYear = new TreeMap<>();
        complete.forEach(r -> {
            perModality.computeIfAbsent(r.get("Modality").asText(), k -> new TreeSet<>())
                    .add(r.get("SOPInstanceUID").asText());
            perYear.computeIfAbsent(r.get("StudyDate").asText().substring(0, 4), k -> new TreeSet<>())
                    .add(r.get("StudyInstanceUID").asText());
        });
        perModality.forEach((m, s) -> assertEquals(s.size(), summary.get("instances_per_modality").get(m).asInt()));
        perYear.forEach((y, s) -> assertEquals(s.size(), summary.get("studies_per_year").get(y).asInt()));
        assertEquals(perModality.size(), summary.get("instances_per_modality").size());
        long sum = 0;
        for (JsonNode r : truth) {
            sum += r.get("size").asLong();
        }
        assertEquals(sum, summary.get("bytes").asLong());
    }

    private static long count(List<JsonNode> rows, String field) {
        return rows.stream().map(r -> r.get(field).asText()).distinct().count();
    }

    @Test
    void sparsePixelsGiveTheDeclaredFullSizeAndSomeHeadersExceed64KiB() throws Exception {
        Path archive = sparseOut.resolve("archive");
        int checked = 0;
        int bigHeaders = 0;
        for (JsonNode r : truth) {
            if (!GroundTruth.complete(r.get("kind").asText())) {
                continue;
            }
            Path p = archive.resolve(r.get("path").asText());
            DicomHeader h = DicomReader.read(p, ReadOptions.DEFAULTS);
            if (h.pixelData() != null && h.pixelData().length() >= 0) {
                long rows = h.dataSet().get(0x00280010).longs()[0];
                long cols = h.dataSet().get(0x00280011).longs()[0];
                long bits = h.dataSet().get(0x00280100).longs()[0];
                long samples = h.dataSet().get(0x00280002).longs()[0];
                String frames = h.dataSet().getString(0x00280008);
                long bytes = (rows * cols * samples * bits * (frames == null ? 1 : Long.parseLong(frames)) + 7) / 8;
                bytes += bytes & 1;
                assertEquals(h.pixelData().valueOffset() + bytes, Files.size(p), r.get("path").asText());
                assertEquals(bytes, r.get("pixel_data_length").asLong());
                checked++;
            }
            if (r.get("header_size").asInt() > 64 * 1024) {
                bigHeaders++;
            }
        }
        assertTrue(checked > 50, "native pixel files checked: " + checked);
        assertTrue(bigHeaders >= 1);
        assertTrue(truth.stream().anyMatch(r -> r.get("size").asLong() > 20_000_000L), "a mammogram-sized file");
    }
}
