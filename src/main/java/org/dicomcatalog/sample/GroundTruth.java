package org.dicomcatalog.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes {@code ground-truth/files.jsonl} (one line per archive file, by path) and {@code summary.json}. */
final class GroundTruth {
    static final String UNKNOWN_ISSUER = "unknown";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    /** What one archive file is and what reading it must give. Null fields are written as JSON null. */
    static final class FileRecord {
        String path;
        long size;
        String kind;
        String status;
        String errorCode;
        String issuer;
        String patientId;
        String patientName;
        String patientBirthDate;
        String studyInstanceUid;
        String seriesInstanceUid;
        String sopInstanceUid;
        String sopClassUid;
        String modality;
        String bodyPart;
        String studyDate;
        String accessionNumber;
        String seriesDescription;
        Integer numberOfFrames;
        String transferSyntax;
        Boolean hasPatientModule;
        Integer headerSize;
        Long pixelDataLength;

        ObjectNode toJson() {
            ObjectNode o = LINE.createObjectNode();
            o.put("path", path);
            o.put("size", size);
            o.put("kind", kind);
            o.put("status", status);
            o.put("error_code", errorCode);
            o.put("issuer", issuer);
            o.put("PatientID", patientId);
            o.put("PatientName", patientName);
            o.put("PatientBirthDate", patientBirthDate);
            o.put("StudyInstanceUID", studyInstanceUid);
            o.put("SeriesInstanceUID", seriesInstanceUid);
            o.put("SOPInstanceUID", sopInstanceUid);
            o.put("SOPClassUID", sopClassUid);
            o.put("Modality", modality);
            o.put("BodyPartExamined", bodyPart);
            o.put("StudyDate", studyDate);
            o.put("AccessionNumber", accessionNumber);
            o.put("SeriesDescription", seriesDescription);
            o.put("NumberOfFrames", numberOfFrames);
            o.put("transfer_syntax", transferSyntax);
            o.put("has_patient_module", hasPatientModule);
            o.put("header_size", headerSize);
            o.put("pixel_data_length", pixelDataLength);
            return o;
        }
    }

    private GroundTruth() {
    }

    /** Kinds whose header is complete: they count as instances, series, studies and patients. */
    static boolean complete(String kind) {
        return kind.equals("instance") || kind.equals("duplicate") || kind.equals("bare_dataset");
    }

    static ObjectNode write(Path dir, List<FileRecord> records, List<Quirks.Conflict> conflicts,
            Map<String, Object> parameters) throws IOException {
        Files.createDirectories(dir);
        List<FileRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(r -> r.path));
        try (Writer w = Files.newBufferedWriter(dir.resolve("files.jsonl"), StandardCharsets.UTF_8)) {
            for (FileRecord r : sorted) {
                w.write(LINE.writeValueAsString(r.toJson()));
                w.write('\n');
            }
        }
        ObjectNode summary = summary(sorted, conflicts, parameters);
        Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n");
        return summary;
    }

    static ObjectNode summary(List<FileRecord> records, List<Quirks.Conflict> conflicts,
            Map<String, Object> parameters) {
        ObjectNode s = JSON.createObjectNode();
        ObjectNode params = s.putObject("parameters");
        parameters.forEach((k, v) -> params.put(k, String.valueOf(v)));
        s.put("files", records.size());
        s.put("bytes", records.stream().mapToLong(r -> r.size).sum());
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Set<String> instances = new TreeSet<>();
        Set<String> series = new TreeSet<>();
        Set<String> studies = new TreeSet<>();
        Set<String> patients = new TreeSet<>();
        Set<String> emergency = new TreeSet<>();
        Map<String, Set<String>> perModality = new TreeMap<>();
        Map<String, Set<String>> perBodyPart = new TreeMap<>();
        Map<String, Set<String>> studiesPerYear = new TreeMap<>();
        Map<String, Set<String>> sopPaths = new TreeMap<>();
        Map<String, Set<String>> issuersById = new TreeMap<>();
        for (FileRecord r : records) {
            byKind.merge(r.kind, 1, Integer::sum);
            byStatus.merge(r.status, 1, Integer::sum);
            if (!complete(r.kind)) {
                continue;
            }
            instances.add(r.sopInstanceUid);
            series.add(r.seriesInstanceUid);
            studies.add(r.studyInstanceUid);
            if (r.hasPatientModule) {
                String issuer = r.issuer == null ? UNKNOWN_ISSUER : r.issuer;
                patients.add(issuer + "/" + r.patientId);
                issuersById.computeIfAbsent(r.patientId, k -> new TreeSet<>()).add(issuer);
            } else {
                emergency.add(r.studyInstanceUid);
            }
            perModality.computeIfAbsent(r.modality, k -> new TreeSet<>()).add(r.sopInstanceUid);
            perBodyPart.computeIfAbsent(r.bodyPart == null ? "NONE" : r.bodyPart, k -> new TreeSet<>())
                    .add(r.sopInstanceUid);
            studiesPerYear.computeIfAbsent(r.studyDate.substring(0, 4), k -> new TreeSet<>()).add(r.studyInstanceUid);
            sopPaths.computeIfAbsent(r.sopInstanceUid, k -> new TreeSet<>()).add(r.path);
        }
        putCounts(s.putObject("by_kind"), byKind);
        putCounts(s.putObject("by_status"), byStatus);
        s.put("instances", instances.size());
        s.put("series", series.size());
        s.put("studies", studies.size());
        s.put("patients", patients.size());
        ArrayNode keys = s.putArray("patient_keys");
        patients.forEach(keys::add);
        ArrayNode er = s.putArray("studies_without_patient_module");
        emergency.forEach(er::add);
        putSizes(s.putObject("instances_per_modality"), perModality);
        putSizes(s.putObject("instances_per_body_part"), perBodyPart);
        putSizes(s.putObject("studies_per_year"), studiesPerYear);
        ArrayNode shared = s.putArray("patient_ids_under_several_issuers");
        issuersById.forEach((id, issuers) -> {
            if (issuers.size() > 1) {
                ObjectNode o = shared.addObject();
                o.put("PatientID", id);
                issuers.forEach(o.putArray("issuers")::add);
            }
        });
        ArrayNode c = s.putArray("conflicts");
        for (Quirks.Conflict conflict : conflicts) {
            ObjectNode o = c.addObject();
            o.put("level", conflict.level());
            o.put("key", conflict.key());
            o.put("attribute", conflict.attribute());
            conflict.values().forEach(o.putArray("values")::add);
        }
        ArrayNode d = s.putArray("duplicate_sop_instance_uids");
        sopPaths.forEach((uid, paths) -> {
            if (paths.size() > 1) {
                ObjectNode o = d.addObject();
                o.put("SOPInstanceUID", uid);
                paths.forEach(o.putArray("paths")::add);
            }
        });
        return s;
    }

    private static void putCounts(ObjectNode o, Map<String, Integer> counts) {
        counts.forEach(o::put);
    }

    private static void putSizes(ObjectNode o, Map<String, Set<String>> sets) {
        sets.forEach((k, v) -> o.put(k, v.size()));
    }
}
