package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSqlCommandTest {
    @TempDir
    Path dir;

    @Test
    void sqlWithEPrintsTheResultOfTheStatement() throws IOException {
        SparkSession spark = SparkTestSession.get();
        for (String sop : List.of("1.1.1", "1.1.2", "1.1.3")) {
            Path f = dir.resolve("archive").resolve(sop + ".dcm");
            Files.createDirectories(f.getParent());
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(0x00080018, VR.UI, sop)
                    .string(0x0020000D, VR.UI, "1")
                    .string(0x0020000E, VR.UI, "1.1")
                    .string(0x00080060, VR.CS, "CT")
                    .writeTo(f);
        }
        String catalog = dir.resolve("catalog").toString();
        new CatalogBuild(spark, CatalogConfig.DEFAULTS).run(List.of(dir.resolve("archive").toString()), catalog);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new SqlCommand(spark, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {
            "--catalog", catalog, "-e", "SELECT count(*) AS n FROM instances WHERE Modality = 'CT'"});

        assertEquals(0, status);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("|n  |") && printed.contains("|3  |"), printed);
    }
}
