package org.dicomcatalog.bench;

/**
 * Entry point for the JMH benchmarks in the test classes: {@code java -cp ... org.dicomcatalog.bench.BenchmarkMain
 * HeaderReadBenchmark -prof gc}. With {@code --fixture} it prints what the CT fixture holds instead; with
 * {@code --cpu-time} it runs {@link CpuTimeCheck}.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--fixture")) {
            System.out.println(CtHeaderFixture.describe());
            return;
        }
        if (args.length == 1 && args[0].equals("--cpu-time")) {
            CpuTimeCheck.run();
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
