package org.dicomcatalog.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one element value that may switch character sets with ISO 2022 escape sequences
 * (PS3.5 6.1.2.5). G0 always starts as ASCII; G1 starts as the set named by value 1 of (0008,0005).
 */
final class Iso2022Decoder {
    private static final int ESC = 0x1B;
    private static final char REPLACEMENT = '\uFFFD';
    private static final Charset EUC_JP = CodeElement.JIS_X0208.charset;

    private Iso2022Decoder() {
    }

    /**
     * Decodes {@code bytes[from, to)} of a value of the text VR {@code vr}. {@code initialG1} may be null:
     * then bytes 0x80-0xFF in the initial state are not characters and become U+FFFD.
     */
    static String decode(byte[] bytes, int from, int to, CodeElement initialG1, VR vr) {
        StringBuilder out = new StringBuilder(to - from);
        CodeElement g0 = CodeElement.ASCII;
        CodeElement g1 = initialG1;
        int runStart = from;
        int i = from;
        while (i < to) {
            int c = bytes[i] & 0xFF;
            if (c == ESC) {
                appendRun(out, bytes, runStart, i, g0, g1);
                int end = escapeEnd(bytes, i + 1, to);
                CodeElement designated =
                        CodeElement.forEscape(new String(bytes, i + 1, end - i - 1, StandardCharsets.ISO_8859_1));
                if (designated == null) {
                    // Unknown or truncated sequence: drop it, keep the current sets, mark the loss.
                    out.append(REPLACEMENT);
                } else if (designated.isG1()) {
                    g1 = designated;
                } else {
                    g0 = designated;
                }
                i = end;
                runStart = end;
            } else if (g0.isMultiByteG0() && isGraphic(c)) {
                // Half of a two-byte character, even when it has the code of '\', '^' or '='.
                i += i + 1 < to && isGraphic(bytes[i + 1] & 0xFF) ? 2 : 1;
            } else {
                // PS3.5 6.1.2.5.3: the initial sets are active again before each delimiter; writers
                // that forget the escape back rely on readers doing this.
                if (resetsBefore(c, vr) && (g0 != CodeElement.ASCII || g1 != initialG1)) {
                    appendRun(out, bytes, runStart, i, g0, g1);
                    g0 = CodeElement.ASCII;
                    g1 = initialG1;
                    runStart = i;
                }
                i++;
            }
        }
        appendRun(out, bytes, runStart, to, g0, g1);
        return out.toString();
    }

    /** ISO 2022: ESC, any intermediate bytes 0x20-0x2F, one final byte 0x30-0x7E. */
    private static int escapeEnd(byte[] bytes, int from, int to) {
        int j = from;
        while (j < to && (bytes[j] & 0xFF) >= 0x20 && (bytes[j] & 0xFF) <= 0x2F) {
            j++;
        }
        if (j < to && (bytes[j] & 0xFF) >= 0x30 && (bytes[j] & 0xFF) <= 0x7E) {
            j++;
        }
        return j;
    }

    private static boolean isGraphic(int c) {
        return c >= 0x21 && c <= 0x7E;
    }

    private static boolean resetsBefore(int c, VR vr) {
        switch (c) {
            case '\t': case '\n': case '\f': case '\r':
                return true;
            case '\\':
                return vr.isMultiValuedString();
            case '^': case '=':
                return vr == VR.PN;
            default:
                return false;
        }
    }

    /** Decodes bytes that all use the same G0 and G1 sets. */
    private static void appendRun(StringBuilder out, byte[] bytes, int from, int to, CodeElement g0, CodeElement g1) {
        // Every G1 charset we use has ASCII as its low half, so one call covers a run with ASCII in G0.
        Charset high = g1 == null ? StandardCharsets.US_ASCII : g1.charset;
        if (!g0.isMultiByteG0()) {
            out.append(new String(bytes, from, to - from, high));
            return;
        }
        int i = from;
        while (i < to) {
            boolean graphic = isGraphic(bytes[i] & 0xFF);
            int j = i;
            while (j < to && isGraphic(bytes[j] & 0xFF) == graphic) {
                j++;
            }
            if (graphic) {
                appendJis(out, bytes, i, j, g0 == CodeElement.JIS_X0212);
            } else {
                // Space and control characters stay single bytes under a two-byte G0 (ISO 2022).
                out.append(new String(bytes, i, j - i, high));
            }
            i = j;
        }
    }

    /**
     * JIS X 0208 pairs with the high bit set are EUC-JP code set 1; JIS X 0212 pairs are EUC-JP code
     * set 3 after the single shift 0x8F. So the JDK's EUC-JP decodes both.
     */
    private static void appendJis(StringBuilder out, byte[] bytes, int from, int to, boolean x0212) {
        int pairs = (to - from) / 2;
        int width = x0212 ? 3 : 2;
        byte[] euc = new byte[pairs * width];
        for (int p = 0; p < pairs; p++) {
            int at = p * width;
            if (x0212) {
                euc[at++] = (byte) 0x8F;
            }
            euc[at] = (byte) (bytes[from + 2 * p] | 0x80);
            euc[at + 1] = (byte) (bytes[from + 2 * p + 1] | 0x80);
        }
        out.append(new String(euc, EUC_JP));
        if ((to - from) % 2 != 0) {
            out.append(REPLACEMENT);
        }
    }
}
