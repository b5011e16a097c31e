package org.dicomcatalog.spark;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Keeps only the columns the query uses: what is not selected is not read, and maybe no file is opened. */
final class DicomScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
    private final DicomSchema schema;
    private final DicomOptions options;
    private StructType readSchema;

    DicomScanBuilder(DicomSchema schema, DicomOptions options) {
        this.schema = schema;
        this.options = options;
        this.readSchema = schema.sparkSchema();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        // top-level pruning only: a PN struct is built whole, Spark projects nested fields afterwards
        StructType pruned = new StructType();
        for (StructField field : schema.sparkSchema().fields()) {
            if (requiredSchema.getFieldIndex(field.name()).isDefined()) {
                pruned = pruned.add(field);
            }
        }
        readSchema = pruned;
    }

    @Override
    public Scan build() {
        return new DicomScan(readSchema, options, ReadPlan.of(readSchema, schema, options));
    }
}
