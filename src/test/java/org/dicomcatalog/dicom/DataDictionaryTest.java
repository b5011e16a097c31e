package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataDictionaryTest {
    private final DataDictionary dict = DataDictionary.standard();

    @Test
    void standardReturnsOneSharedInstance() {
        assertSame(dict, DataDictionary.standard());
    }

    @Test
    void knownTagHasItsVrKeywordAndName() {
        DataDictionary.Entry patientId = dict.entry(0x00100020);
        assertEquals(VR.LO, patientId.vr());
        assertEquals("PatientID", patientId.keyword());
        assertEquals("Patient ID", patientId.name());
        assertEquals("1", patientId.vm());
        assertFalse(patientId.retired());
        assertEquals(VR.DA, dict.vr(0x00080020));
        assertEquals("StudyDate", dict.keyword(0x00080020));
    }

    @Test
    void ambiguousVrKeepsTextAndResolvesToFirstChoice() {
        assertEquals("OB or OW", dict.vrText(Tag.PIXEL_DATA));
        assertEquals(VR.OB, dict.vr(Tag.PIXEL_DATA));
        assertEquals("US or SS", dict.vrText(0x00280106));
        assertEquals(VR.US, dict.vr(0x00280106));
        assertEquals("US or SS or OW", dict.vrText(0x00281200));
    }

    @Test
    void repeatingGroupsMatchTheirMask() {
        assertEquals("OverlayData", dict.keyword(0x60023000));
        assertEquals("OB or OW", dict.vrText(0x60023000));
        assertEquals(VR.US, dict.vr(0x60000010));
        assertEquals("OverlayRows", dict.keyword(0x601E0010));
        DataDictionary.Entry numberOfPoints = dict.entry(0x50100010);
        assertEquals("NumberOfPoints", numberOfPoints.keyword());
        assertEquals(0x50000010, numberOfPoints.tag());
        assertTrue(numberOfPoints.retired());
        assertEquals("EscapeTriplet", dict.keyword(0x10001230));
        assertEquals("ZonalMap", dict.keyword(0x10101234));
    }

    @Test
    void exactEntryWinsOverAMatchingMask() {
        // (7FE0,0010) also matches the retired 7Fxx0010 Variable Pixel Data mask
        assertEquals("PixelData", dict.keyword(Tag.PIXEL_DATA));
        assertEquals("VariablePixelData", dict.keyword(0x7F100010));
    }

    @Test
    void masksDoNotApplyToPrivateGroups() {
        assertNull(dict.entry(0x60013000));
        assertEquals(VR.UN, dict.vr(0x60013000));
    }

    @Test
    void groupLengthIsUl() {
        assertEquals(VR.UL, dict.vr(0x00080000));
        assertEquals(VR.UL, dict.vr(0x00290000));
        assertEquals(VR.UL, dict.vr(0x10100000));
    }

    @Test
    void privateCreatorIsLoAndOtherPrivateTagsAreUn() {
        assertEquals(VR.LO, dict.vr(0x00290010));
        assertEquals(VR.LO, dict.vr(0x000900FF));
        assertEquals(VR.UN, dict.vr(0x00291010));
        assertNull(dict.entry(0x00291010));
        assertEquals("", dict.keyword(0x00291010));
        assertNull(dict.vrText(0x00291010));
    }

    @Test
    void itemsAndDelimitersHaveNoVr() {
        assertNull(dict.vr(Tag.ITEM));
        assertNull(dict.vr(Tag.SEQUENCE_DELIMITATION));
        assertEquals("", dict.vrText(Tag.ITEM_DELIMITATION));
        assertEquals("Item", dict.keyword(Tag.ITEM));
    }

    @Test
    void unknownStandardTagIsUnWithNoEntry() {
        assertNull(dict.entry(0x00080002));
        assertEquals(VR.UN, dict.vr(0x00080002));
    }

    @Test
    void tagOfFindsExactKeywordsOnly() {
        assertEquals(0x00180050, dict.tagOf("SliceThickness"));
        assertEquals(Tag.PIXEL_DATA, dict.tagOf("PixelData"));
        assertEquals(-1, dict.tagOf("NoSuchKeyword"));
        assertEquals(-1, dict.tagOf("OverlayData"));
        assertEquals(-1, dict.tagOf(""));
    }

    @Test
    void retiredElementIsFlagged() {
        DataDictionary.Entry commandLengthToEnd = dict.entry(0x00000001);
        assertTrue(commandLengthToEnd.retired());
        assertEquals("CommandLengthToEnd", commandLengthToEnd.keyword());
    }

    @Test
    void privateVrComesFromTheCreatorsBlock() {
        assertEquals(VR.OB, dict.privateVr("SIEMENS CSA HEADER", 0x00291010));
        assertEquals(VR.CS, dict.privateVr("SIEMENS CSA HEADER", 0x00291008));
        // the block byte does not matter: the same creator may reserve block 0x11
        assertEquals(VR.OB, dict.privateVr("SIEMENS CSA HEADER", 0x00291120));
        DataDictionary.Entry info = dict.privateEntry("SIEMENS CSA HEADER", 0x00291010);
        assertEquals("CSA Image Header Info", info.name());
        assertEquals("", info.keyword());
        assertEquals(0x00290010, info.tag());
    }

    @Test
    void privateCreatorIsMatchedAlsoWhenPadded() {
        assertEquals(VR.OB, dict.privateVr("SIEMENS CSA HEADER ", 0x00291010));
    }

    @Test
    void privateLookupMissesReturnNull() {
        assertNull(dict.privateVr("SIEMENS CSA HEADER", 0x00291030));
        assertNull(dict.privateVr("NO SUCH CREATOR", 0x00291010));
        assertNull(dict.privateVr(null, 0x00291010));
    }

    @Test
    void privateGroupMasksMatchAnyGroupLowByte() {
        // PAPYRUS 3.0 writes 60xxxx10: any overlay group, any block
        assertEquals(VR.US, dict.privateVr("PAPYRUS 3.0", 0x60011010));
        assertEquals("Overlay Rows", dict.privateEntry("PAPYRUS 3.0", 0x601F1210).name());
    }

    @Test
    void privateExactTagsMatchOnlyThatTag() {
        // GDCM writes a few rows without a block mask; pydicom matches them literally
        assertEquals(VR.SQ, dict.privateVr("DicomUtils 20100512", 0x00090001));
        assertNull(dict.privateVr("DicomUtils 20100512", 0x00091001));
    }

    @Test
    void dictionariesAreComplete() {
        assertTrue(dict.standardSize() > 4900, "standard entries: " + dict.standardSize());
        assertTrue(dict.privateSize() > 9000, "private entries: " + dict.privateSize());
    }
}
