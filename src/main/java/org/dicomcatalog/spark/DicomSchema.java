package org.dicomcatalog.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the dicom source, in order: file, outcome, file meta, flattened attributes (the list in
 * flattened-tags.txt, then option extraTags), then what the reader learned about the file's layout, then
 * the whole data set as one VARIANT ({@link HeaderVariant}).
 */
final class DicomSchema {
    static final String PATH = "path";
    static final String FILE_SIZE = "file_size";
    static final String MODIFICATION_TIME = "modification_time";
    static final String STATUS = "status";
    static final String ERROR_CODE = "error_code";
    static final String ERROR_TAG = "error_tag";
    static final String ERROR_OFFSET = "error_offset";
    static final String PATIENT_AGE_YEARS = "patient_age_years";
    static final String UNPARSED_ATTRIBUTES = "unparsed_attributes";
    static final String PIXEL_DATA_OFFSET = "pixel_data_offset";
    static final String PIXEL_DATA_LENGTH = "pixel_data_length";
    static final String PIXEL_DATA_VR = "pixel_data_vr";
    static final String BYTES_READ = "bytes_read";
    static final String ENCODING_GUESSED = "encoding_guessed";
    static final String WARNINGS = "warnings";
    static final String HEADER = "header";

    /** Known from the listing: selecting only these never opens a file. */
    static final Set<String> FILE_COLUMNS = Set.of(PATH, FILE_SIZE, MODIFICATION_TIME);
    /** Only true of the whole header: selecting any of these reads each file up to its pixel data. */
    static final Set<String> WHOLE_HEADER_COLUMNS = Set.of(STATUS, ERROR_CODE, ERROR_TAG, ERROR_OFFSET,
            PIXEL_DATA_OFFSET, PIXEL_DATA_LENGTH, PIXEL_DATA_VR, WARNINGS, HEADER);

    private static final List<String> FILE_META = List.of("FileMetaInformationVersion",
            "MediaStorageSOPClassUID", "MediaStorageSOPInstanceUID", "TransferSyntaxUID",
            "ImplementationClassUID", "ImplementationVersionName", "SourceApplicationEntityTitle");
    private static final String PATIENT_AGE = "PatientAge";
    private static final String RESOURCE = "flattened-tags.txt";

    private final Map<String, AttributeColumn> attributes;
    private final StructType sparkSchema;

    private DicomSchema(Map<String, AttributeColumn> attributes) {
        this.attributes = attributes;
        this.sparkSchema = buildSparkSchema();
    }

    /** The schema with the standard attributes plus {@code extraTags} (keywords or GGGGEEEE, comma-separated). */
    static DicomSchema of(String extraTags) {
        List<String> names = new ArrayList<>(FILE_META);
        names.addAll(flattenedKeywords());
        if (extraTags != null) {
            for (String extra : extraTags.split(",")) {
                if (!extra.isBlank()) {
                    names.add(extra);
                }
            }
        }
        Map<String, AttributeColumn> attributes = new LinkedHashMap<>();
        for (String name : names) {
            AttributeColumn column = AttributeColumn.of(name);
            attributes.putIfAbsent(column.name(), column);
        }
        return new DicomSchema(attributes);
    }

    StructType sparkSchema() {
        return sparkSchema;
    }

    /** The attribute column of that name, or null for the other columns. */
    AttributeColumn attribute(String name) {
        return attributes.get(name);
    }

    List<AttributeColumn> attributes() {
        return List.copyOf(attributes.values());
    }

    private StructType buildSparkSchema() {
        StructType schema = new StructType()
                .add(PATH, DataTypes.StringType, false)
                .add(FILE_SIZE, DataTypes.LongType, false)
                .add(MODIFICATION_TIME, DataTypes.TimestampType, false)
                .add(STATUS, DataTypes.StringType, false)
                .add(ERROR_CODE, DataTypes.StringType)
                .add(ERROR_TAG, DataTypes.StringType)
                .add(ERROR_OFFSET, DataTypes.LongType);
        for (AttributeColumn column : attributes.values()) {
            schema = schema.add(column.name(), SparkTypes.of(column.vr(), column.multiValued()));
            if (column.name().equals(PATIENT_AGE)) {
                schema = schema.add(PATIENT_AGE_YEARS, DataTypes.DoubleType);
            }
        }
        return schema
                .add(UNPARSED_ATTRIBUTES, DataTypes.createArrayType(DataTypes.StringType, false))
                .add(PIXEL_DATA_OFFSET, DataTypes.LongType)
                .add(PIXEL_DATA_LENGTH, DataTypes.LongType)
                .add(PIXEL_DATA_VR, DataTypes.StringType)
                .add(BYTES_READ, DataTypes.LongType)
                .add(ENCODING_GUESSED, DataTypes.BooleanType)
                .add(WARNINGS, DataTypes.createArrayType(DataTypes.StringType, false))
                .add(HEADER, DataTypes.VariantType);
    }

    private static List<String> flattenedKeywords() {
        List<String> keywords = new ArrayList<>();
        try (InputStream in = DicomSchema.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String keyword = line.strip();
                if (!keyword.isEmpty() && !keyword.startsWith("#")) {
                    keywords.add(keyword);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keywords;
    }
}
