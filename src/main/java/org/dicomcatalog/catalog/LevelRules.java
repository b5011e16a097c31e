package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Level.PATIENTS;
import static org.dicomcatalog.catalog.Level.SERIES;
import static org.dicomcatalog.catalog.Level.STUDIES;
import static org.dicomcatalog.catalog.LevelRules.Kind.CONSTANT;
import static org.dicomcatalog.catalog.LevelRules.Kind.COUNT;
import static org.dicomcatalog.catalog.LevelRules.Kind.COUNT_DISTINCT;
import static org.dicomcatalog.catalog.LevelRules.Kind.DERIVED;
import static org.dicomcatalog.catalog.LevelRules.Kind.DISTINCT_SET;
import static org.dicomcatalog.catalog.LevelRules.Kind.MAX;
import static org.dicomcatalog.catalog.LevelRules.Kind.MIN;
import static org.dicomcatalog.catalog.LevelRules.Kind.SUM;

import java.util.List;

/**
 * How each column of the series, studies and patients tables comes from the instances: the one place where
 * that is declared. {@link LevelAggregator} turns these rows into Spark aggregate expressions; docs/catalog.md
 * renders this table. Attributes sit at the level of their PS3.3 module (patient, general study, general
 * series, general equipment); DICOM attributes keep their keyword, derived columns are snake_case.
 */
public final class LevelRules {

    public enum Kind {
        /** Expected equal across the level's instances: the most frequent non-null value; a conflict when more than one. */
        CONSTANT,
        /** The most frequent non-null value, differences expected (no conflict). */
        MOST_FREQUENT,
        /** Sorted array of the distinct non-null values. */
        DISTINCT_SET,
        MIN,
        MAX,
        /** Instances in the group (source ignored). */
        COUNT,
        SUM,
        COUNT_DISTINCT,
        /** An expression over this level's aggregated columns, evaluated after aggregation. */
        DERIVED
    }

    /** {@code column} of {@code level} is {@code kind} of the instance expression {@code source} (Spark SQL). */
    public record Rule(Level level, String column, Kind kind, String source) {
    }

    public static final List<Rule> RULES = List.of(
            // series: general series and general equipment modules
            rule(SERIES, "SeriesInstanceUID", CONSTANT),
            rule(SERIES, "StudyInstanceUID", CONSTANT),
            rule(SERIES, "Modality", CONSTANT),
            rule(SERIES, "SeriesNumber", CONSTANT),
            rule(SERIES, "SeriesDescription", CONSTANT),
            rule(SERIES, "BodyPartExamined", CONSTANT),
            rule(SERIES, "SeriesDate", CONSTANT),
            rule(SERIES, "ProtocolName", CONSTANT),
            rule(SERIES, "Manufacturer", CONSTANT),
            rule(SERIES, "ManufacturerModelName", CONSTANT),
            rule(SERIES, "SliceThickness", CONSTANT),
            rule(SERIES, "number_of_instances", COUNT, null),
            rule(SERIES, "number_of_frames", SUM, "coalesce(NumberOfFrames, 1)"),
            rule(SERIES, "total_bytes", SUM, "file_size"),
            rule(SERIES, "min_instance_number", MIN, "InstanceNumber"),
            rule(SERIES, "max_instance_number", MAX, "InstanceNumber"),
            rule(SERIES, "sop_classes", DISTINCT_SET, "SOPClassUID"),

            // studies: general study module, plus the patient key the study belongs to
            rule(STUDIES, "StudyInstanceUID", CONSTANT),
            rule(STUDIES, Identity.ISSUER, CONSTANT),
            rule(STUDIES, "PatientID", CONSTANT),
            rule(STUDIES, "StudyDate", CONSTANT),
            rule(STUDIES, "StudyTime", CONSTANT),
            rule(STUDIES, "AccessionNumber", CONSTANT),
            rule(STUDIES, "StudyID", CONSTANT),
            rule(STUDIES, "StudyDescription", CONSTANT),
            rule(STUDIES, "ReferringPhysicianName", CONSTANT),
            rule(STUDIES, "ModalitiesInStudy", DISTINCT_SET, "Modality"),
            rule(STUDIES, "body_parts", DISTINCT_SET, "BodyPartExamined"),
            rule(STUDIES, "number_of_series", COUNT_DISTINCT, "SeriesInstanceUID"),
            rule(STUDIES, "number_of_instances", COUNT, null),
            rule(STUDIES, "study_year", DERIVED, "year(StudyDate)"),

            // patients: patient module
            rule(PATIENTS, Identity.ISSUER, CONSTANT),
            rule(PATIENTS, "PatientID", CONSTANT),
            rule(PATIENTS, "PatientName", CONSTANT),
            rule(PATIENTS, "PatientBirthDate", CONSTANT),
            rule(PATIENTS, "PatientSex", CONSTANT),
            rule(PATIENTS, "number_of_studies", COUNT_DISTINCT, "StudyInstanceUID"),
            rule(PATIENTS, "number_of_instances", COUNT, null),
            rule(PATIENTS, "first_study_date", MIN, "StudyDate"),
            rule(PATIENTS, "last_study_date", MAX, "StudyDate"));

    private LevelRules() {
    }

    /** The rules of one level, in table column order. */
    public static List<Rule> of(Level level) {
        return RULES.stream().filter(r -> r.level() == level).toList();
    }

    /** The rules as a Markdown table, as docs/catalog.md shows them (a test keeps the two equal). */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| table | column | kind | from instances |\n|---|---|---|---|\n");
        for (Rule r : RULES) {
            b.append("| ").append(r.level().table()).append(" | `").append(r.column()).append("` | ")
                    .append(r.kind()).append(" | ").append(r.source() == null ? "" : "`" + r.source() + "`")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static Rule rule(Level level, String column, Kind kind) {
        return new Rule(level, column, kind, column);
    }

    private static Rule rule(Level level, String column, Kind kind, String source) {
        return new Rule(level, column, kind, source);
    }
}
