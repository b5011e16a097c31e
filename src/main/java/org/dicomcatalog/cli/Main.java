package org.dicomcatalog.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import org.dicomcatalog.catalog.LockHeldException;

/** Entry point of {@code jobs/dicom-catalog}: one sub-command per job. */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: dicom-catalog <command> [options]",
            "commands:",
            "  dump FILE|DIR ...   print each file's header as one JSON object per line",
            "  sample --out DIR --patients N --seed S [--pixels full|sparse|none]",
            "                      write a deterministic sample archive (DIR/archive) and its ground truth",
            "                      (DIR/ground-truth)",
            "  build --input PATH... --output CATALOG [--conf FILE] [--master URL] [--register DB]",
            "                      build and publish a catalog snapshot (and register its tables in DB)",
            "  refresh --input PATH... --output CATALOG [--conf FILE] [--master URL] [--register DB]",
            "                      re-read only new and changed files and publish a new snapshot",
            "                      (build and refresh exit with status 3 when another build or refresh of",
            "                      CATALOG is running)",
            "  sql --catalog CATALOG [-e SQL]",
            "                      query the published snapshot (interactive without -e)");

    /** Exit status when another build or refresh holds the catalog's lock; 2 is usage, 1 any failure. */
    static final int LOCK_HELD = 3;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status;
        switch (args[0]) {
            case "dump":
                status = new DumpCommand(System.out).run(rest);
                break;
            case "sample":
                status = new SampleCommand(System.out).run(rest);
                break;
            case "build":
                status = exitOnLockHeld(() -> new BuildCommand(System.out, false).run(rest));
                break;
            case "refresh":
                status = exitOnLockHeld(() -> new BuildCommand(System.out, true).run(rest));
                break;
            case "sql":
                status = runSql(rest);
                break;
            default:
                System.err.println("unknown command: " + args[0] + "\n" + USAGE);
                status = 2;
        }
        System.exit(status);
    }

    /**
     * Runs a command that takes the catalog's RefreshLock (build, refresh): status {@value #LOCK_HELD} when
     * another run holds it, so that schedulers can tell "already running" from a failure.
     */
    static int exitOnLockHeld(Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (LockHeldException e) {
            System.err.println(e.getMessage());
            return LOCK_HELD;
        }
    }

    private static int runSql(String[] args) throws Exception {
        String master = SqlCommand.option(args, "--master");
        org.apache.spark.sql.SparkSession spark = LocalSpark.create("dicom-catalog sql", master, false);
        try {
            return new SqlCommand(spark, System.out).run(args);
        } finally {
            spark.stop();
        }
    }
}
