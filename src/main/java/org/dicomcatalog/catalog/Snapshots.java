package org.dicomcatalog.catalog;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The snapshot layout of a catalog folder and its publication protocol:
 * <pre>
 * CATALOG/CURRENT                          one line: the id of the published snapshot
 * CATALOG/snapshots/&lt;id&gt;/&lt;table&gt;/...     Parquet
 * CATALOG/snapshots/&lt;id&gt;/report.json
 * </pre>
 * A snapshot is written in full before {@link #publish} swaps CURRENT by an atomic rename, so readers see the
 * previous snapshot or the new one, never a half-written one. Ids sort in time order.
 */
public final class Snapshots {
    static final String CURRENT = "CURRENT";
    static final String SNAPSHOTS = "snapshots";
    static final String TMP_CURRENT = "_tmp_current-";
    /** Temporary files of a run (the refresh's); nothing in it outlives the run that wrote it. */
    static final String WORK = "_work";
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Configuration conf;
    private final FileSystem fs;

    private final int keep;

    public Snapshots(String catalog, Configuration conf) throws IOException {
        this(catalog, conf, CatalogConfig.DEFAULTS.keepSnapshots());
    }

    public Snapshots(String catalog, Configuration conf, int keep) throws IOException {
        this.keep = keep;
        Path p = new Path(catalog);
        FileSystem any = p.getFileSystem(conf);
        // the raw local file system: the checksum layer would leave a .crc behind for every renamed pointer
        this.fs = any instanceof LocalFileSystem local ? local.getRaw() : any;
        this.root = fs.makeQualified(p);
        this.conf = conf;
    }

    /**
     * A new id, later than every existing one: its time is now, or one millisecond after the newest snapshot's
     * when that is not earlier (two runs in the same millisecond, or a clock set back).
     */
    String newId() throws IOException {
        Instant time = Instant.now();
        List<String> existing = list();
        if (!existing.isEmpty()) {
            Instant next = timeOf(existing.get(existing.size() - 1)).plusMillis(1);
            time = time.isBefore(next) ? next : time;
        }
        return ID_TIME.format(time) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Instant timeOf(String id) throws IOException {
        try {
            return Instant.from(ID_TIME.parse(id.substring(0, Math.max(0, id.indexOf('-')))));
        } catch (DateTimeParseException e) {
            throw new IOException("not a snapshot id: " + snapshot(id) + " (remove what is not a snapshot from "
                    + new Path(root, SNAPSHOTS) + ")", e);
        }
    }

    public Path snapshot(String id) {
        return new Path(new Path(root, SNAPSHOTS), id);
    }

    public Path table(String id, String table) {
        return new Path(snapshot(id), table);
    }

    /** Temporary files of the run writing snapshot {@code id}; deleted when it ends. */
    Path work(String id) {
        return new Path(new Path(root, WORK), id);
    }

    /** Deletes the work folder of the run that ends; the lock it holds makes it the only one using it. */
    void deleteWork() throws IOException {
        fs.delete(new Path(root, WORK), true);
    }

    /** The published snapshot's id, empty when nothing was ever published. */
    public Optional<String> current() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                fs.open(new Path(root, CURRENT)), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return Optional.ofNullable(line).map(String::trim).filter(s -> !s.isEmpty());
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Snapshot ids on storage, oldest first; published or not. */
    public List<String> list() throws IOException {
        Path dir = new Path(root, SNAPSHOTS);
        List<String> ids = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory()) {
                    ids.add(s.getPath().getName());
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Makes {@code id} current: write a temporary pointer, then rename it onto CURRENT in one atomic step. */
    public void publish(String id) throws IOException {
        if (!fs.exists(snapshot(id))) {
            throw new FileNotFoundException("no such snapshot: " + snapshot(id));
        }
        Path tmp = new Path(root, TMP_CURRENT + id);
        try (OutputStream out = fs.create(tmp, true)) {
            out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path current = new Path(root, CURRENT);
        if ("file".equals(root.toUri().getScheme())) {
            // rename(2) replaces the target atomically; Hadoop's local rename would delete it first
            Files.move(Paths.get(tmp.toUri()), Paths.get(current.toUri()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            // FileSystem.rename refuses an existing target; FileContext's OVERWRITE is atomic on HDFS.
            // Object stores have no atomic rename: there it is a copy, still after the snapshot is complete.
            FileContext.getFileContext(root.toUri(), conf).rename(tmp, current, Options.Rename.OVERWRITE);
        }
    }

    /** The default {@link Publisher}: publish, then delete snapshots beyond the {@code keep} newest. */
    void publishAndPrune(String id) throws IOException {
        publish(id);
        prune(keep);
    }

    /** Deletes all but the newest {@code keep} snapshots, never the current one. Returns the deleted ids. */
    public List<String> prune(int keep) throws IOException {
        List<String> ids = list();
        Optional<String> current = current();
        List<String> deleted = new ArrayList<>();
        for (String id : ids.subList(0, Math.max(0, ids.size() - keep))) {
            if (current.isPresent() && current.get().equals(id)) {
                continue;
            }
            fs.delete(snapshot(id), true);
            deleted.add(id);
        }
        return deleted;
    }

    /**
     * Deletes what dead runs left, to be called with the {@link RefreshLock} held (no live run is writing):
     * snapshots newer than the current one (all of them when nothing was published yet), temporary pointers
     * and the work folder. The current snapshot and older kept ones stay. Returns the deleted paths: snapshots
     * oldest first, then the other leftovers by name.
     */
    public List<String> removeAbandoned() throws IOException {
        Optional<String> current = current();
        List<Path> abandoned = new ArrayList<>();
        for (String id : list()) {
            if (current.isEmpty() || id.compareTo(current.get()) > 0) {
                abandoned.add(snapshot(id));
            }
        }
        if (fs.exists(root)) {
            Arrays.stream(fs.listStatus(root)).map(FileStatus::getPath)
                    .filter(p -> p.getName().startsWith(TMP_CURRENT) || p.getName().equals(WORK))
                    .sorted().forEach(abandoned::add);
        }
        List<String> removed = new ArrayList<>();
        for (Path p : abandoned) {
            fs.delete(p, true);
            removed.add(p.toString());
        }
        return removed;
    }

    void writeFile(Path path, byte[] content) throws IOException {
        try (OutputStream out = fs.create(path, true)) {
            out.write(content);
        }
    }
}
