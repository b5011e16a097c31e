package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.dicomcatalog.dicom.ReadOptions;

/** The read options of the dicom source, parsed once on the driver; names match Spark's file sources. */
final class DicomOptions {
    static final int DEFAULT_FILES_PER_PARTITION = 256;
    static final int MAX_DEFAULT_FILES_PER_PARTITION = 10_000;
    /**
     * Files in flight per task by default on an object store: there a header is mostly waiting for the first
     * byte, and 32 reads at once gave 17.7 times the files/s of one with a 20 ms wait per open
     * (docs/benchmarks.md); on local disk and HDFS more threads do not pay, so the default there is 1.
     */
    static final int OBJECT_STORE_IO_THREADS = 32;
    /** Best of 1, 2, 4 and 8 on this project's cold local disk (docs/benchmarks.md). */
    static final int ADAPTIVE_IO_THREADS = 8;
    static final Set<String> OBJECT_STORE_SCHEMES = Set.of("s3a", "s3", "gs", "abfs", "abfss", "wasb", "wasbs",
            "oss", "cosn", "obs");

    /**
     * Directories listed at once on the driver by default: on a cold local disk and on HDFS a directory
     * costs a wait (a random read, a name-node round trip) rather than CPU (docs/benchmarks.md).
     */
    static final int DEFAULT_LISTING_THREADS = 16;

    private final CaseInsensitiveStringMap options;

    DicomOptions(CaseInsensitiveStringMap options) {
        this.options = options;
    }

    /** A listing to read instead of listing paths ({@link DicomFileList}), or null. */
    String fileList() {
        return options.get("fileList");
    }

    /** What the scan reads, for its name and description. */
    String describeInput() {
        return fileList() != null ? "fileList " + fileList() : paths().toString();
    }

    /** "path" for load(path), "paths" (a JSON array) for load(path, path, ...), as DataFrameReader passes them. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        if (options.containsKey("path")) {
            paths.add(options.get("path"));
        }
        if (options.containsKey("paths")) {
            paths.addAll(jsonStrings(options.get("paths")));
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("the dicom source needs a path: load(path), or option fileList");
        }
        return paths;
    }

    /**
     * Files per task: the option when given; else enough for about two tasks per core, never fewer than
     * {@value #DEFAULT_FILES_PER_PARTITION} nor more than {@value #MAX_DEFAULT_FILES_PER_PARTITION}. A task
     * costs Spark tens of milliseconds however small it is, about as much as reading a thousand headers.
     */
    int filesPerPartition(int files, int parallelism) {
        if (!options.containsKey("filesPerPartition")) {
            long perTwoTasksPerCore = (files + 2L * parallelism - 1) / (2L * Math.max(1, parallelism));
            return (int) Math.min(MAX_DEFAULT_FILES_PER_PARTITION,
                    Math.max(DEFAULT_FILES_PER_PARTITION, perTwoTasksPerCore));
        }
        int n = options.getInt("filesPerPartition", DEFAULT_FILES_PER_PARTITION);
        if (n <= 0) {
            throw new IllegalArgumentException("filesPerPartition must be positive: " + n);
        }
        return n;
    }

    /**
     * Files read at once per task in a read of the store {@code scheme} names: the option, else {@value
     * #OBJECT_STORE_IO_THREADS} on an object store, else one at a time until files wait on storage (a cold
     * disk, HDFS), then up to {@value #ADAPTIVE_IO_THREADS}. Above 1 overlaps latency (HeaderFetcher).
     */
    IoThreads ioThreads(String scheme) {
        if (!options.containsKey("ioThreads")) {
            return scheme != null && OBJECT_STORE_SCHEMES.contains(scheme) ? IoThreads.fixed(OBJECT_STORE_IO_THREADS)
                    : IoThreads.upTo(ADAPTIVE_IO_THREADS);
        }
        int n = options.getInt("ioThreads", 1);
        if (n <= 0) {
            throw new IllegalArgumentException("ioThreads must be positive: " + n);
        }
        return IoThreads.fixed(n);
    }

    /** Directories listed at once by the driver's walk (DicomLister); object stores list flat instead. */
    int listingThreads() {
        int n = options.getInt("listingThreads", DEFAULT_LISTING_THREADS);
        if (n <= 0) {
            throw new IllegalArgumentException("listingThreads must be positive: " + n);
        }
        return n;
    }

    /** A Hadoop glob on the file name, or null. */
    String pathGlobFilter() {
        return options.get("pathGlobFilter");
    }

    /** True by default, unlike Spark's sources: an archive is a tree of folders, not a partitioned table. */
    boolean recursive() {
        return options.getBoolean("recursiveFileLookup", true);
    }

    boolean ignoreMissingFiles() {
        return options.getBoolean("ignoreMissingFiles", false);
    }

    /** Epoch milliseconds of modifiedAfter, or Long.MIN_VALUE. */
    long modifiedAfter(ZoneId sessionZone) {
        return instant("modifiedAfter", sessionZone, Long.MIN_VALUE);
    }

    /** Epoch milliseconds of modifiedBefore, or Long.MAX_VALUE. */
    long modifiedBefore(ZoneId sessionZone) {
        return instant("modifiedBefore", sessionZone, Long.MAX_VALUE);
    }

    String extraTags() {
        return options.get("extraTags");
    }

    /** Whether the header column keeps private elements (odd groups). */
    boolean includePrivateTags() {
        return options.getBoolean("includePrivateTags", true);
    }

    ReadOptions readOptions() {
        ReadOptions read = ReadOptions.DEFAULTS;
        if (options.containsKey("bulkDataThreshold")) {
            read = read.withBulkDataThreshold(options.getInt("bulkDataThreshold", 0));
        }
        if (options.containsKey("maxHeaderBytes")) {
            read = read.withMaxHeaderBytes(options.getLong("maxHeaderBytes", 0));
        }
        return read;
    }

    Map<String, String> asMap() {
        return options.asCaseSensitiveMap();
    }

    /** Like Spark's modifiedAfter: "YYYY-MM-DDTHH:mm:ss" in option timeZone, else the session time zone. */
    private long instant(String key, ZoneId sessionZone, long absent) {
        String value = options.get(key);
        if (value == null) {
            return absent;
        }
        ZoneId zone = options.containsKey("timeZone") ? ZoneId.of(options.get("timeZone")) : sessionZone;
        return LocalDateTime.parse(value.strip()).atZone(zone).toInstant().toEpochMilli();
    }

    private static List<String> jsonStrings(String json) {
        List<String> values = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("option paths is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
