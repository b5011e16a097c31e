package org.dicomcatalog.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of the JMH figures on a busy machine: runs the same benchmark methods in one thread and
 * divides by the thread's CPU time rather than wall time, so time lost to other processes does not count.
 * (It still counts cache and frequency effects of sharing the machine.) Not a substitute for JMH: no fork
 * per benchmark, no dead-code protection beyond returning results into a sink. Run through
 * {@code jobs/bench/header-reader.sh --cpu-time}.
 */
final class CpuTimeCheck {
    private static final long WARMUP_NANOS = 6_000_000_000L;
    private static final long ROUND_CPU_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 5;

    private interface Op {
        long run() throws Exception;
    }

    private CpuTimeCheck() {
    }

    static void run() throws Exception {
        HeaderReadBenchmark b = new HeaderReadBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("headerFromMemory", b::headerFromMemory);
        ops.put("headerAndValuesFromMemory", () -> {
            b.headerAndValuesFromMemory(bh);
            return 1;
        });
        ops.put("headerFromFile", b::headerFromFile);
        ops.put("wholeFileFromFile", b::wholeFileFromFile);
        ops.put("wholeFileThenParse", b::wholeFileThenParse);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        try {
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                Op op = e.getValue();
                long until = System.nanoTime() + WARMUP_NANOS;
                while (System.nanoTime() < until) {
                    sink += op.run();
                }
                double[] perCpuSecond = new double[ROUNDS];
                double[] perWallSecond = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    long n = 0;
                    long cpu;
                    do {
                        for (int i = 0; i < 256; i++) {
                            sink += op.run();
                        }
                        n += 256;
                        cpu = threads.getCurrentThreadCpuTime() - cpu0;
                    } while (cpu < ROUND_CPU_NANOS);
                    perCpuSecond[r] = n * 1e9 / cpu;
                    perWallSecond[r] = n * 1e9 / (System.nanoTime() - wall0);
                }
                Arrays.sort(perCpuSecond);
                Arrays.sort(perWallSecond);
                System.out.printf("%-28s ops per CPU-second: median %,10.0f (min %,10.0f, max %,10.0f); "
                        + "per wall-second: median %,10.0f%n", e.getKey(), perCpuSecond[ROUNDS / 2],
                        perCpuSecond[0], perCpuSecond[ROUNDS - 1], perWallSecond[ROUNDS / 2]);
            }
        } finally {
            b.tearDown();
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
