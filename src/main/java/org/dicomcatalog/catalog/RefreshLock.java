package org.dicomcatalog.catalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One build or refresh per catalog at a time: the file {@code CATALOG/_lock}, created exclusively, holding its
 * {@link LockOwner}. While held, a daemon thread touches it every lease/3 (the heartbeat). A lock is stale when
 * its owner ran on this host and its process is gone, or when its heartbeat is older than the lease; a stale
 * lock is first renamed to a unique name, which only one of several racing runs can do, then created anew.
 */
public final class RefreshLock implements AutoCloseable {
    static final String LOCK = "_lock";
    private static final String ASIDE = "_lock.stale-";

    private final FileSystem fs;
    private final Path lock;
    private final LockOwner owner;
    private final ScheduledExecutorService heartbeat;

    private RefreshLock(FileSystem fs, Path lock, LockOwner owner, Duration lease) {
        this.fs = fs;
        this.lock = lock;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refresh-lock-heartbeat");
            // a run that forgets close() must still be able to exit
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock of {@code catalog} (created if missing), recovering a stale one.
     *
     * @throws LockHeldException when another live run holds it; the message names that run
     */
    public static RefreshLock acquire(String catalog, Configuration hadoopConf, Duration lease) throws IOException {
        Path root = new Path(catalog);
        FileSystem any = root.getFileSystem(hadoopConf);
        FileSystem fs = any instanceof LocalFileSystem local ? local.getRaw() : any;
        Path dir = fs.makeQualified(root);
        fs.mkdirs(dir);
        Path lock = new Path(dir, LOCK);
        LockOwner me = LockOwner.current();
        if (!create(fs, lock, me)) {
            recoverIfStale(fs, lock, lease);
            if (!create(fs, lock, me)) {
                throw held(fs, lock, lease, "it was taken while recovering a stale lock");
            }
        }
        return new RefreshLock(fs, lock, me, lease);
    }

    /** Exclusive create: false when the lock exists. */
    private static boolean create(FileSystem fs, Path lock, LockOwner owner) throws IOException {
        if (isLocal(lock)) {
            // O_EXCL: Hadoop's local create(overwrite=false) checks, then creates, which two runs can both pass
            try {
                Files.write(Paths.get(lock.toUri()), owner.toJson(), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream out = fs.create(lock, false)) {
            out.write(owner.toJson());
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Removes the lock when stale; throws {@link LockHeldException} when it is not. */
    private static void recoverIfStale(FileSystem fs, Path lock, Duration lease) throws IOException {
        FileStatus seen;
        byte[] content;
        try {
            seen = fs.getFileStatus(lock);
            content = read(fs, lock);
        } catch (FileNotFoundException released) {
            return;
        }
        Optional<LockOwner> owner = LockOwner.parse(content);
        boolean dead = owner.map(LockOwner::deadOnThisHost).orElse(false);
        if (!dead && ageMillis(seen) <= lease.toMillis()) {
            throw held(fs, lock, lease, "");
        }
        Path aside = new Path(lock.getParent(), ASIDE + UUID.randomUUID());
        if (!moveAside(fs, lock, aside)) {
            return;
        }
        FileStatus moved = fs.getFileStatus(aside);
        if (Arrays.equals(read(fs, aside), content) && moved.getModificationTime() == seen.getModificationTime()) {
            fs.delete(aside, false);
            return;
        }
        // another run recovered the stale lock first and we moved its new one: give it back
        if (!restore(fs, aside, lock)) {
            throw new LockHeldException("lost a race recovering the stale lock " + lock + ": the lock of "
                    + LockOwner.parse(read(fs, aside)).map(Object::toString).orElse("an unknown run")
                    + " is at " + aside + " and a third run created " + lock);
        }
        throw held(fs, lock, lease, "another run recovered the stale lock first");
    }

    private static boolean moveAside(FileSystem fs, Path lock, Path aside) throws IOException {
        if (isLocal(lock)) {
            try {
                Files.move(Paths.get(lock.toUri()), Paths.get(aside.toUri()), StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }
        try {
            return fs.rename(lock, aside);
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    /** Puts a lock back without replacing one created meanwhile. */
    private static boolean restore(FileSystem fs, Path aside, Path lock) throws IOException {
        if (isLocal(lock)) {
            try {
                // a hard link fails when the target exists, unlike a rename
                Files.createLink(Paths.get(lock.toUri()), Paths.get(aside.toUri()));
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            fs.delete(aside, false);
            return true;
        }
        // HDFS refuses to rename onto an existing file
        return fs.rename(aside, lock);
    }

    private static LockHeldException held(FileSystem fs, Path lock, Duration lease, String why) throws IOException {
        String holder;
        long age;
        try {
            age = ageMillis(fs.getFileStatus(lock));
            holder = LockOwner.parse(read(fs, lock)).map(Object::toString).orElse("a run still writing its lock");
        } catch (FileNotFoundException released) {
            age = 0;
            holder = "a run that has just released it";
        }
        return new LockHeldException("catalog " + lock.getParent() + " is locked by another build or refresh ("
                + holder + "); its heartbeat is " + age / 1000 + " s old and it counts as stale after "
                + lease.toSeconds() + " s (lockLeaseSeconds) or when its process is gone on its host; lock file "
                + lock + (why.isEmpty() ? "" : "; " + why));
    }

    private static long ageMillis(FileStatus status) {
        return System.currentTimeMillis() - status.getModificationTime();
    }

    private static byte[] read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    private static boolean isLocal(Path qualified) {
        return "file".equals(qualified.toUri().getScheme());
    }

    private void beat() {
        try {
            fs.setTimes(lock, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // a missed beat only ages the lock; the next one, lease/3 later, tries again
        }
    }

    /** Stops the heartbeat and deletes the lock if it is still ours. */
    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        try {
            if (LockOwner.parse(read(fs, lock)).map(o -> o.id().equals(owner.id())).orElse(false)) {
                fs.delete(lock, false);
            }
        } catch (FileNotFoundException gone) {
            // recovered by another run as stale: nothing of ours to delete
        }
    }
}
