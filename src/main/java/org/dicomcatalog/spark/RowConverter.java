package org.dicomcatalog.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomReadException;
import org.dicomcatalog.dicom.ErrorCode;
import org.dicomcatalog.dicom.PixelDataInfo;
import org.dicomcatalog.dicom.ReadStatus;
import org.dicomcatalog.dicom.Tag;

/** Turns a listed file and its header into a row of the selected columns. Built on the executor. */
final class RowConverter {
    /** One column's value for one file. */
    private interface Field {
        Object value(FileRead read);
    }

    /** One file as read: its header (null when the file was not opened or reading it failed). */
    private static final class FileRead {
        final ListedFile file;
        final DicomHeader header;
        final ErrorCode failure;
        final Map<String, Object> attributes = new HashMap<>();
        final List<String> unparsed = new ArrayList<>();

        FileRead(ListedFile file, DicomHeader header, ErrorCode failure) {
            this.file = file;
            this.header = header;
            this.failure = failure;
        }
    }

    private static final int PATIENT_AGE = 0x00101010;

    private final List<AttributeColumn> attributes;
    private final boolean includePrivateTags;
    private final Field[] fields;

    RowConverter(ReadPlan plan) {
        this.attributes = plan.attributes();
        this.includePrivateTags = plan.includePrivateTags();
        Map<String, AttributeColumn> byName = new HashMap<>();
        for (AttributeColumn attribute : attributes) {
            byName.put(attribute.name(), attribute);
        }
        this.fields = plan.columns().stream().map(name -> field(name, byName.get(name))).toArray(Field[]::new);
    }

    /** The row of a file that was not opened: only file columns are selected. */
    InternalRow fileOnly(ListedFile file) {
        return row(new FileRead(file, null, null));
    }

    /** The row of a file that could not be read at all: status ERROR with {@code code}. */
    InternalRow failed(ListedFile file, ErrorCode code) {
        return row(new FileRead(file, null, code));
    }

    InternalRow convert(ListedFile file, DicomHeader header) {
        FileRead read = new FileRead(file, header, null);
        for (AttributeColumn attribute : attributes) {
            read.attributes.put(attribute.name(), SparkTypes.value(attribute,
                    (attribute.inFileMeta() ? header.fileMeta() : header.dataSet()).get(attribute.tag()),
                    read.unparsed));
        }
        return row(read);
    }

    private InternalRow row(FileRead read) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields[i].value(read);
        }
        return new GenericInternalRow(values);
    }

    private Field field(String name, AttributeColumn attribute) {
        if (attribute != null) {
            return read -> read.attributes.get(name);
        }
        switch (name) {
            case DicomSchema.PATH:
                return read -> SparkTypes.utf8(read.file.path());
            case DicomSchema.FILE_SIZE:
                return read -> read.file.length();
            case DicomSchema.MODIFICATION_TIME:
                return read -> read.file.modificationTime() * 1000L;
            case DicomSchema.STATUS:
                return read -> SparkTypes.utf8(read.failure != null ? ReadStatus.ERROR.name()
                        : read.header.status().name());
            case DicomSchema.ERROR_CODE:
                return read -> read.failure != null ? SparkTypes.utf8(read.failure.name())
                        : error(read) == null ? null : SparkTypes.utf8(error(read).code().name());
            case DicomSchema.ERROR_TAG:
                return read -> error(read) == null || error(read).tag() == DicomReadException.NO_TAG ? null
                        : SparkTypes.utf8(Tag.hex(error(read).tag()));
            case DicomSchema.ERROR_OFFSET:
                return read -> error(read) == null ? null : error(read).offset();
            case DicomSchema.PATIENT_AGE_YEARS:
                return read -> read.header == null ? null
                        : SparkTypes.ageYears(read.header.dataSet().get(PATIENT_AGE));
            case DicomSchema.UNPARSED_ATTRIBUTES:
                return read -> read.header == null ? null : new GenericArrayData(read.unparsed.stream().map(SparkTypes::utf8).toArray());
            case DicomSchema.PIXEL_DATA_OFFSET:
                return read -> pixelData(read) == null ? null : pixelData(read).valueOffset();
            case DicomSchema.PIXEL_DATA_LENGTH:
                return read -> pixelData(read) == null ? null : pixelData(read).length();
            case DicomSchema.PIXEL_DATA_VR:
                return read -> pixelData(read) == null ? null : SparkTypes.utf8(pixelData(read).vr().name());
            case DicomSchema.BYTES_READ:
                return read -> read.header == null ? null : read.header.bytesRead();
            case DicomSchema.ENCODING_GUESSED:
                return read -> read.header == null || read.header.encoding() == null ? null
                        : read.header.encoding().guessed();
            case DicomSchema.WARNINGS:
                return read -> read.header == null ? null
                        : new GenericArrayData(read.header.warnings().stream().map(SparkTypes::utf8).toArray());
            case DicomSchema.HEADER:
                // built only when selected: it is the most expensive column; null for files that are not DICOM
                return read -> read.header == null || read.header.encoding() == null ? null
                        : HeaderVariant.of(read.header.dataSet(), includePrivateTags);
            default:
                throw new IllegalArgumentException("not a column of the dicom source: " + name);
        }
    }

    private static DicomReadException error(FileRead read) {
        return read.header == null ? null : read.header.error();
    }

    private static PixelDataInfo pixelData(FileRead read) {
        return read.header == null ? null : read.header.pixelData();
    }
}
