package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.ACCESSION_NUMBER;
import static org.dicomcatalog.catalog.Archive.BODY_PART_EXAMINED;
import static org.dicomcatalog.catalog.Archive.INSTANCE_NUMBER;
import static org.dicomcatalog.catalog.Archive.ISSUER_OF_PATIENT_ID;
import static org.dicomcatalog.catalog.Archive.NUMBER_OF_FRAMES;
import static org.dicomcatalog.catalog.Archive.SERIES_DESCRIPTION;
import static org.dicomcatalog.catalog.Archive.SOP_INSTANCE_UID;
import static org.dicomcatalog.catalog.Archive.STUDY_DATE;
import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.dicomcatalog.catalog.Archive.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build over a small archive with every identity and reject case in it; each test checks one outcome. */
class CatalogBuildTest {
    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static BuildReport report;
    private static Path catalog;

    @BeforeAll
    static void build() throws IOException {
        spark = SparkTestSession.get();
        Path a = dir.resolve("hospA");
        Path b = dir.resolve("hospB");
        // patient P1 at hospital A: one study, a CT series whose third instance disagrees on SeriesDescription
        DicomWriter ct1 = ct1();
        write(ct1, a.resolve("p1/ct1.dcm"));
        write(inStudy1("1.1.1", "1.1.1.2", "CT").string(SERIES_DESCRIPTION, VR.LO, "AXIAL")
                .string(INSTANCE_NUMBER, VR.IS, "2"), a.resolve("p1/ct2.dcm"));
        write(inStudy1("1.1.1", "1.1.1.3", "CT").string(SERIES_DESCRIPTION, VR.LO, "CORONAL")
                .string(INSTANCE_NUMBER, VR.IS, "3").string(NUMBER_OF_FRAMES, VR.IS, "4"), a.resolve("p1/ct3.dcm"));
        write(inStudy1("1.1.2", "1.1.2.1", "MR").string(BODY_PART_EXAMINED, VR.CS, "HEAD"), a.resolve("p1/mr1.dcm"));
        // the same file again under another name: a duplicate SOP instance
        write(ct1.toBytes(), a.resolve("zz-dup.dcm"));
        // patient P2: two studies disagreeing on the birth date
        write(patient(instance("2.1", "2.1.1", "2.1.1.1", "CT"), "P2", "19800101", "F"), a.resolve("p2/a.dcm"));
        write(patient(instance("2.2", "2.2.1", "2.2.1.1", "CT"), "P2", "19810101", "F"), a.resolve("p2/b.dcm"));
        // a study without patient module, and a PARTIAL file that still has its three UIDs
        write(instance("3.1", "3.1.1", "3.1.1.1", "OT").string(ACCESSION_NUMBER, VR.SH, "ACC3"),
                a.resolve("nopatient/x.dcm"));
        DicomWriter partial = instance("3.1", "3.1.2", "3.1.2.1", "OT").string(ACCESSION_NUMBER, VR.SH, "ACC3")
                .string(INSTANCE_NUMBER, VR.IS, "7");
        write(partial.truncatedTo(partial.toBytes().length - 1), a.resolve("nopatient/partial.dcm"));
        // files that are not instances
        DicomWriter lostSeries = instance("9.1", "9.1.1", "9.1.1.1", "CT");
        write(lostSeries.truncatedTo(lostSeries.toBytes().length - 3), a.resolve("broken/truncated.dcm"));
        write("hello".getBytes(StandardCharsets.US_ASCII), a.resolve("broken/notes.txt"));
        write(new byte[0], a.resolve("broken/empty.dcm"));
        write(DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(SOP_INSTANCE_UID, VR.UI, "9.9.9"),
                a.resolve("broken/nouid.dcm"));
        // patient P1 again, issued by hospital B (in the file), and P9 with no issuer anywhere
        write(patient(instance("4.1", "4.1.1", "4.1.1.1", "CT"), "P1", "19700101", "M")
                .string(ISSUER_OF_PATIENT_ID, VR.LO, "HOSP_B"), b.resolve("p1/ct.dcm"));
        write(patient(instance("5.1", "5.1.1", "5.1.1.1", "US"), "P9", "19900101", "O"), b.resolve("p9/u.dcm"));

        catalog = dir.resolve("catalog");
        CatalogConfig config = CatalogConfig.fromProperties(Map.of("issuer.a.root", a.toString(),
                "issuer.a.name", "HOSP_A"));
        report = new CatalogBuild(spark, config).run(List.of(a.toString(), b.toString()), catalog.toString());
        report.printSummary(System.out);
        CatalogReader.registerViews(spark, catalog.toString());
    }

