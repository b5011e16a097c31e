package org.dicomcatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Parquet's defaults, which the catalog writes with, against Parquet options that spare work on the header
 * VARIANT (its two binary columns: min/max statistics nobody filters on, a dictionary the value's per-instance
 * bytes overflow): rewrites an existing {@code instances} table (a catalog snapshot's) once per variant per
 * round, in one Spark session, and prints wall time and bytes written. Run by
 * {@code jobs/bench/instance-write.sh}; figures in docs/benchmarks.md.
 */
public final class InstanceWriteBenchmark {
    private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("Parquet defaults (the catalog's)", Map.of());
        VARIANTS.put("no statistics on header, no dictionary on header.value", Map.of(
                "parquet.enable.dictionary#header.value", "false",
                "parquet.column.statistics.enabled#header.value", "false",
                "parquet.column.statistics.enabled#header.metadata", "false"));
        VARIANTS.put("no dictionary on header.value and header.metadata", Map.of(
                "parquet.enable.dictionary#header.value", "false",
                "parquet.enable.dictionary#header.metadata", "false"));
    }

    private InstanceWriteBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: InstanceWriteBenchmark INSTANCES_TABLE OUT_DIR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("instance-write-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.variant.writeShredding.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Dataset<Row> instances = spark.read().parquet(args[0]);
            System.out.printf(Locale.ROOT, "%s: %,d rows, %d columns; round 0 is a warm-up%n", args[0],
                    instances.count(), instances.columns().length);
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                int variant = 0;
                for (Map.Entry<String, Map<String, String>> v : VARIANTS.entrySet()) {
                    Path out = Path.of(args[1], "round" + round + "-variant" + variant++);
                    long start = System.nanoTime();
                    instances.write().options(v.getValue()).parquet(out.toString());
                    double s = (System.nanoTime() - start) / 1e9;
                    bytes.put(v.getKey(), size(out));
                    if (round > 0) {
                        seconds.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(s);
                    }
                    System.out.printf(Locale.ROOT, "round %d %-66s %6.2f s %,14d bytes%n", round, v.getKey(), s,
                            size(out));
                }
            }
            System.out.println();
            System.out.println("| options | median s | bytes |");
            System.out.println("|---|---:|---:|");
            seconds.forEach((k, list) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %,d |%n", k,
                    list.stream().sorted().toList().get(list.size() / 2), bytes.get(k)));
        } finally {
            spark.stop();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
