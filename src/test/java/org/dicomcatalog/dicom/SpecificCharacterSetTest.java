package org.dicomcatalog.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Expected strings come from PS3.5 Annexes H, I, J and K and from the charset files of the test corpus
 * (raw value bytes copied as hex; expected text is pydicom 2.3.1's output, except where noted).
 */
class SpecificCharacterSetTest {

    /** PS3.5 H.3.1 / corpus chrH31.dcm (0010,0010). */
    private static final String JAPANESE_PN = "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d"
            + "1b24422464245e24401b28425e1b2442243f246d24261b2842";

    private static String decode(VR vr, String hex, String... terms) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return SpecificCharacterSet.of(terms).decode(bytes, 0, bytes.length, vr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // corpus: chrFren, chrArab, chrGreek, chrHbrw, chrRuss (trailing space is the file's padding)
        "ISO_IR 100 | 4275635e4ae972f46d65       | Buc^Jérôme",
        "ISO_IR 127 | e2c8c7e6ea5ee4e6d2c7d120   | 'قباني^لنزار '",
        "ISO_IR 126 | c4e9efedf5f3e9eff220       | 'Διονυσιος '",
        "ISO_IR 138 | f9f8e5ef5ee3e1e5f8e4       | שרון^דבורה",
        "ISO_IR 144 | bbeeda6365dcd17970d3       | Люкceмбypг",
        // encoded with Python's codecs for the charsets pydicom maps these terms to
        "ISO_IR 101 | a3f364bc5e5a61bff3b3e6     | Łódź^Zażółć",
        "ISO_IR 109 | a1616c5e47b1617267b17572   | Ħal^Għargħur",
        "ISO_IR 110 | ab697274735ed3ba6e69f1b9   | Ģirts^Ķēniņš",
        "ISO_IR 148 | defc6b72fc5ec761f06c6179616e | Şükrü^Çağlayan",
        "ISO_IR 203 | bc757672655ea6e1726b61a4   | Œuvre^Šárka€",
        "ISO_IR 166 | cac1aad2c25ee3a8b4d5       | สมชาย^ใจดี",
        "ISO_IR 13  | d4cfc0de5ec0dbb3           | ﾔﾏﾀﾞ^ﾀﾛｳ",
        "ISO_IR 6   | 4a6f686e5e446f65           | John^Doe",
        // corpus chrX1: UTF-8
        "ISO_IR 192 | 57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d20 | 'Wang^XiaoDong=王^小東= '",
        // PS3.5 J.3 example 1
        "GB18030    | 57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d | Wang^XiaoDong=王^小东=",
        "GBK        | 57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d | Wang^XiaoDong=王^小东=",
    })
    void singleCharacterSets(String term, String hex, String expected) {
        assertEquals(expected, decode(VR.PN, hex, term));
        assertFalse(SpecificCharacterSet.of(term).hasUnknownTerms());
    }

    @Test
    void japaneseWithJisX0208() {
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", decode(VR.PN, JAPANESE_PN, "", "ISO 2022 IR 87"));
    }

    @Test
    void emptyFirstValueGivenAsOneString() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("\\ISO 2022 IR 87");
        assertEquals(List.of("", "ISO 2022 IR 87"), cs.terms());
        assertFalse(cs.isDefault());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", decode(VR.PN, JAPANESE_PN, "\\ISO 2022 IR 87"));
    }

    @Test
    void japaneseKatakanaInG1WithJisX0208() {
        // PS3.5 H.3.2 / corpus chrSQEncoding.dcm item: value 1 puts JIS X 0201 katakana in G1
        String hex = "d4cfc0de5ec0dbb33d1b24423b3345441b28425e1b244242404f3a1b28423d"
                + "1b24422464245e24401b28425e1b2442243f246d24261b2842";
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", decode(VR.PN, hex, "ISO 2022 IR 13", "ISO 2022 IR 87"));
    }

    @Test
    void jisX0212AndMixedWithJisX0208() {
        assertEquals("丂", decode(VR.LO, "1b24284430211b2842", "", "ISO 2022 IR 159"));
        // without the escape back, 0x78 is half a two-byte character
        assertEquals("丂\uFFFD", decode(VR.LO, "1b242844302178", "", "ISO 2022 IR 159"));
        assertEquals("山丂x", decode(VR.LO, "1b24423b331b24284430211b284278", "", "ISO 2022 IR 87", "ISO 2022 IR 159"));
    }

    @Test
    void korean() {
        // PS3.5 I.2 / corpus chrI2.dcm
        String hex = "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf";
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", decode(VR.PN, hex, "", "ISO 2022 IR 149"));
    }

    @Test
    void chineseGb2312InG1() {
        // PS3.5 K.2 / corpus chrGB2312.dcm. The oracle keeps escape bytes here and is wrong (corpus README).
        String hex = "5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d20";
        assertEquals("Zhang^XiaoDong=张^小东= ", decode(VR.PN, hex, "", "ISO 2022 IR 58"));
    }

    @Test
    void multiValued() {
        // corpus chrFrenMulti.dcm and chrJapMulti.dcm (0010,1001), (0010,21B0)
        assertEquals("Buc^Jérôme\\Buc^Jérôme ",
                decode(VR.PN, "4275635e4ae972f46d655c4275635e4ae972f46d6520", "ISO_IR 100"));
        String hex = "1b24422464245e24401b28425e1b2442243f246d24261b28425c"
                + "1b24422464245e24401b28425e1b2442243f246d24261b284220";
        assertEquals("やまだ^たろう\\やまだ^たろう ", decode(VR.PN, hex, "", "ISO 2022 IR 87"));
        assertEquals("たろう", decode(VR.LT, "1b2442243f246d24261b2842", "", "ISO 2022 IR 87"));
    }

    @Test
    void delimiterBytesInsideJisX0208AreCharacters() {
        // 0x5C5E and 0x3D5C are kanji; their bytes look like '\', '^' and '='
        assertEquals("權旬", decode(VR.PN, "1b24425c5e3d5c1b2842", "", "ISO 2022 IR 87"));
        assertEquals("權旬\\a", decode(VR.SH, "1b24425c5e3d5c1b28425c61", "", "ISO 2022 IR 87"));
    }

    @Test
    void delimitersResetToTheInitialSetWhenTheWriterForgotTo() {
        String[] terms = {"ISO 2022 IR 100", "ISO 2022 IR 126"};
        // e9, then Greek in G1 up to the delimiter, then Latin-1 again
        assertEquals("éα^é", decode(VR.PN, "e91b2d46e15ee9", terms));
        assertEquals("éα=é", decode(VR.PN, "e91b2d46e13de9", terms));
        assertEquals("α\\á", decode(VR.LO, "1b2d46e15ce1", terms));
        assertEquals("α\r\ná\tá", decode(VR.LT, "1b2d46e10d0ae109e1", terms));
        // '^' and '\' are no delimiters in LT: G1 stays Greek
        assertEquals("α^α\\α", decode(VR.LT, "1b2d46e15ee15ce1", terms));
    }

    @Test
    void unknownOrTruncatedEscapeBecomesReplacementCharacter() {
        assertEquals("A\uFFFDB", decode(VR.LO, "411b24295a42", "", "ISO 2022 IR 87"));
        assertEquals("A\uFFFD", decode(VR.LO, "411b24", "", "ISO 2022 IR 87"));
        assertEquals("\uFFFD\u0001A", decode(VR.LO, "1b0141", "", "ISO 2022 IR 87"));
    }

    @Test
    void escapeForAnUndeclaredSetIsStillHonoured() {
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", decode(VR.PN, JAPANESE_PN));
    }

    @Test
    void unknownTermFallsBackToTheDefaultRepertoire() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertTrue(cs.hasUnknownTerms());
        assertEquals(List.of("ISO_IR 999"), cs.unknownTerms());
        assertFalse(cs.isDefault());
        // like pydicom: the default repertoire, whose bytes 0x80-0xFF pydicom reads as Latin-1
        assertEquals("Aé", decode(VR.LO, "41e9", "ISO_IR 999"));
        SpecificCharacterSet extension = SpecificCharacterSet.of("", "ISO 2022 IR 999");
        assertEquals(List.of("ISO 2022 IR 999"), extension.unknownTerms());
        assertEquals("A\uFFFDB", decode(VR.LO, "411b2d7a42", "", "ISO 2022 IR 999"));
    }

    @Test
    void multiByteG0AsValueOneLeavesHighBytesUndefined() {
        assertEquals("a\uFFFD", decode(VR.LO, "61e9", "ISO 2022 IR 87"));
    }

    @Test
    void defaultRepertoire() {
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of());
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of((String[]) null));
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of(" ", ""));
        assertTrue(SpecificCharacterSet.DEFAULT.isDefault());
        assertTrue(SpecificCharacterSet.of("ISO_IR 6").isDefault());
        assertFalse(SpecificCharacterSet.DEFAULT.hasUnknownTerms());
        // pydicom 2.3.1 decodes the default repertoire as Latin-1
        assertEquals("Jérôme", decode(VR.PN, "4ae972f46d65"));
    }

    @Test
    void standAloneSetsIgnoreFurtherValues() {
        assertEquals("王", decode(VR.LO, "e78e8b", "ISO_IR 192", "ISO 2022 IR 87"));
        assertEquals("王", decode(VR.LO, "cdf5", "GB18030", "ISO 2022 IR 58"));
    }

    @Test
    void misspelledTermsAreRecognised() {
        assertFalse(SpecificCharacterSet.of("ISO IR 100").hasUnknownTerms());
        assertEquals("é", decode(VR.LO, "e9", "ISO-IR 100"));
        assertEquals("王", decode(VR.LO, "e78e8b", "ISO IR 192"));
        assertFalse(SpecificCharacterSet.of("", "ISO_2022_IR_87").hasUnknownTerms());
    }

    @Test
    void charsetAppliesOnlyToTextVrs() {
        assertEquals("Ä", decode(VR.CS, "c4", "ISO_IR 126"));
        assertEquals("Δ", decode(VR.SH, "c4", "ISO_IR 126"));
        assertEquals("Ä", SpecificCharacterSet.of("ISO_IR 126").decode(new byte[] {(byte) 0xC4}, 0, 1, null));
    }

    @Test
    void instancesAreCachedPerTermList() {
        assertSame(SpecificCharacterSet.of("ISO_IR 100"), SpecificCharacterSet.of(" ISO_IR 100 "));
        assertSame(SpecificCharacterSet.of("", "ISO 2022 IR 87"), SpecificCharacterSet.of("\\ISO 2022 IR 87"));
    }

    @Test
    void offsetAndLengthSelectTheValue() {
        byte[] bytes = HexFormat.of().parseHex("00e9e800");
        assertEquals("éè", SpecificCharacterSet.of("ISO_IR 100").decode(bytes, 1, 2, VR.LO));
        assertEquals("", SpecificCharacterSet.DEFAULT.decode(bytes, 7, 3, VR.LO));
        assertEquals("", SpecificCharacterSet.DEFAULT.decode(null, 0, 3, VR.LO));
    }

    @Test
    void randomBytesNeverThrow() {
        String[][] termLists = {
            {}, {"ISO_IR 100"}, {"ISO_IR 101"}, {"ISO_IR 109"}, {"ISO_IR 110"}, {"ISO_IR 144"}, {"ISO_IR 127"},
            {"ISO_IR 126"}, {"ISO_IR 138"}, {"ISO_IR 148"}, {"ISO_IR 203"}, {"ISO_IR 13"}, {"ISO_IR 166"},
            {"ISO_IR 192"}, {"GB18030"}, {"GBK"}, {"ISO_IR 999"},
            {"", "ISO 2022 IR 87", "ISO 2022 IR 159"}, {"ISO 2022 IR 13", "ISO 2022 IR 87"},
            {"", "ISO 2022 IR 149"}, {"", "ISO 2022 IR 58"}, {"ISO 2022 IR 87"},
            {"ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 166"},
        };
        // escape bytes and delimiters are over-represented so that state changes happen often
        byte[] interesting = {0x1B, '$', '(', ')', '-', 'B', 'D', 'C', 'A', 'I', 'J', 'F', 0x21, 0x7E, '\\', '^',
            '=', '\r', '\n', 0x5C, (byte) 0x8F, (byte) 0xA1, (byte) 0xFE};
        Random random = new Random(42);
        VR[] vrs = {VR.SH, VR.LO, VR.ST, VR.LT, VR.PN, VR.UC, VR.UT, VR.CS};
        for (String[] terms : termLists) {
            SpecificCharacterSet cs = SpecificCharacterSet.of(terms);
            for (int n = 0; n < 2000; n++) {
                byte[] bytes = new byte[random.nextInt(40)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                            : (byte) random.nextInt(256);
                }
                VR vr = vrs[random.nextInt(vrs.length)];
                int offset = random.nextInt(bytes.length + 2) - 1;
                int length = random.nextInt(bytes.length + 2) - 1;
                assertNotNull(cs.decode(bytes, offset, length, vr));
                String whole = cs.decode(bytes, 0, bytes.length, vr);
                boolean escapesDecoded = vr.isText() && !List.of("ISO_IR 192", "GB18030", "GBK").contains(
                        terms.length == 0 ? "" : terms[0]);
                if (escapesDecoded) {
                    assertFalse(whole.indexOf('\u001B') >= 0, () -> "escape left in output of " + cs);
                }
            }
        }
    }
}
