package org.dicomcatalog.bench;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Benchmark experiment only ({@code SourceBenchmark --permissionless-listing}): the local file system with a
 * located listing that does not load owner and permissions. Without Hadoop's native library, Hadoop's
 * {@code LocatedFileStatus} constructor calls {@code getPermission()} on each local file status, which forks
 * {@code ls -ld} once per file (RawLocalFileSystem.DeprecatedRawLocalFileStatus.loadPermissionInfoByNonNativeIO).
 * This class shows what the dicom source costs without that fork; the fix belongs in DicomLister.
 */
public final class PermissionlessLocalFileSystem extends LocalFileSystem {

    public PermissionlessLocalFileSystem() {
        super(new Raw());
    }

    /** The raw local file system whose located listing is built from plain listStatus results. */
    public static final class Raw extends RawLocalFileSystem {
        @Override
        public RemoteIterator<LocatedFileStatus> listLocatedStatus(Path f) throws IOException {
            Deque<FileStatus> statuses = new ArrayDeque<>(java.util.List.of(listStatus(f)));
            FsPermission permission = FsPermission.getFileDefault();
            return new RemoteIterator<>() {
                @Override
                public boolean hasNext() {
                    return !statuses.isEmpty();
                }

                @Override
                public LocatedFileStatus next() throws IOException {
                    FileStatus s = statuses.poll();
                    if (s == null) {
                        throw new NoSuchElementException();
                    }
                    return new LocatedFileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
                            s.getModificationTime(), s.getAccessTime(), permission, "", "", null, s.getPath(),
                            s.isFile() ? getFileBlockLocations(s, 0, s.getLen()) : null);
                }
            };
        }
    }
}
