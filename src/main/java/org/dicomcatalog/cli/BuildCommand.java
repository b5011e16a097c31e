package org.dicomcatalog.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.BuildReport;
import org.dicomcatalog.catalog.CatalogBuild;
import org.dicomcatalog.catalog.CatalogConfig;
import org.dicomcatalog.catalog.CatalogRefresh;

/**
 * {@code build|refresh --input PATH... --output CATALOG [--conf FILE] [--master URL] [--register DB]
 * [--set NAME=VALUE]...}: builds a catalog snapshot, publishes it and, with a database, registers its tables in
 * the session catalog; {@code refresh} reads only what changed since the published snapshot (a full build when
 * there is none). Settings: command line, then the conf file (default: catalog.properties in the conf folder
 * the launcher names, i.e. conf/catalog.properties), then defaults.
 */
final class BuildCommand {
    static final String CONF_FILE = "catalog.properties";
    private static final String USAGE = "usage: dicom-catalog build|refresh --input PATH... --output CATALOG"
            + " [--conf FILE] [--master URL] [--register DB] [--set NAME=VALUE]...";

    private final PrintStream out;
    private final boolean refresh;

    BuildCommand(PrintStream out, boolean refresh) {
        this.out = out;
        this.refresh = refresh;
    }

    /** What the command line asks for; {@code settings} are the command line's share of the config. */
    record Args(List<String> inputs, String output, Path conf, Map<String, String> settings) {
        CatalogConfig config() throws java.io.IOException {
            return CatalogConfig.load(confFile(), settings);
        }

        /**
         * The master the command line or the conf file names, else null: then Spark's own (spark.master
         * from spark-submit or -Dspark.master, spark-defaults.conf) wins, falling back to local[*].
         */
        String explicitMaster() throws java.io.IOException {
            if (settings.containsKey(CatalogConfig.MASTER)
                    || confFile() != null && LocalSpark.defaults(confFile()).containsKey(CatalogConfig.MASTER)) {
                return config().master();
            }
            return null;
        }

        private Path confFile() {
            return conf != null && Files.exists(conf) ? conf : null;
        }
    }

    /** Parses the arguments; null after printing usage when they are incomplete or unknown. */
    static Args parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        Path conf = LocalSpark.confDir() == null ? null : LocalSpark.confDir().resolve(CONF_FILE);
        Map<String, String> commandLine = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        inputs.add(args[++i]);
                    }
                }
                case "--output" -> output = value(args, ++i);
                case "--conf" -> conf = Paths.get(value(args, ++i));
                case "--master" -> commandLine.put(CatalogConfig.MASTER, value(args, ++i));
                case "--register" -> commandLine.put(CatalogConfig.REGISTER_DATABASE, value(args, ++i));
                case "--set" -> {
                    String nv = value(args, ++i);
                    int eq = nv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set needs NAME=VALUE: " + nv);
                    }
                    commandLine.put(nv.substring(0, eq), nv.substring(eq + 1));
                }
                default -> {
                    System.err.println("build: unknown argument " + args[i] + "\n" + USAGE);
                    return null;
                }
            }
        }
        if (inputs.isEmpty() || output == null) {
            System.err.println(USAGE);
            return null;
        }
        return new Args(inputs, output, conf, commandLine);
    }

    int run(String[] args) throws Exception {
        Args parsed = parse(args);
        if (parsed == null) {
            return 2;
        }
        CatalogConfig config = parsed.config();
        SparkSession spark = LocalSpark.create("dicom-catalog " + (refresh ? "refresh" : "build"),
                parsed.explicitMaster(), true);
        try {
            BuildReport report = refresh
                    ? new CatalogRefresh(spark, config).run(parsed.inputs(), parsed.output())
                    : new CatalogBuild(spark, config).run(parsed.inputs(), parsed.output());
            report.printSummary(out);
            if (report.registrationError != null) {
                System.err.println("build: " + report.registrationError);
                return 1;
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
