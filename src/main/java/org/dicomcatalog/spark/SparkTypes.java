package org.dicomcatalog.spark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.dicomcatalog.dicom.DicomElement;
import org.dicomcatalog.dicom.DicomValues;
import org.dicomcatalog.dicom.PersonName;
import org.dicomcatalog.dicom.VR;

/**
 * The one place where a VR becomes a Spark type and a DICOM value becomes a Catalyst value. Values are
 * parsed here, never by a Spark cast: ANSI mode makes a bad cast fail the query, while a bad value must
 * only become null and be named in unparsed_attributes.
 */
final class SparkTypes {
    static final StructType PERSON_NAME = new StructType()
            .add("alphabetic", DataTypes.StringType)
            .add("ideographic", DataTypes.StringType)
            .add("phonetic", DataTypes.StringType);

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private SparkTypes() {
    }

    /** The column type of an attribute: its VR's type, or an array of it when VM allows several values. */
    static DataType of(VR vr, boolean multiValued) {
        DataType single = single(vr);
        return multiValued ? DataTypes.createArrayType(single, true) : single;
    }

    private static DataType single(VR vr) {
        switch (vr) {
            case DA:
                return DataTypes.DateType;
            case DT:
                return DataTypes.TimestampNTZType;
            case DS:
            case FD:
                return DataTypes.DoubleType;
            case FL:
                return DataTypes.FloatType;
            case IS:
            case UL:
            case SV:
            case UV:
                return DataTypes.LongType;
            case SS:
            case US:
            case SL:
                return DataTypes.IntegerType;
            case PN:
                return PERSON_NAME;
            case OB: case OD: case OF: case OL: case OV: case OW: case UN:
                return DataTypes.BinaryType;
            default:
                // TM is normalized text, AS stays text (patient_age_years is its typed form), AT is hex
                return DataTypes.StringType;
        }
    }

    /**
     * The Catalyst value of {@code element} for a column of {@code column}'s type; null when absent or empty.
     * A value that does not parse is null (inside an array, that entry) and the keyword goes to
     * {@code unparsed}. The element's own VR decides how to read the bytes: a file may write a binary VR
     * where the dictionary has a string one, or the other way round.
     */
    static Object value(AttributeColumn column, DicomElement element, List<String> unparsed) {
        if (element == null || element.isSequence()) {
            return null;
        }
        if (single(column.vr()) == DataTypes.BinaryType) {
            byte[] bytes = element.bytes();
            return bytes == null || bytes.length == 0 ? null : bytes;
        }
        List<Object> raw = rawValues(element);
        if (raw.isEmpty()) {
            return null;
        }
        boolean[] failed = new boolean[1];
        Object result;
        if (column.multiValued()) {
            Object[] converted = new Object[raw.size()];
            for (int i = 0; i < converted.length; i++) {
                converted[i] = convert(column.vr(), raw.get(i), failed);
            }
            result = new GenericArrayData(converted);
        } else {
            result = convert(column.vr(), raw.get(0), failed);
        }
        if (failed[0]) {
            unparsed.add(column.name());
        }
        return result;
    }

    /** Binary numbers as Long or Double, everything else as trimmed strings. */
    private static List<Object> rawValues(DicomElement element) {
        VR vr = element.vr();
        List<Object> raw = new ArrayList<>();
        if (vr == VR.FL || vr == VR.FD) {
            for (double d : element.doubles()) {
                raw.add(d);
            }
        } else if (vr.kind() == VR.Kind.BINARY_NUMBER && vr != VR.AT) {
            for (long l : element.longs()) {
                raw.add(l);
            }
        } else {
            raw.addAll(element.strings());
        }
        return raw;
    }

    /** One value to the column VR's type; sets {@code failed[0]} and returns null when it does not fit. */
    private static Object convert(VR columnVr, Object raw, boolean[] failed) {
        if (raw instanceof String s && s.isEmpty()) {
            return null;
        }
        if (columnVr == VR.AS) {
            // kept as written; listed as unparsed when it is no age, as patient_age_years is then null
            failed[0] |= DicomValues.parseAge((String) raw) == null;
            return utf8((String) raw);
        }
        Object value = convertPresent(columnVr, raw);
        // a PN of empty groups only ("==") is an empty name, not a malformed one
        if (value == null && columnVr != VR.PN) {
            failed[0] = true;
        }
        return value;
    }

    private static Object convertPresent(VR columnVr, Object raw) {
        switch (columnVr) {
            case DA: {
                LocalDate date = raw instanceof String s ? DicomValues.parseDate(s) : null;
                return date == null ? null : (int) date.toEpochDay();
            }
            case DT: {
                LocalDateTime dt = raw instanceof String s ? DicomValues.parseDateTime(s) : null;
                return dt == null ? null
                        : dt.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + dt.getNano() / 1000;
            }
            case TM:
                return raw instanceof String s ? utf8(DicomValues.normalizeTime(s)) : null;
            case DS:
            case FD:
                return asDouble(raw);
            case FL: {
                Double d = asDouble(raw);
                return d == null ? null : (Object) d.floatValue();
            }
            case IS:
            case UL:
            case SV:
            case UV:
                return asLong(raw);
            case SS:
            case US:
            case SL: {
                Long l = asLong(raw);
                return l == null || l != l.intValue() ? null : (Object) l.intValue();
            }
            case PN:
                return personName(raw.toString());
            default:
                return utf8(raw.toString());
        }
    }

    private static Double asDouble(Object raw) {
        if (raw instanceof Double d) {
            return d;
        }
        if (raw instanceof Long l) {
            return l.doubleValue();
        }
        return DicomValues.parseDecimal((String) raw);
    }

    private static Long asLong(Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? (Long) d.longValue() : null;
        }
        return DicomValues.parseInteger((String) raw);
    }

    private static GenericInternalRow personName(String value) {
        PersonName name = PersonName.parse(value);
        if (name == null) {
            return null;
        }
        return new GenericInternalRow(new Object[] {utf8(name.alphabetic()), utf8(name.ideographic()),
                utf8(name.phonetic())});
    }

    /** Age in years of an AS value, or null. */
    static Object ageYears(DicomElement element) {
        DicomValues.Age age = element == null ? null : DicomValues.parseAge(element.string());
        return age == null ? null : age.years();
    }

    static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }
}
