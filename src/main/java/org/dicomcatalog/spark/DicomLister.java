package org.dicomcatalog.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    DicomLister(Configuration conf, DicomOptions options, ZoneId sessionZone) throws IOException {
        this.conf = conf;
        this.recursive = options.recursive();
        this.ignoreMissingFiles = options.ignoreMissingFiles();
        this.nameFilter = options.pathGlobFilter() == null ? null : new GlobFilter(options.pathGlobFilter());
        this.modifiedAfter = options.modifiedAfter(sessionZone);
        this.modifiedBefore = options.modifiedBefore(sessionZone);
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
        List<ListedFile> files = new ArrayList<>();
        for (String text : paths) {
            Path path = new Path(text);
            FileSystem fs = fileSystem(path, conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                if (ignoreMissingFiles) {
                    continue;
                }
                throw new FileNotFoundException("Path does not exist: " + path);
            }
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    listDirectory(fs, match.getPath(), files);
                } else {
                    add(match, files);
                }
            }
        }
        files.sort(Comparator.comparing(ListedFile::path));
        return files;
    }

    private void listDirectory(FileSystem fs, Path dir, List<ListedFile> files) throws IOException {
        if (isPlainLocal(fs)) {
            walkLocal(((RawLocalFileSystem) fs).pathToFile(dir).toPath(), dir.toString(), files);
            return;
        }
        if (recursive && !(fs instanceof RawLocalFileSystem)) {
            // one call per tree: object stores answer it with a flat listing instead of a walk
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                add(it.next(), files);
            }
            return;
        }
        // on local disks walk with plain statuses: a LocatedFileStatus copies the permissions, which
        // Hadoop without its native library gets by running "ls -ld" once per file (10 ms each)
        for (FileStatus status : fs.listStatus(dir)) {
            if (status.isFile()) {
                add(status, files);
            } else if (recursive && status.isDirectory()) {
                listDirectory(fs, status.getPath(), files);
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
    private void walkLocal(java.nio.file.Path dir, String dirPath, List<ListedFile> files) throws IOException {
        String prefix = dirPath.endsWith("/") ? dirPath : dirPath + "/";
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
                } else if (recursive) {
                    walkLocal(entry, path, files);
                }
            }
        }
    }

    private void add(FileStatus status, List<ListedFile> files) {
        add(status.getPath().toString(), status.getPath(), status.getLen(), status.getModificationTime(), files);
    }

    /** {@code hadoopPath} may be null: it is built only for a name filter, which takes a Path. */
    private void add(String path, Path hadoopPath, long length, long mtime, List<ListedFile> files) {
        if ((nameFilter == null || nameFilter.accept(hadoopPath != null ? hadoopPath : new Path(path)))
                && mtime > modifiedAfter && mtime < modifiedBefore) {
            files.add(new ListedFile(path, length, mtime));
        }
    }
}
