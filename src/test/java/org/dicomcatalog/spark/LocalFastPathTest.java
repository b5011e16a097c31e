package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain local file system is listed with java.nio and read through a file channel, not through
 * Hadoop's listStatus and open: both must give what Hadoop gives. The reference is
 * {@link CountingFileSystem}, a RawLocalFileSystem subclass that the fast paths leave to Hadoop.
 */
class LocalFastPathTest {
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int MODALITY = 0x00080060;

    @TempDir
    Path dir;

    private static Configuration conf(boolean throughHadoop) {
        Configuration conf = new Configuration();
        if (throughHadoop) {
            conf.set("fs.file.impl", CountingFileSystem.class.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);
        }
        return conf;
    }

    private List<ListedFile> list(boolean throughHadoop, Map<String, String> options) throws IOException {
        Map<String, String> all = new HashMap<>(options);
        all.put("path", dir.toString());
        DicomOptions dicomOptions = new DicomOptions(new CaseInsensitiveStringMap(all));
        return new DicomLister(conf(throughHadoop), dicomOptions, ZoneOffset.UTC).list(dicomOptions.paths());
    }

    private void writeTree() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("HOSP-A/st udy/1"));
        Files.createDirectories(dir.resolve("_resent/empty dir"));
        for (String name : List.of("a.dcm", "b c.dcm", "100%.dcm", "é😀.dcm", ".DS_Store", "_empty.dcm")) {
            Files.writeString(nested.resolve(name), name, StandardCharsets.UTF_8);
        }
        Files.write(dir.resolve("_resent/zero"), new byte[0]);
        Files.writeString(dir.resolve("top.dcm"), "top");
        Files.setLastModifiedTime(dir.resolve("top.dcm"), FileTime.from(Instant.parse("2020-01-02T03:04:05.678Z")));
        Files.createSymbolicLink(dir.resolve("link-to-file"), nested.resolve("a.dcm"));
        Files.createSymbolicLink(dir.resolve("link-to-dir"), nested);
        Files.createSymbolicLink(dir.resolve("broken-link"), dir.resolve("nowhere"));
    }

    @Test
    void localListingIsHadoops() throws IOException {
        writeTree();
        for (Map<String, String> options : List.of(Map.<String, String>of(),
                Map.of("recursiveFileLookup", "false"),
                Map.of("pathGlobFilter", "*.dcm"),
                Map.of("modifiedBefore", "2021-01-01T00:00:00"))) {
            List<ListedFile> fast = list(false, options);
            assertFalse(fast.isEmpty(), options::toString);
            assertEquals(list(true, options), fast, options::toString);
        }
        List<ListedFile> all = list(false, Map.of());
        assertEquals(15, all.size(), all::toString);
        assertTrue(all.stream().allMatch(f -> f.path().startsWith("file:" + dir + "/")), all::toString);
    }

    @Test
    void localReadIsHadoops() throws IOException {
        Path file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(SOP_INSTANCE_UID, VR.UI, "1.2.3").string(MODALITY, VR.CS, "CT")
                .writeTo(dir.resolve("x.dcm"));
        ListedFile listed = list(false, Map.of()).get(0);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(listed.path());
        FileSystem local = DicomLister.fileSystem(path, conf(false));
        FileSystem hadoop = DicomLister.fileSystem(path, conf(true));
        assertSame(RawLocalFileSystem.class, local.getClass());
        assertNotSame(RawLocalFileSystem.class, hadoop.getClass());

        long before = CountingFileSystem.OPENED.get();
        DicomHeader expected = read(listed, path, hadoop);
        assertEquals(before + 1, CountingFileSystem.OPENED.get(), "the reference goes through Hadoop's open");
        @SuppressWarnings("deprecation")
        FileSystem.Statistics statistics = FileSystem.getStatistics("file", RawLocalFileSystem.class);
        long bytesBefore = statistics.getThreadStatistics().getBytesRead();
        DicomHeader actual = read(listed, path, local);
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.bytesRead(), actual.bytesRead());
        assertEquals(Files.size(file), actual.bytesRead());
        assertEquals(expected.dataSet().get(SOP_INSTANCE_UID).text(), actual.dataSet().get(SOP_INSTANCE_UID).text());
        assertEquals(actual.bytesRead(), statistics.getThreadStatistics().getBytesRead() - bytesBefore,
                "Spark's task input size counts local reads");
    }

    /** Hadoop's own listStatus cannot list such a name (it reads "a:" as a URI scheme): the walk must. */
    @Test
    void aNameWithAColonIsListedAndRead() throws IOException {
        DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                .string(SOP_INSTANCE_UID, VR.UI, "1.2.3").string(MODALITY, VR.CS, "CT")
                .writeTo(dir.resolve("1.2.3:4.dcm"));
        List<ListedFile> listed = list(false, Map.of());
        assertEquals(List.of("file:" + dir + "/1.2.3:4.dcm"), listed.stream().map(ListedFile::path).toList());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(listed.get(0).path());
        DicomHeader header = read(listed.get(0), path, DicomLister.fileSystem(path, conf(false)));
        assertEquals("1.2.3", header.dataSet().get(SOP_INSTANCE_UID).string());
    }

    /** "a%20b.dcm" is not "a b.dcm": the executors open a listed local file by the name the listing wrote. */
    @Test
    void namesWithPercentSignsAreReadAsListed() throws IOException {
        Map<String, String> uidByName = Map.of("a%20b.dcm", "1.1", "a b.dcm", "1.2", "100%.dcm", "1.3");
        for (Map.Entry<String, String> file : uidByName.entrySet()) {
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(SOP_INSTANCE_UID, VR.UI, file.getValue()).string(MODALITY, VR.CS, "CT")
                    .writeTo(dir.resolve(file.getKey()));
        }
        DicomOptions options = new DicomOptions(new CaseInsensitiveStringMap(Map.of("path", dir.toString())));
        DicomSchema schema = DicomSchema.of(options.extraTags());
        ReadPlan plan = ReadPlan.of(schema.sparkSchema(), schema, options);
        Map<String, String> read = new HashMap<>();
        try (HeaderFetcher fetcher = new HeaderFetcher(list(false, Map.of()), conf(false), plan, IoThreads.fixed(1))) {
            for (FetchedHeader fetched = fetcher.next(); fetched != null; fetched = fetcher.next()) {
                String name = fetched.file().path().substring(fetched.file().path().lastIndexOf('/') + 1);
                read.put(name, fetched.header().dataSet().get(SOP_INSTANCE_UID).string());
            }
        }
        assertEquals(uidByName, read);
    }

    @Test
    void aListedLocalPathNamesTheFileHadoopsPathNames() throws IOException {
        RawLocalFileSystem local = new RawLocalFileSystem();
        local.initialize(URI.create("file:///"), new Configuration());
        for (String listed : List.of("file:/a/b.dcm", "file:/a/b c.dcm", "file:/a/100%.dcm", "file:/a/b:c.dcm",
                "file:/a/é😀.dcm", "file:/a/.hidden", "file:/a/_x/..b", "file:/a/b..", "file:/a/b#c.dcm",
                "file:/a/b?c=d.dcm", "file:/a/%20/b.dcm")) {
            assertEquals(local.pathToFile(new org.apache.hadoop.fs.Path(listed)),
                    HadoopDicomSource.localFile(listed), listed);
        }
        // what Path would rewrite or what is not a plain absolute local path goes through Path
        for (String other : List.of("file:/a//b", "file:/a/./b", "file:/a/../b", "file:/a/", "file:/a/.",
                "file:/a/..", "file:/", "file:///a/b", "file://host/a", "/a/b", "hdfs://nn/a/b", "file:a/b")) {
            assertNull(HadoopDicomSource.localFile(other), other);
        }
    }

    @Test
    void localOpenFailsAsHadoops() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (String name : List.of("gone.dcm", "sub")) {
            ListedFile file = new ListedFile("file:" + dir.resolve(name), 10, 0);
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.path());
            for (boolean throughHadoop : new boolean[] {false, true}) {
                FileSystem fs = DicomLister.fileSystem(path, conf(throughHadoop));
                IOException e = assertThrows(IOException.class, () -> HadoopDicomSource.open(file, path, fs).close());
                assertInstanceOf(FileNotFoundException.class, e, name + " through Hadoop: " + throughHadoop);
            }
        }
    }

    private static DicomHeader read(ListedFile listed, org.apache.hadoop.fs.Path path, FileSystem fs)
            throws IOException {
        try (HadoopDicomSource source = HadoopDicomSource.open(listed, path, fs)) {
            return DicomReader.read(source, ReadOptions.DEFAULTS);
        }
    }
}
