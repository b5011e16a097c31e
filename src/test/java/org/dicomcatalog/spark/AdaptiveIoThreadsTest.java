package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.dicomcatalog.dicom.ReadStatus;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an ioThreads option, a task reads ahead only while its files wait on storage. */
class AdaptiveIoThreadsTest {
    private static final int FILES = 4 * HeaderFetcher.WINDOW + 100;

    @TempDir
    Path dir;

    private ReadPlan plan;

    @BeforeEach
    void writeFiles() throws IOException {
        for (int i = 0; i < FILES; i++) {
            DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).sorted()
                    .string(0x00080018, VR.UI, "1.2." + i)
                    .string(0x00080060, VR.CS, "CT")
                    .writeTo(dir.resolve(String.format("f%04d.dcm", i)));
        }
        DicomOptions options = new DicomOptions(new CaseInsensitiveStringMap(Map.of("path", dir.toString())));
        DicomSchema schema = DicomSchema.of(options.extraTags());
        plan = ReadPlan.of(schema.sparkSchema(), schema, options);
    }

    private static Configuration conf(boolean slow) {
        Configuration conf = new Configuration();
        if (slow) {
            conf.set("fs.file.impl", SlowOpenFileSystem.class.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);
        }
        return conf;
    }

    private List<ListedFile> list(Configuration conf) throws IOException {
        DicomOptions options = new DicomOptions(new CaseInsensitiveStringMap(Map.of("path", dir.toString())));
        return new DicomLister(conf, options, ZoneOffset.UTC).list(options.paths());
    }

    /** Reads every file; the paths of the results in the order they came. */
    private static List<String> readAll(HeaderFetcher fetcher) throws IOException {
        List<String> paths = new ArrayList<>();
        for (FetchedHeader fetched = fetcher.next(); fetched != null; fetched = fetcher.next()) {
            assertEquals(ReadStatus.OK, fetched.header().status(), fetched.file().path());
            paths.add(fetched.file().path());
        }
        return paths;
    }

    @Test
    void filesThatWaitOnStorageAreReadAheadInListingOrder() throws IOException {
        Configuration conf = conf(true);
        List<ListedFile> files = list(conf);
        SlowOpenFileSystem.reset();

        try (HeaderFetcher fetcher = new HeaderFetcher(files, conf, plan, IoThreads.upTo(8))) {
            assertEquals(files.stream().map(ListedFile::path).toList(), readAll(fetcher));
            assertTrue(fetcher.readingAhead());
        }
        assertTrue(SlowOpenFileSystem.MOST_WAITING.get() > 1,
                "opens waiting at once: " + SlowOpenFileSystem.MOST_WAITING.get());
    }

    @Test
    void filesThatComeFastAreReadOneAtATime() throws IOException {
        Configuration conf = conf(false);
        List<ListedFile> files = list(conf);
        try (HeaderFetcher warmUp = new HeaderFetcher(files, conf, plan, IoThreads.fixed(1))) {
            readAll(warmUp);
        }

        try (HeaderFetcher fetcher = new HeaderFetcher(files, conf, plan, IoThreads.upTo(8))) {
            assertEquals(files.stream().map(ListedFile::path).toList(), readAll(fetcher));
            assertFalse(fetcher.readingAhead());
        }
    }

    @Test
    void aFixedSettingIsKeptWhateverTheFilesDo() throws IOException {
        Configuration conf = conf(true);
        List<ListedFile> files = list(conf);

        try (HeaderFetcher fetcher = new HeaderFetcher(files.subList(0, HeaderFetcher.WINDOW + 10), conf, plan,
                IoThreads.fixed(1))) {
            readAll(fetcher);
            assertFalse(fetcher.readingAhead());
        }
    }
}
