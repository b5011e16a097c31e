package org.dicomcatalog.spark;

import java.util.Map;

import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code dicom} source: one row per file under the given paths, with the file's read outcome, file
 * meta and flattened header attributes. {@code spark.read.format("dicom").load(path)}; options are
 * described in docs/spark-source.md.
 */
public final class DicomDataSource implements TableProvider, DataSourceRegister {

    @Override
    public String shortName() {
        return "dicom";
    }

    /** The schema follows from the options alone (extraTags): no file is read to infer it. */
    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return DicomSchema.of(new DicomOptions(options).extraTags()).sparkSchema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new DicomTable("dicom " + new DicomOptions(new CaseInsensitiveStringMap(properties)).describeInput(),
                properties);
    }
}
