package org.dicomcatalog.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.CatalogReader;

import scala.Console;
import scala.runtime.BoxedUnit;

/**
 * {@code sql --catalog CATALOG [-e SQL]}: the tables of the published snapshot as views (patients, studies,
 * series, instances, rejects, conflicts); runs {@code -e} or reads statements ending in ';' from stdin until
 * {@code quit}, {@code exit} or the end of input. A failing statement prints {@code error: …} and the loop goes on.
 */
final class SqlCommand {
    private static final String USAGE = "usage: dicom-catalog sql --catalog CATALOG [--master URL] [-e SQL]";
    private static final int MAX_ROWS = 10_000;
    private static final Set<String> QUIT = Set.of("quit", "exit");

    private final SparkSession spark;
    private final InputStream in;
    private final PrintStream out;

    SqlCommand(SparkSession spark, PrintStream out) {
        this(spark, System.in, out);
    }

    SqlCommand(SparkSession spark, InputStream in, PrintStream out) {
        this.spark = spark;
        this.in = in;
        this.out = out;
    }

    /** The catalog and master given on the command line, to start the session with: null when absent. */
    static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    int run(String[] args) throws IOException {
        String catalog = option(args, "--catalog");
        String statement = option(args, "-e");
        if (catalog == null) {
            System.err.println(USAGE);
            return 2;
        }
        String id = CatalogReader.registerViews(spark, catalog);
        if (statement != null) {
            execute(statement);
            return 0;
        }
        return interactive(id);
    }

    private int interactive(String id) throws IOException {
        out.println("snapshot " + id + "; tables: patients, studies, series, instances, rejects, conflicts;"
                + " end statements with ';', quit with 'quit'");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StatementSplitter splitter = new StatementSplitter();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (splitter.rest().isEmpty() && isQuit(line)) {
                return 0;
            }
            for (String sql : splitter.add(line)) {
                if (isQuit(sql)) {
                    return 0;
                }
                executeReportingErrors(sql);
            }
        }
        // the end of input ends the last statement too, as with -e
        if (!splitter.rest().isEmpty()) {
            executeReportingErrors(splitter.rest());
        }
        return 0;
    }

    private static boolean isQuit(String text) {
        return QUIT.contains(text.trim().toLowerCase(Locale.ROOT));
    }

    private void executeReportingErrors(String sql) {
        try {
            execute(sql);
        } catch (Exception e) {
            // Spark's parse and analysis errors are checked exceptions to Java, not RuntimeExceptions; their
            // messages start with a line break
            out.println("error: " + e.getMessage().strip());
        }
    }

    private void execute(String sql) {
        var result = spark.sql(sql);
        // Dataset.show prints to Scala's Console, which is not System.out once redirected
        Console.withOut(out, () -> {
            result.show(MAX_ROWS, false);
            return BoxedUnit.UNIT;
        });
        out.flush();
    }
}
