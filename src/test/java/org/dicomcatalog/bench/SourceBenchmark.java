package org.dicomcatalog.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.DicomSource;
import org.dicomcatalog.dicom.ReadOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import scala.Tuple2;

/**
 * Issue #3 proof: the Spark {@code dicom} source against the naive {@code binaryFile} + parser pipeline and
 * against a plain open / read 64 KiB / close loop (the I/O limit), on one archive, in one Spark session.
 * Not a JUnit test (surefire excludes {@code org/dicomcatalog/bench/**}); run by
 * {@code jobs/bench/spark-source.sh}, see docs/benchmarks.md.
 *
 * <pre>
 * SourceBenchmark --archive DIR [--repeat R] [--cold] [--fpp 64,1024] [--io-threads 4,8] [--listing-threads 1]
 *     [--latency-ms 20] [--truth DIR/ground-truth]
 * </pre>
 * Each method runs once untimed (warm-up), then R timed rounds; in each round the methods run one after the
 * other (ours, binaryFile, the I/O loop on two threads, the same loop as Spark tasks, the header reader alone on
 * two threads) so that load changes of a shared machine hit them all alike; the
 * median of the R rounds is reported. With {@code --cold}, R more rounds run with the page cache dropped
 * ({@code sync; echo 3 > /proc/sys/vm/drop_caches}) before every timed run.
 */
public final class SourceBenchmark {
    static final int IO_BUFFER = 64 << 10;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int MODALITY = 0x00080060;
    private static final Path DROP_CACHES = Paths.get("/proc/sys/vm/drop_caches");

    /** One timed run: files seen, bytes read in total, wall seconds. */
    record Run(long files, long bytes, long okFiles, double seconds) {
    }

    interface Method {
        Run run() throws Exception;
    }

    private final SparkSession spark;
    private final String archive;
    private final Map<String, List<Long>> diskKbPerRun = new LinkedHashMap<>();

    SourceBenchmark(SparkSession spark, String archive) {
        this.spark = spark;
        this.archive = archive;
    }

