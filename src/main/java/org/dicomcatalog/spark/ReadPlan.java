package org.dicomcatalog.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.Tag;

/**
 * What executors need to turn files into rows: the selected columns, the attributes to convert, and how
 * far to read each file. Decided once on the driver from the pruned schema; small and plain to serialize.
 */
record ReadPlan(List<String> columns, List<AttributeColumn> attributes, ReadOptions readOptions,
        boolean opensFiles, boolean ignoreMissingFiles, boolean includePrivateTags) implements Serializable {

    static ReadPlan of(StructType readSchema, DicomSchema schema, DicomOptions options) {
        List<String> columns = List.of(readSchema.fieldNames());
        boolean opensFiles = false;
        boolean wholeHeader = false;
        List<AttributeColumn> attributes = new ArrayList<>();
        for (StructField field : readSchema.fields()) {
            String name = field.name();
            opensFiles |= !DicomSchema.FILE_COLUMNS.contains(name);
            wholeHeader |= DicomSchema.WHOLE_HEADER_COLUMNS.contains(name);
            AttributeColumn attribute = schema.attribute(name.equals(DicomSchema.PATIENT_AGE_YEARS)
                    ? "PatientAge" : name);
            if (attribute != null && !attributes.contains(attribute)) {
                attributes.add(attribute);
            }
        }
        if (columns.contains(DicomSchema.UNPARSED_ATTRIBUTES)) {
            // the list names every attribute that failed, selected or not
            attributes = schema.attributes();
        }
        ReadOptions read = options.readOptions();
        if (!wholeHeader) {
            read = read.withStopAfterTag(lastTag(attributes));
        }
        if (!columns.contains(DicomSchema.HEADER)) {
            // the rest of the header is still read and checked, only not kept
            read = read.withKeptTags(attributes.stream().mapToInt(AttributeColumn::tag).toArray());
        }
        return new ReadPlan(columns, List.copyOf(attributes), read, opensFiles, options.ignoreMissingFiles(),
                options.includePrivateTags());
    }

    /**
     * The last data set tag to read. Never below Specific Character Set, which decodes the text
     * values; file meta (group 0002) is read whatever the stop tag, as it applies to the data set only.
     */
    private static int lastTag(List<AttributeColumn> attributes) {
        int last = Tag.SPECIFIC_CHARACTER_SET;
        for (AttributeColumn attribute : attributes) {
            if (Tag.compare(attribute.tag(), last) > 0) {
                last = attribute.tag();
            }
        }
        return last;
    }
}
