package org.dicomcatalog.dicom;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Writes data sets in the DICOM JSON Model (PS3.18 F.2): objects keyed by eight hex digits, each with
 * "vr" and one of "Value", "InlineBinary" or "BulkDataURI"; no value key for an empty element.
 */
public final class DicomJson {
    /** Binary values up to this many bytes are inlined as base64 (1024 base64 characters). */
    public static final int INLINE_BINARY_MAX = 768;

    private final JsonGenerator out;
    private final Function<DicomElement, String> bulkDataUri;

    /** {@code bulkDataUri} names where a value that is not inlined can be fetched from. */
    public DicomJson(JsonGenerator out, Function<DicomElement, String> bulkDataUri) {
        this.out = out;
        this.bulkDataUri = bulkDataUri;
    }

    public void writeDataSet(DicomDataSet dataSet) throws IOException {
        out.writeStartObject();
        for (DicomElement element : dataSet.elements()) {
            out.writeFieldName(Tag.hex(element.tag()));
            writeElement(element);
        }
        out.writeEndObject();
    }

    private void writeElement(DicomElement element) throws IOException {
        out.writeStartObject();
        out.writeStringField("vr", element.vr().name());
        if (element.isSequence()) {
            out.writeArrayFieldStart("Value");
            for (DicomDataSet item : element.items()) {
                writeDataSet(item);
            }
            out.writeEndArray();
        } else if (element.isBulkData() || (element.vr().kind() == VR.Kind.BULK
                && element.length() > INLINE_BINARY_MAX)) {
            out.writeStringField("BulkDataURI", bulkDataUri.apply(element));
        } else if (element.length() > 0) {
            writeValue(element);
        }
        out.writeEndObject();
    }

    private void writeValue(DicomElement element) throws IOException {
        if (element.vr().kind() == VR.Kind.BULK) {
            out.writeStringField("InlineBinary", Base64.getEncoder().encodeToString(element.bytes()));
            return;
        }
        List<String> values = element.strings();
        if (values.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart("Value");
        switch (element.vr()) {
            case PN:
                values.forEach(this::writePersonName);
                break;
            case DS:
                values.forEach(v -> writeNumberOrRaw(v, DicomValues.parseDecimal(v)));
                break;
            case IS:
                values.forEach(v -> writeNumberOrRaw(v, DicomValues.parseInteger(v)));
                break;
            case FL:
            case FD:
                for (double d : element.doubles()) {
                    writeDouble(d);
                }
                break;
            default:
                writeStrings(element, values);
        }
        out.writeEndArray();
    }

    private void writeStrings(DicomElement element, List<String> values) throws IOException {
        boolean number = element.vr().kind() == VR.Kind.BINARY_NUMBER && element.vr() != VR.AT;
        for (String value : values) {
            if (value.isEmpty()) {
                out.writeNull();
            } else if (number) {
                out.writeNumber(value);
            } else {
                out.writeString(value);
            }
        }
    }

    private void writePersonName(String value) {
        try {
            PersonName name = PersonName.parse(value);
            if (name == null) {
                out.writeNull();
                return;
            }
            out.writeStartObject();
            writeIfPresent("Alphabetic", name.alphabetic());
            writeIfPresent("Ideographic", name.ideographic());
            writeIfPresent("Phonetic", name.phonetic());
            out.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeIfPresent(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    /** DS and IS are JSON numbers; a value that does not parse is kept as its text rather than lost. */
    private void writeNumberOrRaw(String raw, Number parsed) {
        try {
            if (raw.isEmpty()) {
                out.writeNull();
            } else if (parsed instanceof Long) {
                out.writeNumber(parsed.longValue());
            } else if (parsed != null) {
                writeDouble(parsed.doubleValue());
            } else {
                out.writeString(raw);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** JSON has no NaN or infinity: those are written as strings, as pydicom and dcm4che do. */
    private void writeDouble(double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else {
            out.writeNumber(d);
        }
    }
}
