package org.dicomcatalog.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dicomcatalog.dicom.DataDictionary;

/**
 * Renders docs/schema.md: every column of every catalog table with its Spark type, its DICOM tag and VR when it
 * is an attribute (from {@link DataDictionary}) and how it is derived ({@link LevelRules} for the levels, the
 * {@code dicom} source for instances, fixed text for conflicts and rejects). The schemas are those of a built
 * catalog as a reader sees them ({@code SchemaDocTest} builds one, renders, and fails when the file differs).
 */
public final class SchemaDoc {
    static final String REGENERATE = "mvn -q -B -ntp test -Dtest=SchemaDocTest -Dschema.write=true";

    private static final Map<String, String> INSTANCE_COLUMNS = Map.of(
            Identity.ISSUER, "added by the catalog (`Identity`): IssuerOfPatientID, else the issuer configured for"
                    + " the input root, else `unknown`; null when the file has no PatientID");

    private static final Map<String, String> CONFLICT_COLUMNS = fixed(
            "level", "the table: `series`, `studies` or `patients`",
            "key", "the row's key; for patients `patient_issuer/PatientID`",
            "attribute", "the CONSTANT column whose instances disagree",
            "distinct_values", "count of distinct non-null values among the row's instances",
            "instances", "instances in the row",
            "values", "the distinct non-null values as strings, sorted");

    /** The rejects table has the instance columns too (whatever was read from the file) plus these. */
    private static final Map<String, String> REJECT_COLUMNS = fixed(
            "reason", "the error code (or status) of an unreadable file or of a PARTIAL file that lost a UID;"
                    + " `MISSING_UID`; `DUPLICATE_SOP_INSTANCE` for every copy after the instance");

    private SchemaDoc() {
    }

    /** The Markdown document for these table schemas (table name to schema, in {@link CatalogTable} order). */
    public static String render(Map<String, StructType> schemas) {
        StringBuilder b = new StringBuilder();
        b.append("# Catalog schema\n\n")
                .append("Generated from the code by `SchemaDocTest` (it builds a small catalog and reads each table's"
                        + " schema as a query sees it: partition columns come last). Do not edit by hand; regenerate"
                        + " with\n\n```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("Level columns are derived by `LevelRules` (kinds explained in docs/catalog.md); DICOM tag"
                        + " and VR are from the PS3.6 dictionary (`DataDictionary`) for columns named by a"
                        + " keyword.\n");
        for (CatalogTable t : CatalogTable.values()) {
            StructType schema = schemas.get(t.table);
            if (schema == null) {
                throw new IllegalArgumentException("no schema for table " + t.table);
            }
            b.append("\n## ").append(t.table).append("\n\n");
            if (t.partitionColumn != null) {
                b.append("Partitioned by `").append(t.partitionColumn).append("`.\n\n");
            }
            b.append("| column | type | tag | VR | derived |\n|---|---|---|---|---|\n");
            for (StructField f : schema.fields()) {
                String[] tag = tag(f.name());
                b.append("| `").append(f.name()).append("` | `").append(f.dataType().catalogString()).append("` | ")
                        .append(tag[0]).append(" | ").append(tag[1]).append(" | ")
                        .append(derivation(t, f.name())).append(" |\n");
            }
        }
        return b.toString();
    }

    /** Tag as (gggg,eeee) and VR for a PS3.6 keyword, empty strings otherwise. */
    static String[] tag(String column) {
        DataDictionary dictionary = DataDictionary.standard();
        int tag = dictionary.tagOf(column);
        if (tag < 0) {
            return new String[] {"", ""};
        }
        return new String[] {String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF), dictionary.vrText(tag)};
    }

    static String derivation(CatalogTable table, String column) {
        return switch (table) {
            case INSTANCES -> INSTANCE_COLUMNS.getOrDefault(column, "source column")
                    + (column.equals(table.partitionColumn) ? " (partition)" : "");
            case SERIES, STUDIES, PATIENTS -> levelRule(table, column);
            case CONFLICTS -> known(CONFLICT_COLUMNS, table, column);
            case REJECTS -> REJECT_COLUMNS.getOrDefault(column, INSTANCE_COLUMNS.getOrDefault(column, "source column"));
        };
    }

    private static String levelRule(CatalogTable table, String column) {
        for (LevelRules.Rule r : LevelRules.RULES) {
            if (r.level().table().equals(table.table) && r.column().equals(column)) {
                String text = r.level().keys().contains(column) ? "key" : r.kind().name();
                if (r.source() != null && !(r.level().keys().contains(column) && r.source().equals(column))) {
                    text += " of `" + r.source() + "`";
                }
                return column.equals(table.partitionColumn) ? text + " (partition)" : text;
            }
        }
        throw new IllegalStateException(table.table + "." + column + " has no rule in LevelRules");
    }

    private static String known(Map<String, String> columns, CatalogTable table, String column) {
        String text = columns.get(column);
        if (text == null) {
            throw new IllegalStateException(table.table + "." + column + " is not described in SchemaDoc");
        }
        return text;
    }

    private static Map<String, String> fixed(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Table names in document order. */
    static List<String> tables() {
        return java.util.Arrays.stream(CatalogTable.values()).map(t -> t.table).toList();
    }
}
