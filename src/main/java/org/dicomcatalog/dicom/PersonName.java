package org.dicomcatalog.dicom;

import java.util.List;

/**
 * One PN value split into its three component groups (PS3.5 6.2.1): alphabetic, ideographic and
 * phonetic. Groups are kept exactly as written, trailing '^' included, as the DICOM JSON Model
 * does; an absent or empty group is null.
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    /** Number of components in a group: family, given, middle, prefix, suffix. */
    public static final int COMPONENTS = 5;

    /**
     * Splits one already charset-decoded PN value (not a multi-value: split on '\' first). Trailing
     * spaces/NULs of the value are padding and removed; leading spaces are kept (PN padding is
     * trailing only). Beyond the second '=' nothing is split: "A=B=C=D" keeps "C=D" as the phonetic
     * group, so no character is lost. A group holding only delimiters ("^") is kept as written: it
     * is what the value says. Null when the value is null or every group is empty ("", "==").
     */
    public static PersonName parse(String decodedValue) {
        String v = DicomValues.trimValue(decodedValue, VR.PN);
        if (v == null || v.isEmpty()) {
            return null;
        }
        int first = v.indexOf('=');
        if (first < 0) {
            return new PersonName(v, null, null);
        }
        int second = v.indexOf('=', first + 1);
        String alphabetic = group(v, 0, first);
        String ideographic = group(v, first + 1, second < 0 ? v.length() : second);
        String phonetic = second < 0 ? null : group(v, second + 1, v.length());
        if (alphabetic == null && ideographic == null && phonetic == null) {
            return null;
        }
        return new PersonName(alphabetic, ideographic, phonetic);
    }

    /**
     * The five components of a group, split on '^', as [family, given, middle, prefix, suffix].
     * Always 5 entries for a non-null group, absent ones "" so positions stay fixed; anything past
     * the fourth '^' stays in the suffix, as '=' does in the phonetic group. Empty for a null group.
     */
    public static List<String> components(String group) {
        if (group == null) {
            return List.of();
        }
        String[] parts = new String[COMPONENTS];
        int from = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            if (from > group.length()) {
                parts[i] = "";
                continue;
            }
            int cut = i == COMPONENTS - 1 ? -1 : group.indexOf('^', from);
            int to = cut < 0 ? group.length() : cut;
            parts[i] = group.substring(from, to);
            from = cut < 0 ? group.length() + 1 : cut + 1;
        }
        return List.of(parts);
    }

    private static String group(String v, int from, int to) {
        return from >= to ? null : v.substring(from, to);
    }
}
