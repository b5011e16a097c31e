package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSparkTest {
    /** The conf folder the launcher passes, as seen from the project folder Maven runs tests in. */
    private static final Path SHIPPED_CONF = Path.of("conf");

    @TempDir
    Path dir;

    private void writeTwoFiles() throws IOException {
        for (String name : new String[] {"one.dcm", "sub/two.dcm"}) {
            Files.createDirectories(dir.resolve(name).getParent());
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).string(0x00080018, VR.UI, "1.2." + name.length())
                    .writeTo(dir.resolve(name));
        }
    }

    @Test
    void theShippedDefaultsRegisterTheDicomCatalog() {
        Properties shipped = LocalSpark.defaults(SHIPPED_CONF.resolve(LocalSpark.DEFAULTS_FILE));

        assertEquals("org.dicomcatalog.spark.DicomCatalog", shipped.getProperty("spark.sql.catalog.dicom").strip());
    }

    @Test
    void aSessionFromTheShippedConfRunsSqlOnAPath() throws IOException {
        writeTwoFiles();

        SparkSession spark = LocalSpark.create("local-spark-test", SHIPPED_CONF);

        assertEquals(2L, spark.sql("SELECT count(*) FROM dicom.`" + dir + "`").first().getLong(0));
    }

    @Test
    void everyPropertyOfTheFileReachesTheSession() throws IOException {
        writeTwoFiles();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve(LocalSpark.DEFAULTS_FILE), String.join("\n",
                "# another catalog name, with a read option for all of its paths",
                "spark.sql.catalog.archive   org.dicomcatalog.spark.DicomCatalog",
                "spark.sql.catalog.archive.pathGlobFilter = *.dcm",
                ""));
        Files.writeString(dir.resolve("readme.txt"), "not read: the glob filter keeps .dcm files");

        SparkSession spark = LocalSpark.create("local-spark-test", conf);

        assertEquals(2L, spark.sql("SELECT count(*) FROM archive.`" + dir + "`").first().getLong(0));
    }

    @Test
    void aMissingConfFolderGivesNoProperties() {
        assertEquals(0, LocalSpark.defaults(dir.resolve("absent").resolve(LocalSpark.DEFAULTS_FILE)).size());
    }
}
