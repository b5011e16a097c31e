package org.dicomcatalog.dicom;

/** Tags as ints: group in the high 16 bits, element in the low 16 bits. */
public final class Tag {
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int PIXEL_DATA = 0x7FE00010;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Odd groups are private (PS3.5 7.8); groups 0001, 0003, 0005 and 0007 are not allowed to be used. */
    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    /** (gggg,0010)-(gggg,00FF) in a private group name the creator of block xx (PS3.5 7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x10 && element <= 0xFF;
    }

    /** The block number (0x10..0xFF) that a private data element (gggg,xxee) belongs to, or -1. */
    public static int privateBlock(int tag) {
        int block = element(tag) >>> 8;
        return isPrivate(tag) && block >= 0x10 ? block : -1;
    }

    /** Unsigned comparison: tags sort by group then element, both unsigned. */
    public static int compare(int a, int b) {
        return Integer.compareUnsigned(a, b);
    }

    /** Eight upper-case hex digits, as in the DICOM JSON Model. */
    public static String hex(int tag) {
        String s = Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
        return "00000000".substring(s.length()) + s;
    }

    /** "(GGGG,EEEE)" for messages. */
    public static String toString(int tag) {
        String hex = hex(tag);
        return "(" + hex.substring(0, 4) + "," + hex.substring(4) + ")";
    }

    /** Parses "GGGGEEEE", "(GGGG,EEEE)" or "GGGG,EEEE"; throws IllegalArgumentException otherwise. */
    public static int parse(String text) {
        String digits = text.replaceAll("[()\\s,]", "");
        if (digits.length() != 8) {
            throw new IllegalArgumentException("not a DICOM tag: " + text);
        }
        return (int) Long.parseLong(digits, 16);
    }
}
