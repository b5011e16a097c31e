package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.Test;

class DicomOptionsTest {
    private static DicomOptions options(Map<String, String> map) {
        return new DicomOptions(new CaseInsensitiveStringMap(map));
    }

    @Test
    void withoutTheOptionTasksAreAboutTwoPerCoreWithinBounds() {
        DicomOptions automatic = options(Map.of("path", "/a"));
        assertEquals(256, automatic.filesPerPartition(100, 2));
        assertEquals(558, automatic.filesPerPartition(2_229, 2));
        assertEquals(5_000, automatic.filesPerPartition(1_000_000, 100));
        assertEquals(10_000, automatic.filesPerPartition(10_000_000, 8));
    }

    @Test
    void theOptionWinsAndMustBePositive() {
        assertEquals(2, options(Map.of("path", "/a", "filesPerPartition", "2")).filesPerPartition(2_229, 2));
        assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("path", "/a", "filesPerPartition", "0")).filesPerPartition(10, 2));
    }

    @Test
    void withoutTheOptionObjectStoresReadManyFilesAtOnceAndOtherStoresAdapt() {
        DicomOptions automatic = options(Map.of("path", "/a"));
        assertEquals(IoThreads.fixed(32), automatic.ioThreads("s3a"));
        assertEquals(IoThreads.fixed(32), automatic.ioThreads("gs"));
        assertEquals(IoThreads.fixed(32), automatic.ioThreads("abfss"));
        assertEquals(IoThreads.upTo(8), automatic.ioThreads("file"));
        assertEquals(IoThreads.upTo(8), automatic.ioThreads("hdfs"));
        assertEquals(IoThreads.upTo(8), automatic.ioThreads(null));
        assertEquals(IoThreads.fixed(4), options(Map.of("path", "/a", "ioThreads", "4")).ioThreads("s3a"));
        assertEquals(IoThreads.fixed(1), options(Map.of("path", "/a", "ioThreads", "1")).ioThreads("file"));
        assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("path", "/a", "ioThreads", "0")).ioThreads("file"));
    }
}
