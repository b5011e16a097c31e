package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;
import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> dump(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new DumpCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, status);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static DicomWriter ctImage() {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2")
                .string(0x00080060, VR.CS, "CT")
                .string(0x00100010, VR.PN, "Doe^Jane")
                .string(0x00180050, VR.DS, "0.625")
                .us(0x00280010, 512)
                .pixelData(VR.OW, 1024);
    }

    @Test
    void printsOneJsonObjectPerFileInTheDicomJsonModel() throws Exception {
        Path file = ctImage().writeTo(dir.resolve("ct.dcm"));
        JsonNode line = dump(file.toString()).get(0);
        assertEquals(file.toString(), line.get("path").asText());
        assertEquals("OK", line.get("status").asText());
        assertEquals("1.2.840.10008.1.2.1", line.get("transferSyntaxUID").asText());
        assertEquals("1.2.840.10008.1.2.1", line.at("/fileMeta/00020010/Value/0").asText());
        assertEquals("Doe^Jane", line.at("/dataset/00100010/Value/0/Alphabetic").asText());
        assertEquals(0.625, line.at("/dataset/00180050/Value/0").asDouble());
        assertEquals(512, line.at("/dataset/00280010/Value/0").asInt());
        assertEquals("7FE00010", line.at("/pixelData/tag").asText());
        assertEquals("OW", line.at("/pixelData/vr").asText());
        assertEquals(1024, line.at("/pixelData/length").asLong());
        assertEquals(Files.size(file) - 1024, line.at("/pixelData/offset").asLong());
        assertFalse(line.has("error"));
    }

    @Test
    void walksDirectoriesWithoutHidingDotUnderscoreOrEmptyFiles() throws Exception {
        Files.createDirectories(dir.resolve("a/.b"));
        ctImage().writeTo(dir.resolve("a/.b/_image"));
        Files.write(dir.resolve("a/.empty.dcm"), new byte[0]);
        Files.writeString(dir.resolve("notes.txt"), "not a DICOM file at all");
        List<JsonNode> lines = dump(dir.toString());
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).get("path").asText().endsWith("a/.b/_image"));
        assertEquals("OK", lines.get(0).get("status").asText());
        assertEquals("NOT_DICOM", lines.get(1).get("status").asText());
        assertEquals("NOT_DICOM", lines.get(1).at("/error/code").asText());
        assertEquals("NOT_DICOM", lines.get(2).get("status").asText());
    }

    @Test
    void reportsTheReasonOffsetAndTagOfABrokenFileWithoutItsValues() throws Exception {
        byte[] whole = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .string(0x00080060, VR.CS, "CT")
                .string(0x00100020, VR.LO, "SECRET-ID-123456").toBytes();
        Path file = dir.resolve("cut.dcm");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 4));
        JsonNode line = dump(file.toString()).get(0);
        assertEquals("PARTIAL", line.get("status").asText());
        assertEquals("LENGTH_EXCEEDS_FILE", line.at("/error/code").asText());
        assertEquals("00100020", line.at("/error/tag").asText());
        assertEquals(whole.length - 16, line.at("/error/offset").asLong());
        assertEquals("CT", line.at("/dataset/00080060/Value/0").asText());
        assertFalse(line.toString().contains("SECRET"));
    }

    @Test
    void stopAfterOptionReadsNoLaterElements() throws Exception {
        Path file = ctImage().writeTo(dir.resolve("ct.dcm"));
        JsonNode line = dump("--stop-after", "00100010", file.toString()).get(0);
        assertTrue(line.at("/dataset").has("00100010"));
        assertFalse(line.at("/dataset").has("00180050"));
        assertFalse(line.has("pixelData"));
    }
}
