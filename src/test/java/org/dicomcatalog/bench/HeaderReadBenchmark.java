package org.dicomcatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dicomcatalog.dicom.DicomDataSet;
import org.dicomcatalog.dicom.DicomElement;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.DicomSource;
import org.dicomcatalog.dicom.DicomValues;
import org.dicomcatalog.dicom.PersonName;
import org.dicomcatalog.dicom.ReadOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Headers per second per core for a typical CT image ({@link CtHeaderFixture}: ~4 KB header, 512 KiB of
 * pixel data), in memory and from a file, against reading the whole file. One thread, so ops/s is per core.
 *
 * <p>Run with {@code jobs/bench/header-reader.sh} (see docs/benchmarks.md); never run by the unit tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class HeaderReadBenchmark {

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int[] STRING_TAGS = {
        0x00080008, // ImageType (4 values)
        0x00080016, 0x00080018, 0x0020000D, 0x0020000E, 0x00200052, // UIDs
        0x00080060, 0x00080070, 0x00080080, 0x00081010, 0x00081030, 0x0008103E, 0x00081090, // text
        0x00100020, 0x00100040, 0x00180015, 0x00181030, 0x00181210, 0x00280004, 0x00281054,
    };
    private static final int[] PERSON_NAME_TAGS = {0x00100010, 0x00080090, 0x00081050};
    private static final int[] DATE_TAGS = {0x00080020, 0x00080021, 0x00080023, 0x00100030};
    private static final int[] TIME_TAGS = {0x00080030, 0x00080031, 0x00080033};
    private static final int[] DECIMAL_TAGS = {
        0x00200032, 0x00200037, 0x00280030, 0x00180050, 0x00180060, 0x00281052, 0x00281053, 0x00201041,
    };
    private static final int[] INTEGER_STRING_TAGS = {0x00200011, 0x00200013};
    private static final int[] BINARY_TAGS = {0x00280010, 0x00280011, 0x00280100};

    private byte[] file;
    private Path dir;
    private Path path;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = CtHeaderFixture.bytes();
        CtHeaderFixture.check(file);
        dir = Files.createTempDirectory("dicom-bench");
        path = Files.write(dir.resolve("ct.dcm"), file);
        // read once so the file is in the page cache: the figures are for a warm cache, not for a disk
        Files.readAllBytes(path);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(path);
        Files.deleteIfExists(dir);
    }

    /** (a) Header only, from bytes already in memory. */
    @Benchmark
    public int headerFromMemory() {
        return DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS).dataSet().size();
    }

    /** (b) As (a), then ~40 typed values decoded as a catalog row would: strings, names, dates, numbers. */
    @Benchmark
    public void headerAndValuesFromMemory(Blackhole bh) {
        DicomHeader h = DicomReader.read(DicomSource.of(file), ReadOptions.DEFAULTS);
        decodeValues(h.dataSet(), bh);
    }

    /** (c) Header only, from a (page-cached) file: open, positional reads of the first KiBs, close. */
    @Benchmark
    public int headerFromFile() {
        return DicomReader.read(path, ReadOptions.DEFAULTS).dataSet().size();
    }

    /** (d) Baseline: read the whole file into memory, as a naive pipeline does before parsing. */
    @Benchmark
    public int wholeFileFromFile() throws IOException {
        return Files.readAllBytes(path).length;
    }

    /** (d') Baseline: read the whole file, then parse the header from the bytes. */
    @Benchmark
    public int wholeFileThenParse() throws IOException {
        byte[] all = Files.readAllBytes(path);
        return DicomReader.read(DicomSource.of(all), ReadOptions.DEFAULTS).dataSet().size();
    }

    static void decodeValues(DicomDataSet ds, Blackhole bh) {
        bh.consume(ds.getStrings(SPECIFIC_CHARACTER_SET));
        for (int tag : STRING_TAGS) {
            bh.consume(ds.getStrings(tag));
        }
        for (int tag : PERSON_NAME_TAGS) {
            bh.consume(PersonName.parse(ds.get(tag).text()));
        }
        for (int tag : DATE_TAGS) {
            bh.consume(DicomValues.parseDate(ds.getString(tag)));
        }
        for (int tag : TIME_TAGS) {
            bh.consume(DicomValues.parseTime(ds.getString(tag)));
        }
        for (int tag : DECIMAL_TAGS) {
            for (String v : ds.getStrings(tag)) {
                bh.consume(DicomValues.parseDecimal(v));
            }
        }
        for (int tag : INTEGER_STRING_TAGS) {
            bh.consume(DicomValues.parseInteger(ds.getString(tag)));
        }
        for (int tag : BINARY_TAGS) {
            bh.consume(ds.get(tag).longs()[0]);
        }
        bh.consume(DicomValues.parseAge(ds.getString(0x00101010)));
        // sequences: the referenced images and the procedure code
        for (DicomDataSet item : ds.get(0x00081140).items()) {
            bh.consume(item.getString(0x00081155));
        }
        List<DicomDataSet> code = ds.get(0x00081032).items();
        bh.consume(code.get(0).getString(0x00080100));
        bh.consume(code.get(0).getString(0x00080104));
        // a private value, found through its creator
        DicomElement priv = ds.get(0x00431031);
        bh.consume(ds.privateCreator(priv.tag()));
        bh.consume(priv.strings());
    }
}
