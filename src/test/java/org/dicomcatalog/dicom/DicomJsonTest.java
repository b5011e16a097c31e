package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.dicomcatalog.dicom.write.DicomWriter;
import org.junit.jupiter.api.Test;

/** Data sets read from files, written in the DICOM JSON Model (PS3.18 F.2). */
class DicomJsonTest {
    private static final ReadOptions SMALL_BULK = ReadOptions.DEFAULTS.withBulkDataThreshold(1024);

    private static String json(DicomDataSet ds) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            new DicomJson(out, e -> "bulk/" + Tag.hex(e.tag()) + "?offset=" + e.valueOffset() + "&length="
                    + e.length()).writeDataSet(ds);
        }
        return text.toString();
    }

    private static DicomDataSet read(DicomWriter w) {
        DicomHeader h = DicomReader.read(DicomSource.of(w.toBytes()), SMALL_BULK);
        assertEquals(ReadStatus.OK, h.status());
        return h.dataSet();
    }

    private static DicomWriter bare() {
        return DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE).preamble(false).fileMeta(false);
    }

    @Test
    void smallDataSetRendersExactly() throws IOException {
        DicomDataSet ds = read(bare()
                .string(0x00080005, VR.CS, "ISO_IR 192")
                .string(0x00080008, VR.CS, "ORIGINAL", "", "AXIAL")
                .sequence(0x00081115, true, s -> s
                        .item(true, i -> i.string(0x0020000E, VR.UI, "1.2.3"))
                        .emptyItem())
                .charset(StandardCharsets.UTF_8)
                .string(0x00100010, VR.PN, "Yamada^Tarou=山田^太郎")
                .string(0x00100020, VR.LO, "")
                .string(0x00200013, VR.IS, "7")
                .us(0x00280010, 512)
                .string(0x00280030, VR.DS, "0.5", "-2.25"));
        assertEquals("{"
                + "\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                + "\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]},"
                + "\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{}]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\"}]},"
                + "\"00100020\":{\"vr\":\"LO\"},"
                + "\"00200013\":{\"vr\":\"IS\",\"Value\":[7]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]},"
                + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,-2.25]}"
                + "}", json(ds));
    }

    @Test
    void smallBinaryIsInlineAndBulkDataIsAUri() throws IOException {
        // a private group cannot start a bare data set (groups are even there): write a Part 10 file
        DicomWriter w = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
                .privateBlock(0x0009, 0x10, "ACME")
                .bytes(0x00091001, VR.OB, new byte[] {1, 2, 3, (byte) 0xFF})
                .bytes(0x00091002, VR.OB, new byte[2000]);
        byte[] file = w.toBytes();
        String rendered = json(read(w));
        long bulkOffset = file.length - 2000;
        assertEquals("{"
                + "\"00090010\":{\"vr\":\"LO\",\"Value\":[\"ACME\"]},"
                + "\"00091001\":{\"vr\":\"OB\",\"InlineBinary\":\"AQID/w==\"},"
                + "\"00091002\":{\"vr\":\"OB\",\"BulkDataURI\":\"bulk/00091002?offset=" + bulkOffset
                + "&length=2000\"}"
                + "}", rendered);
    }

    @Test
    void readValuesOverTheInlineLimitAreBulkToo() throws IOException {
        DicomDataSet ds = read(bare().bytes(0x00420011, VR.OB, new byte[DicomJson.INLINE_BINARY_MAX + 2]));
        JsonNode node = new ObjectMapper().readTree(json(ds)).get("00420011");
        assertEquals("OB", node.get("vr").asText());
        assertEquals("bulk/00420011?offset=12&length=" + (DicomJson.INLINE_BINARY_MAX + 2),
                node.get("BulkDataURI").asText());
    }

    @Test
    void bigEndianNumbersAndTagsRenderAsInLittleEndian() throws IOException {
        DicomWriter w = DicomWriter.create(TransferSyntax.EXPLICIT_BIG)
                .fd(0x00189087, 1000.5)
                .at(0x00209165, 0x00209111)
                .us(0x00280010, 512);
        JsonNode root = new ObjectMapper().readTree(json(read(w)));
        assertEquals(1000.5, root.get("00189087").get("Value").get(0).asDouble());
        assertEquals("00209111", root.get("00209165").get("Value").get(0).asText());
        assertEquals(512, root.get("00280010").get("Value").get(0).asInt());
    }
}