    public static void main(String[] args) throws Exception {
        String archive = null;
        int repeat = 3;
        boolean cold = false;
        String truth = null;
        List<Integer> extraFpp = new ArrayList<>();
        List<Integer> ioThreads = new ArrayList<>();
        List<Integer> listingThreads = new ArrayList<>();
        int latencyMillis = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--archive" -> archive = Paths.get(args[++i]).toAbsolutePath().normalize().toString();
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--cold" -> cold = true;
                case "--truth" -> truth = args[++i];
                case "--fpp" -> Arrays.stream(args[++i].split(",")).filter(s -> !s.isBlank())
                        .map(Integer::parseInt).forEach(extraFpp::add);
                case "--io-threads" -> Arrays.stream(args[++i].split(",")).filter(s -> !s.isBlank())
                        .map(Integer::parseInt).forEach(ioThreads::add);
                case "--listing-threads" -> Arrays.stream(args[++i].split(",")).filter(s -> !s.isBlank())
                        .map(Integer::parseInt).forEach(listingThreads::add);
                case "--latency-ms" -> latencyMillis = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (archive == null || repeat < 1) {
            System.err.println("usage: SourceBenchmark --archive DIR [--repeat R] [--cold] [--fpp N,M]"
                    + " [--io-threads N,M] [--listing-threads N,M] [--latency-ms N] [--truth DIR]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("dicom-catalog-source-benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            new SourceBenchmark(spark, archive).run(repeat, cold, truth, extraFpp, ioThreads, listingThreads,
                    latencyMillis);
        } finally {
            spark.stop();
        }
    }

    void run(int repeat, boolean cold, String truth, List<Integer> extraFpp, List<Integer> ioThreads,
            List<Integer> listingThreads, int latencyMillis) throws Exception {
        Map<String, Method> methods = new LinkedHashMap<>();
        methods.put("dicom source", () -> ours(Map.of()));
        methods.put("binaryFile + parser", this::binaryFile);
        methods.put("I/O limit (open/read 64 KiB/close, 2 threads)", this::ioLimit);
        int tasks = spark.read().format("dicom").load(archive).rdd().getNumPartitions();
        methods.put("I/O limit in Spark (same loop, " + tasks + " tasks as the source)", () -> ioLimitInSpark(tasks));
        methods.put("header reader alone (no Spark, 2 threads)", this::readerAlone);
        // concurrent opens and listings matter most with a cold cache: these rows run cold too
        for (int n : ioThreads) {
            methods.put("dicom source, ioThreads=" + n, () -> ours(Map.of("ioThreads", String.valueOf(n))));
        }
        methods.put("dicom source, path + file_size only (no file opened)", () -> listingOnly(Map.of()));
        for (int n : listingThreads) {
            Map<String, String> listing = Map.of("listingThreads", String.valueOf(n));
            methods.put("dicom source, listingThreads=" + n, () -> ours(listing));
            methods.put("dicom source, path + file_size only, listingThreads=" + n, () -> listingOnly(listing));
        }
        int coldRows = methods.size();
        for (int fpp : extraFpp) {
            methods.put("dicom source, filesPerPartition=" + fpp,
                    () -> ours(Map.of("filesPerPartition", String.valueOf(fpp))));
        }
        if (latencyMillis > 0) {
            // an object store stand-in: every open waits; warm only, the wait dwarfs the disk
            for (int n : withOne(ioThreads)) {
                methods.put("dicom source, " + latencyMillis + " ms per open, ioThreads=" + n,
                        () -> ours(Map.of("ioThreads", String.valueOf(n),
                                "fs.file.impl", LatencyFileSystem.class.getName(),
                                "fs.file.impl.disable.cache", "true",
                                LatencyFileSystem.MILLIS, String.valueOf(latencyMillis))));
            }
        }
        System.out.printf(Locale.ROOT, "archive %s, %d timed rounds, local[2], spark.sql.shuffle.partitions=2%n",
                archive, repeat);
        for (Map.Entry<String, Method> m : methods.entrySet()) {
            Run warmup = m.getValue().run();
            System.out.printf(Locale.ROOT, "warm-up  %-48s %6d files %8.2f s%n", m.getKey(), warmup.files(),
                    warmup.seconds());
        }
        Map<String, List<Run>> warm = rounds(methods, repeat, false);
        print("warm page cache (files read once before, median of " + repeat + ")", warm);
        if (cold) {
            if (dropCaches()) {
                // the extra filesPerPartition rows are warm only: cold rounds cost a full disk read each
                Map<String, Method> coldMethods = new LinkedHashMap<>();
                methods.entrySet().stream().limit(coldRows).forEach(e -> coldMethods.put(e.getKey(), e.getValue()));
                Map<String, List<Run>> coldRuns = rounds(coldMethods, repeat, true);
                print("cold page cache (sync; echo 3 > /proc/sys/vm/drop_caches before each run, median of "
                        + repeat + ")", coldRuns);
                printDiskReads(coldRuns);
            } else {
                System.out.println("cold: cannot drop the page cache here (" + DROP_CACHES
                        + " not writable); warm figures only");
            }
        }
        if (truth != null) {
            checkBytesRead(Paths.get(truth));
        }
    }

    private Map<String, List<Run>> rounds(Map<String, Method> methods, int repeat, boolean cold)
            throws Exception {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int round = 1; round <= repeat; round++) {
            for (Map.Entry<String, Method> m : methods.entrySet()) {
                if (cold) {
                    dropCaches();
                }
                long diskKbBefore = cold ? diskKb() : 0;
                Run r = m.getValue().run();
                if (cold) {
                    diskKbPerRun.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(diskKb() - diskKbBefore);
                }
                runs.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(r);
                System.out.printf(Locale.ROOT, "%s round %d %-48s %6d files %8.2f s %10.0f files/s%n",
                        cold ? "cold" : "warm", round, m.getKey(), r.files(), r.seconds(), r.files() / r.seconds());
            }
        }
        return runs;
    }

    /**
     * KB the kernel read from block devices since boot (/proc/vmstat pgpgin): around a cold run, what the
     * disk delivered, read-ahead included, which the bytes a method asks for do not show. -1 where unknown.
     */
    private static long diskKb() throws IOException {
        Path vmstat = Paths.get("/proc/vmstat");
        if (!Files.isReadable(vmstat)) {
            return -1;
        }
        return Files.readAllLines(vmstat).stream().filter(l -> l.startsWith("pgpgin ")).findFirst()
                .map(l -> Long.parseLong(l.substring("pgpgin ".length()).trim())).orElse(-1L);
    }

