package org.dicomcatalog.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * A group of files read by one task; sized by file count, as a header costs the same in any file size.
 * Held as three arrays rather than a list of {@link ListedFile}: Spark sends each partition to its executor
 * by Java serialization, where a record costs a reflective constructor call on the way in, which took
 * 12% of a warm scan's executor time (docs/benchmarks.md); strings and primitive arrays stream plainly.
 */
final class DicomInputPartition implements InputPartition {
    private static final long serialVersionUID = 1L;

    private final String[] paths;
    private final long[] lengths;
    private final long[] modificationTimes;

    DicomInputPartition(List<ListedFile> files) {
        int n = files.size();
        paths = new String[n];
        lengths = new long[n];
        modificationTimes = new long[n];
        for (int i = 0; i < n; i++) {
            ListedFile file = files.get(i);
            paths[i] = file.path();
            lengths[i] = file.length();
            modificationTimes[i] = file.modificationTime();
        }
    }

    /** The first file's path; packing never makes an empty partition. */
    String firstPath() {
        return paths[0];
    }

    /** The files in listing order. */
    List<ListedFile> files() {
        List<ListedFile> files = new ArrayList<>(paths.length);
        for (int i = 0; i < paths.length; i++) {
            files.add(new ListedFile(paths[i], lengths[i], modificationTimes[i]));
        }
        return files;
    }
}
