package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * A group of files read by one task; sized by file count, as a header costs the same in any file size.
 * Spark sends each partition to its executor by Java serialization. Held as arrays rather than a list of
 * {@link ListedFile} (a record costs a reflective constructor call on the way in: 12% of a warm scan's
 * executor time, docs/benchmarks.md), and the paths, sorted, travel front-coded: each as the length it
 * shares with the one before and the rest, which for an archive's deep folders is a tenth of the bytes.
 */
final class DicomInputPartition implements InputPartition {
    private static final long serialVersionUID = 2L;

    private transient String[] paths;
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

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        int[] shared = new int[paths.length];
        int[] restLengths = new int[paths.length];
        StringBuilder rests = new StringBuilder();
        for (int i = 0; i < paths.length; i++) {
            shared[i] = i == 0 ? 0 : sharedPrefix(paths[i - 1], paths[i]);
            restLengths[i] = paths[i].length() - shared[i];
            rests.append(paths[i], shared[i], paths[i].length());
        }
        out.writeObject(shared);
        out.writeObject(restLengths);
        out.writeObject(rests.toString());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int[] shared = (int[]) in.readObject();
        int[] restLengths = (int[]) in.readObject();
        String rests = (String) in.readObject();
        if (shared.length != lengths.length || restLengths.length != lengths.length) {
            throw new IOException("partition of " + lengths.length + " files with " + shared.length + " paths");
        }
        paths = new String[shared.length];
        int from = 0;
        for (int i = 0; i < paths.length; i++) {
            String previous = i == 0 ? "" : paths[i - 1];
            paths[i] = new StringBuilder(shared[i] + restLengths[i]).append(previous, 0, shared[i])
                    .append(rests, from, from + restLengths[i]).toString();
            from += restLengths[i];
        }
    }

    private static int sharedPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
