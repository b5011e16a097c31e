package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/schema.md is generated from a built catalog's schemas and {@link SchemaDoc}; this test regenerates it and
 * fails when the committed file differs. {@code -Dschema.write=true} writes it instead.
 */
class SchemaDocTest {
    private static final Path DOC = Path.of("docs/schema.md");

    @TempDir
    Path dir;

    @Test
    void docsSchemaIsWhatTheCodeBuilds() throws IOException {
        SparkSession spark = SparkTestSession.get();
        TinyCatalog.build(spark, dir);
        Map<String, StructType> schemas = new LinkedHashMap<>();
        for (String table : SchemaDoc.tables()) {
            schemas.put(table, spark.table(table).schema());
        }
        String generated = SchemaDoc.render(schemas);
        if (Boolean.getBoolean("schema.write")) {
            Files.writeString(DOC, generated);
            System.out.println("wrote " + DOC.toAbsolutePath());
            return;
        }
        assertTrue(Files.exists(DOC), DOC + " is missing; generate it with: " + SchemaDoc.REGENERATE);
        assertEquals(generated, Files.readString(DOC), DOC + " is stale; regenerate it with: " + SchemaDoc.REGENERATE);
    }

    @Test
    void attributesHaveTheirTagAndVr() {
        assertEquals("(0008,0060)", SchemaDoc.tag("Modality")[0]);
        assertEquals("CS", SchemaDoc.tag("Modality")[1]);
        assertEquals("", SchemaDoc.tag("number_of_instances")[0]);
        assertEquals("CONSTANT of `SeriesDescription`", SchemaDoc.derivation(CatalogTable.SERIES, "SeriesDescription"));
        assertEquals("DERIVED of `year(StudyDate)` (partition)", SchemaDoc.derivation(CatalogTable.STUDIES, "study_year"));
    }
}
