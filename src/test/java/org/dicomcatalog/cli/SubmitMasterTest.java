package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under spark-submit the master is in SparkConf already: the build keeps it unless told otherwise. */
class SubmitMasterTest {
    @TempDir
    Path dir;

    private static SparkConf submitted(String master) {
        return new SparkConf(false).set("spark.master", master);
    }

    private Path confDirWith(String sparkDefaults) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve(LocalSpark.DEFAULTS_FILE), sparkDefaults);
        return conf;
    }

    @Test
    void aSubmittedMasterStaysWhenTheCommandNamesNone() throws IOException {
        Path conf = confDirWith("spark.master local[2]\n");

        SparkConf c = LocalSpark.configure(submitted("spark://head:7077"), "t", conf, null, false);

        assertEquals("spark://head:7077", c.get("spark.master"));
        assertEquals(false, c.contains("spark.driver.host"), "no local settings on a cluster");
    }

    @Test
    void anExplicitMasterOverridesTheSubmittedOne() {
        SparkConf c = LocalSpark.configure(submitted("spark://head:7077"), "t", null, "local[3]", false);

        assertEquals("local[3]", c.get("spark.master"));
        assertEquals("127.0.0.1", c.get("spark.driver.host"));
    }

    @Test
    void withoutAnyMasterSparkDefaultsThenLocal() throws IOException {
        assertEquals("local[2]", LocalSpark.configure(new SparkConf(false), "t",
                confDirWith("spark.master local[2]\n"), null, false).get("spark.master"));
        assertEquals("local[*]", LocalSpark.configure(new SparkConf(false), "t", null, null, false)
                .get("spark.master"));
    }

    @Test
    void theBuildNamesAMasterOnlyWhenTheCommandLineOrConfFileDoes() throws IOException {
        Path none = Files.writeString(dir.resolve("none.properties"), "keepSnapshots = 3\n");
        Path some = Files.writeString(dir.resolve("some.properties"), "master = local[4]\n");
        String[] in = {"--input", "/a", "--output", "/c"};

        assertNull(parse(in, "--conf", none.toString()).explicitMaster());
        assertNull(parse(in, "--conf", dir.resolve("absent.properties").toString()).explicitMaster());
        assertEquals("local[4]", parse(in, "--conf", some.toString()).explicitMaster());
        assertEquals("spark://x:7077",
                parse(in, "--conf", some.toString(), "--master", "spark://x:7077").explicitMaster());
    }

    @Test
    void theShippedConfFileLeavesTheMasterToSpark() throws IOException {
        assertNull(parse(new String[] {"--input", "/a", "--output", "/c"},
                "--conf", "conf/" + BuildCommand.CONF_FILE).explicitMaster());
    }

    private static BuildCommand.Args parse(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return BuildCommand.parse(all);
    }
}