    private static DicomWriter inStudy1(String series, String sop, String modality) {
        return patient(instance("1.1", series, sop, modality), "P1", "19700101", "M")
                .string(STUDY_DATE, VR.DA, "20230115");
    }

    private static DicomWriter ct1() {
        return inStudy1("1.1.1", "1.1.1.1", "CT").string(SERIES_DESCRIPTION, VR.LO, "AXIAL")
                .string(INSTANCE_NUMBER, VR.IS, "1").string(BODY_PART_EXAMINED, VR.CS, "CHEST");
    }

    private static List<Row> sql(String query) {
        return spark.sql(query).collectAsList();
    }

    private static Row one(String query) {
        List<Row> rows = sql(query);
        assertEquals(1, rows.size(), query + " -> " + rows);
        return rows.get(0);
    }

    @Test
    void everyListedFileIsAnInstanceOrAReject() {
        long instances = one("SELECT count(*) FROM instances").getLong(0);
        long rejects = one("SELECT count(*) FROM rejects").getLong(0);
        assertEquals(15, report.filesListed);
        assertEquals(10, instances);
        assertEquals(5, rejects);
        assertEquals(report.filesListed, instances + rejects);
        assertEquals(report.instances, instances);
        assertEquals(report.rejects, rejects);
    }

    @Test
    void samePatientIdFromTwoIssuersIsTwoPatients() {
        Map<String, Long> studiesByIssuer = new TreeMap<>();
        for (Row r : sql("SELECT patient_issuer, number_of_studies FROM patients WHERE PatientID = 'P1'")) {
            studiesByIssuer.put(r.getString(0), r.getLong(1));
        }
        assertEquals(Map.of("HOSP_A", 1L, "HOSP_B", 1L), studiesByIssuer);
        assertEquals("unknown", one("SELECT patient_issuer FROM patients WHERE PatientID = 'P9'").getString(0));
        assertEquals(4, one("SELECT count(*) FROM patients").getLong(0));
    }

    @Test
    void studyWithoutPatientModuleIsKeptWithoutPatientKey() {
        Row study = one("SELECT StudyInstanceUID, PatientID, patient_issuer, number_of_series, number_of_instances"
                + " FROM studies WHERE AccessionNumber = 'ACC3'");
        assertEquals("3.1", study.getString(0));
        assertNull(study.get(1));
        assertNull(study.get(2));
        assertEquals(2, study.getLong(3));
        assertEquals(2, study.getLong(4));
    }

    @Test
    void seriesDisagreeingOnDescriptionIsAConflict() {
        Row c = one("SELECT distinct_values, instances, values FROM conflicts"
                + " WHERE level = 'series' AND key = '1.1.1' AND attribute = 'SeriesDescription'");
        assertEquals(2, c.getLong(0));
        assertEquals(3, c.getLong(1));
        assertEquals(List.of("AXIAL", "CORONAL"), c.getList(2));
        // the most frequent value wins
        assertEquals("AXIAL", one("SELECT SeriesDescription FROM series WHERE SeriesInstanceUID = '1.1.1'")
                .getString(0));
    }

    @Test
    void samePatientKeyWithTwoBirthDatesIsAConflict() {
        Row c = one("SELECT distinct_values, values FROM conflicts"
                + " WHERE level = 'patients' AND key = 'HOSP_A/P2' AND attribute = 'PatientBirthDate'");
        assertEquals(2, c.getLong(0));
        assertEquals(List.of("1980-01-01", "1981-01-01"), c.getList(1));
        assertEquals(2, one("SELECT count(*) FROM conflicts").getLong(0), "only the two planted conflicts");
    }

    @Test
    void duplicateSopInstanceKeepsTheSmallestPath() {
        Row kept = one("SELECT path FROM instances WHERE SOPInstanceUID = '1.1.1.1'");
        assertTrue(kept.getString(0).endsWith("/p1/ct1.dcm"), kept.getString(0));
        Row reject = one("SELECT path FROM rejects WHERE reason = 'DUPLICATE_SOP_INSTANCE'");
        assertTrue(reject.getString(0).endsWith("/zz-dup.dcm"), reject.getString(0));
    }

