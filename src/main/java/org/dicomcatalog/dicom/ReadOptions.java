package org.dicomcatalog.dicom;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Limits and stop conditions for one read. Every limit protects against corrupt or hostile files; the
 * defaults fit real archives (5-6% of real MR headers exceed 64 KiB, none come near 64 MiB).
 */
public final class ReadOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final ReadOptions DEFAULTS = new ReadOptions(64L << 20, 64, 1_000_000, 256L << 20, 64 << 10,
            -1, null);

    private final long maxHeaderBytes;
    private final int maxDepth;
    private final int maxElements;
    private final long maxInflatedBytes;
    private final int bulkDataThreshold;
    private final int stopAfterTag;
    /** Sorted; null keeps every element. */
    private final int[] keptTags;

    private ReadOptions(long maxHeaderBytes, int maxDepth, int maxElements, long maxInflatedBytes,
            int bulkDataThreshold, int stopAfterTag, int[] keptTags) {
        if (maxHeaderBytes <= 0 || maxDepth <= 0 || maxElements <= 0 || maxInflatedBytes <= 0
                || bulkDataThreshold < 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxDepth = maxDepth;
        this.maxElements = maxElements;
        this.maxInflatedBytes = maxInflatedBytes;
        this.bulkDataThreshold = bulkDataThreshold;
        this.stopAfterTag = stopAfterTag;
        this.keptTags = keptTags;
    }

    /** Header bytes read (values skipped as bulk data do not count) before HEADER_TOO_LARGE. */
    public long maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Sequence nesting allowed before MAX_DEPTH; the top-level data set is depth 0. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Elements, counted across all nesting levels, before TOO_MANY_ELEMENTS. */
    public int maxElements() {
        return maxElements;
    }

    /** Bytes a deflated data set may inflate to (skipped values included) before INFLATE_LIMIT. */
    public long maxInflatedBytes() {
        return maxInflatedBytes;
    }

    /** Values longer than this are skipped and recorded as bulk data (offset, length), never read. */
    public int bulkDataThreshold() {
        return bulkDataThreshold;
    }

    /** Stop before the first top-level tag after this one; -1 reads up to the pixel data. */
    public int stopAfterTag() {
        return stopAfterTag;
    }

    /**
     * Whether the returned data set holds the top-level element {@code tag}. Elements not kept are read
     * all the same (status, error, warnings, pixel data and bytes read do not depend on what is kept), but
     * their values are neither copied nor decoded, and the items of a sequence not kept are dropped.
     */
    public boolean keeps(int tag) {
        return keptTags == null || Arrays.binarySearch(keptTags, tag) >= 0;
    }

    public ReadOptions withMaxHeaderBytes(long value) {
        return new ReadOptions(value, maxDepth, maxElements, maxInflatedBytes, bulkDataThreshold, stopAfterTag,
                keptTags);
    }

    public ReadOptions withMaxDepth(int value) {
        return new ReadOptions(maxHeaderBytes, value, maxElements, maxInflatedBytes, bulkDataThreshold, stopAfterTag,
                keptTags);
    }

    public ReadOptions withMaxElements(int value) {
        return new ReadOptions(maxHeaderBytes, maxDepth, value, maxInflatedBytes, bulkDataThreshold, stopAfterTag,
                keptTags);
    }

    public ReadOptions withMaxInflatedBytes(long value) {
        return new ReadOptions(maxHeaderBytes, maxDepth, maxElements, value, bulkDataThreshold, stopAfterTag, keptTags);
    }

    public ReadOptions withBulkDataThreshold(int value) {
        return new ReadOptions(maxHeaderBytes, maxDepth, maxElements, maxInflatedBytes, value, stopAfterTag, keptTags);
    }

    /** Stops after {@code tag}; a caller that needs only low tags reads less of each file. */
    public ReadOptions withStopAfterTag(int tag) {
        return new ReadOptions(maxHeaderBytes, maxDepth, maxElements, maxInflatedBytes, bulkDataThreshold, tag,
                keptTags);
    }

    public ReadOptions withoutStopAfterTag() {
        return withStopAfterTag(-1);
    }

    /** Keeps only these top-level tags (see {@link #keeps}); a caller that needs few reads them cheaper. */
    public ReadOptions withKeptTags(int... tags) {
        int[] sorted = tags.clone();
        Arrays.sort(sorted);
        return new ReadOptions(maxHeaderBytes, maxDepth, maxElements, maxInflatedBytes, bulkDataThreshold,
                stopAfterTag, sorted);
    }
}