    private void printDiskReads(Map<String, List<Run>> coldRuns) throws IOException {
        System.out.println();
        System.out.println("### read from disk in the cold runs (/proc/vmstat pgpgin, read-ahead included; "
                + "read_ahead_kb of the devices: " + readAheadKb() + ")");
        System.out.println();
        System.out.println("| method | KB from disk per file (median) | KB asked for per file |");
        System.out.println("|---|---:|---:|");
        for (Map.Entry<String, List<Long>> e : diskKbPerRun.entrySet()) {
            double median = median(e.getValue().stream().mapToDouble(Long::doubleValue).sorted().toArray());
            Run first = coldRuns.get(e.getKey()).get(0);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", e.getKey(), median / first.files(),
                    first.bytes() / 1024.0 / first.files());
        }
    }

    private static String readAheadKb() throws IOException {
        List<String> settings = new ArrayList<>();
        try (var devices = Files.newDirectoryStream(Paths.get("/sys/block"))) {
            for (Path device : devices) {
                Path setting = device.resolve("queue/read_ahead_kb");
                if (!device.getFileName().toString().startsWith("loop") && Files.isReadable(setting)) {
                    settings.add(device.getFileName() + "=" + Files.readString(setting).trim());
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return settings.isEmpty() ? "unknown" : String.join(", ", settings);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void print(String title, Map<String, List<Run>> runs) {
        System.out.println();
        System.out.println("### " + title);
        System.out.println();
        System.out.println("| method | files | wall s (median) | min – max s | files/s | bytes read per file |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> list = e.getValue();
            double[] s = list.stream().mapToDouble(Run::seconds).sorted().toArray();
            double median = median(s);
            Run first = list.get(0);
            rate.put(e.getKey(), first.files() / median);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f – %.2f | %,.0f | %,.0f |%n", e.getKey(),
                    first.files(), median, s[0], s[s.length - 1], first.files() / median,
                    (double) first.bytes() / first.files());
        }
        List<String> names = new ArrayList<>(rate.keySet());
        double ours = rate.get(names.get(0));
        System.out.println();
        System.out.printf(Locale.ROOT, "ratio dicom source / binaryFile + parser (files/s): %.1fx (target >= 20x)%n",
                ours / rate.get(names.get(1)));
        System.out.printf(Locale.ROOT, "ratio dicom source / I/O limit (files/s): %.2fx (target >= 0.8x)%n",
                ours / rate.get(names.get(2)));
        System.out.printf(Locale.ROOT, "ratio dicom source / I/O limit in Spark (files/s): %.2fx (target >= 0.8x)%n",
                ours / rate.get(names.get(3)));
        System.out.printf(Locale.ROOT, "ratio header reader alone / I/O limit (files/s): %.2fx%n",
                rate.get(names.get(4)) / rate.get(names.get(2)));
        System.out.println();
    }

    private static List<Integer> withOne(List<Integer> ioThreads) {
        List<Integer> all = new ArrayList<>(List.of(1));
        ioThreads.stream().filter(n -> n != 1).forEach(all::add);
        return all;
    }

    /** a) the dicom source; every selected column is aggregated so that none is pruned away. */
    Run ours(Map<String, String> options) {
        long start = System.nanoTime();
        Row r = spark.read().format("dicom").options(options).load(archive)
                .select("path", "status", "SOPInstanceUID", "Modality", "bytes_read")
                .agg(count(lit(1)), count(col("path")), count(col("status")), count(col("SOPInstanceUID")),
                        count(col("Modality")), sum(col("bytes_read")),
                        sum(when(col("status").equalTo("OK"), 1).otherwise(0)))
                .collectAsList().get(0);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(r.getLong(0), r.getLong(5), r.getLong(6), seconds);
    }

    /** Where the time goes: the same scan with only file columns selected, so no file is opened. */
    Run listingOnly(Map<String, String> options) {
        long start = System.nanoTime();
        Row r = spark.read().format("dicom").options(options).load(archive).select("path", "file_size")
                .agg(count(lit(1)), count(col("path")), sum(col("file_size")))
                .collectAsList().get(0);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(r.getLong(0), 0, 0, seconds);
    }

    /** b) binaryFile loads every file whole; each content goes through the header reader. */
    Run binaryFile() {
        long start = System.nanoTime();
        Dataset<Tuple2<String, Long>> parsed = spark.read().format("binaryFile")
                .option("recursiveFileLookup", "true")
                .load(archive)
                .select("path", "content")
                .map((MapFunction<Row, Tuple2<String, Long>>) row -> {
                    byte[] content = row.getAs("content");
                    DicomHeader header = DicomReader.read(DicomSource.of(content), ReadOptions.DEFAULTS);
                    return new Tuple2<>(header.status().name(), (long) content.length);
                }, Encoders.tuple(Encoders.STRING(), Encoders.LONG()));
        Row r = parsed.agg(count(lit(1)), sum(col("_2")), sum(when(col("_1").equalTo("OK"), 1).otherwise(0)))
                .collectAsList().get(0);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2), seconds);
    }

    /** c) the I/O limit: list (Files.walk), then open, read up to 64 KiB, close, on 2 threads. */
    Run ioLimit() throws Exception {
        return onTwoThreads(() -> {
            byte[] buffer = new byte[IO_BUFFER];
            return file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return in.readNBytes(buffer, 0, IO_BUFFER);
                }
            };
        });
    }

    /**
     * e) the header reader without Spark, on 2 threads, reading what the source's query reads (the whole
     * header, kept: SOPInstanceUID and Modality): against c) it says what the reader costs, against a)
     * what Spark adds.
     */
    Run readerAlone() throws Exception {
        ReadOptions query = ReadOptions.DEFAULTS.withKeptTags(SOP_INSTANCE_UID, MODALITY);
        return onTwoThreads(() -> file -> DicomReader.read(file, query).bytesRead());
    }

    /** What a thread does to one file; returns the bytes it read. */
    private interface FileWork {
        long read(Path file) throws IOException;
    }

    /** Lists with Files.walk, then has 2 threads take files in turn, each with its own FileWork. */
    private Run onTwoThreads(Supplier<FileWork> perThread) throws Exception {
        long start = System.nanoTime();
        List<Path> files = listFiles();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    FileWork work = perThread.get();
                    long bytes = 0;
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        bytes += work.read(files.get(i));
                    }
                    return bytes;
                }));
            }
            long bytes = 0;
            for (Future<Long> f : parts) {
                bytes += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(files.size(), bytes, 0, seconds);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * d) the I/O limit as Spark runs it: the same loop in Spark tasks, as many as the source plans for this
     * archive, in the same session; the driver lists with Files.walk, as the source lists a local archive.
     */
    Run ioLimitInSpark(int tasks) throws IOException {
        long start = System.nanoTime();
        List<String> files = listFiles().stream().map(Path::toString).toList();
        long bytes = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, tasks)
                .mapPartitions(SourceBenchmark::readHeads).reduce(Long::sum);
        return new Run(files.size(), bytes, 0, (System.nanoTime() - start) / 1e9);
    }

    /** Opens each file, reads up to 64 KiB, closes it; the bytes read in all. */
    private static Iterator<Long> readHeads(Iterator<String> paths) throws IOException {
        byte[] buffer = new byte[IO_BUFFER];
        long bytes = 0;
        while (paths.hasNext()) {
            try (InputStream in = Files.newInputStream(Paths.get(paths.next()))) {
                bytes += in.readNBytes(buffer, 0, IO_BUFFER);
            }
        }
        return List.of(bytes).iterator();
    }

    private List<Path> listFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Paths.get(archive))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean dropCaches() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(DROP_CACHES, "3\n");
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Untimed: bytes read per file against the ground truth header size (files.jsonl header_size): how many
     * files stay within header + the reader's first 8 KiB chunk, and within header + one 64 KiB buffer.
     */
    private void checkBytesRead(Path truthDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, long[]> truth = new HashMap<>();
        for (String line : Files.readAllLines(truthDir.resolve("files.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            truth.put(n.get("path").asText(), new long[] {n.get("size").asLong(),
                    n.path("header_size").isNumber() ? n.get("header_size").asLong() : -1});
        }
        List<Row> rows = spark.read().format("dicom").load(archive).select("path", "bytes_read", "file_size")
                .collectAsList();
        long files = 0;
        long matched = 0;
        long headerBytes = 0;
        long fileBytes = 0;
        long readBytes = 0;
        long within8k = 0;
        long within64k = 0;
        long worstExcess = Long.MIN_VALUE;
        String worst = null;
        String prefix = archive.endsWith("/") ? archive : archive + "/";
        for (Row row : rows) {
            files++;
            String path = row.getString(0);
            int at = path.indexOf(prefix);
            String rel = at >= 0 ? path.substring(at + prefix.length()) : path;
            long[] t = truth.get(rel);
            long read = row.isNullAt(1) ? 0 : row.getLong(1);
            readBytes += read;
            fileBytes += row.getLong(2);
            if (t == null || t[1] < 0) {
                continue;
            }
            matched++;
            headerBytes += t[1];
            long excess = read - t[1];
            if (read <= t[1] + 8192 || read <= Math.min(t[0], 8192)) {
                within8k++;
            }
            if (read <= t[1] + IO_BUFFER) {
                within64k++;
            }
            if (excess > worstExcess) {
                worstExcess = excess;
                worst = rel + " (header " + t[1] + ", read " + read + ", size " + t[0] + ")";
            }
        }
        System.out.println("### bytes read against the ground truth (files.jsonl header_size)");
        System.out.println();
        System.out.printf(Locale.ROOT, "files %,d (with a header size in the truth: %,d); file bytes %,d (mean %,.0f)%n",
                files, matched, fileBytes, (double) fileBytes / files);
        System.out.printf(Locale.ROOT, "mean header size %,.0f B; mean bytes_read %,.0f B per file%n",
                (double) headerBytes / matched, (double) readBytes / files);
        System.out.printf(Locale.ROOT, "bytes_read <= header + 8 KiB (first chunk): %,d of %,d;"
                + " <= header + 64 KiB (one buffer): %,d of %,d%n", within8k, matched, within64k, matched);
        System.out.println("largest excess over the header: " + worstExcess + " B, " + worst);
    }
}
