package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void singleGroupIsAlphabetic() {
        assertEquals(new PersonName("Adams^John Robert Quincy^^Rev.^B.A. M.Div.", null, null),
                PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div."));
    }

    @Test
    void twoGroupsAreAlphabeticAndIdeographic() {
        assertEquals(new PersonName("Wang^XiaoDong", "王^小東", null), PersonName.parse("Wang^XiaoDong=王^小東"));
    }

    @Test
    void threeGroupsIncludePhonetic() {
        assertEquals(new PersonName("Yamada^Tarou", "山田^太郎", "やまだ^たろう"),
                PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    }

    @Test
    void emptyGroupsAreNull() {
        assertEquals(new PersonName(null, "山田^太郎", null), PersonName.parse("=山田^太郎"));
        assertEquals(new PersonName(null, null, "やまだ^たろう"), PersonName.parse("==やまだ^たろう"));
        assertEquals(new PersonName("Smith^John", null, null), PersonName.parse("Smith^John="));
        assertEquals(new PersonName("Smith^John", null, null), PersonName.parse("Smith^John=="));
    }

    @Test
    void delimiterOnlyGroupsAreKeptAsWritten() {
        assertEquals(new PersonName(null, "^", null), PersonName.parse("=^"));
        assertEquals(new PersonName("^", null, null), PersonName.parse("^="));
        assertEquals(new PersonName("^^^^", null, null), PersonName.parse("^^^^"));
    }

    @Test
    void trailingCaretsAreKept() {
        assertEquals("Smith^John^^^", PersonName.parse("Smith^John^^^").alphabetic());
    }

    @Test
    void extraEqualsSignsStayInPhoneticGroup() {
        assertEquals(new PersonName("A", "B", "C=D"), PersonName.parse("A=B=C=D"));
    }

    @Test
    void trailingPaddingIsRemovedButLeadingSpacesKept() {
        assertEquals(new PersonName("Smith^John", null, null), PersonName.parse("Smith^John \0"));
        assertEquals(new PersonName(" Smith", null, null), PersonName.parse(" Smith"));
    }

    @Test
    void absentValueIsNull() {
        assertNull(PersonName.parse(null));
        assertNull(PersonName.parse(""));
        assertNull(PersonName.parse("  "));
        assertNull(PersonName.parse("="));
        assertNull(PersonName.parse("=="));
    }

    @Test
    void componentsAreAlwaysFiveInFixedPositions() {
        assertEquals(List.of("Adams", "John Robert Quincy", "", "Rev.", "B.A. M.Div."),
                PersonName.components("Adams^John Robert Quincy^^Rev.^B.A. M.Div."));
        assertEquals(List.of("Smith", "John", "", "", ""), PersonName.components("Smith^John"));
        assertEquals(List.of("Smith", "", "", "", ""), PersonName.components("Smith"));
        assertEquals(List.of("", "", "", "", ""), PersonName.components("^"));
        assertEquals(List.of("", "", "", "", ""), PersonName.components(""));
    }

    @Test
    void componentsPastTheSuffixStayInSuffix() {
        assertEquals(List.of("A", "B", "C", "D", "E^F"), PersonName.components("A^B^C^D^E^F"));
    }

    @Test
    void componentsOfAbsentGroupAreEmpty() {
        assertEquals(List.of(), PersonName.components(null));
    }
}
