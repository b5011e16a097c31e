package org.dicomcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build or refresh per catalog: exclusive lock, stale lock recovery (also when racing), heartbeat. */
class RefreshLockTest {
    private static final Duration LEASE = Duration.ofHours(1);

    @TempDir
    Path catalog;

    private RefreshLock acquire(Duration lease) throws IOException {
        return RefreshLock.acquire(catalog.toString(), new Configuration(), lease);
    }

    private Path lockFile() {
        return catalog.resolve(RefreshLock.LOCK);
    }

    private void leaveLock(String host, long pid, Instant heartbeat) throws IOException {
        LockOwner owner = new LockOwner("left-behind", host, pid, "2026-01-01T00:00:00Z", "Main refresh");
        Files.write(lockFile(), owner.toJson());
        Files.setLastModifiedTime(lockFile(), FileTime.from(heartbeat));
    }

    private LockOwner owner() throws IOException {
        return LockOwner.parse(Files.readAllBytes(lockFile())).orElseThrow();
    }

    @Test
    void aSecondAcquireFailsNamingTheOwnerAndCloseReleases() throws IOException {
        try (RefreshLock held = acquire(LEASE)) {
            LockHeldException e = assertThrows(LockHeldException.class, () -> acquire(LEASE));
            assertTrue(e.getMessage().contains("host " + LockOwner.localHost() + ", pid "
                    + ProcessHandle.current().pid() + ", started "), e.getMessage());
            assertTrue(e.getMessage().contains(lockFile().toString()), e.getMessage());
        }
        assertFalse(Files.exists(lockFile()));
        acquire(LEASE).close();
    }

    @Test
    void theLockFileNamesThisProcess() throws IOException {
        try (RefreshLock held = acquire(LEASE)) {
            assertEquals(ProcessHandle.current().pid(), owner().pid());
            assertEquals(LockOwner.localHost(), owner().host());
        }
    }

    @Test
    void aLockLeftByADeadProcessOfThisHostIsRecoveredWithinTheLease() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(gone.waitFor(60, TimeUnit.SECONDS));
        leaveLock(LockOwner.localHost(), gone.pid(), Instant.now());

        try (RefreshLock recovered = acquire(LEASE)) {
            assertEquals(ProcessHandle.current().pid(), owner().pid());
        }
        assertEquals(List.of(), names(), "no lock and nothing moved aside is left");
    }

    @Test
    void anOldLockFromAnotherHostIsRecoveredAfterTheLease() throws IOException {
        leaveLock("another-host", 1, Instant.now().minus(Duration.ofHours(2)));

        try (RefreshLock recovered = acquire(LEASE)) {
            assertEquals(ProcessHandle.current().pid(), owner().pid());
        }
    }

    @Test
    void aFreshLockFromAnotherHostIsKept() throws IOException {
        leaveLock("another-host", 1, Instant.now().minus(Duration.ofMinutes(5)));

        LockHeldException e = assertThrows(LockHeldException.class, () -> acquire(LEASE));

        assertTrue(e.getMessage().contains("host another-host, pid 1, started 2026-01-01T00:00:00Z, command Main"
                + " refresh"), e.getMessage());
        assertEquals("left-behind", owner().id());
    }

    @Test
    void closeLeavesALockThatIsNoLongerOurs() throws IOException {
        RefreshLock ours = acquire(LEASE);
        leaveLock("another-host", 1, Instant.now());

        ours.close();

        assertEquals("left-behind", owner().id());
    }

    @Test
    void theHeartbeatKeepsTheLockFresh() throws Exception {
        try (RefreshLock held = acquire(Duration.ofMillis(300))) {
            Instant old = Instant.parse("2020-01-01T00:00:00Z");
            Files.setLastModifiedTime(lockFile(), FileTime.from(old));
            // the beat is due every 100 ms; the deadline only bounds a broken heartbeat
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.getLastModifiedTime(lockFile()).toInstant().equals(old) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.getLastModifiedTime(lockFile()).toInstant().isAfter(old));
        }
    }

    @Test
    void twoRunsRacingToRecoverOneStaleLockExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                leaveLock("another-host", 1, Instant.now().minus(Duration.ofHours(2)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<RefreshLock>> racers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        try {
                            return acquire(LEASE);
                        } catch (LockHeldException lost) {
                            return null;
                        }
                    }));
                }
                List<RefreshLock> winners = new ArrayList<>();
                for (Future<RefreshLock> f : racers) {
                    RefreshLock won = f.get(60, TimeUnit.SECONDS);
                    if (won != null) {
                        winners.add(won);
                    }
                }
                assertEquals(1, winners.size(), "round " + round);
                assertEquals(ProcessHandle.current().pid(), owner().pid());
                assertEquals(List.of(RefreshLock.LOCK), names(), "round " + round + ": nothing left aside");
                winners.get(0).close();
                assertEquals(List.of(), names());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(catalog)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anUnreadableLockCountsAsHeldUntilTheLeaseEnds() throws IOException {
        Files.writeString(lockFile(), "", StandardCharsets.UTF_8);

        LockHeldException e = assertThrows(LockHeldException.class, () -> acquire(LEASE));

        assertTrue(e.getMessage().contains("a run still writing its lock"), e.getMessage());
    }
}
