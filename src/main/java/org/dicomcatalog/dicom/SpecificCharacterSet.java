package org.dicomcatalog.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decodes text values (VR.Kind.TEXT) with the character sets named by Specific Character Set (0008,0005):
 * PS3.3 C.12.1.1.2 and PS3.5 6.1. Immutable and thread-safe; {@link #of} returns shared instances.
 *
 * <p>Every escape sequence this class knows is honoured, even for a set that (0008,0005) does not list:
 * the escape says unambiguously what follows, and showing the text beats showing escape bytes.
 */
public final class SpecificCharacterSet {

    private static final Map<String, CodeElement> TERMS = new HashMap<>();
    /** Sets that allow no code extensions (PS3.3 Table C.12-5, PS3.5 6.1.2.5.4 d). */
    private static final Map<String, Charset> STAND_ALONE = Map.of(
            "ISO_IR 192", StandardCharsets.UTF_8,
            "GB18030", Charset.forName("GB18030"),
            "GBK", Charset.forName("GBK"));
    /** Common misspellings that pydicom also accepts, e.g. "ISO IR 100", "ISO-2022-IR-87". */
    private static final Pattern SLOPPY_SINGLE = Pattern.compile("ISO[^_]IR.*");
    private static final Pattern SLOPPY_EXTENDED = Pattern.compile("ISO.2022.IR..*");
    /** Real data uses a handful of term lists; the bound only guards against hostile input. */
    private static final int CACHE_LIMIT = 1024;
    private static final Map<List<String>, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    static {
        for (CodeElement e : CodeElement.values()) {
            TERMS.put("ISO 2022 IR " + e.isoIr, e);
            if (!e.isMultiByteG0() && e != CodeElement.KS_X1001 && e != CodeElement.GB2312) {
                TERMS.put("ISO_IR " + e.isoIr, e);
            }
        }
    }

    /** No (0008,0005): the default repertoire (ISO_IR 6). Declared after the tables it is built from. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of());

    private final List<String> terms;
    private final List<String> unknownTerms;
    /** Non-null for UTF-8, GB18030 and GBK, which decode the whole value without code extensions. */
    private final Charset standAlone;
    /** G1 at the start of each value; null when bytes 0x80-0xFF have no meaning there. */
    private final CodeElement initialG1;
    private final boolean isDefault;

    private SpecificCharacterSet(List<String> terms) {
        this.terms = terms;
        List<String> unknown = new ArrayList<>();
        Charset whole = null;
        CodeElement first = CodeElement.ASCII;
        boolean onlyDefault = true;
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (term.isEmpty()) {
                continue;
            }
            String canonical = canonical(term);
            CodeElement element = TERMS.get(canonical);
            Charset alone = STAND_ALONE.get(canonical);
            if (element == null && alone == null) {
                unknown.add(term);
            }
            onlyDefault &= element == CodeElement.ASCII;
            // A stand-alone set after value 1 cannot be designated, so it is ignored (as pydicom does).
            if (i == 0) {
                whole = alone;
                first = element == null ? CodeElement.ASCII : element;
            }
        }
        this.unknownTerms = List.copyOf(unknown);
        this.standAlone = whole;
        // pydicom 2.3.1 reads bytes 0x80-0xFF of the default repertoire as Latin-1, and so do we, to match
        // the reference data. An unknown value 1 falls back to the default too, as pydicom does.
        this.initialG1 = first == CodeElement.ASCII ? CodeElement.LATIN_1 : first.isMultiByteG0() ? null : first;
        this.isDefault = onlyDefault;
    }

    /**
     * The character set for the values of (0008,0005) as read: each argument may be one value or several
     * joined by backslashes; values are trimmed and an empty value 1 means ISO 2022 IR 6. Null or no
     * values give {@link #DEFAULT}.
     */
    public static SpecificCharacterSet of(String... definedTerms) {
        List<String> values = new ArrayList<>();
        boolean blank = true;
        if (definedTerms != null) {
            for (String arg : definedTerms) {
                for (String value : (arg == null ? "" : arg).split("\\\\", -1)) {
                    values.add(value.trim());
                    blank &= value.isBlank();
                }
            }
        }
        if (blank) {
            return DEFAULT;
        }
        List<String> key = List.copyOf(values);
        SpecificCharacterSet cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SpecificCharacterSet created = new SpecificCharacterSet(key);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(key, created);
        }
        return created;
    }

    private static String canonical(String term) {
        if (SLOPPY_SINGLE.matcher(term).matches()) {
            return "ISO_IR" + term.substring(6);
        }
        if (SLOPPY_EXTENDED.matcher(term).matches()) {
            return "ISO 2022 IR " + term.substring(12);
        }
        return term;
    }

    /**
     * Decodes a whole value, backslashes between values included, with no padding removed. Values of
     * VRs that are not TEXT (or a null VR) use the default repertoire, as the charset does not apply to
     * them. Never throws: bytes that cannot be decoded become U+FFFD and escape sequences are dropped.
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        if (bytes == null) {
            return "";
        }
        int from = Math.max(0, Math.min(offset, bytes.length));
        int to = (int) Math.min(bytes.length, (long) from + Math.max(0, length));
        if (vr == null || !vr.isText()) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (standAlone != null) {
            return new String(bytes, from, to - from, standAlone);
        }
        return Iso2022Decoder.decode(bytes, from, to, initialG1, vr);
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int, VR)}. */
    public String decode(byte[] bytes, VR vr) {
        return decode(bytes, 0, bytes == null ? 0 : bytes.length, vr);
    }

    /** True when a value of (0008,0005) is not a defined term we know, even after fixing common misspellings. */
    public boolean hasUnknownTerms() {
        return !unknownTerms.isEmpty();
    }

    public List<String> unknownTerms() {
        return unknownTerms;
    }

    /** True when (0008,0005) is absent or names only the default repertoire. */
    public boolean isDefault() {
        return isDefault;
    }

    /** The trimmed values of (0008,0005) this instance was made from. */
    public List<String> terms() {
        return terms;
    }

    @Override
    public String toString() {
        return String.join("\\", terms);
    }
}
