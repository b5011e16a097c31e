package org.dicomcatalog.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dicomcatalog.spark.DicomFileList.Entry;

/**
 * A listing of the archive against the files of the previous snapshot, by (path, size, modification time),
 * computed on the driver: the listing is there already (the source plans its reads from it), and a hash
 * lookup per previous file costs less than the Spark jobs of a join. Each path gets one {@link Change}; a file
 * to read that was modified after {@code settleCutoffMillis} is settling (still being written, perhaps) and
 * waits for the next run.
 */
final class FileDiff {
    enum Change { NEW, CHANGED, DELETED, UNCHANGED, RETRIED }

    /** Rejects for a reason that may pass: read again on every run even when the file did not change. */
    static final List<String> RETRIED_REASONS = List.of("IO_ERROR");
    static final String SETTLING = "settling";

    /** A file of the previous snapshot; {@code rejectReason} is null for an instance. */
    record PriorFile(String path, long size, long modificationTimeMillis, String rejectReason) {
    }

    private final Map<String, Long> counts = new TreeMap<>();
    private final List<Entry> toRead = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    private FileDiff() {
    }

    /**
     * @param listing the archive now, one entry per path
     * @param prior   the previous snapshot's files, streamed: only the listing is held in memory
     */
    static FileDiff of(List<Entry> listing, Iterator<PriorFile> prior, long settleCutoffMillis) {
        FileDiff diff = new FileDiff();
        Map<String, Entry> unmatched = new HashMap<>(listing.size() * 4 / 3 + 1);
        listing.forEach(e -> unmatched.put(e.path(), e));
        while (prior.hasNext()) {
            PriorFile before = prior.next();
            Entry now = unmatched.remove(before.path());
            if (now == null) {
                diff.count(Change.DELETED);
                diff.deleted.add(before.path());
            } else {
                diff.add(now, change(before, now), settleCutoffMillis);
            }
        }
        unmatched.values().forEach(now -> diff.add(now, Change.NEW, settleCutoffMillis));
        diff.toRead.sort(Comparator.comparing(Entry::path));
        return diff;
    }

    private static Change change(PriorFile before, Entry now) {
        if (before.size() != now.fileSize() || before.modificationTimeMillis() != now.modificationTimeMillis()) {
            return Change.CHANGED;
        }
        boolean retried = before.rejectReason() != null && RETRIED_REASONS.contains(before.rejectReason());
        return retried ? Change.RETRIED : Change.UNCHANGED;
    }

    private void add(Entry now, Change change, long settleCutoffMillis) {
        count(change);
        if (change == Change.UNCHANGED) {
            return;
        }
        if (now.modificationTimeMillis() > settleCutoffMillis) {
            counts.merge(SETTLING, 1L, Long::sum);
        } else {
            toRead.add(now);
        }
    }

    private void count(Change change) {
        counts.merge(change.name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }

    /** Files per change (lower case), plus "settling" for the files to read left to the next run. */
    Map<String, Long> counts() {
        return counts;
    }

    /** The files to open now: new, changed or retried, and settled; sorted by path. */
    List<Entry> toRead() {
        return toRead;
    }

    /** Paths of the previous snapshot that are no longer listed. */
    List<String> deleted() {
        return deleted;
    }

    /**
     * The paths of {@code read} whose size or modification time moved between the listing they were read from
     * and {@code relisting}, or that are gone: they were being written while read, and wait for the next run.
     */
    static List<String> changedWhileRead(List<Entry> read, List<Entry> relisting) {
        Map<String, Entry> now = new HashMap<>(relisting.size() * 4 / 3 + 1);
        relisting.forEach(e -> now.put(e.path(), e));
        return read.stream().filter(e -> !e.equals(now.get(e.path()))).map(Entry::path).toList();
    }
}
