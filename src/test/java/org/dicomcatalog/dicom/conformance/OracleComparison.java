package org.dicomcatalog.dicom.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two DICOM JSON Model data sets element by element, items included. An element is identical
 * when VR and value agree: numbers by value, bulk data by length (the URIs name different places).
 */
final class OracleComparison {

    /** One element that differs: its path ("00081111/0/00081150") and what differs. */
    record Difference(String path, String what) {
        String topLevelTag() {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
    }

    private final List<Difference> differences = new ArrayList<>();
    private int compared;

    void compare(JsonNode expected, JsonNode actual) {
        Map<String, JsonNode> want = flatten(expected);
        Map<String, JsonNode> got = flatten(actual);
        for (Map.Entry<String, JsonNode> entry : want.entrySet()) {
            compared++;
            JsonNode ours = got.get(entry.getKey());
            if (ours == null) {
                differences.add(new Difference(entry.getKey(), "missing"));
            } else {
                String what = elementDifference(entry.getValue(), ours);
                if (what != null) {
                    differences.add(new Difference(entry.getKey(), what));
                }
            }
        }
        for (String path : got.keySet()) {
            if (!want.containsKey(path)) {
                compared++;
                differences.add(new Difference(path, "extra"));
            }
        }
    }

    int compared() {
        return compared;
    }

    List<Difference> differences() {
        return differences;
    }

    private static Map<String, JsonNode> flatten(JsonNode dataSet) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten(dataSet, "", out);
        return out;
    }

    private static void flatten(JsonNode dataSet, String prefix, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = dataSet.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            out.put(path, field.getValue());
            JsonNode element = field.getValue();
            if ("SQ".equals(element.path("vr").asText()) && element.path("Value").isArray()) {
                int index = 0;
                for (JsonNode item : element.get("Value")) {
                    flatten(item, path + "/" + index++ + "/", out);
                }
            }
        }
    }

    private static String elementDifference(JsonNode want, JsonNode got) {
        String wantVr = want.path("vr").asText();
        String gotVr = got.path("vr").asText();
        if (!wantVr.equals(gotVr)) {
            return "vr " + wantVr + " vs " + gotVr;
        }
        if ("SQ".equals(wantVr)) {
            int wantItems = want.path("Value").size();
            int gotItems = got.path("Value").size();
            return wantItems == gotItems ? null : "items " + wantItems + " vs " + gotItems;
        }
        if (want.has("BulkDataURI") || got.has("BulkDataURI")) {
            return bulkLength(want).equals(bulkLength(got)) ? null : "bulk data length";
        }
        if (want.has("InlineBinary") || got.has("InlineBinary")) {
            return want.path("InlineBinary").equals(got.path("InlineBinary")) ? null : "inline binary";
        }
        if (want.has("x-error")) {
            return "reference could not convert the value";
        }
        return valuesEqual(want.path("Value"), got.path("Value")) ? null : "value";
    }

    private static String bulkLength(JsonNode element) {
        if (element.has("InlineBinary")) {
            return Integer.toString(java.util.Base64.getDecoder().decode(element.get("InlineBinary").asText()).length);
        }
        String uri = element.path("BulkDataURI").asText();
        int at = uri.lastIndexOf("length=");
        return at < 0 ? uri : uri.substring(at + "length=".length());
    }

    /**
     * An empty value inside a multi-valued element: PS3.18 F.2.5 writes it as null, pydicom as "". That is
     * representation, not content, like the trailing padding the corpus README's own cross-check ignores.
     */
    private static boolean emptyValue(JsonNode value) {
        return value.isNull() || value.isTextual() && value.asText().isEmpty();
    }

    private static boolean valuesEqual(JsonNode want, JsonNode got) {
        if (want.isMissingNode() || got.isMissingNode()) {
            return want.isMissingNode() && got.isMissingNode();
        }
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            JsonNode a = want.get(i);
            JsonNode b = got.get(i);
            boolean same = a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble()
                    : emptyValue(a) && emptyValue(b) || a.equals(b);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
