package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's walk lists many directories at once (option listingThreads): whatever the number of
 * threads, the listing is the same, sorted, and a directory that cannot be listed fails it.
 */
class DicomListerTest {
    @TempDir
    Path dir;

    /** The local file system, except that listing a directory named "unlistable" fails, as a dead disk would. */
    public static final class UnlistableFileSystem extends RawLocalFileSystem {
        @Override
        public FileStatus[] listStatus(org.apache.hadoop.fs.Path path) throws IOException {
            if (path.getName().equals("unlistable")) {
                throw new IOException("Input/output error listing " + path);
            }
            return super.listStatus(path);
        }
    }

    private List<ListedFile> list(Class<?> fileSystem, Map<String, String> options) throws IOException {
        Map<String, String> all = new HashMap<>(options);
        all.put("path", dir.toString());
        Configuration conf = new Configuration();
        if (fileSystem != null) {
            conf.set("fs.file.impl", fileSystem.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);
        }
        DicomOptions dicomOptions = new DicomOptions(new CaseInsensitiveStringMap(all));
        return new DicomLister(conf, dicomOptions, ZoneOffset.UTC).list(dicomOptions.paths());
    }

    /** 4 × 5 × 6 folders, two files in each folder at every level, hidden and empty names among them. */
    private List<String> writeTree() throws IOException {
        List<String> written = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 5; b++) {
                for (int c = 0; c < 6; c++) {
                    Path leaf = Files.createDirectories(dir.resolve("p" + a).resolve("_s" + b).resolve(".r" + c));
                    for (Path folder : List.of(leaf, leaf.getParent(), leaf.getParent().getParent())) {
                        for (String name : List.of("IM1", "_empty")) {
                            Path file = folder.resolve(name);
                            if (!Files.exists(file)) {
                                Files.write(file, name.startsWith("_") ? new byte[0] : new byte[] {1, 2});
                                written.add("file:" + file);
                            }
                        }
                    }
                }
            }
        }
        written.sort(null);
        return written;
    }

    @Test
    void manyThreadsListWhatOneFolderAtATimeLists() throws IOException {
        List<String> written = writeTree();
        for (Class<?> fileSystem : new Class<?>[] {null, CountingFileSystem.class}) {
            List<ListedFile> one = list(fileSystem, Map.of("listingThreads", "1"));
            List<ListedFile> many = list(fileSystem, Map.of("listingThreads", "16"));
            assertEquals(written, many.stream().map(ListedFile::path).toList(), "through " + fileSystem);
            assertEquals(one, many, "through " + fileSystem);
        }
        assertEquals(4 * 2 + 4 * 5 * 2 + 4 * 5 * 6 * 2, written.size());
    }

    @Test
    void withoutRecursionOnlyTheTopFolderIsListed() throws IOException {
        writeTree();
        Files.write(dir.resolve("top.dcm"), new byte[] {1});
        List<ListedFile> top = list(null, Map.of("recursiveFileLookup", "false", "listingThreads", "16"));
        assertEquals(List.of("file:" + dir.resolve("top.dcm")), top.stream().map(ListedFile::path).toList());
    }

    @Test
    void aFolderThatCannotBeListedFailsTheListing() throws IOException {
        writeTree();
        Files.createDirectories(dir.resolve("p3/_s4/.r5/unlistable"));
        IOException e = assertThrows(IOException.class,
                () -> list(UnlistableFileSystem.class, Map.of("listingThreads", "16")));
        assertTrue(e.getMessage().startsWith("Input/output error listing "), e.getMessage());
        assertTrue(e.getMessage().endsWith("p3/_s4/.r5/unlistable"), e.getMessage());
    }

    @Test
    void listingThreadsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> list(null, Map.of("listingThreads", "0")));
    }
}
