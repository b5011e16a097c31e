package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dicomcatalog.dicom.DicomValues.Age;
import org.junit.jupiter.api.Test;

class DicomValuesTest {

    // DA

    @Test
    void dateParsesStandardForm() {
        assertEquals(LocalDate.of(1993, 8, 22), DicomValues.parseDate("19930822"));
    }

    @Test
    void dateAcceptsLegacyAcrNemaDottedForm() {
        assertEquals(LocalDate.of(1993, 8, 22), DicomValues.parseDate("1993.08.22"));
    }

    @Test
    void dateIgnoresSpaceAndNulPadding() {
        assertEquals(LocalDate.of(2023, 1, 5), DicomValues.parseDate(" 20230105 \0"));
    }

    @Test
    void dateAcceptsFebruary29OnlyInLeapYears() {
        assertEquals(LocalDate.of(2024, 2, 29), DicomValues.parseDate("20240229"));
        assertEquals(LocalDate.of(2000, 2, 29), DicomValues.parseDate("20000229"));
        assertNull(DicomValues.parseDate("20230229"));
        assertNull(DicomValues.parseDate("19000229"));
    }

    @Test
    void dateIsNullWhenEmptyMalformedOrImpossible() {
        assertNull(DicomValues.parseDate(null));
        assertNull(DicomValues.parseDate(""));
        assertNull(DicomValues.parseDate("        "));
        assertNull(DicomValues.parseDate("20230230"));
        assertNull(DicomValues.parseDate("20231301"));
        assertNull(DicomValues.parseDate("20230100"));
        assertNull(DicomValues.parseDate("00000000"));
        assertNull(DicomValues.parseDate("abc"));
        assertNull(DicomValues.parseDate("2023010"));
        assertNull(DicomValues.parseDate("202301011"));
        assertNull(DicomValues.parseDate("2023 101"));
        assertNull(DicomValues.parseDate("1993.08-22"));
    }

    @Test
    void dateRejectsIsoDashesAndRanges() {
        assertNull(DicomValues.parseDate("2023-01-01"));
        assertNull(DicomValues.parseDate("20230101-20231231"));
    }

    // TM

    @Test
    void timeParsesEachTruncation() {
        assertEquals(LocalTime.of(7, 0), DicomValues.parseTime("07"));
        assertEquals(LocalTime.of(7, 30), DicomValues.parseTime("0730"));
        assertEquals(LocalTime.of(7, 30, 15), DicomValues.parseTime("073015"));
        assertEquals(LocalTime.of(7, 30, 15, 500_000_000), DicomValues.parseTime("073015.5"));
    }

    @Test
    void timeKeepsSixDigitFraction() {
        assertEquals(LocalTime.of(23, 59, 59, 123_456_000), DicomValues.parseTime("235959.123456 "));
    }

    @Test
    void timeAcceptsLegacyColonForms() {
        assertEquals(LocalTime.of(7, 30), DicomValues.parseTime("07:30"));
        assertEquals(LocalTime.of(7, 30, 15), DicomValues.parseTime("07:30:15"));
        assertEquals(LocalTime.of(7, 30, 15, 250_000_000), DicomValues.parseTime("07:30:15.25"));
    }

