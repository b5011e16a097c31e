package org.dicomcatalog.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the files to read, on the driver. Unlike Spark's file index it hides nothing: names starting
 * with '_' or '.' and empty files are files of the archive and each becomes a row.
 */
final class DicomLister {
    private final Configuration conf;
    private final boolean recursive;
    private final boolean ignoreMissingFiles;
    private final GlobFilter nameFilter;
    private final long modifiedAfter;
    private final long modifiedBefore;
    private final int listingThreads;

    DicomLister(Configuration conf, DicomOptions options, ZoneId sessionZone) throws IOException {
        this.conf = conf;
        this.recursive = options.recursive();
        this.ignoreMissingFiles = options.ignoreMissingFiles();
        this.nameFilter = options.pathGlobFilter() == null ? null : new GlobFilter(options.pathGlobFilter());
        this.modifiedAfter = options.modifiedAfter(sessionZone);
        this.modifiedBefore = options.modifiedBefore(sessionZone);
        this.listingThreads = options.listingThreads();
    }

    /**
     * The file system behind a path, without the checksum layer of the local one: that layer hides
     * ".*.crc" names from listings and reads a second file per open.
     */
    static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /**
     * The plain local file system, which this source lists and reads with java.nio instead of Hadoop's
     * per-entry and per-open overhead. The exact class: a subclass (a test's counting or failing file
     * system, say) may change what a listing returns or how a file opens, so it keeps Hadoop's calls.
     */
    static boolean isPlainLocal(FileSystem fs) {
        return fs.getClass() == RawLocalFileSystem.class;
    }

    /** Every matching file under {@code paths} (globs allowed, as in load()), sorted by path. */
    List<ListedFile> list(List<String> paths) throws IOException {
        Queue<ListedFile> files = new ConcurrentLinkedQueue<>();
        ForkJoinPool pool = newPool(listingThreads);
        try {
            for (String path : paths) {
                listPath(pool, new Path(path), files);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ListedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ListedFile::path));
        return sorted;
    }

    private void listPath(ForkJoinPool pool, Path path, Queue<ListedFile> files) throws IOException {
        FileSystem fs = fileSystem(path, conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            if (ignoreMissingFiles) {
                return;
            }
            throw new FileNotFoundException("Path does not exist: " + path);
        }
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                listDirectory(pool, fs, match.getPath(), files);
            } else {
                add(match, files);
            }
        }
    }

    /**
     * Daemon workers (the pool's default) that load classes as the calling thread does: under spark-submit
     * that is Spark's loader of the job's jar, which a file system may need for its own plug-ins.
     */
    private static ForkJoinPool newPool(int threads) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ForkJoinPool(threads, pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("dicom-list-" + worker.getPoolIndex());
            worker.setContextClassLoader(loader);
            return worker;
        }, null, false);
    }

    private void listDirectory(ForkJoinPool pool, FileSystem fs, Path dir, Queue<ListedFile> files)
            throws IOException {
        if (recursive && isObjectStore(fs)) {
            // one call per tree: object stores answer it with a flat listing instead of a walk
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                add(it.next(), files);
            }
            return;
        }
        Directory root = isPlainLocal(fs)
                ? new LocalDirectory(((RawLocalFileSystem) fs).pathToFile(dir).toPath(), dir.toString())
                : new HadoopDirectory(fs, dir);
        try {
            pool.invoke(new Walk(root, files));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isObjectStore(FileSystem fs) {
        return DicomOptions.OBJECT_STORE_SCHEMES.contains(fs.getUri().getScheme());
    }

    /** A directory of the walk: lists its own entries, adding its files and returning its sub-directories. */
    private interface Directory {
        List<Directory> list(Queue<ListedFile> files) throws IOException;
    }

    /**
     * The walk of one directory and, forked on the pool, of those below it. A walk is one small request
     * per directory (a random read on a cold local disk, a round trip to the HDFS name node), so listing
     * many at once is what makes it fast: listing 21,848 files in 4,360 folders with a cold page cache took
     * 0.39-0.54 s on 16 threads against 0.67-0.98 s on one (docs/benchmarks.md).
     */
    private final class Walk extends RecursiveAction {
        private final Directory dir;
        private final Queue<ListedFile> files;

        Walk(Directory dir, Queue<ListedFile> files) {
            this.dir = dir;
            this.files = files;
        }

        @Override
        protected void compute() {
            List<Directory> below;
            try {
                below = dir.list(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (recursive && !below.isEmpty()) {
                invokeAll(below.stream().map(sub -> new Walk(sub, files)).toList());
            }
        }
    }

    /**
     * The plain local file system, walked with java.nio: Hadoop's listStatus builds, parses and qualifies
     * a Path per entry, which costs as much as reading that file's header. The entries are those of
     * listStatus: symbolic links followed, every entry that is not a directory a file, an entry that cannot
     * be stat'ed (gone since listed, a broken link) left out; the path is the directory's plus "/" and the
     * name, as Hadoop prints a qualified local path.
     */
    private final class LocalDirectory implements Directory {
        private final java.nio.file.Path dir;
        private final String dirPath;

        LocalDirectory(java.nio.file.Path dir, String dirPath) {
            this.dir = dir;
            this.dirPath = dirPath;
        }

        @Override
        public List<Directory> list(Queue<ListedFile> files) throws IOException {
            String prefix = dirPath.endsWith("/") ? dirPath : dirPath + "/";
            List<Directory> below = new ArrayList<>();
            try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
                for (java.nio.file.Path entry : entries) {
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    } catch (IOException e) {
                        // listStatus skips it too: to Hadoop, a file that cannot be stat'ed does not exist
                        continue;
                    }
                    String path = prefix + entry.getFileName();
                    if (!attributes.isDirectory()) {
                        add(path, null, attributes.size(), attributes.lastModifiedTime().toMillis(), files);
                    } else {
                        below.add(new LocalDirectory(entry, path));
                    }
                }
            }
            return below;
        }
    }

    /**
     * Any other file system but an object store's: HDFS, or a subclass of the local one. Plain statuses:
     * a LocatedFileStatus copies the permissions, which Hadoop's local file system without its native
     * library gets by running "ls -ld" once per file (10 ms each).
     */
    private final class HadoopDirectory implements Directory {
        private final FileSystem fs;
        private final Path dir;

        HadoopDirectory(FileSystem fs, Path dir) {
            this.fs = fs;
            this.dir = dir;
        }

        @Override
        public List<Directory> list(Queue<ListedFile> files) throws IOException {
            List<Directory> below = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                if (status.isFile()) {
                    add(status, files);
                } else if (status.isDirectory()) {
                    below.add(new HadoopDirectory(fs, status.getPath()));
                }
            }
            return below;
        }
    }

    private void add(FileStatus status, Queue<ListedFile> files) {
        add(status.getPath().toString(), status.getPath(), status.getLen(), status.getModificationTime(), files);
    }

    /** {@code hadoopPath} may be null: it is built only for a name filter, which takes a Path. */
    private void add(String path, Path hadoopPath, long length, long mtime, Queue<ListedFile> files) {
        if ((nameFilter == null || nameFilter.accept(hadoopPath != null ? hadoopPath : new Path(path)))
                && mtime > modifiedAfter && mtime < modifiedBefore) {
            files.add(new ListedFile(path, length, mtime));
        }
    }
}