    @Test
    void unusableFilesAreRejectsWithTheirReason() {
        Map<String, String> reasonByFile = new TreeMap<>();
        for (Row r : sql("SELECT path, reason FROM rejects")) {
            String path = r.getString(0);
            reasonByFile.put(path.substring(path.lastIndexOf('/') + 1), r.getString(1));
        }
        assertEquals(Map.of("zz-dup.dcm", "DUPLICATE_SOP_INSTANCE", "truncated.dcm", "LENGTH_EXCEEDS_FILE",
                "notes.txt", "NOT_DICOM", "empty.dcm", "NOT_DICOM", "nouid.dcm", "MISSING_UID"), reasonByFile);
        assertEquals(Map.of("DUPLICATE_SOP_INSTANCE", 1L, "LENGTH_EXCEEDS_FILE", 1L, "NOT_DICOM", 2L, "MISSING_UID", 1L),
                report.byReason);
    }

    @Test
    void partialFileWithItsUidsIsAnInstanceAndKeepsItsStatus() {
        assertEquals("PARTIAL", one("SELECT status FROM instances WHERE SOPInstanceUID = '3.1.2.1'").getString(0));
        assertEquals(1, report.partialInstances);
    }

    @Test
    void seriesAggregates() {
        Row s = one("SELECT number_of_instances, number_of_frames, min_instance_number, max_instance_number,"
                + " sop_classes, StudyInstanceUID, Modality, BodyPartExamined FROM series"
                + " WHERE SeriesInstanceUID = '1.1.1'");
        assertEquals(3, s.getLong(0));
        assertEquals(6, s.getLong(1), "1 + 1 + 4 frames");
        assertEquals(1L, ((Number) s.get(2)).longValue());
        assertEquals(3L, ((Number) s.get(3)).longValue());
        assertEquals(List.of(Archive.CT_IMAGE), s.getList(4));
        assertEquals("1.1", s.getString(5));
        assertEquals("CT", s.getString(6));
        assertEquals("CHEST", s.getString(7));
    }

    @Test
    void modalitiesInStudyIsASortedSet() {
        Row s = one("SELECT ModalitiesInStudy, body_parts, study_year, number_of_series FROM studies"
                + " WHERE StudyInstanceUID = '1.1'");
        assertEquals(List.of("CT", "MR"), s.getList(0));
        assertEquals(List.of("CHEST", "HEAD"), s.getList(1));
        assertEquals(2023, s.getInt(2));
        assertEquals(2, s.getLong(3));
    }

    @Test
    void tablesArePartitionedOnDiskByModalityAndYear() throws IOException {
        Path snapshot = catalog.resolve("snapshots").resolve(report.snapshotId);
        assertEquals(Set.of("Modality=CT", "Modality=MR", "Modality=OT", "Modality=US"),
                partitions(snapshot.resolve("instances")));
        assertEquals(Set.of("Modality=CT", "Modality=MR", "Modality=OT", "Modality=US"),
                partitions(snapshot.resolve("series")));
        assertTrue(partitions(snapshot.resolve("studies")).contains("study_year=2023"));
        assertEquals(Set.of(), partitions(snapshot.resolve("patients")));
    }

    @Test
    void reportCountsRowsAndPhases() throws IOException {
        assertEquals(Map.of("instances", 10L, "series", 8L, "studies", 6L, "patients", 4L, "conflicts", 2L,
                "rejects", 5L), report.rowsPerTable);
        assertTrue(report.bytesRead > 0);
        assertEquals(List.of("list", "read", "derive", "write", "publish"), List.copyOf(report.phaseMillis.keySet()));
        assertEquals(15, report.filesOpened, "every listed file is opened once");
        String json = Files.readString(catalog.resolve("snapshots").resolve(report.snapshotId).resolve("report.json"));
        assertTrue(json.contains("\"files_listed\" : 15"), json);
        assertTrue(json.contains("\"files_opened\" : 15"), json);
    }

    private static Set<String> partitions(Path table) throws IOException {
        try (Stream<Path> s = Files.list(table)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
