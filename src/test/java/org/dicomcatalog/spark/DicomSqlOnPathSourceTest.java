package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomSqlOnPathSourceTest {
    @TempDir
    Path dir;

    /** A session of the shared context without the dicom catalog: what a user gets with no configuration. */
    private static SparkSession unconfigured() {
        SparkSession session = SparkTestSession.get().newSession();
        session.conf().unset(DicomSqlOnPath.CATALOG_KEY);
        return session;
    }

    private void writeTwoFiles() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(0x00080018, VR.UI, "1.1")
                .writeTo(dir.resolve("one.dcm"));
        DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(0x00080018, VR.UI, "1.2")
                .writeTo(dir.resolve("sub/two.dcm"));
    }

    @Test
    void sqlOnAPathNeedsNoConfiguration() throws IOException {
        writeTwoFiles();
        SparkSession spark = unconfigured();

        List<Row> rows = spark.sql("SELECT SOPInstanceUID FROM dicom.`" + dir + "` ORDER BY 1").collectAsList();

        assertEquals(List.of("1.1", "1.2"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(1L, spark.sql("SELECT count(*) FROM dicom.`" + dir + "/sub` d WHERE d.status = 'OK'")
                .first().getLong(0));
        assertEquals(1L, spark.sql("SELECT count(*) FROM dicom.`" + dir + "` WITH ('pathGlobFilter' = 'two*')")
                .first().getLong(0));
    }

    @Test
    void aDatabaseNamedDicomKeepsItsTables() {
        SparkSession spark = unconfigured();
        spark.sql("CREATE DATABASE dicom LOCATION '" + dir.resolve("warehouse") + "'");
        try {
            spark.sql("CREATE TABLE dicom.instances (x INT) USING parquet");

            assertEquals(0L, spark.sql("SELECT count(*) FROM dicom.instances").first().getLong(0));
        } finally {
            spark.sql("DROP DATABASE dicom CASCADE");
        }
    }

    @Test
    void aConfiguredCatalogStillResolvesTheName() throws IOException {
        writeTwoFiles();

        LogicalPlan plan = SparkTestSession.get().sql("SELECT path FROM dicom.`" + dir + "`").queryExecution()
                .analyzed();

        DataSourceV2Relation relation = (DataSourceV2Relation) plan.collectLeaves().head();
        assertTrue(relation.catalog().get() instanceof DicomCatalog, plan.toString());
        assertEquals(2, SparkTestSession.get().sql("SELECT path FROM dicom.`" + dir + "`").count());
    }
}
