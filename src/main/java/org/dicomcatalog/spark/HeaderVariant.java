package org.dicomcatalog.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.types.variant.Variant;
import org.apache.spark.types.variant.VariantBuilder;
import org.apache.spark.types.variant.VariantBuilder.FieldEntry;
import org.apache.spark.unsafe.types.VariantVal;
import org.dicomcatalog.dicom.DataDictionary;
import org.dicomcatalog.dicom.DicomDataSet;
import org.dicomcatalog.dicom.DicomElement;
import org.dicomcatalog.dicom.DicomJson;
import org.dicomcatalog.dicom.DicomValues;
import org.dicomcatalog.dicom.PersonName;
import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.VR;

/**
 * The whole data set as one VARIANT value, written straight into Spark's binary encoding (no JSON text in
 * between). Keys and value shapes are described in docs/spark-source.md, "The header column".
 */
final class HeaderVariant {
    private static final DataDictionary DICTIONARY = DataDictionary.standard();

    // duplicates are dropped before they reach the builder (first wins, as DicomDataSet.get answers)
    private final VariantBuilder builder = new VariantBuilder(false);
    private final boolean includePrivateTags;

    private HeaderVariant(boolean includePrivateTags) {
        this.includePrivateTags = includePrivateTags;
    }

    static VariantVal of(DicomDataSet dataSet, boolean includePrivateTags) {
        HeaderVariant header = new HeaderVariant(includePrivateTags);
        header.writeDataSet(dataSet);
        Variant variant = header.builder.result();
        return new VariantVal(variant.getValue(), variant.getMetadata());
    }

    /**
     * The key of an element: the PS3.6 keyword; GGGGEEEE for a standard tag without a keyword of its own
     * (repeating groups such as 60xx share keywords); {@code (gggg,"CREATOR",ee)} for a private data element
     * of a block whose creator is known, since the block number moves between files while the creator does
     * not; GGGGEEEE for other private tags. Null for private creator elements: their value is in the keys.
     */
    static String key(int tag, String creator) {
        if (Tag.isPrivate(tag)) {
            if (Tag.isPrivateCreator(tag)) {
                return null;
            }
            return creator == null ? Tag.hex(tag) : String.format(Locale.ROOT, "(%04X,\"%s\",%02X)",
                    Tag.group(tag), creator, Tag.element(tag) & 0xFF);
        }
        String keyword = DICTIONARY.keyword(tag);
        return !keyword.isEmpty() && DICTIONARY.tagOf(keyword) == tag ? keyword : Tag.hex(tag);
    }

    /**
     * True when the dictionary gives the element VM 1: its one value is written bare, so SQL reads
     * {@code $.Modality}, not {@code $.Modality[0]}. Other elements are always arrays, whatever their count
     * in a given file, so a path such as {@code $.ImageType[0]} works on every file.
     */
    static boolean singleValued(int tag, String creator) {
        DataDictionary.Entry entry = Tag.isPrivate(tag) ? DICTIONARY.privateEntry(creator, tag) : DICTIONARY.entry(tag);
        return entry != null && "1".equals(entry.vm());
    }

    private void writeDataSet(DicomDataSet dataSet) {
        int start = builder.getWritePos();
        ArrayList<FieldEntry> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DicomElement element : dataSet.elements()) {
            int tag = element.tag();
            if (Tag.isPrivate(tag) && !includePrivateTags) {
                continue;
            }
            String creator = dataSet.privateCreator(tag);
            String key = key(tag, creator);
            if (key != null && seen.add(key)) {
                fields.add(new FieldEntry(key, builder.addKey(key), builder.getWritePos() - start));
                writeElement(element, singleValued(tag, creator));
            }
        }
        builder.finishWritingObject(start, fields);
    }

    private void writeElement(DicomElement element, boolean singleValued) {
        VR vr = element.vr();
        if (element.isSequence()) {
            int start = builder.getWritePos();
            ArrayList<Integer> offsets = new ArrayList<>();
            for (DicomDataSet item : element.items()) {
                offsets.add(builder.getWritePos() - start);
                writeDataSet(item);
            }
            builder.finishWritingArray(start, offsets);
        } else if (element.isBulkData()
                || (vr.kind() == VR.Kind.BULK && element.length() > DicomJson.INLINE_BINARY_MAX)) {
            // where the value lies, never the bytes: the same cut as dump's BulkDataURI
            writeBulkData(element);
        } else if (element.length() == 0) {
            builder.appendNull();
        } else if (vr.kind() == VR.Kind.BULK) {
            builder.appendBinary(element.bytes());
        } else {
            writeValues(element, singleValued);
        }
    }

    private void writeBulkData(DicomElement element) {
        int start = builder.getWritePos();
        ArrayList<FieldEntry> fields = new ArrayList<>();
        fields.add(new FieldEntry("offset", builder.addKey("offset"), builder.getWritePos() - start));
        builder.appendLong(element.valueOffset());
        fields.add(new FieldEntry("length", builder.addKey("length"), builder.getWritePos() - start));
        builder.appendLong(element.length());
        builder.finishWritingObject(start, fields);
    }

    private void writeValues(DicomElement element, boolean singleValued) {
        List<String> values = element.strings();
        double[] doubles = element.doubles();
        if (values.isEmpty()) {
            builder.appendNull();
        } else if (singleValued && values.size() == 1) {
            writeValue(element.vr(), values.get(0), doubles.length > 0 ? doubles[0] : 0);
        } else {
            int start = builder.getWritePos();
            ArrayList<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                offsets.add(builder.getWritePos() - start);
                writeValue(element.vr(), values.get(i), doubles.length > i ? doubles[i] : 0);
            }
            builder.finishWritingArray(start, offsets);
        }
    }

    /** One value typed by its VR; a DS or IS that does not parse keeps its text, as dump does. */
    private void writeValue(VR vr, String text, double binaryDouble) {
        if (text.isEmpty()) {
            builder.appendNull();
            return;
        }
        switch (vr) {
            case PN -> writePersonName(PersonName.parse(text));
            case DS -> appendNumberOrText(DicomValues.parseDecimal(text), text);
            case IS -> appendNumberOrText(DicomValues.parseInteger(text), text);
            case FL, FD -> builder.appendDouble(binaryDouble);
            // above 2^63 a UV does not fit a long: strings() gives it unsigned, kept exact as a decimal
            case UV -> builder.appendDecimal(new BigDecimal(text));
            case SS, US, SL, UL, SV -> builder.appendLong(Long.parseLong(text));
            default -> builder.appendString(text);
        }
    }

    private void appendNumberOrText(Number parsed, String text) {
        if (parsed instanceof Long l) {
            builder.appendLong(l);
        } else if (parsed != null) {
            builder.appendDouble(parsed.doubleValue());
        } else {
            builder.appendString(text);
        }
    }

    private void writePersonName(PersonName name) {
        if (name == null) {
            builder.appendNull();
            return;
        }
        int start = builder.getWritePos();
        ArrayList<FieldEntry> fields = new ArrayList<>();
        addIfPresent(fields, start, "Alphabetic", name.alphabetic());
        addIfPresent(fields, start, "Ideographic", name.ideographic());
        addIfPresent(fields, start, "Phonetic", name.phonetic());
        builder.finishWritingObject(start, fields);
    }

    private void addIfPresent(ArrayList<FieldEntry> fields, int start, String key, String value) {
        if (value != null) {
            fields.add(new FieldEntry(key, builder.addKey(key), builder.getWritePos() - start));
            builder.appendString(value);
        }
    }
}
