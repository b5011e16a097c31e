package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.BODY_PART_EXAMINED;
import static org.dicomcatalog.catalog.Archive.SERIES_DESCRIPTION;
import static org.dicomcatalog.catalog.Archive.STUDY_DATE;
import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.dicomcatalog.catalog.Archive.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;

/**
 * A catalog of five files (two CT instances of one series that disagree on SeriesDescription, an MR instance in
 * another study, a file that is not DICOM and a copy of the first instance): every table has rows, every
 * partition column a value. Built into {@code dir/catalog}; the views of {@link CatalogReader} are registered.
 */
final class TinyCatalog {
    private TinyCatalog() {
    }

    static BuildReport build(SparkSession spark, Path dir) throws IOException {
        Path archive = dir.resolve("archive");
        DicomWriter first = ct("1.2.1.1", "AXIAL");
        write(first, archive.resolve("p1/ct1.dcm"));
        write(ct("1.2.1.2", "AXIAL 2"), archive.resolve("p1/ct2.dcm"));
        write(patient(instance("1.3", "1.3.1", "1.3.1.1", "MR"), "P1", "19700101", "M")
                .string(STUDY_DATE, VR.DA, "20240302").string(BODY_PART_EXAMINED, VR.CS, "HEAD"),
                archive.resolve("p1/mr1.dcm"));
        write("not dicom".getBytes(StandardCharsets.US_ASCII), archive.resolve("notes.txt"));
        write(first.toBytes(), archive.resolve("zz/copy.dcm"));
        Path catalog = dir.resolve("catalog");
        BuildReport report = new CatalogBuild(spark, CatalogConfig.fromProperties(Map.of()))
                .run(List.of(archive.toString()), catalog.toString());
        CatalogReader.registerViews(spark, catalog.toString());
        return report;
    }

    static Path snapshot(Path dir, BuildReport report) {
        return dir.resolve("catalog").resolve("snapshots").resolve(report.snapshotId);
    }

    private static DicomWriter ct(String sop, String description) {
        return patient(instance("1.2", "1.2.1", sop, "CT"), "P1", "19700101", "M")
                .string(STUDY_DATE, VR.DA, "20230115").string(BODY_PART_EXAMINED, VR.CS, "CHEST")
                .string(SERIES_DESCRIPTION, VR.LO, description);
    }
}
