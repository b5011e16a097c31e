package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.VariantVal;
import org.dicomcatalog.dicom.DicomDataSet;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomJson;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.conformance.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Every corpus file read through the dicom source gives what {@code dump} prints for it: the outcome, the
 * pixel data position and, element for element, the header. The dump's DICOM JSON is re-keyed and reshaped
 * here from its own text (creators looked up in the JSON), so only the key and VM rules are shared with
 * {@link HeaderVariant}.
 */
class CorpusThroughSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFileMatchesDumpElementForElement() throws IOException {
        Path root = Corpus.root();

        List<Row> rows = SparkTestSession.get().read().format("dicom").load(root.toString())
                .select("path", "status", "error_code", "pixel_data_offset", "pixel_data_length", "header")
                .collectAsList();

        List<String> mismatches = new ArrayList<>();
        int withHeader = 0;
        for (Row row : rows) {
            String path = new org.apache.hadoop.fs.Path(row.getString(0)).toUri().getPath();
            DicomHeader dump = DicomReader.read(Path.of(path), ReadOptions.DEFAULTS);
            JsonNode header = row.isNullAt(5) ? NullNode.instance
                    : JSON.readTree(((VariantVal) row.get(5)).toJson(ZoneOffset.UTC));
            withHeader += header.isNull() ? 0 : 1;
            List<Object> expected = List.of(dump.status().name(), Objects.toString(
                    dump.error() == null ? null : dump.error().code()), Objects.toString(
                    dump.pixelData() == null ? null : dump.pixelData().valueOffset()), Objects.toString(
                    dump.pixelData() == null ? null : dump.pixelData().length()),
                    dump.encoding() == null ? NullNode.instance : reparse(reshape(dumpJson(dump.dataSet()))));
            List<Object> actual = List.of(row.getString(1), Objects.toString(row.get(2)),
                    Objects.toString(row.get(3)), Objects.toString(row.get(4)), header);
            if (!expected.equals(actual)) {
                mismatches.add(path + ": " + firstDifference(expected, actual));
            }
        }

        assertTrue(rows.size() >= Corpus.files().size(), "a row per corpus file: " + rows.size());
        assertTrue(withHeader > Corpus.files().size() / 2, "most corpus files have a header: " + withHeader);
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                mismatches.size() + " files differ");
    }

    private static JsonNode dumpJson(DicomDataSet dataSet) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            new DicomJson(out, e -> "file?offset=" + e.valueOffset() + "&length=" + e.length()).writeDataSet(dataSet);
        }
        return JSON.readTree(text.toString());
    }

    /** Numbers as parsed from text (IntNode for small longs), as the source's side is. */
    private static JsonNode reparse(JsonNode node) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(node));
    }

    /** A DICOM JSON data set keyed and shaped as the header column is. */
    private static ObjectNode reshape(JsonNode dataSet) {
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = dataSet.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            int tag = Tag.parse(field.getKey());
            String creator = creator(dataSet, tag);
            String key = HeaderVariant.key(tag, creator);
            if (key != null && !out.has(key)) {
                out.set(key, value(field.getValue(), HeaderVariant.singleValued(tag, creator)));
            }
        }
        return out;
    }

    private static String creator(JsonNode dataSet, int tag) {
        int block = Tag.privateBlock(tag);
        JsonNode creator = block < 0 ? null : dataSet.get(Tag.hex(Tag.of(Tag.group(tag), block)));
        return creator == null || !creator.has("Value") ? null : creator.get("Value").get(0).textValue();
    }

    private static JsonNode value(JsonNode element, boolean singleValued) {
        JsonNode values = element.get("Value");
        if (element.get("vr").textValue().equals("SQ")) {
            ArrayNode items = JSON.createArrayNode();
            values.forEach(item -> items.add(reshape(item)));
            return items;
        }
        if (element.has("BulkDataURI")) {
            String uri = element.get("BulkDataURI").textValue();
            ObjectNode bulk = JSON.createObjectNode();
            bulk.put("offset", Long.parseLong(uri.substring(uri.indexOf("offset=") + 7, uri.indexOf('&'))));
            bulk.put("length", Long.parseLong(uri.substring(uri.indexOf("length=") + 7)));
            return bulk;
        }
        if (element.has("InlineBinary")) {
            return element.get("InlineBinary");
        }
        if (values == null || values.isEmpty()) {
            return NullNode.instance;
        }
        return singleValued && values.size() == 1 ? values.get(0) : values;
    }

    private static String firstDifference(List<Object> expected, List<Object> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) instanceof ObjectNode want && actual.get(i) instanceof ObjectNode got) {
                for (Iterator<String> keys = want.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!want.get(key).equals(got.get(key))) {
                        return key + " dump " + want.get(key) + " source " + got.get(key);
                    }
                }
                return "source only " + got.size() + " keys vs " + want.size();
            }
            if (!expected.get(i).equals(actual.get(i))) {
                return "dump " + expected.get(i) + " source " + actual.get(i);
            }
        }
        return "";
    }
}
