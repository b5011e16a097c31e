package org.dicomcatalog.dicom;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable data set (the top level, the file meta, or a sequence item): elements in file order, and
 * the character set its text values decode with.
 */
public final class DicomDataSet {
    static final DicomDataSet EMPTY = new DicomDataSet(List.of(), SpecificCharacterSet.DEFAULT);

    private final DicomElement[] elements;
    private final boolean sorted;
    private final SpecificCharacterSet charset;

    DicomDataSet(List<DicomElement> elements, SpecificCharacterSet charset) {
        this.elements = elements.toArray(new DicomElement[0]);
        this.sorted = isSorted(this.elements);
        this.charset = charset;
    }

    private static boolean isSorted(DicomElement[] elements) {
        for (int i = 1; i < elements.length; i++) {
            if (Tag.compare(elements[i - 1].tag(), elements[i].tag()) >= 0) {
                return false;
            }
        }
        return true;
    }

    public List<DicomElement> elements() {
        return Arrays.asList(elements);
    }

    public int size() {
        return elements.length;
    }

    public boolean isEmpty() {
        return elements.length == 0;
    }

    public SpecificCharacterSet charset() {
        return charset;
    }

    /** The element with this tag, or null. Files with repeated tags answer with the first one. */
    public DicomElement get(int tag) {
        if (sorted) {
            int low = 0;
            int high = elements.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int cmp = Tag.compare(elements[mid].tag(), tag);
                if (cmp == 0) {
                    return elements[mid];
                }
                if (cmp < 0) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return null;
        }
        for (DicomElement element : elements) {
            if (element.tag() == tag) {
                return element;
            }
        }
        return null;
    }

    public boolean contains(int tag) {
        return get(tag) != null;
    }

    /** The first value of the element as a string, or null when absent or empty. */
    public String getString(int tag) {
        DicomElement element = get(tag);
        return element != null ? element.string() : null;
    }

    /** All values of the element as strings; empty when absent. */
    public List<String> getStrings(int tag) {
        DicomElement element = get(tag);
        return element != null ? element.strings() : List.of();
    }

    /**
     * The private creator of a private data element (gggg,bbee): the value of (gggg,00bb) in this data set
     * (PS3.5 7.8.1), or null when the element is not private or its block has no creator.
     */
    public String privateCreator(int tag) {
        int block = Tag.privateBlock(tag);
        if (block < 0) {
            return null;
        }
        return getString(Tag.of(Tag.group(tag), block));
    }

    @Override
    public String toString() {
        return "DicomDataSet[" + elements.length + " elements]";
    }
}
