package org.dicomcatalog.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One data element as read: tag, VR, where its value lies in the file, and either the value bytes, the
 * items of a sequence, or nothing (bulk data skipped by the reader). Values are decoded on access, so
 * reading a header costs one copy per element however many of its values a caller ends up using.
 */
public final class DicomElement {
    public static final long UNDEFINED_LENGTH = -1;

    private final int tag;
    private final VR vr;
    private final long valueOffset;
    private final long length;
    private final byte[] value;
    private final List<DicomDataSet> items;
    private final boolean bigEndian;
    private final SpecificCharacterSet charset;

    private DicomElement(int tag, VR vr, long valueOffset, long length, byte[] value, List<DicomDataSet> items,
            boolean bigEndian, SpecificCharacterSet charset) {
        this.tag = tag;
        this.vr = vr;
        this.valueOffset = valueOffset;
        this.length = length;
        this.value = value;
        this.items = items;
        this.bigEndian = bigEndian;
        this.charset = charset;
    }

    static DicomElement ofValue(int tag, VR vr, long valueOffset, byte[] value, boolean bigEndian,
            SpecificCharacterSet charset) {
        return new DicomElement(tag, vr, valueOffset, value.length, value, null, bigEndian, charset);
    }

    static DicomElement ofBulkData(int tag, VR vr, long valueOffset, long length, boolean bigEndian) {
        return new DicomElement(tag, vr, valueOffset, length, null, null, bigEndian, null);
    }

    static DicomElement ofSequence(int tag, long valueOffset, long length, List<DicomDataSet> items) {
        return new DicomElement(tag, VR.SQ, valueOffset, length, null, Collections.unmodifiableList(items), false,
                null);
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** Offset of the first value byte (in the inflated stream when the data set is deflated). */
    public long valueOffset() {
        return valueOffset;
    }

    /** The declared value length, or {@link #UNDEFINED_LENGTH}. */
    public long length() {
        return length;
    }

    public boolean isSequence() {
        return items != null;
    }

    /** True when the value was skipped, not read: only its offset and length are known. */
    public boolean isBulkData() {
        return value == null && items == null;
    }

    /** Sequence items; empty for other elements. */
    public List<DicomDataSet> items() {
        return items != null ? items : List.of();
    }

    /** Binary values keep the byte order of the file. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** A copy of the value bytes; null for bulk data and sequences. */
    public byte[] bytes() {
        return value != null ? value.clone() : null;
    }

    /** The whole value decoded as text (character set applied to text VRs), padding not yet removed. */
    public String text() {
        if (value == null) {
            return null;
        }
        if (vr.isText()) {
            return charset.decode(value, 0, value.length, vr);
        }
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    /**
     * The values as strings: string VRs split on backslash (except ST, LT, UT, UR) with padding removed;
     * AT as eight hex digits; binary numbers in decimal. Empty when the value is empty, bulk or a sequence.
     */
    public List<String> strings() {
        if (value == null || value.length == 0) {
            return List.of();
        }
        if (vr.isString()) {
            return splitAndTrim(text());
        }
        if (vr == VR.AT) {
            List<String> tags = new ArrayList<>();
            for (long t : longs()) {
                tags.add(Tag.hex((int) t));
            }
            return tags;
        }
        if (vr == VR.FL || vr == VR.FD) {
            List<String> numbers = new ArrayList<>();
            for (double d : doubles()) {
                numbers.add(Double.toString(d));
            }
            return numbers;
        }
        List<String> numbers = new ArrayList<>();
        for (long l : longs()) {
            numbers.add(vr == VR.UV ? Long.toUnsignedString(l) : Long.toString(l));
        }
        return numbers;
    }

    private List<String> splitAndTrim(String text) {
        if (!vr.isMultiValuedString()) {
            String single = DicomValues.trimValue(text, vr);
            return single.isEmpty() ? List.of() : List.of(single);
        }
        List<String> parts = DicomValues.splitValues(text);
        List<String> trimmed = new ArrayList<>(parts.size());
        for (String part : parts) {
            trimmed.add(DicomValues.trimValue(part, vr));
        }
        if (trimmed.size() == 1 && trimmed.get(0).isEmpty()) {
            return List.of();
        }
        return trimmed;
    }

    /** The first value as a string, or null; cheaper than {@code strings().get(0)}. */
    public String string() {
        if (value == null || value.length == 0) {
            return null;
        }
        if (!vr.isString()) {
            List<String> values = strings();
            return values.isEmpty() ? null : values.get(0);
        }
        String text = text();
        int end = vr.isMultiValuedString() ? text.indexOf('\\') : -1;
        String first = DicomValues.trimValue(end < 0 ? text : text.substring(0, end), vr);
        return first.isEmpty() && end < 0 ? null : first;
    }

    /**
     * Binary integers (SS, US, SL, UL, SV, UV, AT as group-element ints); unsigned 32-bit values come back
     * positive, UV above 2^63 wraps to negative. Empty for other VRs; a trailing partial value is dropped.
     */
    public long[] longs() {
        if (value == null || vr.kind() != VR.Kind.BINARY_NUMBER || vr == VR.FL || vr == VR.FD) {
            return new long[0];
        }
        int size = vr.unitSize();
        long[] out = new long[value.length / size];
        for (int i = 0; i < out.length; i++) {
            out[i] = integerAt(i * size);
        }
        return out;
    }

    private long integerAt(int offset) {
        switch (vr) {
            case SS:
                return (short) read(offset, 2);
            case US:
                return read(offset, 2);
            case SL:
                return (int) read(offset, 4);
            case UL:
                return read(offset, 4);
            case AT:
                return (read(offset, 2) << 16) | read(offset + 2, 2);
            default:
                return read(offset, 8);
        }
    }

    /** FL and FD values; empty for other VRs. */
    public double[] doubles() {
        if (value == null || (vr != VR.FL && vr != VR.FD)) {
            return new double[0];
        }
        int size = vr.unitSize();
        double[] out = new double[value.length / size];
        for (int i = 0; i < out.length; i++) {
            long bits = read(i * size, size);
            out[i] = size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        }
        return out;
    }

    /** An unsigned integer of {@code size} bytes at {@code offset}, in the element's byte order. */
    private long read(int offset, int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            int b = value[bigEndian ? offset + i : offset + size - 1 - i] & 0xFF;
            result = (result << 8) | b;
        }
        return result;
    }

    @Override
    public String toString() {
        return Tag.toString(tag) + " " + vr + " #" + length;
    }
}
