package org.dicomcatalog.spark;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ErrorCode;

/**
 * Opens and reads the headers of a task's files, in listing order. With ioThreads above 1 the next files
 * are read ahead on a small pool, at most ioThreads at a time: on an object store a file costs a round
 * trip or two of latency and little else, so overlapping them is what makes a task faster. Adaptive
 * ioThreads read one file at a time while files come fast (a warm page cache, where threads only add
 * overhead) and read ahead while they wait on storage (a cold disk, HDFS), judged every few hundred files
 * from how long a file took. Whatever a
 * file does to the reader, down to a VM error from a hostile file, stays in that file's result; only an
 * interrupted open or read (InterruptedIOException, ClosedByInterruptException) fails the task, as it means
 * the task is being killed, not that the file is bad.
 */
final class HeaderFetcher implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Files per judgement of an adaptive fetcher: enough that a GC pause does not decide alone. */
    static final int WINDOW = 256;
    /** Mean wall time per file above which an adaptive fetcher reads ahead. */
    static final long SLOW_NANOS = 100_000;
    private static final Path LOCAL_ROOT = new Path("file:///");

    private final Iterator<ListedFile> files;
    private final Configuration conf;
    private final ReadPlan plan;
    private final int ioThreads;
    private final boolean adaptive;
    /** Whether the next files are read ahead; fixed unless adaptive. */
    private boolean readingAhead;
    private ExecutorService pool;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    // files fetched and their wall time since the last judgement; read-ahead threads add to them
    private final AtomicInteger windowFiles = new AtomicInteger();
    private final AtomicLong windowNanos = new AtomicLong();

    private record Pending(ListedFile file, Future<FetchedHeader> result) {
    }

    /** The file system of the last file opened, and the scheme and authority it serves. */
    private record LastFileSystem(String scheme, String authority, FileSystem fs) {
        boolean serves(URI uri) {
            return Objects.equals(scheme, uri.getScheme()) && Objects.equals(authority, uri.getAuthority());
        }
    }

    // read-ahead threads share it; a race only looks the file system up once more
    private volatile LastFileSystem lastFileSystem;
    // whether "file:" is the plain local file system: null until a local path asks; a race asks twice
    private volatile Boolean localIsPlain;

    HeaderFetcher(List<ListedFile> files, Configuration conf, ReadPlan plan, IoThreads ioThreads) {
        this.files = files.iterator();
        this.conf = conf;
        this.plan = plan;
        // with no file to open there is nothing to overlap
        this.ioThreads = plan.opensFiles() ? ioThreads.max() : 1;
        this.adaptive = ioThreads.adaptive() && this.ioThreads > 1;
        this.readingAhead = !adaptive && this.ioThreads > 1;
        this.pool = readingAhead ? newPool(this.ioThreads) : null;
    }

    /** Whether the files are being read ahead now. */
    boolean readingAhead() {
        return readingAhead;
    }

    /** The next file's result, or null after the last file. */
    FetchedHeader next() throws IOException {
        if (adaptive) {
            judge();
        }
        if (!readingAhead && inFlight.isEmpty()) {
            return files.hasNext() ? fetch(files.next()) : null;
        }
        while (readingAhead && inFlight.size() < ioThreads && files.hasNext()) {
            ListedFile file = files.next();
            inFlight.add(new Pending(file, pool.submit(() -> fetch(file))));
        }
        Pending head = inFlight.poll();
        if (head == null) {
            return null;
        }
        try {
            return head.result().get();
        } catch (InterruptedException e) {
            // the task is being killed: let Spark see it, the pool goes in close()
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + head.file().path());
        } catch (ExecutionException e) {
            if (isInterruption(e.getCause())) {
                throw (IOException) e.getCause();
            }
            return FetchedHeader.failed(head.file(), ErrorCode.INTERNAL, false);
        }
    }

    /**
     * Every {@value #WINDOW} files, compares their mean wall time with {@value #SLOW_NANOS} ns: a warm
     * header takes 15-40 us, a cold local one 200 us or more, an HDFS one a round trip. Reading ahead stops
     * below half of it, so that a mean near the bound does not flip the mode at every judgement. Counts
     * added by a read-ahead thread during the judgement fall into one window or the next: either is fine.
     */
    private void judge() {
        int n = windowFiles.get();
        if (n < WINDOW) {
            return;
        }
        long mean = windowNanos.getAndSet(0) / n;
        windowFiles.set(0);
        if (!readingAhead && mean > SLOW_NANOS) {
            readingAhead = true;
            if (pool == null) {
                pool = newPool(ioThreads);
            }
        } else if (readingAhead && mean < SLOW_NANOS / 2) {
            readingAhead = false;
        }
    }

    private static boolean isInterruption(Throwable t) {
        return t instanceof InterruptedIOException || t instanceof ClosedByInterruptException;
    }

    private FetchedHeader fetch(ListedFile file) throws IOException {
        if (!plan.opensFiles()) {
            return FetchedHeader.notOpened(file);
        }
        if (!adaptive) {
            return openAndRead(file);
        }
        long start = System.nanoTime();
        try {
            return openAndRead(file);
        } finally {
            windowNanos.addAndGet(System.nanoTime() - start);
            windowFiles.incrementAndGet();
        }
    }

    private FetchedHeader openAndRead(ListedFile file) throws IOException {
        HadoopDicomSource source;
        try {
            source = open(file);
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            // the task is being killed: fail it rather than blame the file
            throw e;
        } catch (FileNotFoundException e) {
            // also thrown for "permission denied" on local files: only a file that is gone may be skipped
            return plan.ignoreMissingFiles() && isGone(file)
                    ? FetchedHeader.skipped(file) : FetchedHeader.failed(file, ErrorCode.IO_ERROR, false);
        } catch (IOException e) {
            return FetchedHeader.failed(file, ErrorCode.IO_ERROR, false);
        } catch (Throwable t) {
            return FetchedHeader.failed(file, ErrorCode.INTERNAL, false);
        }
        try {
            FetchedHeader header = readHeader(file, source);
            source.throwIfInterrupted();
            return header;
        } finally {
            closeQuietly(source);
        }
    }

    /** A "file:/..." path of the plain local file system is opened from the listed string, without a Path. */
    private HadoopDicomSource open(ListedFile file) throws IOException {
        File local = HadoopDicomSource.localFile(file.path());
        if (local != null && localIsPlain()) {
            return HadoopDicomSource.openLocal(file, local);
        }
        Path path = new Path(file.path());
        return HadoopDicomSource.open(file, path, fileSystem(path));
    }

    /** Asked once per task, not per file: the answer depends on the configuration only. */
    private boolean localIsPlain() throws IOException {
        Boolean plain = localIsPlain;
        if (plain == null) {
            plain = DicomLister.isPlainLocal(DicomLister.fileSystem(LOCAL_ROOT, conf));
            localIsPlain = plain;
        }
        return plain;
    }

    private FetchedHeader readHeader(ListedFile file, HadoopDicomSource source) {
        try {
            return FetchedHeader.read(file, DicomReader.read(source, plan.readOptions()));
        } catch (Throwable t) {
            // DicomReader contains what it expects; this is for the rest (OutOfMemoryError and the like)
            return FetchedHeader.failed(file, ErrorCode.INTERNAL, true);
        }
    }

    /**
     * A task's files nearly always share one file system; looking it up per file (FileSystem.get hashes
     * the current user and the URI each time) costs about as much as reading a small header.
     */
    private FileSystem fileSystem(Path path) throws IOException {
        URI uri = path.toUri();
        LastFileSystem last = lastFileSystem;
        if (last == null || !last.serves(uri)) {
            last = new LastFileSystem(uri.getScheme(), uri.getAuthority(), DicomLister.fileSystem(path, conf));
            lastFileSystem = last;
        }
        return last.fs();
    }

    private boolean isGone(ListedFile file) {
        Path path = new Path(file.path());
        try {
            return !fileSystem(path).exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** The header is already read: a failing close must not turn a good row into an error. */
    private static void closeQuietly(HadoopDicomSource source) {
        try {
            source.close();
        } catch (IOException e) {
            // nothing was lost: the stream was only read from
        }
    }

    /** Daemon threads: a pool a task failed to close must not keep an executor JVM alive. */
    private static ExecutorService newPool(int threads) {
        String prefix = "dicom-io-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads ahead of a limit or a failed task are dropped; each one closes its own file. */
    @Override
    public void close() {
        if (pool != null) {
            inFlight.forEach(pending -> pending.result().cancel(true));
            inFlight.clear();
            pool.shutdownNow();
        }
    }
}
