package org.dicomcatalog.spark;

import java.io.Serializable;

import org.dicomcatalog.dicom.DataDictionary;
import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.VR;

/** A column holding one DICOM attribute: file meta (group 0002) or top-level data set. */
record AttributeColumn(String name, int tag, VR vr, boolean multiValued) implements Serializable {

    /**
     * The column for a PS3.6 keyword or an eight-digit hex tag. A known tag is named by its keyword and
     * typed by its dictionary VR and VM; an unknown one (private) is named by its hex and kept as bytes.
     */
    static AttributeColumn of(String keywordOrTag) {
        DataDictionary dictionary = DataDictionary.standard();
        String text = keywordOrTag.trim();
        int tag = dictionary.tagOf(text);
        if (tag < 0 && text.matches("[0-9A-Fa-f]{8}")) {
            tag = Tag.parse(text);
        }
        if (tag < 0) {
            throw new IllegalArgumentException("not a DICOM keyword or GGGGEEEE tag: " + text);
        }
        DataDictionary.Entry entry = dictionary.entry(tag);
        if (entry == null || entry.vr() == null || entry.keyword().isEmpty()) {
            return new AttributeColumn(Tag.hex(tag), tag, VR.UN, false);
        }
        if (entry.vr() == VR.SQ) {
            throw new IllegalArgumentException("sequences cannot be flattened into a column: " + text);
        }
        return new AttributeColumn(entry.keyword(), tag, entry.vr(), !"1".equals(entry.vm()));
    }

    boolean inFileMeta() {
        return Tag.group(tag) == 0x0002;
    }
}
