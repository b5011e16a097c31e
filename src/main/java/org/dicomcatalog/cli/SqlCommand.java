package org.dicomcatalog.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.catalog.CatalogReader;

import scala.Console;
import scala.runtime.BoxedUnit;

/**
 * {@code sql --catalog CATALOG [-e SQL]}: the tables of the published snapshot as views (patients, studies,
 * series, instances, rejects, conflicts); runs {@code -e} or reads statements ending in ';' from stdin.
 */
final class SqlCommand {
    private static final String USAGE = "usage: dicom-catalog sql --catalog CATALOG [--master URL] [-e SQL]";
    private static final int MAX_ROWS = 10_000;

    private final SparkSession spark;
    private final PrintStream out;

    SqlCommand(SparkSession spark, PrintStream out) {
        this.spark = spark;
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
        out.println("snapshot " + id + "; tables: patients, studies, series, instances, rejects, conflicts;"
                + " end statements with ';'");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            pending.append(line).append('\n');
            int end;
            while ((end = pending.indexOf(";")) >= 0) {
                String sql = pending.substring(0, end).trim();
                pending.delete(0, end + 1);
                if (!sql.isEmpty()) {
                    try {
                        execute(sql);
                    } catch (RuntimeException e) {
                        out.println("error: " + e.getMessage());
                    }
                }
            }
        }
        return 0;
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
