package org.dicomcatalog.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command run on one machine. There is no spark-submit here to read
 * spark-defaults.conf, so this does: the file in the folder named by system property
 * {@value #CONF_DIR_PROPERTY} (jobs/dicom-catalog sets it to the project's conf/).
 */
public final class LocalSpark {
    static final String CONF_DIR_PROPERTY = "dicomcatalog.conf";
    static final String DEFAULTS_FILE = "spark-defaults.conf";

    private LocalSpark() {
    }

    /**
     * A session configured by -Dspark.* first, then the conf folder's file, then local defaults;
     * {@code master}, when given (--master on the command line), comes before all of them.
     */
    public static SparkSession create(String appName, String master, boolean progressBar) {
        return create(appName, confDir(), master, progressBar);
    }

    static SparkSession create(String appName, Path confDir) {
        return create(appName, confDir, null, false);
    }

    private static SparkSession create(String appName, Path confDir, String master, boolean progressBar) {
        return SparkSession.builder().config(configure(new SparkConf(true), appName, confDir, master, progressBar))
                .getOrCreate();
    }

    /**
     * {@code conf} (under spark-submit it already holds spark.master and the properties file) completed by
     * the conf folder's file and local defaults; {@code master}, when not null, overrides spark.master.
     */
    static SparkConf configure(SparkConf conf, String appName, Path confDir, String master, boolean progressBar) {
        if (master != null) {
            conf.set("spark.master", master);
        }
        if (confDir != null) {
            defaults(confDir.resolve(DEFAULTS_FILE)).forEach((key, value) ->
                    conf.setIfMissing((String) key, ((String) value).strip()));
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.ui.showConsoleProgress", String.valueOf(progressBar));
        // lets adaptive execution coalesce the partitions of cached data sets, as it does shuffles
        conf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        if (conf.get("spark.master").startsWith("local")) {
            // a batch job on one machine: no web UI to bind, no lookup of the host's network name
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /** The conf folder the launcher names (-Ddicomcatalog.conf), or null. */
    static Path confDir() {
        String confDir = System.getProperty(CONF_DIR_PROPERTY);
        return confDir == null ? null : Path.of(confDir);
    }

    /** The properties of {@code file} as Spark reads spark-defaults.conf (Java properties); none if absent. */
    static Properties defaults(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
