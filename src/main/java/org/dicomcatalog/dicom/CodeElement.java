package org.dicomcatalog.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A graphic character set that (0008,0005) can name and an ISO 2022 escape sequence can designate
 * (PS3.3 Tables C.12-2 to C.12-4), with the JDK charset that decodes its bytes.
 *
 * <p>Single-byte 96-sets go to G1 and are decoded as the high half (0xA0-0xFF) of their ISO 8859
 * style charset. The two-byte 94x94 sets in G1 (KS X 1001, GB 2312) arrive with the high bit set,
 * which is exactly EUC-KR / EUC-CN. The two-byte sets in G0 (JIS X 0208, JIS X 0212) arrive as
 * 0x21-0x7E pairs; {@link Iso2022Decoder} turns them into EUC-JP before decoding.
 */
enum CodeElement {
    ASCII("6", "(B", StandardCharsets.US_ASCII),
    LATIN_1("100", "-A", StandardCharsets.ISO_8859_1),
    LATIN_2("101", "-B", "ISO-8859-2"),
    LATIN_3("109", "-C", "ISO-8859-3"),
    LATIN_4("110", "-D", "ISO-8859-4"),
    CYRILLIC("144", "-L", "ISO-8859-5"),
    ARABIC("127", "-G", "ISO-8859-6"),
    GREEK("126", "-F", "ISO-8859-7"),
    HEBREW("138", "-H", "ISO-8859-8"),
    LATIN_5("148", "-M", "ISO-8859-9"),
    LATIN_9("203", "-b", "ISO-8859-15"),
    THAI("166", "-T", "TIS-620"),
    // Shift_JIS reads JIS X 0201 katakana (0xA1-0xDF) like JIS_X0201 does, and also the Shift_JIS kanji
    // some writers put under ISO_IR 13; pydicom 2.3.1 uses shift_jis too.
    JIS_X0201_KATAKANA("13", ")I", "Shift_JIS"),
    JIS_X0208("87", "$B", "EUC-JP"),
    JIS_X0212("159", "$(D", "EUC-JP"),
    KS_X1001("149", "$)C", "EUC-KR"),
    GB2312("58", "$)A", "GB2312");

    private static final Map<String, CodeElement> BY_ESCAPE = new HashMap<>();

    static {
        for (CodeElement e : values()) {
            BY_ESCAPE.put(e.escape, e);
        }
        // ISO 2022 IR 13 designates JIS X 0201 Romaji to G0. It differs from ASCII only at 0x5C (yen)
        // and 0x7E (overline); like pydicom we keep ASCII there so the backslash stays a delimiter.
        BY_ESCAPE.put("(J", ASCII);
    }

    /** The number in the defined terms "ISO_IR n" / "ISO 2022 IR n". */
    final String isoIr;
    /** The escape sequence without its leading ESC. */
    final String escape;
    final Charset charset;

    CodeElement(String isoIr, String escape, String charsetName) {
        this(isoIr, escape, Charset.forName(charsetName));
    }

    CodeElement(String isoIr, String escape, Charset charset) {
        this.isoIr = isoIr;
        this.escape = escape;
        this.charset = charset;
    }

    /** Designated to G1 (ESC - F, ESC ) F, ESC $ ) F); all others go to G0. */
    boolean isG1() {
        return escape.charAt(0) == '-' || escape.charAt(0) == ')' || escape.startsWith("$)");
    }

    /** A two-byte set in G0, whose 0x21-0x7E bytes form characters instead of ASCII. */
    boolean isMultiByteG0() {
        return this == JIS_X0208 || this == JIS_X0212;
    }

    /** The set an escape sequence designates; {@code tail} is the sequence without ESC. Null if unknown. */
    static CodeElement forEscape(String tail) {
        return BY_ESCAPE.get(tail);
    }
}
