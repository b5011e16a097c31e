package org.dicomcatalog.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The files under the given paths as a read-only table with one row per file. */
final class DicomTable implements SupportsRead {
    private final DicomSchema schema;
    private final String name;
    private final Map<String, String> tableOptions;

    /** {@code tableOptions} hold the path: a table loaded from a catalog gets no options at scan time. */
    DicomTable(String name, Map<String, String> tableOptions) {
        this.name = name;
        this.tableOptions = Map.copyOf(tableOptions);
        this.schema = DicomSchema.of(new DicomOptions(new CaseInsensitiveStringMap(tableOptions)).extraTags());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema.sparkSchema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        Map<String, String> merged = new HashMap<>(tableOptions);
        merged.putAll(options.asCaseSensitiveMap());
        return new DicomScanBuilder(schema, new DicomOptions(new CaseInsensitiveStringMap(merged)));
    }
}
