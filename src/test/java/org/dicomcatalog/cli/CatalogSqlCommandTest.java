package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.CatalogBuild;
import org.dicomcatalog.catalog.CatalogConfig;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sql command on a catalog of three CT instances and one MR instance. */
class CatalogSqlCommandTest {
    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static String catalog;
    private static String snapshot;

    @BeforeAll
    static void build() throws IOException {
        spark = SparkTestSession.get();
        for (String sop : List.of("1.1.1", "1.1.2", "1.1.3", "1.2.1")) {
            Path f = dir.resolve("archive").resolve(sop + ".dcm");
            Files.createDirectories(f.getParent());
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(0x00080018, VR.UI, sop)
                    .string(0x0020000D, VR.UI, "1")
                    .string(0x0020000E, VR.UI, sop.substring(0, 3))
                    .string(0x00080060, VR.CS, sop.startsWith("1.1") ? "CT" : "MR")
                    .writeTo(f);
        }
        catalog = dir.resolve("catalog").toString();
        snapshot = new CatalogBuild(spark, CatalogConfig.DEFAULTS)
                .run(List.of(dir.resolve("archive").toString()), catalog).snapshotId;
    }

    @Test
    void sqlWithEPrintsTheResultOfTheStatement() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new SqlCommand(spark, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {
            "--catalog", catalog, "-e", "SELECT count(*) AS n FROM instances WHERE Modality = 'CT'"});

        assertEquals(0, status);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("|n  |") && printed.contains("|3  |"), printed);
    }

    @Test
    void interactiveRunsStatementsAcrossLinesReportsErrorsAndStopsAtQuit() throws IOException {
        String stdin = String.join("\n",
                "SELECT Modality,",
                "       count(*) AS n",
                "FROM instances GROUP BY Modality ORDER BY Modality;",
                "SELECT 'a;b' AS s; SELEC oops;",
                "SELECT count(*) AS series_rows FROM series",
                ";",
                "quit",
                "SELECT 'after quit' AS never;");

        String printed = interactive(stdin);

        assertTrue(printed.startsWith("snapshot " + snapshot + "; tables: "), printed);
        assertTrue(printed.contains("|CT      |3  |\n|MR      |1  |"), printed);
        assertTrue(printed.contains("|a;b|"), printed);
        assertTrue(printed.contains("error: [PARSE_SYNTAX_ERROR]"), printed);
        assertTrue(printed.contains("|series_rows|\n+-----------+\n|2          |"), printed);
        assertFalse(printed.contains("after quit"), printed);
    }

    @Test
    void endOfInputRunsTheLastStatementWithoutSemicolon() throws IOException {
        String printed = interactive("SELECT count(*) AS rejects FROM rejects");

        assertTrue(printed.contains("|rejects|\n+-------+\n|0      |"), printed);
    }

    private static String interactive(String stdin) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new SqlCommand(spark, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {"--catalog", catalog});
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
