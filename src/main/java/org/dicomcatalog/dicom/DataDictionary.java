package org.dicomcatalog.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PS3.6 data dictionary and the private dictionary that pydicom ships, read from the resources that
 * tools/generate-dictionary.py writes. Lookups by tag follow pydicom's rules (datadict.get_entry and
 * get_private_entry) so both read a file the same way, and do not allocate: they run once per element.
 */
public final class DataDictionary {
    /** A dictionary row. For a repeating group or private mask, tag is the mask with its x digits as 0. */
    public record Entry(int tag, String vrText, VR vr, String vm, String keyword, String name, boolean retired) {
    }

    /** A private creator's rows by the three key forms pydicom tries, in its order. */
    private record PrivateTables(IntMap<Entry> exact, IntMap<Entry> anyBlock, IntMap<Entry> anyGroupAndBlock) {
    }

    private static final class Holder {
        static final DataDictionary STANDARD = new DataDictionary(read("dictionary.tsv"),
                read("private-dictionary.tsv"));
    }

    private final IntMap<Entry> exact;
    /** Repeating groups (pydicom's RepeatersDictionary): tag matches when (tag ^ value) & and == 0. */
    private final int[] maskValue;
    private final int[] maskAnd;
    private final Entry[] maskEntry;
    private final Map<String, Integer> tagByKeyword = new HashMap<>();
    private final Map<String, PrivateTables> privateByCreator = new HashMap<>();
    private int privateSize;

    private DataDictionary(List<String[]> standardRows, List<String[]> privateRows) {
        List<String[]> masked = new ArrayList<>();
        exact = new IntMap<>(standardRows.size());
        for (String[] row : standardRows) {
            if (row[0].indexOf('x') >= 0) {
                masked.add(row);
                continue;
            }
            Entry entry = new Entry(parseHex(row[0]), row[1], VR.ofName(row[1]), row[2], row[3], row[5],
                    row[4].equals("Y"));
            exact.putIfAbsent(entry.tag(), entry);
            if (!entry.keyword().isEmpty()) {
                tagByKeyword.putIfAbsent(entry.keyword(), entry.tag());
            }
        }
        maskValue = new int[masked.size()];
        maskAnd = new int[masked.size()];
        maskEntry = new Entry[masked.size()];
        for (int i = 0; i < masked.size(); i++) {
            String[] row = masked.get(i);
            maskValue[i] = parseHex(row[0]);
            maskAnd[i] = andMask(row[0]);
            maskEntry[i] = new Entry(maskValue[i], row[1], VR.ofName(row[1]), row[2], row[3], row[5],
                    row[4].equals("Y"));
        }
        loadPrivate(privateRows);
    }

    public static DataDictionary standard() {
        return Holder.STANDARD;
    }

    /** The entry for a tag, or null. Repeating-group masks apply to standard (even) groups only, as in pydicom. */
    public Entry entry(int tag) {
        Entry entry = exact.get(tag);
        if (entry != null || Tag.isPrivate(tag)) {
            return entry;
        }
        for (int i = 0; i < maskValue.length; i++) {
            if (((tag ^ maskValue[i]) & maskAnd[i]) == 0) {
                return maskEntry[i];
            }
        }
        return null;
    }

    /**
     * The VR to decode an implicit-VR element with: the first choice of the entry ("US or SS" gives US; the
     * caller resolves the choice from Pixel Representation), null for items and delimiters, UN when unknown.
     */
    public VR vr(int tag) {
        if (Tag.element(tag) == 0) {
            // PS3.5 7.2: every group length is UL, also in retired groups whose masks would match 0000
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        Entry entry = entry(tag);
        return entry == null ? VR.UN : entry.vr();
    }

    /** The VR as the dictionary writes it, e.g. "US or SS"; empty for items and delimiters, null when unknown. */
    public String vrText(int tag) {
        Entry entry = entry(tag);
        return entry == null ? null : entry.vrText();
    }

    /** The keyword, or "" when the tag is unknown or its entry has none. */
    public String keyword(int tag) {
        Entry entry = entry(tag);
        return entry == null ? "" : entry.keyword();
    }

    /** The tag of an exact (non-repeating) entry by keyword, or -1. */
    public int tagOf(String keyword) {
        Integer tag = tagByKeyword.get(keyword);
        return tag == null ? -1 : tag;
    }

    /**
     * The private dictionary entry for element (gggg,xxee) in a block reserved by {@code creator}, or null.
     * Like pydicom, tries the exact tag, then gggg,xxee, then ggxx,xxee; the creator as given, then trimmed
     * (creator values are LO, padded with spaces).
     */
    public Entry privateEntry(String creator, int tag) {
        if (creator == null) {
            return null;
        }
        PrivateTables tables = privateByCreator.get(creator);
        if (tables == null) {
            tables = privateByCreator.get(creator.trim());
            if (tables == null) {
                return null;
            }
        }
        Entry entry = tables.exact().get(tag);
        if (entry == null) {
            entry = tables.anyBlock().get(tag & 0xFFFF00FF);
        }
        return entry != null ? entry : tables.anyGroupAndBlock().get(tag & 0xFF0000FF);
    }

    /** The first VR of the private entry (see {@link #privateEntry}), or null when there is none. */
    public VR privateVr(String creator, int tag) {
        Entry entry = privateEntry(creator, tag);
        return entry == null ? null : entry.vr();
    }

    /** Standard entries: exact tags plus repeating-group masks. */
    public int standardSize() {
        return exact.size() + maskEntry.length;
    }

    /** Private entries that a lookup can reach. */
    public int privateSize() {
        return privateSize;
    }

    private void loadPrivate(List<String[]> rows) {
        Map<String, List<String[]>> byCreator = new LinkedHashMap<>();
        for (String[] row : rows) {
            byCreator.computeIfAbsent(row[0], creator -> new ArrayList<>()).add(row);
        }
        byCreator.forEach((creator, creatorRows) -> {
            int n = creatorRows.size();
            PrivateTables tables = new PrivateTables(new IntMap<>(n), new IntMap<>(n), new IntMap<>(n));
            for (String[] row : creatorRows) {
                String key = row[1];
                Entry entry = new Entry(parseHex(key), row[2], VR.ofName(row[2]), row[3], "", row[4],
                        row[5].equals("Y"));
                // pydicom builds only these three key forms, so rows written any other way (e.g. gggg,10xx)
                // can never match; they are left out rather than given a meaning pydicom does not
                IntMap<Entry> table = key.indexOf('x') < 0 ? tables.exact()
                        : key.startsWith("xxxx", 2) ? tables.anyGroupAndBlock()
                        : key.startsWith("xx", 4) && key.lastIndexOf('x') == 5 ? tables.anyBlock() : null;
                if (table != null && table.putIfAbsent(entry.tag(), entry)) {
                    privateSize++;
                }
            }
            privateByCreator.put(creator, tables);
        });
    }

    /** Eight hex digits, x read as 0. */
    private static int parseHex(String digits) {
        return Integer.parseUnsignedInt(digits.replace('x', '0'), 16);
    }

    /** pydicom's mask_match AND mask: 0 nibbles where the mask has x, F elsewhere. */
    private static int andMask(String mask) {
        int and = 0;
        for (int i = 0; i < mask.length(); i++) {
            and = (and << 4) | (mask.charAt(i) == 'x' ? 0 : 0xF);
        }
        return and;
    }

    /** The tab-separated rows of a resource next to this class, without its # comment lines. */
    private static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DataDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
