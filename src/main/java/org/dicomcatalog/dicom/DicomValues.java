package org.dicomcatalog.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses single DICOM string values (PS3.5 6.2, Table 6.2-1) into typed Java values.
 *
 * <p>Called once per value at a high rate, so parsing is hand-written over index ranges: no regex,
 * no exceptions on the malformed path, no substring unless the JDK needs one. Every parser is
 * tolerant of padding (leading/trailing spaces and NULs are ignored, even where the standard only
 * allows trailing padding) and returns null, never throws, for an empty, malformed or impossible
 * value: a catalog must keep going past bad headers.
 */
public final class DicomValues {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DicomValues() {
    }

    // ---------------------------------------------------------------------------------------- DA

    /**
     * DA "YYYYMMDD", or the ACR-NEMA "YYYY.MM.DD" that PS3.5 lets readers accept. Null when empty,
     * malformed or not a real date (20230230). ISO "YYYY-MM-DD" is rejected: it is neither form, and
     * '-' in a DA means a range in query context.
     */
    public static LocalDate parseDate(String da) {
        if (da == null) {
            return null;
        }
        int b = start(da);
        int e = end(da, b);
        if (e - b == 8) {
            return date(num(da, b, 4), num(da, b + 4, 2), num(da, b + 6, 2));
        }
        if (e - b == 10 && da.charAt(b + 4) == '.' && da.charAt(b + 7) == '.') {
            return date(num(da, b, 4), num(da, b + 5, 2), num(da, b + 8, 2));
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------- TM

    /**
     * TM "HH", "HHMM", "HHMMSS", "HHMMSS.F" (1 to 6 fraction digits), or the ACR-NEMA "HH:MM",
     * "HH:MM:SS", "HH:MM:SS.F". A leap second (SS = 60, allowed by PS3.5) is clamped to
     * SS = 59.999999: LocalTime cannot hold it, and the clamp keeps the value in its own minute and
     * in order. A trailing '.' with no digits is tolerated; more than 6 fraction digits, "2400",
     * or a fraction without seconds are not.
     */
    public static LocalTime parseTime(String tm) {
        if (tm == null) {
            return null;
        }
        int b = start(tm);
        long packed = time(tm, b, end(tm, b), true);
        return packed < 0 ? null : LocalTime.ofNanoOfDay(packed >>> 3);
    }

    /**
     * A valid TM as "HH:MM:SS" or "HH:MM:SS.f" keeping the fraction digits given (1 to 6); missing
     * minutes/seconds become "00". A leap second reads "59.999999", as in {@link #parseTime}.
     */
    public static String normalizeTime(String tm) {
        if (tm == null) {
            return null;
        }
        int b = start(tm);
        long packed = time(tm, b, end(tm, b), true);
        if (packed < 0) {
            return null;
        }
        int fractionDigits = (int) (packed & 7);
        long nanos = packed >>> 3;
        long seconds = nanos / NANOS_PER_SECOND;
        char[] out = new char[fractionDigits == 0 ? 8 : 9 + fractionDigits];
        two(out, 0, (int) (seconds / 3600));
        out[2] = ':';
        two(out, 3, (int) (seconds / 60 % 60));
        out[5] = ':';
        two(out, 6, (int) (seconds % 60));
        if (fractionDigits > 0) {
            out[8] = '.';
            int micros = (int) (nanos % NANOS_PER_SECOND / 1000);
            for (int i = 5; i >= 0; i--, micros /= 10) {
                if (i < fractionDigits) {
                    out[9 + i] = (char) ('0' + micros % 10);
                }
            }
        }
        return new String(out);
    }

    // ---------------------------------------------------------------------------------------- DT

    /**
     * DT "YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]" as a local date-time. Missing components take
     * their earliest value (month 1, day 1, 00:00:00): DT truncation means "precision unknown", and
     * the start of the period sorts and ranges correctly. The UTC offset is not applied: the value is
     * the wall-clock time where it was recorded, as DICOM treats DA/TM; read it from
     * {@link #dateTimeOffset}. Leap seconds are clamped as in {@link #parseTime}. Null when malformed,
     * including a malformed offset.
     */
    public static LocalDateTime parseDateTime(String dt) {
        if (dt == null) {
            return null;
        }
        int b = start(dt);
        int e = end(dt, b);
        int o = offsetStart(dt, b, e);
        if (o == -2 || (o >= 0 && offset(dt, o) == null)) {
            return null;
        }
        return dateTime(dt, b, o >= 0 ? o : e);
    }

    /** The "&ZZXX" offset of a valid DT (accepted up to ZoneOffset's +-18:00), or null if none. */
    public static ZoneOffset dateTimeOffset(String dt) {
        if (dt == null) {
            return null;
        }
        int b = start(dt);
        int e = end(dt, b);
        int o = offsetStart(dt, b, e);
        if (o < 0 || dateTime(dt, b, o) == null) {
            return null;
        }
        return offset(dt, o);
    }

    // ---------------------------------------------------------------------------------------- DS

    /**
     * DS: fixed or floating point ("+1.5e3", ".5", "5."), padded with spaces. Null when malformed
     * ("1.2.3", "1,5", embedded spaces), for the Java-only spellings Double.parseDouble would take
     * ("NaN", "Infinity", "0x1p3", "1d"), and when the number overflows a double.
     */
    public static Double parseDecimal(String ds) {
        if (ds == null) {
            return null;
        }
        int b = start(ds);
        int e = end(ds, b);
        int p = b;
        if (p < e && (ds.charAt(p) == '+' || ds.charAt(p) == '-')) {
            p++;
        }
        int mantissaDigits = 0;
        for (; p < e && isDigit(ds.charAt(p)); p++) {
            mantissaDigits++;
        }
        if (p < e && ds.charAt(p) == '.') {
            for (p++; p < e && isDigit(ds.charAt(p)); p++) {
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return null;
        }
        if (p < e && (ds.charAt(p) == 'e' || ds.charAt(p) == 'E')) {
            p++;
            if (p < e && (ds.charAt(p) == '+' || ds.charAt(p) == '-')) {
                p++;
            }
            int exponentDigits = 0;
            for (; p < e && isDigit(ds.charAt(p)); p++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return null;
            }
        }
        if (p != e) {
            return null;
        }
        double d = Double.parseDouble(b == 0 && e == ds.length() ? ds : ds.substring(b, e));
        return Double.isInfinite(d) ? null : d;
    }

    // ---------------------------------------------------------------------------------------- IS

    /**
     * IS: optional sign and digits, padded with spaces. Accepts the whole 64-bit range although
     * PS3.5 limits IS to 32 bits (out-of-range values are seen in the wild and still exact). A
     * decimal point followed only by zeros ("12.0", "12.") is tolerated because it is lossless;
     * "12.5", exponents and anything else are null rather than rounded.
     */
    public static Long parseInteger(String is) {
        if (is == null) {
            return null;
        }
        int b = start(is);
        int e = end(is, b);
        int p = b;
        boolean negative = false;
        if (p < e && (is.charAt(p) == '+' || is.charAt(p) == '-')) {
            negative = is.charAt(p) == '-';
            p++;
        }
        // Accumulate negatively, as Long.parseLong does, so Long.MIN_VALUE fits.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / 10;
        long result = 0;
        int digits = 0;
        for (; p < e && isDigit(is.charAt(p)); p++, digits++) {
            int d = is.charAt(p) - '0';
            if (result < multMin || result * 10 < limit + d) {
                return null;
            }
            result = result * 10 - d;
        }
        if (digits == 0) {
            return null;
        }
        if (p < e && is.charAt(p) == '.') {
            for (p++; p < e && is.charAt(p) == '0'; p++) {
                // only zeros may follow the point
            }
        }
        if (p != e) {
            return null;
        }
        return negative ? result : -result;
    }

    // ---------------------------------------------------------------------------------------- AS

    /** An AS value: a count of days (D), weeks (W), months (M) or years (Y). */
    public record Age(int value, char unit) {

        public Age {
            if (value < 0 || (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y')) {
                throw new IllegalArgumentException("not an age: " + value + unit);
            }
        }

        /** The age in years, with the Julian year of 365.25 days for D and W. */
        public double years() {
            switch (unit) {
                case 'D':
                    return value / 365.25;
                case 'W':
                    return value * 7 / 365.25;
                case 'M':
                    return value / 12.0;
                default:
                    return value;
            }
        }

        /** The age in days: exact for D and W, rounded from 365.25-day years for M and Y. */
        public long days() {
            switch (unit) {
                case 'D':
                    return value;
                case 'W':
                    return value * 7L;
                default:
                    return Math.round(years() * 365.25);
            }
        }
    }

    /**
     * AS "nnnD|W|M|Y". Tolerates what is unambiguous and common in the wild: 1 or 2 digits instead
     * of 3 ("45Y") and a lower-case unit (normalised to upper case). Null without a unit ("045"),
     * with more than 3 digits, or with embedded spaces.
     */
    public static Age parseAge(String as) {
        if (as == null) {
            return null;
        }
        int b = start(as);
        int e = end(as, b);
        int digits = e - b - 1;
        if (digits < 1 || digits > 3) {
            return null;
        }
        int value = num(as, b, digits);
        char unit = Character.toUpperCase(as.charAt(e - 1));
        if (value < 0 || (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y')) {
            return null;
        }
        return new Age(value, unit);
    }

    // --------------------------------------------------------------------------- multi-values, padding

    /**
     * Splits a decoded value on '\' into its values (PS3.5 6.4). "" and null give no values; every
     * other empty component is kept, so "a\\b" is [a, "", b] and "a\" is [a, ""]: the value
     * multiplicity is what was written. Components are not trimmed: use {@link #trimValue} on each.
     * Split the decoded String, not bytes, as 5CH can be part of a multi-byte character.
     */
    public static List<String> splitValues(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        int cut = value.indexOf('\\');
        if (cut < 0) {
            return List.of(value);
        }
        List<String> values = new ArrayList<>(4);
        int from = 0;
        while (cut >= 0) {
            values.add(value.substring(from, cut));
            from = cut + 1;
            cut = value.indexOf('\\', from);
        }
        values.add(value.substring(from));
        return Collections.unmodifiableList(values);
    }

    /**
     * Removes padding from one value per PS3.5 Table 6.2-1. Trailing spaces and NULs go for every VR
     * (NUL is UI's pad and a common stray terminator elsewhere). Leading spaces and NULs also go for
     * AE, CS, DS, IS, LO, SH, whose leading spaces the table calls insignificant, and for AS, DA, DT,
     * TM, UI, whose syntax has no place for a space. PN, ST, LT, UT, UC, UR (and a null VR) keep
     * leading spaces: for texts they are significant, for PN and UR they are not padding. Never null
     * for a non-null value; an all-padding value becomes "".
     */
    public static String trimValue(String v, VR vr) {
        if (v == null) {
            return null;
        }
        int e = v.length();
        while (e > 0 && isPad(v.charAt(e - 1))) {
            e--;
        }
        int b = 0;
        if (vr != null && leadingPaddingAllowed(vr)) {
            while (b < e && isPad(v.charAt(b))) {
                b++;
            }
        }
        return b == 0 && e == v.length() ? v : v.substring(b, e);
    }

    private static boolean leadingPaddingAllowed(VR vr) {
        switch (vr) {
            case AE: case AS: case CS: case DA: case DS: case DT: case IS: case LO: case SH: case TM: case UI:
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static boolean isPad(char c) {
        return c == ' ' || c == '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Index of the first non-padding character. */
    private static int start(String s) {
        int b = 0;
        while (b < s.length() && isPad(s.charAt(b))) {
            b++;
        }
        return b;
    }

    /** Index after the last non-padding character, not before b. */
    private static int end(String s, int b) {
        int e = s.length();
        while (e > b && isPad(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** The unsigned decimal in s[from, from+len), or -1 if any character is not a digit. */
    private static int num(String s, int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static void two(char[] out, int at, int n) {
        out[at] = (char) ('0' + n / 10);
        out[at + 1] = (char) ('0' + n % 10);
    }

    /** A Gregorian date, or null for a negative (non-digit) part or a day the month does not have. */
    private static LocalDate date(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * Parses a time in s[b, e) and returns (nanoOfDay << 3 | fractionDigits), or -1 when invalid.
     * Packing avoids allocating a result for the two callers that need different parts of it.
     */
    private static long time(String s, int b, int e, boolean allowColons) {
        if (e - b < 2) {
            return -1;
        }
        int hour = num(s, b, 2);
        int minute = 0;
        int second = 0;
        boolean hasSeconds = false;
        int p = b + 2;
        // ACR-NEMA separates every component with ':' once the first one does.
        boolean colons = allowColons && p < e && s.charAt(p) == ':';
        int sep = colons ? 1 : 0;
        if (p < e) {
            if (e - p < 2 + sep) {
                return -1;
            }
            minute = num(s, p + sep, 2);
            p += 2 + sep;
            if (p < e && s.charAt(p) != '.') {
                if (e - p < 2 + sep || (colons && s.charAt(p) != ':')) {
                    return -1;
                }
                second = num(s, p + sep, 2);
                p += 2 + sep;
                hasSeconds = true;
            }
        }
        int micros = 0;
        int fractionDigits = 0;
        if (p < e) {
            if (!hasSeconds || s.charAt(p) != '.' || e - p - 1 > 6) {
                return -1;
            }
            for (p++; p < e; p++, fractionDigits++) {
                char c = s.charAt(p);
                if (!isDigit(c)) {
                    return -1;
                }
                micros = micros * 10 + (c - '0');
            }
            for (int i = fractionDigits; i < 6; i++) {
                micros *= 10;
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return -1;
        }
        if (second == 60) {
            second = 59;
            micros = 999_999;
            fractionDigits = 6;
        }
        long nanos = ((hour * 60L + minute) * 60 + second) * NANOS_PER_SECOND + micros * 1000L;
        return nanos << 3 | fractionDigits;
    }

    /** The DT body s[b, e) without offset, or null. */
    private static LocalDateTime dateTime(String s, int b, int e) {
        int n = e - b;
        if (n < 4 || n == 5 || n == 7) {
            return null;
        }
        LocalDate date = date(num(s, b, 4), n >= 6 ? num(s, b + 4, 2) : 1, n >= 8 ? num(s, b + 6, 2) : 1);
        if (date == null) {
            return null;
        }
        if (n <= 8) {
            return date.atStartOfDay();
        }
        long packed = time(s, b + 8, e, false);
        return packed < 0 ? null : LocalDateTime.of(date, LocalTime.ofNanoOfDay(packed >>> 3));
    }

    /**
     * Index of the DT offset sign, -1 when there is none, -2 when a sign is there but the suffix is
     * not exactly "&ZZXX". The year's 4 digits come first, so the search starts after them.
     */
    private static int offsetStart(String s, int b, int e) {
        for (int i = b + 4; i < e; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return e - i == 5 ? i : -2;
            }
        }
        return -1;
    }

    /** The "&ZZXX" at index o (length already checked), or null when not a representable offset. */
    private static ZoneOffset offset(String s, int o) {
        int hours = num(s, o + 1, 2);
        int minutes = num(s, o + 3, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
            return null;
        }
        int sign = s.charAt(o) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
