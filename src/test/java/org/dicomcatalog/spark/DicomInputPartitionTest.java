package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A partition reaches its executor by Java serialization with the same files, in the same order. */
class DicomInputPartitionTest {

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static DicomInputPartition roundTrip(DicomInputPartition partition) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(partition)))) {
            return (DicomInputPartition) in.readObject();
        }
    }

    @Test
    void filesSurviveSerializationWhateverTheirNamesShare() throws Exception {
        List<ListedFile> files = List.of(
                new ListedFile("file:/archive/a/IM1", 10, 1000),
                new ListedFile("file:/archive/a/IM10", 0, 1001),
                new ListedFile("file:/archive/a/IM10/x", 20, 1002),
                new ListedFile("file:/archive/b", 30, 1003),
                new ListedFile("file:/archive/b/\u00e9t\u00e9/\u6f22\u5b57.dcm", 40, 1004),
                // two emoji sharing their high surrogate: the shared prefix ends inside a character
                new ListedFile("file:/archive/b/\ud83d\ude00.dcm", 50, 1005),
                new ListedFile("file:/archive/b/\ud83d\ude01.dcm", 60, 1006),
                new ListedFile("hdfs://nn:8020/other", 70, 1007),
                new ListedFile("s3a://bucket/key with spaces", Long.MAX_VALUE, -1));

        DicomInputPartition copy = roundTrip(new DicomInputPartition(files));

        assertEquals(files, copy.files());
        assertEquals("file:/archive/a/IM1", copy.firstPath());
    }

    @Test
    void aDeepArchivesPathsTravelInAFractionOfTheirPlainSize() throws Exception {
        List<ListedFile> files = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String path = String.format("file:/data/archive/HOSP-A/%012x/20150308/%d/IM%06d", i / 100, i / 10, i);
            files.add(new ListedFile(path, 1, 2));
            plain.add(path);
        }
        DicomInputPartition partition = new DicomInputPartition(files);

        int frontCoded = serialize(partition).length;
        int asStrings = serialize(plain.toArray(new String[0])).length;

        assertEquals(files, roundTrip(partition).files());
        assertTrue(frontCoded < asStrings / 2, frontCoded + " bytes against " + asStrings);
    }
}
