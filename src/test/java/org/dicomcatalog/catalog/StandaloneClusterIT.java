package org.dicomcatalog.catalog;

import static org.dicomcatalog.catalog.Archive.instance;
import static org.dicomcatalog.catalog.Archive.patient;
import static org.dicomcatalog.catalog.Archive.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.dicomcatalog.spark.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: the shaded job jar runs unchanged through spark-submit on a real Spark standalone cluster, a master
 * and two workers started here as child JVMs on loopback. Their classpath is Spark's jars from the test
 * classpath only (a SPARK_HOME of links to them, which the workers also use for their executors): our classes
 * reach the driver and the executors from the shaded jar alone. Runs in {@code mvn verify} (failsafe) after
 * package has built target/dicom-catalog-job.jar.
 */
class StandaloneClusterIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(300);
    private static final int STUDIES = 3;
    private static final int SERIES_PER_STUDY = 2;
    private static final int INSTANCES_PER_SERIES = 3;

    private static final List<Process> children = new ArrayList<>();
    private static Path dir;
    private static Path jobJar;
    private static Path sparkHome;
    private static String opens;
    private static int masterPort;
    private static int masterUiPort;

    @BeforeAll
    static void startCluster() throws Exception {
        jobJar = Path.of(System.getProperty("dicomcatalog.jobJar", "target/dicom-catalog-job.jar"));
        assumeTrue(Files.isRegularFile(jobJar), "skipped: no shaded job jar at " + jobJar
                + " (run through mvn verify, which builds it in package)");
        dir = Path.of(System.getProperty("dicomcatalog.itDir", "target/it")).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        opens = System.getProperty("dicomcatalog.sparkOpens", "");
        sparkHome = sparkHomeOfTestClasspath(dir.resolve("spark-home"));

        masterPort = freePort();
        masterUiPort = freePort();
        // no REST submission server: its fixed port (6066) would clash with other builds on the machine
        start("master", List.of("-Dspark.master.rest.enabled=false"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterUiPort));
        for (int w = 1; w <= 2; w++) {
            Path workDir = Files.createDirectories(dir.resolve("worker" + w));
            start("worker" + w, List.of(), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()),
                    "--work-dir", workDir.toString(), masterUrl());
        }
        awaitAliveWorkers(2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : children) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        children.clear();
    }

    @Test
    void theShadedJarBuildsACatalogThroughSparkSubmit() throws Exception {
        Path archive = dir.resolve("archive");
        int files = 0;
        for (int st = 1; st <= STUDIES; st++) {
            for (int se = 1; se <= SERIES_PER_STUDY; se++) {
                for (int i = 1; i <= INSTANCES_PER_SERIES; i++) {
                    String study = "7." + st;
                    String series = study + "." + se;
                    write(patient(instance(study, series, series + "." + i, se == 1 ? "CT" : "MR"),
                            "P" + st, "19700101", "F"), archive.resolve("s" + st + "/" + se + "/" + i + ".dcm"));
                    files++;
                }
            }
        }
        write("not an image".getBytes(StandardCharsets.US_ASCII), archive.resolve("notes.txt"));
        Path catalog = dir.resolve("catalog");

        List<String> command = javaCommand(List.of(), "org.apache.spark.deploy.SparkSubmit");
        command.addAll(List.of(
                "--master", masterUrl(), "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.executor.memory=512m",
                "--conf", "spark.sql.shuffle.partitions=4",
                "--conf", "spark.driver.extraJavaOptions=" + opens,
                "--conf", "spark.executor.extraJavaOptions=" + opens,
                "--class", "org.dicomcatalog.cli.Main", jobJar.toString(),
                // 4 files a task: the 19 files make 5 tasks, shared by both executors
                "build", "--input", archive.toString(), "--output", catalog.toString(),
                "--set", "filesPerPartition=4"));
        Process submit = start("submit", command);
        boolean done = submit.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(done, "spark-submit still running after " + JOB_TIMEOUT + "\n" + tail("submit"));
        assertEquals(0, submit.exitValue(), "spark-submit failed\n" + tail("submit"));

        String master = masterJson();
        // spark-submit names the application after the main class
        assertTrue(Pattern.compile("\"completedapps\"[\\s\\S]*\"name\" : \"org.dicomcatalog.cli.Main\"[\\s\\S]*"
                + "\"state\" : \"FINISHED\"").matcher(master).find(),
                "the build ran as an application of the cluster: " + master);
        assertTrue(Files.exists(catalog.resolve(Snapshots.CURRENT)), "CURRENT published");
        SparkSession spark = SparkTestSession.get();
        CatalogReader.registerViews(spark, catalog.toString());
        assertEquals(files, count(spark, "instances"));
        assertEquals(STUDIES * SERIES_PER_STUDY, count(spark, "series"));
        assertEquals(STUDIES, count(spark, "studies"));
        assertEquals(STUDIES, count(spark, "patients"));
        assertEquals(1L, count(spark, "rejects"));
        assertEquals("NOT_DICOM", spark.sql("SELECT reason FROM rejects").first().getString(0));
        // both workers ran an executor that ran tasks: its stderr, under the worker's work dir, says so
        for (int w = 1; w <= 2; w++) {
            try (Stream<Path> logs = Files.walk(dir.resolve("worker" + w))) {
                assertTrue(logs.filter(p -> p.getFileName().toString().equals("stderr"))
                        .anyMatch(StandaloneClusterIT::ranATask), "worker" + w + " ran tasks");
            }
        }
    }

    private static boolean ranATask(Path executorLog) {
        try {
            return Files.readString(executorLog, StandardCharsets.UTF_8).contains("Finished task");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(SparkSession spark, String table) {
        return spark.sql("SELECT count(*) FROM " + table).first().getLong(0);
    }

    private static String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** A folder whose jars/ links to every jar of the test classpath but ours: what a Spark install holds. */
    private static Path sparkHomeOfTestClasspath(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("dicom-catalog") && !name.startsWith("surefire")
                    && Files.isRegularFile(p) && !Files.exists(jars.resolve(name))) {
                Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
            }
        }
        try (Stream<Path> s = Files.list(jars)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("spark-core")),
                    "spark-core on the test classpath (failsafe must not use a manifest-only jar)");
        }
        return home;
    }

    private static List<String> javaCommand(List<String> jvmOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList(opens.trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        return command;
    }

    private static Process start(String name, List<String> jvmOptions, String mainClass, String... args)
            throws IOException {
        List<String> command = javaCommand(jvmOptions, mainClass);
        command.addAll(Arrays.asList(args));
        return start(name, command);
    }

    private static Process start(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_LOG_DIR", dir.toString());
        // a Spark install names its Scala version in its scripts; without them the launcher looks for a build
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().remove("SPARK_CONF_DIR");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static void awaitAliveWorkers(int expected) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        int seen = -1;
        while (System.nanoTime() < deadline) {
            for (Process p : children) {
                assertTrue(p.isAlive(), "a cluster process died\n" + tail("master") + tail("worker1") + tail("worker2"));
            }
            try {
                Matcher m = alive.matcher(masterJson());
                if (m.find()) {
                    seen = Integer.parseInt(m.group(1));
                    if (seen >= expected) {
                        return;
                    }
                }
            } catch (IOException notUpYet) {
                // the master's web UI is not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the master saw " + seen + " alive workers after " + START_TIMEOUT + "\n"
                + tail("master") + tail("worker1") + tail("worker2"));
    }

    private static String masterJson() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
            return "--- " + name + ".log (last 60 lines)\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
        } catch (IOException e) {
            return "--- " + name + ".log unreadable: " + e + "\n";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
