package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.dicomcatalog.dicom.conformance.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutations of the header part of corpus files: every input yields a header or a reason code, and
 * nothing escapes the reader (INTERNAL means a RuntimeException or StackOverflowError was caught inside it).
 * {@code -Dfuzz.mutations=N} sets the count (10,000 by default; the {@code fuzz} Maven profile runs 1,000,000).
 * A failure names the seed, the iteration and the edits, so {@link #mutate} replays it exactly.
 */
class MutationFuzzTest {
    static final long SEED = 20261121L;
    private static final int HEADER_PART = 64 << 10;
    private static final int[] INTERESTING_LENGTHS = {0, 1, 2, 7, 8, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0,
        0xFFFFFFFE, 0xFFFFFFFF};
    /** Edit kinds by weight: truncation is rare, since one cut hides every other edit after it. */
    private static final int[] EDIT_KINDS = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6};

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyMutatedCorpusFileGivesAHeaderOrAReasonCode() throws IOException {
        int mutations = Integer.getInteger("fuzz.mutations", 10_000);
        List<String> names = Corpus.files();
        List<byte[]> files = new ArrayList<>();
        for (String name : names) {
            files.add(headerPart(Corpus.root().resolve(name)));
        }
        Map<ReadStatus, Integer> statuses = new EnumMap<>(ReadStatus.class);
        Map<ErrorCode, Integer> codes = new EnumMap<>(ErrorCode.class);
        long started = System.nanoTime();
        for (int iteration = 0; iteration < mutations; iteration++) {
            SplittableRandom random = new SplittableRandom(SEED + iteration);
            int pick = random.nextInt(files.size());
            StringBuilder edits = new StringBuilder();
            byte[] input = mutate(files.get(pick), random, edits);
            String context = "seed " + SEED + " iteration " + iteration + " file " + names.get(pick) + " edits"
                    + edits;
            DicomHeader header;
            try {
                header = DicomReader.read(input);
            } catch (Throwable t) {
                throw new AssertionError("reader threw on " + context, t);
            }
            check(header, context);
            statuses.merge(header.status(), 1, Integer::sum);
            if (header.error() != null) {
                codes.merge(header.error().code(), 1, Integer::sum);
            }
        }
        System.out.printf("MutationFuzzTest: %d mutations of %d corpus files in %d ms; %s; %s%n", mutations,
                files.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), statuses, codes);
        assertFalse(statuses.isEmpty());
    }

    private static void check(DicomHeader header, String context) {
        ReadStatus status = header.status();
        if (status == null) {
            fail("null status on " + context);
        }
        if (status == ReadStatus.OK) {
            if (header.error() != null) {
                fail("OK with an error " + header.error() + " on " + context);
            }
            return;
        }
        if (header.error() == null || header.error().code() == null) {
            fail(status + " without an error code on " + context);
        }
        ErrorCode code = header.error().code();
        if (code == ErrorCode.INTERNAL) {
            fail("INTERNAL (an exception escaped the parser): " + header.error().getMessage() + " on " + context);
        }
        if (code == ErrorCode.IO_ERROR) {
            fail("IO_ERROR from an in-memory source on " + context);
        }
        if ((status == ReadStatus.NOT_DICOM) != (code == ErrorCode.NOT_DICOM)) {
            fail(status + " with " + code + " on " + context);
        }
        if (status == ReadStatus.PARTIAL && header.dataSet().isEmpty()) {
            fail("PARTIAL without elements on " + context);
        }
        if (header.dataSet() == null || header.fileMeta() == null || header.warnings() == null) {
            fail("null part of the header on " + context);
        }
    }

    private static byte[] headerPart(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_PART);
        }
    }

    /** 1 to 8 edits of a copy of {@code original}, each appended to {@code edits} as it is made. */
    static byte[] mutate(byte[] original, SplittableRandom random, StringBuilder edits) {
        byte[] b = original.clone();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            if (b.length == 0) {
                edits.append(" empty");
                break;
            }
            int at = random.nextInt(b.length);
            switch (EDIT_KINDS[random.nextInt(EDIT_KINDS.length)]) {
                case 0 -> {
                    int bit = random.nextInt(8);
                    b[at] ^= (byte) (1 << bit);
                    edits.append(" flip@").append(at).append(':').append(bit);
                }
                case 1 -> {
                    int n = 1 + random.nextInt(Math.min(16, b.length - at));
                    for (int j = 0; j < n; j++) {
                        b[at + j] = (byte) random.nextInt(256);
                    }
                    edits.append(" random@").append(at).append('x').append(n);
                }
                case 2 -> {
                    if (at + 4 <= b.length) {
                        int length = random.nextBoolean() ? INTERESTING_LENGTHS[random.nextInt(
                                INTERESTING_LENGTHS.length)] : random.nextInt();
                        ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
                        edits.append(" length32@").append(at).append('=').append(Integer.toUnsignedString(length));
                    }
                }
                case 3 -> {
                    if (at + 2 <= b.length) {
                        int length = random.nextBoolean() ? 0xFFFF : random.nextInt(0x10000);
                        ByteBuffer.wrap(b, at, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) length);
                        edits.append(" length16@").append(at).append('=').append(length);
                    }
                }
                case 4 -> {
                    int n = 1 + random.nextInt(Math.min(4096, b.length - at));
                    byte[] shorter = new byte[b.length - n];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + n, shorter, at, b.length - at - n);
                    b = shorter;
                    edits.append(" delete@").append(at).append('x').append(n);
                }
                case 5 -> {
                    int n = 1 + random.nextInt(Math.min(4096, b.length - at));
                    int to = random.nextInt(b.length + 1);
                    byte[] longer = new byte[b.length + n];
                    System.arraycopy(b, 0, longer, 0, to);
                    System.arraycopy(b, at, longer, to, n);
                    System.arraycopy(b, to, longer, to + n, b.length - to);
                    b = longer;
                    edits.append(" duplicate@").append(at).append('x').append(n).append("->").append(to);
                }
                default -> {
                    b = Arrays.copyOf(b, at);
                    edits.append(" truncate@").append(at);
                }
            }
        }
        return b;
    }
}
