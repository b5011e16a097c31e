package org.dicomcatalog.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A listing made elsewhere, for option {@code fileList}: the source reads exactly these files, with the
 * size and modification time given, instead of listing paths. One JSON object per line with the source's
 * column names: {@code {"path": …, "file_size": …, "modification_time": epoch milliseconds}}. JSON, not a
 * list of load() paths, because load() paths are globs: a file named {@code a[1].dcm} would not match itself.
 * {@link #list} makes such a listing on the driver, as the source would.
 */
public final class DicomFileList {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DicomFileList() {
    }

    /** One file of the list, as a listing saw it. */
    public record Entry(String path, long fileSize, long modificationTimeMillis) {
    }

    /**
     * The files {@code load(paths)} lists with these options, sorted by path, listed here on the driver:
     * for a run that compares listings (the catalog refresh) without a Spark job per listing.
     */
    public static List<Entry> list(SparkSession session, Map<String, String> options, List<String> paths)
            throws IOException {
        DicomOptions dicomOptions = new DicomOptions(new CaseInsensitiveStringMap(options));
        List<ListedFile> files = new DicomLister(DicomBatch.hadoopConf(session, dicomOptions), dicomOptions,
                DicomBatch.sessionZone(session)).list(paths);
        return files.stream().map(f -> new Entry(f.path(), f.length(), f.modificationTime())).toList();
    }

    public static void write(List<Entry> entries, Path file, Configuration conf) throws IOException {
        FileSystem fs = DicomLister.fileSystem(file, conf);
        try (OutputStream out = fs.create(file, true)) {
            for (Entry e : entries) {
                ObjectNode line = JSON.createObjectNode()
                        .put(DicomSchema.PATH, e.path())
                        .put(DicomSchema.FILE_SIZE, e.fileSize())
                        .put(DicomSchema.MODIFICATION_TIME, e.modificationTimeMillis());
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        }
    }

    /** The files of the list, sorted by path like a listing. */
    static List<ListedFile> read(Path file, Configuration conf) throws IOException {
        List<ListedFile> files = new ArrayList<>();
        FileSystem fs = DicomLister.fileSystem(file, conf);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    files.add(entry(JSON.readTree(line), file, number));
                }
            }
        }
        files.sort(Comparator.comparing(ListedFile::path));
        return files;
    }

    private static ListedFile entry(JsonNode node, Path file, int line) throws IOException {
        JsonNode path = node.get(DicomSchema.PATH);
        JsonNode size = node.get(DicomSchema.FILE_SIZE);
        JsonNode mtime = node.get(DicomSchema.MODIFICATION_TIME);
        if (path == null || !path.isTextual() || size == null || !size.canConvertToLong()
                || mtime == null || !mtime.canConvertToLong()) {
            throw new IOException(file + " line " + line + ": needs path, file_size and modification_time");
        }
        return new ListedFile(path.asText(), size.asLong(), mtime.asLong());
    }
}
