package org.dicomcatalog.spark;

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

    DicomTable(DicomSchema schema, String name) {
        this.schema = schema;
        this.name = name;
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
        return new DicomScanBuilder(schema, new DicomOptions(options));
    }
}