    @Test
    void timeClampsLeapSecondToEndOfMinute() {
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), DicomValues.parseTime("235960"));
        assertEquals(LocalTime.of(12, 0, 59, 999_999_000), DicomValues.parseTime("120060.5"));
    }

    @Test
    void timeToleratesTrailingPointWithoutFraction() {
        assertEquals(LocalTime.of(10, 10, 10), DicomValues.parseTime("101010."));
    }

    @Test
    void timeIsNullWhenMalformed() {
        assertNull(DicomValues.parseTime(null));
        assertNull(DicomValues.parseTime(""));
        assertNull(DicomValues.parseTime("7"));
        assertNull(DicomValues.parseTime("073"));
        assertNull(DicomValues.parseTime("07301"));
        assertNull(DicomValues.parseTime("2400"));
        assertNull(DicomValues.parseTime("0760"));
        assertNull(DicomValues.parseTime("073061"));
        assertNull(DicomValues.parseTime("0730.5"));
        assertNull(DicomValues.parseTime("073015.1234567"));
        assertNull(DicomValues.parseTime("073015.5a"));
        assertNull(DicomValues.parseTime("07:3015"));
        assertNull(DicomValues.parseTime("07:30:"));
        assertNull(DicomValues.parseTime("07 30"));
        assertNull(DicomValues.parseTime("abc"));
    }

    @Test
    void normalizedTimeKeepsGivenPrecision() {
        assertEquals("07:00:00", DicomValues.normalizeTime("07"));
        assertEquals("07:30:00", DicomValues.normalizeTime("0730"));
        assertEquals("07:30:15", DicomValues.normalizeTime("073015"));
        assertEquals("07:30:15.5", DicomValues.normalizeTime("073015.5"));
        assertEquals("07:30:15.050", DicomValues.normalizeTime("073015.050"));
        assertEquals("07:30:15.000001", DicomValues.normalizeTime("073015.000001"));
        assertEquals("07:30:15.25", DicomValues.normalizeTime("07:30:15.25"));
        assertEquals("23:59:59.999999", DicomValues.normalizeTime("235960"));
        assertNull(DicomValues.normalizeTime("2400"));
        assertNull(DicomValues.normalizeTime(""));
    }

    // DT

    @Test
    void dateTimeParsesFullValue() {
        assertEquals(LocalDateTime.of(2023, 5, 17, 14, 3, 9, 123_456_000),
                DicomValues.parseDateTime("20230517140309.123456"));
    }

    @Test
    void dateTimeDefaultsMissingComponentsToEarliest() {
        assertEquals(LocalDateTime.of(2023, 1, 1, 0, 0), DicomValues.parseDateTime("2023"));
        assertEquals(LocalDateTime.of(2023, 5, 1, 0, 0), DicomValues.parseDateTime("202305"));
        assertEquals(LocalDateTime.of(2023, 5, 17, 0, 0), DicomValues.parseDateTime("20230517"));
        assertEquals(LocalDateTime.of(2023, 5, 17, 14, 0), DicomValues.parseDateTime("2023051714"));
        assertEquals(LocalDateTime.of(2023, 5, 17, 14, 3), DicomValues.parseDateTime("202305171403"));
    }

    @Test
    void dateTimeIgnoresOffsetForLocalValueAndExposesIt() {
        String dt = "20230517140309.5-0500 ";
        assertEquals(LocalDateTime.of(2023, 5, 17, 14, 3, 9, 500_000_000), DicomValues.parseDateTime(dt));
        assertEquals(ZoneOffset.ofHoursMinutes(-5, 0), DicomValues.dateTimeOffset(dt));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), DicomValues.dateTimeOffset("2023+0530"));
        assertEquals(LocalDateTime.of(2023, 1, 1, 0, 0), DicomValues.parseDateTime("2023+0530"));
    }

    @Test
    void dateTimeOffsetIsNullWithoutOffsetOrForInvalidValue() {
        assertNull(DicomValues.dateTimeOffset("20230517140309"));
        assertNull(DicomValues.dateTimeOffset("20231317+0100"));
        assertNull(DicomValues.dateTimeOffset(null));
    }

    @Test
    void dateTimeIsNullWhenMalformed() {
        assertNull(DicomValues.parseDateTime(null));
        assertNull(DicomValues.parseDateTime(""));
        assertNull(DicomValues.parseDateTime("202"));
        assertNull(DicomValues.parseDateTime("20235"));
        assertNull(DicomValues.parseDateTime("20231301"));
        assertNull(DicomValues.parseDateTime("20230230"));
        assertNull(DicomValues.parseDateTime("202305171"));
        assertNull(DicomValues.parseDateTime("2023051725"));
        assertNull(DicomValues.parseDateTime("20230517 1403"));
        assertNull(DicomValues.parseDateTime("2023-05-17"));
        assertNull(DicomValues.parseDateTime("20230517+05"));
        assertNull(DicomValues.parseDateTime("20230517+0560"));
        assertNull(DicomValues.parseDateTime("20230517+1900"));
        assertNull(DicomValues.parseDateTime("20230517T1403"));
        assertNull(DicomValues.parseDateTime("20230517140309.1234567"));
    }

    @Test
    void dateTimeClampsLeapSecond() {
        assertEquals(LocalDateTime.of(2016, 12, 31, 23, 59, 59, 999_999_000),
                DicomValues.parseDateTime("20161231235960+0000"));
    }

    // DS

    @Test
    void decimalParsesFixedAndFloatingForms() {
        assertEquals(1500.0, DicomValues.parseDecimal("+1.5e3"));
        assertEquals(-0.25, DicomValues.parseDecimal(" -0.25 "));
        assertEquals(0.5, DicomValues.parseDecimal(".5"));
        assertEquals(5.0, DicomValues.parseDecimal("5."));
        assertEquals(42.0, DicomValues.parseDecimal("42"));
        assertEquals(1.0E-7, DicomValues.parseDecimal("1E-7"));
    }

    @Test
    void decimalIsNullWhenMalformed() {
        assertNull(DicomValues.parseDecimal(null));
        assertNull(DicomValues.parseDecimal(""));
        assertNull(DicomValues.parseDecimal("  "));
        assertNull(DicomValues.parseDecimal("1.2.3"));
        assertNull(DicomValues.parseDecimal("1,5"));
        assertNull(DicomValues.parseDecimal("1 5"));
        assertNull(DicomValues.parseDecimal("."));
        assertNull(DicomValues.parseDecimal("+"));
        assertNull(DicomValues.parseDecimal("1e"));
        assertNull(DicomValues.parseDecimal("e5"));
        assertNull(DicomValues.parseDecimal("abc"));
    }

    @Test
    void decimalRejectsJavaOnlySpellingsAndOverflow() {
        assertNull(DicomValues.parseDecimal("NaN"));
        assertNull(DicomValues.parseDecimal("Infinity"));
        assertNull(DicomValues.parseDecimal("-Infinity"));
        assertNull(DicomValues.parseDecimal("0x1p3"));
        assertNull(DicomValues.parseDecimal("1.5d"));
        assertNull(DicomValues.parseDecimal("1e400"));
    }

    // IS

    @Test
    void integerParsesSignsAndPadding() {
        assertEquals(42L, DicomValues.parseInteger("42"));
        assertEquals(42L, DicomValues.parseInteger(" +42 "));
        assertEquals(-7L, DicomValues.parseInteger("-7"));
        assertEquals(0L, DicomValues.parseInteger("-0"));
    }

    @Test
    void integerCoversThe64BitRangeAndNoMore() {
        assertEquals(Long.MAX_VALUE, DicomValues.parseInteger("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, DicomValues.parseInteger("-9223372036854775808"));
        assertEquals(4_294_967_296L, DicomValues.parseInteger("4294967296"));
        assertNull(DicomValues.parseInteger("9223372036854775808"));
        assertNull(DicomValues.parseInteger("-9223372036854775809"));
    }

    @Test
    void integerToleratesOnlyZeroFractions() {
        assertEquals(12L, DicomValues.parseInteger("12.0"));
        assertEquals(12L, DicomValues.parseInteger("12.000 "));
        assertEquals(12L, DicomValues.parseInteger("12."));
        assertNull(DicomValues.parseInteger("12.5"));
        assertNull(DicomValues.parseInteger("12.01"));
        assertNull(DicomValues.parseInteger(".0"));
    }

    @Test
    void integerIsNullWhenMalformed() {
        assertNull(DicomValues.parseInteger(null));
        assertNull(DicomValues.parseInteger(""));
        assertNull(DicomValues.parseInteger("1A"));
        assertNull(DicomValues.parseInteger("1 2"));
        assertNull(DicomValues.parseInteger("+"));
        assertNull(DicomValues.parseInteger("1e3"));
        assertNull(DicomValues.parseInteger("abc"));
    }

    // AS

    @Test
    void ageParsesEachUnit() {
        assertEquals(new Age(18, 'M'), DicomValues.parseAge("018M"));
        assertEquals(new Age(45, 'Y'), DicomValues.parseAge("045Y"));
        assertEquals(new Age(3, 'W'), DicomValues.parseAge("003W"));
        assertEquals(new Age(10, 'D'), DicomValues.parseAge("010D"));
    }

    @Test
    void ageToleratesShortDigitsAndLowerCaseUnit() {
        assertEquals(new Age(45, 'Y'), DicomValues.parseAge("45Y"));
        assertEquals(new Age(5, 'M'), DicomValues.parseAge(" 5m "));
    }

    @Test
    void ageConvertsToYearsAndDays() {
        assertEquals(45.0, new Age(45, 'Y').years());
        assertEquals(1.5, new Age(18, 'M').years());
        assertEquals(730 / 365.25, new Age(730, 'D').years(), 1e-15);
        assertEquals(14 / 365.25, new Age(2, 'W').years(), 1e-15);
        assertEquals(10L, new Age(10, 'D').days());
        assertEquals(21L, new Age(3, 'W').days());
        assertEquals(548L, new Age(18, 'M').days());
        assertEquals(16_436L, new Age(45, 'Y').days());
    }

    @Test
    void ageIsNullWhenMalformed() {
        assertNull(DicomValues.parseAge(null));
        assertNull(DicomValues.parseAge(""));
        assertNull(DicomValues.parseAge("045"));
        assertNull(DicomValues.parseAge("Y"));
        assertNull(DicomValues.parseAge("0450Y"));
        assertNull(DicomValues.parseAge("04 Y"));
        assertNull(DicomValues.parseAge("045X"));
        assertNull(DicomValues.parseAge("-45Y"));
    }

    @Test
    void ageRecordRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new Age(-1, 'Y'));
        assertThrows(IllegalArgumentException.class, () -> new Age(1, 'y'));
    }

    // multi-values and padding

    @Test
    void splitKeepsEveryComponentIncludingEmptyOnes() {
        assertEquals(List.of(), DicomValues.splitValues(""));
        assertEquals(List.of(), DicomValues.splitValues(null));
        assertEquals(List.of("a"), DicomValues.splitValues("a"));
        assertEquals(List.of("a", "b", "c"), DicomValues.splitValues("a\\b\\c"));
        assertEquals(List.of("a", "", "b"), DicomValues.splitValues("a\\\\b"));
        assertEquals(List.of("", "a", ""), DicomValues.splitValues("\\a\\"));
        assertEquals(List.of("", ""), DicomValues.splitValues("\\"));
        assertEquals(List.of(" 1.5", "2 "), DicomValues.splitValues(" 1.5\\2 "));
    }

    @Test
    void trimRemovesLeadingPaddingOnlyWhereInsignificant() {
        assertEquals("ORIGINAL", DicomValues.trimValue("  ORIGINAL  ", VR.CS));
        assertEquals("STORESCP", DicomValues.trimValue(" STORESCP ", VR.AE));
        assertEquals("1.5", DicomValues.trimValue(" 1.5 ", VR.DS));
        assertEquals("12", DicomValues.trimValue(" 12 ", VR.IS));
        assertEquals("Chest", DicomValues.trimValue(" Chest ", VR.LO));
        assertEquals("20230101", DicomValues.trimValue(" 20230101 ", VR.DA));
        assertEquals("  indented", DicomValues.trimValue("  indented  ", VR.ST));
        assertEquals(" text", DicomValues.trimValue(" text \0", VR.LT));
        assertEquals(" report", DicomValues.trimValue(" report ", VR.UT));
        assertEquals(" x", DicomValues.trimValue(" x ", VR.UC));
        assertEquals(" Smith^John", DicomValues.trimValue(" Smith^John ", VR.PN));
        assertEquals(" keep", DicomValues.trimValue(" keep ", null));
    }

    @Test
    void trimRemovesUidNulAndStrayNuls() {
        assertEquals("1.2.840.10008.1.2", DicomValues.trimValue("1.2.840.10008.1.2\0", VR.UI));
        assertEquals("1.2.3", DicomValues.trimValue("1.2.3 \0", VR.UI));
        assertEquals("CT", DicomValues.trimValue("CT\0\0", VR.CS));
        assertEquals("", DicomValues.trimValue("   ", VR.SH));
        assertEquals("", DicomValues.trimValue("", VR.LO));
        assertNull(DicomValues.trimValue(null, VR.LO));
    }

    @Test
    void trimReturnsSameInstanceWhenNothingToRemove() {
        String v = "ABC";
        assertSame(v, DicomValues.trimValue(v, VR.CS));
    }
}
