package org.dicomcatalog.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.dicomcatalog.dicom.VR;
import org.junit.jupiter.api.Test;

/** Pins the VR to Spark type table: changing it changes every catalog written before. */
class SparkTypesTest {

    private static DataType type(String keyword) {
        AttributeColumn column = AttributeColumn.of(keyword);
        return SparkTypes.of(column.vr(), column.multiValued());
    }

    @Test
    void eachVrHasOneSparkType() {
        assertEquals(DataTypes.DateType, SparkTypes.of(VR.DA, false));
        assertEquals(DataTypes.TimestampNTZType, SparkTypes.of(VR.DT, false));
        assertEquals(DataTypes.StringType, SparkTypes.of(VR.TM, false));
        assertEquals(DataTypes.DoubleType, SparkTypes.of(VR.DS, false));
        assertEquals(DataTypes.DoubleType, SparkTypes.of(VR.FD, false));
        assertEquals(DataTypes.FloatType, SparkTypes.of(VR.FL, false));
        for (VR vr : List.of(VR.IS, VR.UL, VR.SV, VR.UV)) {
            assertEquals(DataTypes.LongType, SparkTypes.of(vr, false), vr.name());
        }
        for (VR vr : List.of(VR.SS, VR.US, VR.SL)) {
            assertEquals(DataTypes.IntegerType, SparkTypes.of(vr, false), vr.name());
        }
        assertEquals(SparkTypes.PERSON_NAME, SparkTypes.of(VR.PN, false));
        assertEquals(DataTypes.BinaryType, SparkTypes.of(VR.OB, false));
        for (VR vr : List.of(VR.AS, VR.AT, VR.CS, VR.LO, VR.UI, VR.UT)) {
            assertEquals(DataTypes.StringType, SparkTypes.of(vr, false), vr.name());
        }
    }

    @Test
    void multiplicityFromTheDictionaryMakesArrays() {
        assertEquals(DataTypes.createArrayType(DataTypes.StringType, true), type("ImageType"));
        assertEquals(DataTypes.createArrayType(DataTypes.DoubleType, true), type("PixelSpacing"));
        assertEquals(DataTypes.IntegerType, type("Rows"));
        assertEquals(DataTypes.BinaryType, type("FileMetaInformationVersion"));
    }

    @Test
    void unknownTagsAreBinaryNamedByHex() {
        AttributeColumn column = AttributeColumn.of("00091010");
        assertEquals("00091010", column.name());
        assertEquals(DataTypes.BinaryType, SparkTypes.of(column.vr(), column.multiValued()));
    }
}
